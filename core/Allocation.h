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
    Exact,  ///< The true integer optimum for any curve shape (branch and bound on concave envelopes).
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
    /**
     * An upper bound on the best objective any split of totalEffort can reach (the certificate). Equal to
     * `objective` within rounding when the split is proven optimal; for greedy on all-concave curves it
     * is `objective`; for greedy on other curves it is the concave-envelope bound, so `gap` says how much
     * greedy's split may lose at most. −∞ only when every split is −∞.
     */
    double bound = 0;
    double gap = 0;             ///< bound − objective (≥ 0; 0 when both are −∞).
    bool proven = true;         ///< False when a time limit (or the search's memory cap) stopped the search first.
    std::string unprovenReason; ///< Why the split is not proven optimal; empty when `proven`.
    /**
     * For curves that are not all concave: the objective greedy's unit-by-unit split of the same total
     * would reach, to show what trusting greedy would lose. Set by compareWithGreedy(); allocate()
     * leaves it empty.
     */
    std::optional<double> greedyObjective;
    /**
     * When some project has a minimum above 0 or a maximum: the objective of the best split with every
     * bound cleared (the free optimum), so what the bounds cost can be shown, and whether that split is
     * proven optimal. Set by compareWithFree(); allocate() leaves it empty.
     */
    std::optional<double> freeObjective;
    bool freeProven = true;
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
