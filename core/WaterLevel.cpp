// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "WaterLevel.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ef {

namespace {

/// A next gain above the level by no more than this (relative) is rounding, not a split that fails to
/// equalise: the greedy rule itself follows gains that wobble by an ulp where a curve is flat.
constexpr double kRoundingSlack = 1e-12;

} // namespace

std::optional<double> lastGain(const Project &project, Effort effort)
{
    if (effort <= 0)
        return std::nullopt;
    return project.curve.weightedGain(project.weight, effort - 1);
}

MarginalSummary marginalSummary(const Scenario &scenario, const std::vector<Effort> &efforts)
{
    MarginalSummary summary;
    const std::size_t n = std::min(efforts.size(), scenario.projects.size());
    summary.lastGain.reserve(n);
    summary.nextGain.reserve(n);
    constexpr double kInf = std::numeric_limits<double>::infinity();
    double lowestLast = kInf; // among projects above their minimum
    bool anyFree = false;
    double highestNext = -kInf; // among projects below their maximum
    for (std::size_t i = 0; i < n; ++i) {
        const Project &p = scenario.projects[i];
        const Effort x = efforts[i];
        summary.lastGain.push_back(lastGain(p, x));
        summary.nextGain.push_back(p.curve.weightedGain(p.weight, x));
        if (x > p.minEffort && summary.lastGain.back()) {
            anyFree = true;
            lowestLast = std::min(lowestLast, *summary.lastGain.back());
        }
        if (!p.maxEffort || x < *p.maxEffort)
            highestNext = std::max(highestNext, summary.nextGain.back());
    }
    if (!anyFree || !std::isfinite(lowestLast))
        return summary;
    if (highestNext > lowestLast + kRoundingSlack * std::abs(lowestLast))
        return summary;
    summary.waterLevel = lowestLast;
    return summary;
}

} // namespace ef
