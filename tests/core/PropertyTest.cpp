// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// Numerical robustness: any scenario a file can hold gives a valid allocation with no NaN.
#include "Allocator.h"
#include "ExtremeScenario.h"
#include "ScenarioFile.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <sstream>

using namespace ef;
using namespace ef::test;

namespace {

std::string describe(const Scenario &s)
{
    std::ostringstream out;
    out.precision(17);
    out << "total " << s.totalEffort << ";";
    for (const Project &p : s.projects)
        out << " [" << std::string(familyName(p.curve.family)) << " a=" << p.curve.a << " b=" << p.curve.b
            << " m=" << p.curve.midpoint << " s=" << p.curve.scale << " w=" << p.weight << " min=" << p.minEffort
            << " max=" << (p.maxEffort ? std::to_string(*p.maxEffort) : std::string("-")) << "]";
    return out.str();
}

/// Checks one allocation against the scenario; returns it (or nothing when refused for a limit).
std::optional<Allocation> checkedAllocation(const Scenario &s, Method method)
{
    const AllocationResult result = allocate(s, s.totalEffort, method);
    if (!result.ok()) {
        INFO("refused: " << result.error);
        CHECK(result.error.find("limit") != std::string::npos); // only the size limits refuse
        return std::nullopt;
    }
    const Allocation &a = *result.allocation;
    REQUIRE(a.projects.size() == s.projects.size());
    CHECK(a.totalEffort == s.totalEffort);
    Effort sum = 0;
    for (std::size_t i = 0; i < a.projects.size(); ++i) {
        const ProjectAllocation &pa = a.projects[i];
        const Project &p = s.projects[i];
        INFO("project " << i);
        sum += pa.effort;
        CHECK(pa.effort >= p.minEffort);
        if (p.maxEffort)
            CHECK(pa.effort <= *p.maxEffort);
        CHECK_FALSE(std::isnan(pa.accuracy));
        CHECK_FALSE(std::isnan(pa.value));
        CHECK_FALSE(std::isnan(pa.marginal));
        CHECK(pa.stage < s.stages.size());
        if (!std::isfinite(pa.accuracy) && pa.accuracy < 0) {
            // −∞ only for a log curve at 0 units.
            CHECK(p.curve.family == CurveFamily::Log);
            CHECK(pa.effort == 0);
        } else {
            CHECK(std::isfinite(pa.accuracy)); // power's b ≤ 10 keeps a·x^b finite
        }
    }
    CHECK(sum == s.totalEffort);
    CHECK_FALSE(std::isnan(a.objective));
    return a;
}

} // namespace

TEST_CASE("Random extreme scenarios allocate validly, with no NaN, exact never worse than greedy", "[property]")
{
    std::mt19937_64 rng(0xEFF0127ull);
    int refused = 0;
    int compared = 0;
    for (int round = 0; round < 1500; ++round) {
        const Scenario s = extremeScenario(rng);
        INFO("round " << round << ": " << describe(s));
        REQUIRE_FALSE(validateScenario(s, QStringLiteral("random")).has_value()); // within the file limits
        const std::optional<Allocation> autoResult = checkedAllocation(s, Method::Auto);
        const std::optional<Allocation> greedy = checkedAllocation(s, Method::Greedy);
        if (!autoResult || !greedy)
            ++refused;
        if (autoResult && greedy && autoResult->method == Method::Exact && std::isfinite(greedy->objective)) {
            ++compared;
            const double tolerance = 1e-9 * std::max(1.0, std::abs(greedy->objective));
            CHECK(autoResult->objective >= greedy->objective - tolerance);
        }
        if (s.allConcave() && autoResult && greedy) // auto is greedy then: the very same split
            CHECK(autoResult->objective == greedy->objective);
    }
    CHECK(refused < 1500);
    CHECK(compared > 0);
}

TEST_CASE("Zero weights everywhere, zero budget and a single project are valid allocations", "[property]")
{
    for (const CurveFamily family : kAllFamilies) {
        for (const Effort total : {Effort{0}, Effort{1}, Effort{1000}, Effort{1'000'000'000}}) {
            for (const int n : {1, 5}) {
                Scenario s;
                s.name = "edge";
                s.totalEffort = total;
                for (int i = 0; i < n; ++i) {
                    Project p;
                    p.name = "P";
                    p.name += std::to_string(i);
                    p.weight = 0;
                    p.curve = Curve{family, i % 2 ? 0.0 : 1e6, i % 2 ? limits::maxB(family) : 1e-12,
                                    family == CurveFamily::Logistic ? 1e9 : 0.0};
                    s.projects.push_back(p);
                }
                INFO(describe(s));
                REQUIRE_FALSE(validateScenario(s, QStringLiteral("edge")).has_value());
                const std::optional<Allocation> a = checkedAllocation(s, Method::Auto);
                if (s.allConcave())
                    REQUIRE(a);
                checkedAllocation(s, Method::Greedy);
                if (a && n == 1)
                    CHECK(a->projects[0].effort == total);
            }
        }
    }
}

TEST_CASE("Extreme scenarios survive a save and reload unchanged", "[property]")
{
    std::mt19937_64 rng(20261126);
    for (int round = 0; round < 300; ++round) {
        const Scenario s = extremeScenario(rng);
        INFO("round " << round << ": " << describe(s));
        const std::string text = serializeScenario(s);
        const LoadResult loaded
            = parseScenario(QByteArray(text.data(), static_cast<qsizetype>(text.size())), QStringLiteral("x"));
        INFO(loaded.error.message().toStdString());
        REQUIRE(loaded.ok());
        CHECK(*loaded.scenario == s);
    }
}

// Found by these tests: a power curve overflowing to +∞ next to a log project held at 0 units (−∞)
// made the objective +∞ + −∞ = NaN. Files now cap power's b at 10 (so a·x^b stays finite), and a
// −∞ project makes the objective −∞ whatever the others hold.
TEST_CASE("a project at -inf makes the objective -inf, never NaN, and power's b is capped in files", "[property]")
{
    const Scenario s = test::overflowBesideStarvedLog();
    const auto problem = validateScenario(s, QStringLiteral("nan"));
    REQUIRE(problem.has_value());
    CHECK(problem->message() == QStringLiteral("nan: projects[0].curve.b: must be at most 10 for a power curve"));
    for (const Method method : {Method::Auto, Method::Greedy, Method::Exact}) {
        const AllocationResult result = allocate(s, s.totalEffort, method);
        REQUIRE(result.ok());
        CHECK(result.allocation->objective == -std::numeric_limits<double>::infinity());
    }
}
