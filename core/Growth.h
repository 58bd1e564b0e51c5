// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Allocator.h"

#include <string>
#include <vector>

namespace ef {

/// The most budgets a growth path samples by default: about one per two pixels of a typical view.
inline constexpr int kGrowthSamples = 240;

/**
 * A budget at which the optimal split jumps: one more unit of budget and a project that was worth little
 * is suddenly funded with many units, taken from others (S-curves past their threshold). Concave
 * scenarios have none: there every project's effort only grows with the budget.
 */
struct GrowthJump {
    Effort budget = 0;      ///< The smallest budget of the new split (the one before is budget − 1).
    std::size_t gainer = 0; ///< The project that gains the most units.
    Effort gained = 0;      ///< How many it gains, from budget − 1 to budget.
    std::vector<std::pair<std::size_t, Effort>> givers; ///< Projects that give up units, and how many.
};

/// Where a project's line enters a stage: the smallest budget at which its optimal effort is at least
/// the stage's `from` (a mark on the growth view).
struct StageEntry {
    std::size_t project = 0;
    std::size_t stage = 0; ///< Index into the scenario's stages.
    Effort budget = 0;

    friend bool operator==(const StageEntry &, const StageEntry &) = default;
};

/// Stage entries are located for every project when there are at most this many; otherwise only for
/// kStageEntryTopProjects projects, those with the most effort at the total (a legible growth view).
inline constexpr std::size_t kStageEntryAllProjects = 8;
inline constexpr std::size_t kStageEntryTopProjects = 5;

/**
 * How the optimal split grows with the budget, from sampled budgets: the allocation at each of a few
 * hundred budgets between Σ minEffort and the total (both included), each found by the same method the
 * chart uses (allocate() with Method::Auto: greedy where every curve is concave, exact otherwise), so
 * the growth view and the chart never disagree. Holds no unit-by-unit path: its size is
 * samples × projects whatever the total.
 */
struct GrowthPath {
    std::vector<Effort> budgets;              ///< Ascending; the last is the total.
    std::vector<std::vector<Effort>> efforts; ///< efforts[k][i]: project i's effort at budgets[k].
    std::vector<GrowthJump> jumps;            ///< Every jump between the samples, each found to the unit.
    /// Where the marked projects (see kStageEntryAllProjects) enter each stage they reach after the first
    /// budget, each found to the unit; by project, then by stage.
    std::vector<StageEntry> stageEntries;
    std::string error; ///< Why nothing was computed (infeasible, cancelled, too big).

    [[nodiscard]] bool ok() const { return error.empty() && !budgets.empty(); }
};

/**
 * `samples` budgets (at least 2) spread evenly over [from, to], rounded to whole units, ascending,
 * without repeats, always including both ends. Fewer when the range holds fewer whole budgets.
 */
std::vector<Effort> sampleBudgets(Effort from, Effort to, int samples);

/**
 * The growth path of `scenario` up to `total` units over sampleBudgets(Σ minEffort, total, samples),
 * with every jump between two samples (a project's effort falling as the budget grows) located to the
 * exact budget by bisection, and where projects enter stages (stageEntries): the first sample at or
 * above the stage's `from`, then a bisection between it and the sample before (exact wherever the
 * project's effort does not fall between those two samples: always with concave curves).
 * Fails (error set, nothing else) when the bounds are infeasible at `total`, when any sampled
 * allocation fails, or when options.cancel is raised (error "cancelled").
 */
/// How much of a growth path to compute.
enum class GrowthDetail {
    Full,        ///< The samples, the jumps and the stage entries.
    SamplesOnly, ///< Just the samples (a quick first picture; jumps and stageEntries stay empty).
};

GrowthPath growthPath(const Scenario &scenario, Effort total, int samples = kGrowthSamples,
                      const AllocateOptions &options = {}, GrowthDetail detail = GrowthDetail::Full);

/// Samples of the quick first picture the window shows of an S-curve scenario's growth path, while
/// the full path (every sample exact, each jump and stage entry located) is still being computed.
inline constexpr int kQuickGrowthSamples = 40;

} // namespace ef
