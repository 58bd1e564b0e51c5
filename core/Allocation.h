// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Curve.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ef {

/// How to split the budget.
enum class Method {
    Auto,   ///< Greedy when every curve is concave (then it is optimal), exact otherwise.
    Greedy, ///< MODEL.md's unit-by-unit marginal rule; ties to the earliest project.
    Exact,  ///< The true integer optimum for any curve shape (dynamic programming).
};

std::string_view methodName(Method method);
std::optional<Method> methodFromName(std::string_view name);

/// What one project receives.
struct ProjectAllocation {
    Effort effort = 0;     ///< Units allocated.
    double accuracy = 0;   ///< f(effort); −∞ for a log curve at 0 units.
    double value = 0;      ///< weight · accuracy (0 when the weight is 0).
    double marginal = 0;   ///< Weighted gain of the next unit, weight·(f(effort+1) − f(effort)).
    std::size_t stage = 0; ///< Index of the lifecycle stage reached.
};

/// The split of a budget, in project order.
struct Allocation {
    Method method = Method::Greedy; ///< The method actually used (never Auto).
    Effort totalEffort = 0;
    double objective = 0; ///< Σ weight·f(effort); −∞ when a weighted log project gets no effort (never NaN).
    std::vector<ProjectAllocation> projects;
};

/// An allocation, or the reason there is none (infeasible bounds, a problem too big for `exact`).
struct AllocationResult {
    std::optional<Allocation> allocation;
    std::string error;

    [[nodiscard]] bool ok() const { return allocation.has_value(); }
};

/**
 * The greedy expansion path: the allocation at every budget from Σ minEffort up to the total, from
 * one run. `order[i]` is the project that received unit Σ minEffort + i + 1.
 */
struct ExpansionPath {
    std::vector<Effort> base;         ///< Efforts before the first greedy unit (the minEfforts).
    std::vector<std::uint32_t> order; ///< Project index of each greedy unit, in the order given.

    /// Efforts at `budget` (clamped into [Σ base, Σ base + order.size()]); O(budget).
    [[nodiscard]] std::vector<Effort> effortsAt(Effort budget) const;
};

} // namespace ef
