// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "Targets.h"

#include "ScenarioFile.h"

#include <algorithm>
#include <atomic>

namespace ef {

namespace {

Effort minEffortSum(const Scenario &scenario)
{
    Effort sum = 0;
    for (const Project &p : scenario.projects)
        sum += p.minEffort;
    return sum;
}

bool cancelled(const AllocateOptions &options)
{
    return options.cancel && options.cancel->load(std::memory_order_relaxed);
}

/// The optimal split at `total`, or the reason there is none.
struct At {
    std::optional<Allocation> allocation;
    std::string error;
};

At allocationAt(const Scenario &scenario, Effort total, const AllocateOptions &options)
{
    AllocationResult result = allocate(scenario, total, Method::Auto, options);
    if (!result.ok())
        return {std::nullopt,
                result.error == "cancelled" ? result.error : "at " + std::to_string(total) + " units: " + result.error};
    return {std::move(result.allocation), {}};
}

std::string quotedName(const Project &project)
{
    return "\"" + project.name + "\"";
}

} // namespace

Effort targetSearchLimit(const Scenario &scenario)
{
    Effort capSum = 0;
    for (const Project &p : scenario.projects) {
        if (!p.maxEffort)
            return limits::kMaxTotalEffort;
        capSum += *p.maxEffort;
    }
    return std::min(capSum, limits::kMaxTotalEffort);
}

TargetSearch budgetToReachEffort(const Scenario &scenario, std::size_t project, Effort effort,
                                 const AllocateOptions &options)
{
    TargetSearch search;
    if (project >= scenario.projects.size()) {
        search.error = "there is no project " + std::to_string(project + 1);
        return search;
    }
    const Project &target = scenario.projects[project];
    const Effort first = minEffortSum(scenario);
    const Effort last = targetSearchLimit(scenario);
    if (first > last) {
        search.error = "the projects' minEffort add up to more than their maxEffort";
        return search;
    }
    if (target.minEffort >= effort) {
        search.totalEffort = first;
        return search;
    }
    if (target.maxEffort && *target.maxEffort < effort) {
        search.error = quotedName(target) + " has maxEffort " + std::to_string(*target.maxEffort) + ", below "
            + std::to_string(effort) + " units";
        return search;
    }
    // No split of fewer units can give the project `effort` while the others have their minimum.
    const Effort start = std::max(first, first - target.minEffort + effort);
    if (start > last) {
        search.error = "no total up to " + std::to_string(last) + " units can give " + quotedName(target) + " "
            + std::to_string(effort) + " units";
        return search;
    }
    const auto effortAt = [&](Effort total, Effort &out) {
        At at = allocationAt(scenario, total, options);
        if (!at.allocation) {
            search.error = at.error;
            return false;
        }
        out = at.allocation->projects[project].effort;
        return true;
    };

    if (scenario.allConcave()) {
        // The expansion path: the project's effort only grows with the total. Bisect on it.
        Effort atLast = 0;
        if (!effortAt(last, atLast))
            return search;
        if (atLast < effort) {
            search.error = "even at " + std::to_string(last) + " units (the largest total searched) "
                + quotedName(target) + " gets only " + std::to_string(atLast) + " units, below "
                + std::to_string(effort) + (target.weight == 0 ? " (its weight is 0)" : "");
            return search;
        }
        Effort lo = start - 1; // effort < target at lo (or lo is below every total that could do it)
        Effort hi = last;      // effort ≥ target at hi
        while (hi - lo > 1) {
            if (cancelled(options)) {
                search.error = "cancelled";
                return search;
            }
            const Effort mid = lo + (hi - lo) / 2;
            Effort atMid = 0;
            if (!effortAt(mid, atMid))
                return search;
            (atMid >= effort ? hi : lo) = mid;
        }
        search.totalEffort = hi;
        return search;
    }

    // S-curves: the effort is not monotone in the total. Try every total in order.
    const Effort end = std::min(last, start + kTargetScanLimit - 1);
    for (Effort total = start; total <= end; ++total) {
        if (cancelled(options)) {
            search.error = "cancelled";
            return search;
        }
        Effort at = 0;
        if (!effortAt(total, at))
            return search;
        if (at >= effort) {
            search.totalEffort = total;
            return search;
        }
    }
    search.error = "no total from " + std::to_string(start) + " to " + std::to_string(end) + " units gives "
        + quotedName(target) + " " + std::to_string(effort) + " units"
        + (end < last ? " (with curves that are not concave every total is tried in turn, at most "
                   + std::to_string(kTargetScanLimit) + ")"
                      : "");
    return search;
}

TargetSearch budgetToReachObjective(const Scenario &scenario, double objective, const AllocateOptions &options)
{
    TargetSearch search;
    const Effort first = minEffortSum(scenario);
    const Effort last = targetSearchLimit(scenario);
    if (first > last) {
        search.error = "the projects' minEffort add up to more than their maxEffort";
        return search;
    }
    const auto objectiveAt = [&](Effort total, double &out) {
        At at = allocationAt(scenario, total, options);
        if (!at.allocation) {
            search.error = at.error;
            return false;
        }
        out = at.allocation->objective;
        return true;
    };
    double value = 0;
    if (!objectiveAt(first, value))
        return search;
    if (value >= objective) {
        search.totalEffort = first;
        return search;
    }
    if (!objectiveAt(last, value))
        return search;
    if (!(value >= objective)) {
        search.error = "even at " + std::to_string(last) + " units (the largest total searched) the objective is "
            + std::to_string(value) + ", below " + std::to_string(objective);
        return search;
    }
    Effort lo = first; // below the objective at lo
    Effort hi = last;  // at or above it at hi
    while (hi - lo > 1) {
        if (cancelled(options)) {
            search.error = "cancelled";
            return search;
        }
        const Effort mid = lo + (hi - lo) / 2;
        if (!objectiveAt(mid, value))
            return search;
        (value >= objective ? hi : lo) = mid;
    }
    search.totalEffort = hi;
    return search;
}

} // namespace ef
