// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

// The seed's loop, written as plainly as MODEL.md states it: for every unit, rescan every project and
// give the unit to the largest weighted forward difference, ties to the earliest project. O(n·T).
// The reference the fast allocators are checked (and benchmarked) against.

#include "Scenario.h"

#include <vector>

namespace ef::test {

inline std::vector<Effort> naiveGreedy(const Scenario &scenario, Effort total)
{
    const std::size_t n = scenario.projects.size();
    std::vector<Effort> x(n);
    Effort spent = 0;
    for (std::size_t i = 0; i < n; ++i) {
        x[i] = scenario.projects[i].minEffort;
        spent += x[i];
    }
    for (; spent < total; ++spent) {
        std::size_t best = n;
        double bestGain = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const Project &p = scenario.projects[i];
            if (p.maxEffort && x[i] >= *p.maxEffort)
                continue;
            const double gain = p.curve.weightedGain(p.weight, x[i]);
            if (best == n || gain > bestGain) {
                best = i;
                bestGain = gain;
            }
        }
        if (best == n)
            break;
        ++x[best];
    }
    return x;
}

} // namespace ef::test
