// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Scenario.h"

#include <optional>
#include <vector>

namespace ef {

/**
 * Why a split stops where it does: each project's last and next unit gains, and the water level at
 * which the split equalises them.
 *
 * The water level is the smallest last gain among the projects that got a unit above their minEffort
 * (the gain of the last unit greedy hands out). Where it is defined, every such project's last unit
 * gained at least that much, and the next unit of every project that may still take one (below its
 * maxEffort) would gain at most that much. It is std::nullopt when those two statements cannot both
 * hold with a finite number:
 * - no project got a unit above its minEffort (the total is Σ minEffort, e.g. 0);
 * - the smallest such last gain is +∞ (a log curve's first unit: every funded log project has one unit);
 * - some project that may take more would gain more from its next unit than that smallest last gain.
 *   With concave curves the optimal split never does this (within rounding); with S-curves the exact
 *   optimum may (it invests through a flat start for the payoff behind it), and then no level separates
 *   the gains.
 * Projects locked at their minEffort or at their maxEffort take no part on the side they cannot move.
 */
struct MarginalSummary {
    /// Per project: weight·(f(x) − f(x − 1)) at its effort x; std::nullopt at zero effort, +∞ for a
    /// weighted log curve's first unit.
    std::vector<std::optional<double>> lastGain;
    /// Per project: weight·(f(x + 1) − f(x)), what its next unit would add (also at its maxEffort).
    std::vector<double> nextGain;
    /// The water level described above, or std::nullopt where it is undefined.
    std::optional<double> waterLevel;
};

/// The weighted gain of the last of `effort` units of `project`; std::nullopt when `effort` is 0.
std::optional<double> lastGain(const Project &project, Effort effort);

/// Last gains, next gains and the water level of `efforts` (one per project of `scenario`).
MarginalSummary marginalSummary(const Scenario &scenario, const std::vector<Effort> &efforts);

} // namespace ef
