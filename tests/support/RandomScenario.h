// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

// Random scenarios for property tests and benchmarks, reproducible from a seed.

#include "Scenario.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <random>
#include <string>

namespace ef::test {

struct RandomScenarioOptions {
    int minProjects = 1;
    int maxProjects = 8;
    bool concaveOnly = true;
    bool bounds = false;      ///< Sometimes give projects minEffort / maxEffort.
    bool zeroWeights = false; ///< Sometimes give a project weight 0.
    bool ties = false;        ///< Draw from a few parameter values so exact ties are common.
};

inline Scenario randomScenario(std::mt19937_64 &rng, Effort total, const RandomScenarioOptions &o = {})
{
    std::uniform_int_distribution<int> count(o.minProjects, o.maxProjects);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const auto logUniform = [&](double lo, double hi) { return lo * std::pow(hi / lo, unit(rng)); };
    const auto pick = [&](std::initializer_list<double> values) {
        return *(values.begin() + std::uniform_int_distribution<std::size_t>(0, values.size() - 1)(rng));
    };
    Scenario s;
    s.name = "random";
    s.totalEffort = total;
    const int n = count(rng);
    for (int i = 0; i < n; ++i) {
        Project p;
        p.name = std::to_string(i);
        p.name.insert(p.name.begin(), 'P');
        // Logistic (not concave) is left out of concave-only draws; learning is always concave.
        static constexpr CurveFamily concave[]
            = {CurveFamily::Log, CurveFamily::Log1p, CurveFamily::Exp, CurveFamily::Power, CurveFamily::Learning};
        p.curve.family = o.concaveOnly ? concave[std::uniform_int_distribution<int>(0, 4)(rng)]
                                       : kAllFamilies[std::uniform_int_distribution<int>(0, 5)(rng)];
        if (o.ties) {
            p.curve.a = pick({0.05, 0.1, 0.2});
            p.curve.b = pick({0.5, 1.0, 2.0});
            p.weight = pick({1.0, 2.0});
        } else {
            p.curve.a = logUniform(0.01, 10);
            p.curve.b = logUniform(0.001, 5);
            p.weight = logUniform(0.1, 10);
        }
        if (p.curve.family == CurveFamily::Power && o.concaveOnly)
            p.curve.b = o.ties ? pick({0.25, 0.5, 1.0}) : unit(rng) * 0.95 + 0.05;
        if (p.curve.family == CurveFamily::Logistic)
            p.curve.midpoint = unit(rng) * static_cast<double>(total) * 0.5;
        if (p.curve.family == CurveFamily::Learning) { // exponent β in [0.05, 2], scale up to the budget
            p.curve.b = o.ties ? pick({0.3, 0.5, 1.0}) : logUniform(0.05, 2);
            p.curve.scale = o.ties ? pick({1.0, 5.0}) : logUniform(0.1, std::max(1.0, static_cast<double>(total)));
        }
        if (o.zeroWeights && unit(rng) < 0.2)
            p.weight = 0;
        s.projects.push_back(p);
    }
    if (o.bounds) {
        Effort minSum = 0;
        for (Project &p : s.projects) {
            if (unit(rng) < 0.3) {
                p.minEffort = std::uniform_int_distribution<Effort>(0, total / (2 * n))(rng);
                minSum += p.minEffort;
            }
            if (unit(rng) < 0.3)
                p.maxEffort = p.minEffort + std::uniform_int_distribution<Effort>(0, total / n + 1)(rng);
        }
        if (std::all_of(s.projects.begin(), s.projects.end(), [](const Project &p) { return p.maxEffort.has_value(); }))
            s.projects.back().maxEffort.reset(); // keep it feasible
    }
    return s;
}

/**
 * A budget-sized mix of S-curves and concave curves: `n` projects sharing `total` units, a share
 * `sCurveShare` of them logistic with their bends (midpoints) between 0.2 and 3 times the average
 * share and steepness b·midpoint in [2, 10]; the others log1p or exp, saturating around the average
 * share. Weights in [0.2, 5]. Used by the exact method's tests and the benchmark.
 */
inline Scenario randomSCurveScenario(std::mt19937_64 &rng, int n, Effort total, double sCurveShare)
{
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const auto logUniform = [&](double lo, double hi) { return lo * std::pow(hi / lo, unit(rng)); };
    Scenario s;
    s.name = "random S-curves";
    s.totalEffort = total;
    const double perProject = static_cast<double>(total) / n;
    for (int i = 0; i < n; ++i) {
        Project p;
        p.name = std::to_string(i);
        p.name.insert(p.name.begin(), 'P');
        p.weight = logUniform(0.2, 5);
        if (unit(rng) < sCurveShare) {
            p.curve.family = CurveFamily::Logistic;
            p.curve.a = logUniform(0.1, 1);
            p.curve.midpoint = perProject * logUniform(0.2, 3);
            p.curve.b = logUniform(2, 10) / p.curve.midpoint;
        } else {
            p.curve.family = unit(rng) < 0.5 ? CurveFamily::Log1p : CurveFamily::Exp;
            p.curve.a = logUniform(0.05, 0.5);
            p.curve.b = logUniform(0.3, 3) / perProject;
        }
        s.projects.push_back(p);
    }
    return s;
}

} // namespace ef::test
