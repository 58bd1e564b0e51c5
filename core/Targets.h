// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Allocator.h"
#include "Scenario.h"

#include <cstddef>
#include <optional>
#include <string>

namespace ef {

/// For scenarios whose curves are not all concave: the most totals budgetToReachEffort() tries one by one.
inline constexpr Effort kTargetScanLimit = 20'000;

/// The smallest total that meets a target, or the reason none up to the search limit does.
struct TargetSearch {
    std::optional<Effort> totalEffort;
    std::string error; ///< One line, when totalEffort is empty.

    [[nodiscard]] bool ok() const { return totalEffort.has_value(); }
};

/// The largest total a target search considers: the effort limit of scenario files, or Σ maxEffort
/// when every project has one.
Effort targetSearchLimit(const Scenario &scenario);

/**
 * The smallest total whose optimal split — allocate() with Method::Auto, as the chart — gives project
 * `project` at least `effort` units ("the budget at which it reaches a stage").
 *
 * With concave curves the split grows along the expansion path (a project's effort never falls as the
 * total grows), so a binary search over [Σ minEffort, targetSearchLimit()] is exact. With S-curves a
 * project's effort can rise and fall again as the total grows, so no bisection is safe: the totals are
 * tried one by one from the first that could give `effort` units (effort + the others' minEffort), at
 * most kTargetScanLimit of them; beyond that the error says so.
 */
TargetSearch budgetToReachEffort(const Scenario &scenario, std::size_t project, Effort effort,
                                 const AllocateOptions &options = {});

/**
 * The smallest total whose optimal split (Method::Auto) reaches an objective Σ w·f of at least
 * `objective`. The best objective never falls as the total grows (curves never fall, and one more unit
 * can always go somewhere), so a binary search is exact for any curve shape.
 */
TargetSearch budgetToReachObjective(const Scenario &scenario, double objective, const AllocateOptions &options = {});

} // namespace ef
