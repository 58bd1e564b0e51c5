// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "Presets.h"

#include <QFile>

namespace ef {

QStringList presetNames()
{
    return {QStringLiteral("startup"), QStringLiteral("growth"), QStringLiteral("ml-first"),
            QStringLiteral("deep-learning-bet")};
}

LoadResult loadPreset(const QString &name)
{
    const QString source = QStringLiteral("preset %1").arg(name);
    if (!presetNames().contains(name)) {
        LoadResult result;
        result.error
            = {source, {}, QStringLiteral("unknown preset (known: %1)").arg(presetNames().join(QStringLiteral(", ")))};
        return result;
    }
    QFile file(QStringLiteral(":/presets/%1.json").arg(name));
    if (!file.open(QIODevice::ReadOnly)) {
        LoadResult result;
        result.error = {source, {}, QStringLiteral("the built-in resource is missing: ") + file.errorString()};
        return result;
    }
    return parseScenario(file.readAll(), source, name);
}

} // namespace ef
