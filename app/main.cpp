// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "CommandLine.h"

#include <cstdio>
#include <exception>

int main(int argc, char **argv)
{
    try {
        return ef::runCommandLine(argc, argv);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "effort-frontier: internal error: %s\n", e.what());
    } catch (...) {
        std::fprintf(stderr, "effort-frontier: internal error\n");
    }
    return ef::kExitInternalError;
}
