// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "Growth.h"

#include "Parallel.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <optional>

namespace ef {

std::vector<Effort> sampleBudgets(Effort from, Effort to, int samples)
{
    std::vector<Effort> budgets;
    if (to < from)
        return budgets;
    const Effort span = to - from;
    const auto count = static_cast<Effort>(std::max(2, samples));
    if (span + 1 <= count) {
        budgets.resize(static_cast<std::size_t>(span + 1));
        std::iota(budgets.begin(), budgets.end(), from);
        return budgets;
    }
    budgets.reserve(static_cast<std::size_t>(count));
    for (Effort k = 0; k < count; ++k) {
        // from + round(k·span / (count−1)), in long double: span may be up to 10⁹.
        const long double t = static_cast<long double>(k) / static_cast<long double>(count - 1);
        const auto budget = from + static_cast<Effort>(std::llround(t * static_cast<long double>(span)));
        if (budgets.empty() || budget > budgets.back())
            budgets.push_back(budget);
    }
    budgets.back() = to;
    return budgets;
}

namespace {

std::optional<std::vector<Effort>> effortsAt(const Scenario &scenario, Effort budget, const AllocateOptions &options)
{
    const AllocationResult result = allocate(scenario, budget, Method::Auto, options);
    if (!result.ok())
        return std::nullopt;
    std::vector<Effort> efforts;
    for (const ProjectAllocation &project : result.allocation->projects)
        efforts.push_back(project.effort);
    return efforts;
}

bool anyFell(const std::vector<Effort> &before, const std::vector<Effort> &after)
{
    for (std::size_t i = 0; i < before.size(); ++i)
        if (after[i] < before[i])
            return true;
    return false;
}

/// The jump between budgets `lo` (efforts `atLo`) and `hi` (efforts `atHi`, where some project fell):
/// the smallest budget whose split has a project below its effort at lo, and what moved there.
std::optional<GrowthJump> locateJump(const Scenario &scenario, Effort lo, std::vector<Effort> atLo, Effort hi,
                                     std::vector<Effort> atHi, const AllocateOptions &options)
{
    // Invariant: nothing fell from lo to lo; something fell from lo to hi.
    const std::vector<Effort> base = atLo;
    while (hi - lo > 1) {
        const Effort mid = lo + (hi - lo) / 2;
        auto atMid = effortsAt(scenario, mid, options);
        if (!atMid)
            return std::nullopt;
        if (anyFell(base, *atMid)) {
            hi = mid;
            atHi = std::move(*atMid);
        } else {
            lo = mid;
            atLo = std::move(*atMid);
        }
    }
    GrowthJump jump;
    jump.budget = hi;
    for (std::size_t i = 0; i < atHi.size(); ++i) {
        const Effort change = atHi[i] - atLo[i];
        if (change > jump.gained) {
            jump.gained = change;
            jump.gainer = i;
        }
        if (change < 0)
            jump.givers.emplace_back(i, -change);
    }
    return jump;
}

/// The projects whose stage entries are located: all of them when few, else the top ones at the total.
std::vector<std::size_t> markedProjects(const std::vector<Effort> &atTotal)
{
    std::vector<std::size_t> order(atTotal.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    if (order.size() <= kStageEntryAllProjects)
        return order;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return atTotal[a] > atTotal[b]; });
    order.resize(kStageEntryTopProjects);
    std::sort(order.begin(), order.end());
    return order;
}

/// Fills path.stageEntries; false when an allocation failed (cancelled).
bool locateStageEntries(const Scenario &scenario, GrowthPath &path, const AllocateOptions &options)
{
    const std::vector<Effort> &budgets = path.budgets;
    for (const std::size_t i : markedProjects(path.efforts.back())) {
        for (std::size_t s = 0; s < scenario.stages.size(); ++s) {
            const Effort from = scenario.stages[s].from;
            if (path.efforts.front()[i] >= from)
                continue; // reached at the first budget already: no entry to mark
            std::size_t k = 1;
            while (k < budgets.size() && path.efforts[k][i] < from)
                ++k;
            if (k == budgets.size())
                break;                  // never reached up to the total (nor any later stage)
            Effort lo = budgets[k - 1]; // below `from` at lo
            Effort hi = budgets[k];     // at or above it at hi
            while (hi - lo > 1) {
                const Effort mid = lo + (hi - lo) / 2;
                const auto atMid = effortsAt(scenario, mid, options);
                if (!atMid)
                    return false;
                ((*atMid)[i] >= from ? hi : lo) = mid;
            }
            path.stageEntries.push_back({i, s, hi});
        }
    }
    return true;
}

} // namespace

GrowthPath growthPath(const Scenario &scenario, Effort total, int samples, const AllocateOptions &options,
                      GrowthDetail detail)
{
    GrowthPath path;
    if (auto problem = feasibilityProblem(scenario, total)) {
        path.error = *problem;
        return path;
    }
    Effort minSum = 0;
    for (const Project &project : scenario.projects)
        minSum += project.minEffort;
    const std::vector<Effort> budgets = sampleBudgets(minSum, total, samples);
    // The samples are independent: spread over the cores (the exact method on S-curves takes a few ms
    // each, so the view of 14 S-curves at 10,000 units settles in a fraction of the time on one core).
    std::vector<AllocationResult> results(budgets.size());
    parallelFor(
        budgets.size(), options.threads,
        [&](std::size_t k) {
            // Every budget between Σ min and a feasible total is feasible too: the caps only bind above.
            results[k] = allocate(scenario, budgets[k], Method::Auto, options);
        },
        options.cancel);
    if (options.cancel && options.cancel->load(std::memory_order_relaxed)) {
        path.error = "cancelled";
        return path;
    }
    path.efforts.reserve(budgets.size());
    for (const AllocationResult &result : results) {
        if (!result.ok()) { // the first failure in budget order, whatever thread met it first
            path.efforts.clear();
            path.error = result.error;
            return path;
        }
        std::vector<Effort> efforts;
        efforts.reserve(result.allocation->projects.size());
        for (const ProjectAllocation &project : result.allocation->projects)
            efforts.push_back(project.effort);
        path.efforts.push_back(std::move(efforts));
    }
    path.budgets = budgets;
    if (detail == GrowthDetail::SamplesOnly)
        return path;
    if (!scenario.allConcave()) {
        // A jump lies between two samples where some project's effort falls (if several, the first is
        // found; the rest show as further falls between later samples or are too close to tell apart on
        // the chart). Each is located by its own bisection, so they too run side by side.
        std::vector<std::size_t> falls;
        for (std::size_t k = 1; k < budgets.size(); ++k)
            if (anyFell(path.efforts[k - 1], path.efforts[k]))
                falls.push_back(k);
        std::vector<std::optional<GrowthJump>> jumps(falls.size());
        parallelFor(
            falls.size(), options.threads,
            [&](std::size_t j) {
                const std::size_t k = falls[j];
                jumps[j]
                    = locateJump(scenario, budgets[k - 1], path.efforts[k - 1], budgets[k], path.efforts[k], options);
            },
            options.cancel);
        for (std::optional<GrowthJump> &jump : jumps)
            if (jump)
                path.jumps.push_back(std::move(*jump));
    }
    if (!locateStageEntries(scenario, path, options) && options.cancel && options.cancel->load()) {
        path = GrowthPath{};
        path.error = "cancelled";
    }
    return path;
}

} // namespace ef
