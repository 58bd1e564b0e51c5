// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Scenario.h"

namespace ef::test {

/// A project with one curve, for hand-built test scenarios.
inline Project project(const char *name, CurveFamily family, double a, double b, double weight = 1, double midpoint = 0)
{
    Project p;
    p.name = name;
    p.curve = Curve{family, a, b, midpoint};
    p.weight = weight;
    return p;
}

} // namespace ef::test
