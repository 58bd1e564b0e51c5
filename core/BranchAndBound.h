// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Interrupt.h"
#include "Scenario.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ef {

/// How close the exact search must bring its bound to its best split before it calls it optimal:
/// bound − objective ≤ kExactRelativeGap · max(|objective|, scale), scale being the size of the
/// projects' values. Rounding in the sums of many doubles is around 1e-15 relative.
inline constexpr double kExactRelativeGap = 1e-12;
/// The most memory the open nodes of branch and bound may hold (their interval changes, the node
/// records and an allocator overhead counted for each): 256 MB. When it is reached the search stops
/// with the best split found, unproven.
inline constexpr std::size_t kExactOpenNodeBytes = 256u * 1024 * 1024;

/// The outcome of the exact search.
struct ExactSearch {
    std::vector<Effort> efforts; ///< The best split found (the optimum when `proven`).
    double objective = 0;        ///< Σ w·f at `efforts`.
    double bound = 0;            ///< Upper bound on every split's objective (≥ objective).
    bool proven = true;          ///< bound − objective within kExactRelativeGap.
    bool cancelled = false;      ///< The caller cancelled; the other fields are then meaningless.
    std::string unprovenReason;  ///< Empty when proven.
    std::size_t nodes = 0;       ///< Relaxations solved (for benchmarks and tests).
};

/**
 * The integer optimum of Σ w·f(x) with Σ x = total and minEffort ≤ x ≤ maxEffort, for any curve shape,
 * by branch and bound on the projects' concave envelopes.
 *
 * Each node bounds every project to an interval [l, u]. There the upper concave envelope of the
 * curve's integer points is a chord from l to a tangent point t, then the curve itself (t = l for a
 * concave curve); its gains never increase, so the relaxation "maximise the sum of envelopes" is
 * solved by the marginal-gain threshold search, and its value is a bound for every split in the node.
 * At most one project then sits strictly inside its chord (Shapley–Folkman): rounding it to l or t
 * and moving the difference by the greedy rule gives the incumbent; branching splits that project's
 * interval at its relaxed effort. Nodes are taken best bound first and pruned once their bound is
 * within kExactRelativeGap of the incumbent, which is then optimal with that certificate.
 *
 * Among splits with equal objectives it returns the first it finds; no particular one is preferred.
 * Stops early when `interrupt` says so: cancelled (result.cancelled), or out of time (the best split
 * found, proven = false, with the bound still valid); likewise after `nodeBudget` relaxations.
 * `start`, when given, is a feasible split to beat (greedy's, say): the result is never worse. Precondition: feasibilityProblem() is empty.
 */
ExactSearch exactEffortsByBranchAndBound(const Scenario &scenario, Effort total, Interrupt &interrupt,
                                         std::size_t nodeBudget = static_cast<std::size_t>(-1),
                                         const std::vector<Effort> *start = nullptr);

/**
 * The root relaxation's bound alone: no split of `total` can do better than this. O(n log T).
 * Precondition: feasibilityProblem() is empty.
 */
double envelopeBound(const Scenario &scenario, Effort total);

} // namespace ef
