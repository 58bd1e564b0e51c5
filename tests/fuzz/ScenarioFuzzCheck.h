// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

// One fuzz input through the whole scenario pipeline, with the invariants that must hold for any
// bytes: the loader answers (a scenario or a one-line error), a loaded scenario is valid, saves and
// reloads to itself, and allocates within its bounds with no NaN. Shared by the libFuzzer target and
// the regression test that replays the corpus in the normal suite.

#include "Allocator.h"
#include "ScenarioFile.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <numeric>

namespace ef::fuzz {

[[noreturn]] inline void violated(const char *what)
{
    std::fprintf(stderr, "fuzz invariant violated: %s\n", what);
    std::abort();
}

inline void checkScenarioBytes(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const LoadResult loaded = parseScenario(bytes, QStringLiteral("fuzz.json"));
    if (!loaded.ok()) {
        const QString message = loaded.error.message();
        if (loaded.error.reason.isEmpty() || message.contains(QLatin1Char('\n')))
            violated("an error must be one non-empty line");
        return;
    }
    const Scenario &s = *loaded.scenario;
    if (validateScenario(s, QStringLiteral("fuzz.json")))
        violated("a loaded scenario must validate");
    const LoadResult again = parseScenario(QByteArray::fromStdString(serializeScenario(s)), QStringLiteral("again"));
    if (!again.ok() || !(*again.scenario == s))
        violated("save then load must give the same scenario");

    // Learning curves: f(0) = 0, concave, gains never negative or NaN and never increasing.
    for (const Project &p : s.projects) {
        if (p.curve.family != CurveFamily::Learning)
            continue;
        const Curve &c = p.curve;
        if (c.value(0) != 0 || !c.isConcave())
            violated("a learning curve starts at 0 and is concave");
        double previous = c.forwardDifference(0);
        for (const Effort k : {Effort{1}, Effort{2}, s.totalEffort / 2 + 1, s.totalEffort + 1}) {
            const double gain = c.forwardDifference(k);
            if (std::isnan(gain) || gain < 0 || std::isnan(c.value(static_cast<double>(k))))
                violated("a learning curve's gains are numbers ≥ 0");
            if (gain > previous * (1 + 1e-12))
                violated("a learning curve's gains never increase");
            previous = gain;
        }
    }

    const AllocationResult greedy = allocate(s, Method::Greedy);
    if (!greedy.ok()) {
        if (!s.allConcave() && s.totalEffort > kGreedyReplayLimit)
            return; // refused by the replay limit, with a message
        violated("a valid scenario must allocate with greedy");
    }
    Effort sum = 0;
    for (std::size_t i = 0; i < s.projects.size(); ++i) {
        const ProjectAllocation &pa = greedy.allocation->projects[i];
        const Project &p = s.projects[i];
        if (pa.effort < p.minEffort || (p.maxEffort && pa.effort > *p.maxEffort))
            violated("greedy must respect minEffort and maxEffort");
        if (std::isnan(pa.accuracy) || std::isnan(pa.value) || std::isnan(pa.marginal))
            violated("no NaN in an allocation");
        sum += pa.effort;
    }
    if (sum != s.totalEffort)
        violated("greedy must spend exactly the total");

    if (std::isnan(greedy.allocation->bound) || !(greedy.allocation->bound >= greedy.allocation->objective))
        violated("greedy's bound must never be below its objective");

    // Exact only where it is quick, so the fuzzer keeps its pace.
    const double n = static_cast<double>(s.projects.size());
    const double t = static_cast<double>(s.totalEffort);
    if (n * t * t <= 2e6) {
        AllocateOptions options;
        options.timeLimitSeconds = 2; // a pathological input must not stall the fuzzer
        const AllocationResult exact = allocate(s, s.totalEffort, Method::Exact, options);
        if (!exact.ok())
            violated("a small valid scenario must allocate with exact");
        const Allocation &a = *exact.allocation;
        const double g = greedy.allocation->objective, e = a.objective;
        if (std::isnan(e) || (std::isfinite(g) && e < g - 1e-9 * std::max(1.0, std::abs(g))))
            violated("exact must never do worse than greedy");
        if (std::isnan(a.bound) || !(a.bound >= e) || !(a.gap >= 0))
            violated("exact's bound must never be below its objective");
        // Branch and bound against the dynamic programme: the same optimum.
        if (const auto dp = exactEffortsByDp(s, s.totalEffort); dp && a.proven) {
            const double best = evaluate(s, *dp, Method::Exact).objective;
            double scale = 1;
            for (const ProjectAllocation &pa : greedy.allocation->projects)
                scale += std::isfinite(pa.value) ? std::abs(pa.value) : 0.0;
            for (const ProjectAllocation &pa : a.projects)
                scale += std::isfinite(pa.value) ? std::abs(pa.value) : 0.0;
            if (std::isinf(best) ? e != best : std::abs(e - best) > 1e-9 * scale)
                violated("exact must reach the dynamic programme's optimum");
        }
    }
}

} // namespace ef::fuzz
