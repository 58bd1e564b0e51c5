// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

// Random scenarios across the whole range a file (or the controls) allow — the edges included:
// a = 0 and 10⁶, b from the smallest positive double to 10⁶, zero weights (sometimes everywhere),
// midpoints and learning-curve scales up to 10⁹, budgets from 0 to 10⁹, a single project. For the robustness property tests.

#include "Scenario.h"
#include "ScenarioFile.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <random>
#include <string>

namespace ef::test {

struct ExtremeScenarioOptions {
    int maxProjects = 20;
    Effort maxTotal = 1'000'000'000;
    bool bounds = true; ///< Sometimes give projects minEffort / maxEffort (always feasible).
};

/// A random value from `lo` to `hi` (both > 0), uniform in log scale.
inline double logUniform(std::mt19937_64 &rng, double lo, double hi)
{
    return lo * std::pow(hi / lo, std::uniform_real_distribution<double>(0.0, 1.0)(rng));
}

inline Scenario extremeScenario(std::mt19937_64 &rng, const ExtremeScenarioOptions &o = {})
{
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const auto chance = [&](double p) { return unit(rng) < p; };
    const auto pickOr = [&](std::initializer_list<double> edges, double otherwise) {
        // Half the time one of the edges, otherwise the given random value.
        if (chance(0.5))
            return otherwise;
        return *(edges.begin() + std::uniform_int_distribution<std::size_t>(0, edges.size() - 1)(rng));
    };
    Scenario s;
    s.name = "extreme";
    const double totalDraw = unit(rng);
    if (totalDraw < 0.15)
        s.totalEffort = 0;
    else if (totalDraw < 0.25)
        s.totalEffort = 1;
    else if (totalDraw < 0.35)
        s.totalEffort = o.maxTotal;
    else if (totalDraw < 0.7)
        s.totalEffort = std::uniform_int_distribution<Effort>(0, std::min<Effort>(2000, o.maxTotal))(rng);
    else
        s.totalEffort = static_cast<Effort>(std::floor(logUniform(rng, 1, static_cast<double>(o.maxTotal))));

    const int n = chance(0.2) ? 1 : std::uniform_int_distribution<int>(1, o.maxProjects)(rng);
    const bool zeroWeights = chance(0.15);
    for (int i = 0; i < n; ++i) {
        Project p;
        p.name = "P";
        p.name += std::to_string(i);
        p.curve.family = kAllFamilies[std::uniform_int_distribution<std::size_t>(0, std::size(kAllFamilies) - 1)(rng)];
        p.curve.a = pickOr({0.0, 1e-12, 1e6}, logUniform(rng, 1e-6, 1e6));
        p.curve.b = pickOr({std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::min(), 1e-12, 1e6},
                           logUniform(rng, 1e-9, 1e6));
        p.curve.b = std::min(p.curve.b, limits::maxB(p.curve.family)); // power: b ≤ 10
        p.weight = zeroWeights ? 0.0 : pickOr({0.0, 1e-12, 1e6}, logUniform(rng, 1e-6, 1e6));
        if (p.curve.family == CurveFamily::Logistic)
            p.curve.midpoint
                = pickOr({0.0, 1e9, static_cast<double>(s.totalEffort)}, unit(rng) * 1e9 * unit(rng) * unit(rng));
        if (p.curve.family == CurveFamily::Learning)
            p.curve.scale = pickOr({std::numeric_limits<double>::denorm_min(), 1e-12, 1.0, limits::kMaxScale},
                                   logUniform(rng, 1e-9, limits::kMaxScale));
        if (o.bounds && chance(0.2)) {
            p.minEffort = std::uniform_int_distribution<Effort>(0, s.totalEffort / n)(rng);
            if (chance(0.5))
                p.maxEffort = std::min<Effort>(
                    o.maxTotal, p.minEffort + std::uniform_int_distribution<Effort>(0, s.totalEffort)(rng));
        }
        s.projects.push_back(p);
    }
    // Feasible: the maximums, when every project has one, reach the budget.
    Effort maxSum = 0;
    bool allBounded = true;
    for (const Project &p : s.projects) {
        allBounded = allBounded && p.maxEffort.has_value();
        maxSum += p.maxEffort.value_or(0);
    }
    if (allBounded && maxSum < s.totalEffort)
        s.projects.back().maxEffort.reset();
    return s;
}

/// A power curve whose value overflows to +∞ (b = 1000, beyond what files allow) beside a weighted
/// log curve held at 0 units (−∞): the objective must still not be NaN.
inline Scenario overflowBesideStarvedLog()
{
    Scenario s;
    s.name = "overflow";
    s.totalEffort = 3;
    Project overflow;
    overflow.name = "overflow";
    overflow.curve = Curve{CurveFamily::Power, 1.0, 1000.0, 0.0};
    Project starved;
    starved.name = "starved";
    starved.curve = Curve{CurveFamily::Log, 1.0, 1.0, 0.0};
    starved.maxEffort = 0;
    s.projects = {overflow, starved};
    return s;
}

} // namespace ef::test
