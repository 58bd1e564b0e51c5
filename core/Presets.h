// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "ScenarioFile.h"

#include <QStringList>

namespace ef {

/// The reference scenarios of MODEL.md, shipped as resources: "startup", "growth", "ml-first".
QStringList presetNames();

/// Loads a preset by name; an unknown name gives an error that lists the known ones.
LoadResult loadPreset(const QString &name);

} // namespace ef
