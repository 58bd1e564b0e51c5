// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

// The command line's own parsers: options, their values, and the messages for bad ones. Qt Core
// only, so the fuzz targets (tests/fuzz) can drive them without a GUI.

#include "Allocation.h"
#include "Scenario.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QSize>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace ef {

/// Bad input or usage; becomes one line on stderr and exit code 2.
struct UsageError {
    QString message;
};

/// Every option the command line knows.
struct Options {
    Options();
    QCommandLineOption allocate;
    QCommandLineOption preset;
    QCommandLineOption total;
    QCommandLineOption method;
    QCommandLineOption timeLimit;
    QCommandLineOption exportTo;
    QCommandLineOption size;
    QCommandLineOption scale;
    QCommandLineOption theme;
    QCommandLineOption view;
    QCommandLineOption baseline;
    QCommandLineOption weighted; ///< --weighted: the accuracy view of --export plots weight × accuracy.
    QCommandLineOption present;
    QCommandLineOption fit;    ///< --fit DATA.csv: fit a curve to observations, print JSON.
    QCommandLineOption family; ///< --family for --fit: auto or a family name.
    QCommandLineOption samples;
    QCommandLineOption seed;
    QCommandLineOption draws;
    QCommandLineOption budgetToReach;
    QCommandLineOption project;
    // Numbers out and animated exports (app/MeetingExport.cpp).
    QCommandLineOption brief;
    QCommandLineOption animate;
    QCommandLineOption frames;
    QCommandLineOption duration;
    QCommandLineOption loop;
};

/// Adds help, version, `options` and the FILE argument to `parser`.
void configureParser(QCommandLineParser &parser, const Options &options);

/**
 * Parses `arguments` (program name first). On an unknown option throws UsageError; when the unknown
 * "option" looks like a file name (it exists, or ends in .json), the message says that `--` before it
 * opens it as a file.
 */
void parseArguments(QCommandLineParser &parser, const QStringList &arguments);

/// --total N: a whole number of units, 0 to the effort limit.
Effort parseTotal(const QString &text);
/// --size WxH: each side 16 to 20000 pixels.
QSize parseSize(const QString &text);
/// --scale S: 1 to 4.
double parseScale(const QString &text);
/// --method auto|greedy|exact.
Method parseMethod(const QString &text);
/// --time-limit SECONDS: a number above 0, at most 10⁶.
double parseTimeLimit(const QString &text);
/// --family auto|log|log1p|exp|power|logistic|learning: a family, or std::nullopt for auto.
std::optional<CurveFamily> parseFamily(const QString &text);
/// --samples N: a whole number of Monte Carlo draws, 1 to kMaxSamples.
int parseSamples(const QString &text);
/// --seed S: an unsigned 64-bit integer (decimal).
std::uint64_t parseSeed(const QString &text);
/// --budget-to-reach STAGE: the index of the scenario's stage named `text` (exact name, or its
/// 1-based number).
std::size_t parseStage(const QString &text, const Scenario &scenario);
/// --project NAME: the index of the scenario's project named `text` (exact name, or its 1-based number).
std::size_t parseProject(const QString &text, const Scenario &scenario);
/// --frames N: a whole number, 2 to 600.
int parseFrames(const QString &text);
/// --duration SECONDS: a number above 0, at most 3600.
double parseDuration(const QString &text);
/// --loop N: how many times an animation plays, 0 (forever) to 65535.
int parseLoop(const QString &text);
/// Refuses a --size and --scale whose image would be too large to draw (exportLimits::kMaxPixels).
void checkExportSize(const QSize &size, double scale);

/// The one line printed for a UsageError: "effort-frontier: " + `message`, every control character,
/// line separator, bidi control and lone surrogate escaped.
QString usageLine(const QString &message);

} // namespace ef
