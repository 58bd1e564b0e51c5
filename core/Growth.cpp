// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "Growth.h"

#include <algorithm>
#include <cmath>
#include <atomic>
#include <numeric>

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

GrowthPath growthPath(const Scenario &scenario, Effort total, int samples, const AllocateOptions &options)
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
    path.efforts.reserve(budgets.size());
    for (const Effort budget : budgets) {
        // Each sample may be quick (concave curves): check between samples as well as inside them.
        if (options.cancel && options.cancel->load(std::memory_order_relaxed)) {
            path.efforts.clear();
            path.error = "cancelled";
            return path;
        }
        // Every budget between Σ min and a feasible total is feasible too: the caps only bind above.
        const AllocationResult result = allocate(scenario, budget, Method::Auto, options);
        if (!result.ok()) {
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
    return path;
}

} // namespace ef
