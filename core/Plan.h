// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Allocation.h"
#include "Scenario.h"

#include <cstddef>
#include <vector>

namespace ef {

/// One project's change from one split to another: `units` > 0 takes units, < 0 gives them.
struct EffortMove {
    std::size_t project = 0;
    Effort units = 0;

    friend bool operator==(const EffortMove &, const EffortMove &) = default;
};

/// The team's plan (the projects' planned efforts) against the optimum.
struct PlanComparison {
    std::vector<Effort> efforts; ///< The planned efforts, one per project (0 where a project has none).
    Effort plannedTotal = 0;     ///< Σ efforts; may differ from the optimum's total (see movesBetween).
    double objective = 0;        ///< The plan's Σ w·f (−∞ when a weighted log project is planned 0 units).
    /// The optimum's objective minus the plan's: the value the plan leaves on the table. 0 when both
    /// are −∞; +∞ when only the plan is.
    double gap = 0;
    std::vector<EffortMove> moves; ///< From the plan to the optimum (movesBetween).
};

/// True when any project of `scenario` has a planned effort.
bool hasPlan(const Scenario &scenario);

/// The planned efforts, one per project; a project without a planned effort counts as 0.
std::vector<Effort> plannedEfforts(const Scenario &scenario);

/**
 * The moves that turn split `from` into split `to`: one per project whose effort differs, in project
 * order, units = to − from. When both add up to the same total the moves sum to zero; otherwise they
 * sum to Σ to − Σ from.
 */
std::vector<EffortMove> movesBetween(const std::vector<Effort> &from, const std::vector<Effort> &to);

/// The plan of `scenario` evaluated and compared with `optimum` (an allocation of the same scenario).
PlanComparison comparePlan(const Scenario &scenario, const Allocation &optimum);

} // namespace ef
