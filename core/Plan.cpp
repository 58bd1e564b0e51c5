// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "Plan.h"

#include "Allocator.h"

#include <algorithm>
#include <numeric>

namespace ef {

bool hasPlan(const Scenario &scenario)
{
    return std::any_of(scenario.projects.begin(), scenario.projects.end(),
                       [](const Project &p) { return p.planned.has_value(); });
}

std::vector<Effort> plannedEfforts(const Scenario &scenario)
{
    std::vector<Effort> efforts;
    efforts.reserve(scenario.projects.size());
    for (const Project &p : scenario.projects)
        efforts.push_back(p.planned.value_or(0));
    return efforts;
}

std::vector<EffortMove> movesBetween(const std::vector<Effort> &from, const std::vector<Effort> &to)
{
    std::vector<EffortMove> moves;
    const std::size_t n = std::max(from.size(), to.size());
    for (std::size_t i = 0; i < n; ++i) {
        const Effort a = i < from.size() ? from[i] : 0;
        const Effort b = i < to.size() ? to[i] : 0;
        if (a != b)
            moves.push_back({i, b - a});
    }
    return moves;
}

PlanComparison comparePlan(const Scenario &scenario, const Allocation &optimum)
{
    PlanComparison plan;
    plan.efforts = plannedEfforts(scenario);
    plan.plannedTotal = std::accumulate(plan.efforts.begin(), plan.efforts.end(), Effort{0});
    plan.objective = evaluate(scenario, plan.efforts, optimum.method).objective;
    plan.gap = optimum.objective == plan.objective ? 0.0 : optimum.objective - plan.objective;
    std::vector<Effort> best;
    best.reserve(optimum.projects.size());
    for (const ProjectAllocation &pa : optimum.projects)
        best.push_back(pa.effort);
    plan.moves = movesBetween(plan.efforts, best);
    return plan;
}

} // namespace ef
