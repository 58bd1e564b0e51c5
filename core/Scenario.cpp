// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "Scenario.h"

#include <algorithm>

namespace ef {

std::vector<Stage> defaultStages()
{
    return {
        {"If-else heuristics", 0},      {"Using ML", 5}, {"Feature engineering", 15}, {"Using DL", 40},
        {"SotA research approach", 90},
    };
}

std::size_t Scenario::stageIndexFor(Effort effort) const
{
    // Stages are validated to start at 0 and increase strictly.
    const auto after = std::upper_bound(stages.begin(), stages.end(), effort,
                                        [](Effort e, const Stage &stage) { return e < stage.from; });
    return after == stages.begin() ? 0 : static_cast<std::size_t>(after - stages.begin() - 1);
}

const std::string &Scenario::stageNameFor(Effort effort) const
{
    static const std::string none;
    return stages.empty() ? none : stages[stageIndexFor(effort)].name;
}

bool Scenario::allConcave() const
{
    return std::all_of(projects.begin(), projects.end(), [](const Project &p) { return p.curve.isConcave(); });
}

Scenario Snapshot::toScenario() const
{
    Scenario scenario;
    scenario.name = name;
    scenario.totalEffort = totalEffort;
    scenario.projects = projects;
    scenario.stages = stages;
    return scenario;
}

const Snapshot *Scenario::snapshot(const std::string &snapshotName) const
{
    for (const Snapshot &s : snapshots)
        if (s.name == snapshotName)
            return &s;
    return nullptr;
}

} // namespace ef
