// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "document/NumberFormat.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace ef::format {

QString number(double value, int digits)
{
    if (std::isnan(value)) // +∞ − ∞: a power curve's overflow next to a log curve at 0 units
        return QStringLiteral("undefined");
    if (std::isinf(value))
        return value < 0 ? QStringLiteral("-∞") : QStringLiteral("+∞");
    if (value == 0)
        return QStringLiteral("0");
    const int magnitude = static_cast<int>(std::floor(std::log10(std::abs(value))));
    if (magnitude < -6 || magnitude >= 9)
        return QString::number(value, 'e', digits - 1);
    return QString::number(value, 'f', std::max(0, digits - 1 - magnitude));
}

QString signedNumber(double value, int digits)
{
    if (value == 0)
        return QStringLiteral("0");
    const QString text = number(value, digits);
    return value > 0 && std::isfinite(value) ? QLatin1Char('+') + text : text;
}

QString units(Effort value)
{
    QLocale locale(QLocale::English);
    return locale.toString(static_cast<qlonglong>(value));
}

QString signedUnits(Effort value)
{
    if (value == 0)
        return QStringLiteral("0");
    return value > 0 ? QLatin1Char('+') + units(value) : units(value);
}

QString percent(double share)
{
    return QStringLiteral("%1 %").arg(100.0 * share, 0, 'f', 1);
}

} // namespace ef::format
