// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "Uncertainty.h"

#include "Scenario.h"
#include "ScenarioFile.h"

#include <algorithm>

namespace ef {

namespace {

void widen(std::optional<ParameterRange> &range, double value)
{
    if (range) {
        range->low = std::min(range->low, value);
        range->high = std::max(range->high, value);
    }
}

} // namespace

void widenRangesToValues(Project &project)
{
    Uncertainty &u = project.uncertainty;
    const Curve &c = project.curve;
    widen(u.a, c.a);
    widen(u.b, c.b);
    if (u.b)
        u.b->high = std::max(std::min(u.b->high, limits::maxB(c.family)), c.b);
    widen(u.weight, project.weight);
    if (c.family == CurveFamily::Logistic)
        widen(u.midpoint, c.midpoint);
    else
        u.midpoint.reset();
}

} // namespace ef
