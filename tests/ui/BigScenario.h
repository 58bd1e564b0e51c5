// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

// A large, valid scenario whose file takes a while to write: for the interrupted-save tests (the
// test and its child process build the same one).

#include "Scenario.h"

#include <string>

namespace ef::test {

inline Scenario bigScenario(const std::string &name, int projects)
{
    Scenario s;
    s.name = name;
    s.totalEffort = 1000;
    for (int i = 0; i < projects; ++i) {
        Project p;
        p.name = "Project number ";
        p.name += std::to_string(i);
        p.curve = Curve{CurveFamily::Log1p, 0.1 + 0.001 * (i % 100), 0.5 + 0.01 * (i % 37), 0.0};
        p.weight = 1.0 + 0.5 * (i % 3);
        s.projects.push_back(p);
    }
    return s;
}

} // namespace ef::test
