// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Curve.h"

#include <QString>

namespace ef::format {

/**
 * A real number for people: `digits` significant digits with trailing zeros kept, so a column reads
 * evenly (0.4190, 0.3516); scientific only for magnitudes a fixed layout cannot show; "-∞", "+∞" and
 * "undefined" spelt out. ASCII minus signs, so copied numbers paste into spreadsheets as numbers.
 * The one number format of tables, tooltips, subtitles and copies.
 */
QString number(double value, int digits = 4);
/// A difference with its sign always shown ("+0.0123", "-4"), "0" when equal.
QString signedNumber(double value, int digits = 4);
/// Whole units with thousands separators ("1,000,000").
QString units(Effort value);
/// A signed whole difference ("+12", "-3", "0").
QString signedUnits(Effort value);
/// A share 0…1 as a percentage with one decimal ("62.5 %"), as the table shows shares.
QString percent(double share);

} // namespace ef::format
