// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

namespace ef {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInternalError = 1;
inline constexpr int kExitBadInput = 2;

/// Parses the command line and runs the chosen mode; returns the process exit code.
int runCommandLine(int argc, char **argv);

} // namespace ef
