// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include <optional>

namespace ef {

/// A closed interval [low, high] of plausible values for one parameter (low ≤ high).
struct ParameterRange {
    double low = 0;
    double high = 0;

    friend bool operator==(const ParameterRange &, const ParameterRange &) = default;
};

/**
 * How unsure a project's inputs are: for each of its curve's `a`, `b` and (logistic only) midpoint,
 * and for its weight, an optional range around the point value (low ≤ value ≤ high, inside the
 * parameter's domain; checked by ScenarioFile). In a scenario file:
 *
 *     "uncertainty": {"a": [0.08, 0.12], "b": [1, 4], "midpoint": [200, 400], "weight": [0.5, 2]}
 *
 * The Monte Carlo (MonteCarlo.h) draws each range independently: uniform on [low, high] for `a`, the
 * midpoint and the weight; log-uniform for `b` (a rate, whose doubt is a factor rather than an amount).
 */
struct Uncertainty {
    std::optional<ParameterRange> a;
    std::optional<ParameterRange> b;
    std::optional<ParameterRange> midpoint;
    std::optional<ParameterRange> weight;

    /// True when no parameter carries a range.
    [[nodiscard]] bool empty() const { return !a && !b && !midpoint && !weight; }

    friend bool operator==(const Uncertainty &, const Uncertainty &) = default;
};

struct Project;

/**
 * Keeps `project`'s ranges valid after an edit of its values: each range is widened just enough to hold
 * its value again, a `b` range is cut to the family's largest b, and a midpoint range is dropped when the
 * curve is no longer logistic. The window calls it on every edit, so a slider may leave a range behind
 * without making the scenario unsavable.
 */
void widenRangesToValues(Project &project);

} // namespace ef
