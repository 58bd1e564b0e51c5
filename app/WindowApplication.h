// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include <memory>

class QApplication;

namespace ef {

/**
 * Creates the QApplication for the window, asking Qt itself whether it can show one: on Windows and macOS the
 * native platform always can; on Linux and other Unix systems it depends on the display (X11 `DISPLAY`,
 * `WAYLAND_DISPLAY`) and the platform plugins installed.
 *
 * When Qt cannot start its platform (no display, an unreachable `DISPLAY`, a missing plugin) it would print
 * several lines and abort. Instead this prints ONE line to stderr, "<program>: no display to open the window on
 * (Qt: <Qt's reason>); ...", and ends the process with exit code 2 (bad usage). Qt's messages from start-up
 * are held back while it starts, and passed on unchanged once it has started.
 *
 * @param argc, argv  as for QApplication; both must outlive the application.
 * @param program     the name that starts the line, e.g. "effort-frontier".
 */
std::unique_ptr<QApplication> createWindowApplication(int &argc, char **argv, const char *program);

} // namespace ef
