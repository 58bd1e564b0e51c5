// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Scenario.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <string>

namespace ef {

/// Limits on what a scenario file may hold. Files travel between people: every limit is checked on
/// load and refused with a message that names it.
namespace limits {
inline constexpr qint64 kMaxFileBytes = 16 * 1024 * 1024;
inline constexpr int kMaxProjects = 100'000;
/// The most projects the window and chart exports show: beyond a few hundred curves a chart is
/// unreadable and every redraw slow. --allocate takes up to kMaxProjects.
inline constexpr std::size_t kMaxChartProjects = 500;
inline constexpr int kMaxStages = 32;
inline constexpr int kMaxSnapshots = 64;
inline constexpr int kMaxNameLength = 200; ///< In characters, for scenario, project and stage names.
inline constexpr Effort kMaxTotalEffort = 1'000'000'000;
inline constexpr double kMaxA = 1e6;
inline constexpr double kMaxB = 1e6;
inline constexpr double kMaxPowerB = 10; ///< a·x^b must stay finite: (10⁹)¹⁰·10⁶ ≈ 10⁹⁶.
/// The largest b a curve of `family` may have.
constexpr double maxB(CurveFamily family)
{
    return family == CurveFamily::Power ? kMaxPowerB : kMaxB;
}
inline constexpr double kMaxWeight = 1e6;
inline constexpr double kMaxMidpoint = 1e9;
inline constexpr double kMaxScale = 1e9; ///< The learning family's effort scale s.
/// Observations per project (and data points in a --fit file).
inline constexpr int kMaxObservations = 10'000;
} // namespace limits

/// The newest file format version this build reads. Version 2 added "snapshots"; version 3 the
/// evidence and the plan: a project's "observations", "uncertainty" and "planned", and the
/// "learning" family with its "scale". A file is written with the oldest version that holds what it
/// contains (formatVersionFor()), so an older build reading a newer file says "update the app"
/// instead of calling the new keys typos.
inline constexpr int kFormatVersion = 3;

/// A problem in a scenario file: where (a JSON path such as "projects[2].curve.b", or a line and
/// column for syntax errors, or empty for the file as a whole) and why.
struct ScenarioError {
    QString source;   ///< The file name as given, or a description such as "preset startup".
    QString location; ///< Where in the document; empty when the problem concerns the whole file.
    QString reason;

    /// "source: location: reason" (or "source: reason").
    [[nodiscard]] QString message() const;
};

/// A scenario, or the first problem found in it.
struct LoadResult {
    std::optional<Scenario> scenario;
    ScenarioError error;

    [[nodiscard]] bool ok() const { return scenario.has_value(); }
};

/**
 * Parses and validates a scenario document. `source` names it in error messages; `defaultName` is the
 * scenario name when the document has none.
 */
LoadResult parseScenario(const QByteArray &json, const QString &source, const QString &defaultName = {});

/**
 * Reads and parses a scenario file, refusing directories, missing paths, FIFOs and devices, and files
 * over the size limit, with the system's reason when the file cannot be opened (permission denied, a
 * symbolic link loop, a name too long). Never blocks: the file is opened without waiting and read
 * with a bound.
 */
LoadResult loadScenarioFile(const QString &path);

/// loadScenarioFile for a path given as the bytes the system uses (a command-line argument): names
/// that are not valid UTF-8 open byte for byte; messages show such bytes as \xNN.
LoadResult loadNativeScenarioFile(const QByteArray &nativePath);

/// The version a file holding `scenario` is written with: 3 when any project (also in a snapshot) has
/// observations, uncertainty ranges, a planned effort or a learning curve; else 2 when it has
/// snapshots; else 1.
int formatVersionFor(const Scenario &scenario);

/// The scenario as a JSON document (keys in schema order, numbers round-trip exactly).
std::string serializeScenario(const Scenario &scenario);

/// Validates a scenario held in memory against the same rules as a file; the first problem, if any.
std::optional<ScenarioError> validateScenario(const Scenario &scenario, const QString &source);

} // namespace ef
