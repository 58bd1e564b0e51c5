// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

// The exports for meetings on the command line: numbers (.csv), the one-page brief (--brief) and
// animations over a sweep (--animate, .gif or .webp). Called from runExport in CommandLine.cpp.

#include "Allocation.h"
#include "Arguments.h"
#include "Scenario.h"

#include <QCommandLineParser>
#include <QString>

#include <functional>

namespace ef {

/// A scenario as loaded for the command line, where it came from, and its allocation by --method.
struct ExportInput {
    Scenario scenario;
    QString source;
    AllocationResult result;
};

/// True when `--export OUT` asks for numbers, a brief or an animation (not a chart image).
bool isMeetingExport(const QString &out, const QCommandLineParser &parser, const Options &options);

/**
 * Runs that export; `load` loads and allocates what the command line names (throws UsageError on bad
 * input). Bad usage, input or an unwritable path throw UsageError (exit 2, one line).
 */
int runMeetingExport(int argc, char **argv, const QCommandLineParser &parser, const Options &options,
                     const std::function<ExportInput()> &load);

} // namespace ef
