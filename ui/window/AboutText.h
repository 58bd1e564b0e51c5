// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include <QString>

/// What `--version` and Help ▸ About say: the version, the licence and the library versions in use.
/// One source for both, so the two never disagree.
namespace ef::about {

/// The application's version, e.g. "0.1.0" (the CMake project version).
QString version();

/// The SPDX identifier of the application's licence: "GPL-3.0-or-later".
QString licence();

/// The Qt version the program runs with (qVersion(): the loaded library, which may be newer than the one
/// it was built with).
QString qtVersion();

/// The QCustomPlot version (QCUSTOMPLOT_VERSION_STR). QCustomPlot has no run-time version query; the header's
/// version is the one the library's soname (2.1) guarantees.
QString qcustomplotVersion();

/// The plain-text answer to `--version`: several lines (no final newline), the first one
/// "effort-frontier VERSION".
QString versionText();

/// The rich text of the About box (translated).
QString aboutHtml();

} // namespace ef::about
