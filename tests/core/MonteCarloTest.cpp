// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// The Monte Carlo over parameter ranges: reproducibility, the degenerate case, a case checked against
// the closed-form optimum and a brute-force search, cancellation, the CSV, and the file format.
#include "MonteCarlo.h"
#include "Allocator.h"
#include "Presets.h"
#include "RandomScenario.h"
#include "ScenarioFile.h"
#include "TestProjects.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <random>
#include <thread>

using namespace ef;

namespace {

Scenario startup()
{
    return *loadPreset(QStringLiteral("startup")).scenario;
}

/// The startup scenario with ranges on most of its parameters.
Scenario uncertainStartup()
{
    Scenario s = startup();
    s.projects[0].uncertainty.a = ParameterRange{0.06, 0.14};
    s.projects[0].uncertainty.weight = ParameterRange{0.5, 2};
    s.projects[1].uncertainty.a = ParameterRange{0.05, 0.1};
    s.projects[1].uncertainty.b = ParameterRange{1, 9};
    s.projects[3].uncertainty.weight = ParameterRange{1, 3};
    return s;
}

/// Two log projects, 100 units; only the first one's `a` is unsure, over a range on both sides of the
/// second's, so which project gets more flips from draw to draw.
Scenario flippingPair()
{
    Scenario s;
    s.name = "Flip";
    s.totalEffort = 100;
    s.projects = {test::project("First", CurveFamily::Log, 0.1, 2), test::project("Second", CurveFamily::Log, 0.1, 3)};
    s.projects[0].uncertainty.a = ParameterRange{0.05, 0.2};
    return s;
}

void checkSame(const MonteCarloResult &x, const MonteCarloResult &y)
{
    REQUIRE(x.ok());
    REQUIRE(y.ok());
    CHECK(x.efforts == y.efforts);
    REQUIRE(x.parameters.size() == y.parameters.size());
    for (std::size_t k = 0; k < x.parameters.size(); ++k) {
        CHECK(x.parameters[k].a == y.parameters[k].a);
        CHECK(x.parameters[k].b == y.parameters[k].b);
        CHECK(x.parameters[k].midpoint == y.parameters[k].midpoint);
        CHECK(x.parameters[k].weight == y.parameters[k].weight);
    }
    CHECK(x.expectedRegret == y.expectedRegret);
    REQUIRE(x.projects.size() == y.projects.size());
    for (std::size_t i = 0; i < x.projects.size(); ++i) {
        CHECK(x.projects[i].p5 == y.projects[i].p5);
        CHECK(x.projects[i].p50 == y.projects[i].p50);
        CHECK(x.projects[i].p95 == y.projects[i].p95);
        CHECK(x.projects[i].topProbability == y.projects[i].topProbability);
        CHECK(x.projects[i].stageProbabilities == y.projects[i].stageProbabilities);
    }
}

} // namespace

TEST_CASE("the same seed gives the same draws and summaries, whatever the thread count", "[montecarlo]")
{
    const Scenario s = uncertainStartup();
    MonteCarloOptions options;
    options.samples = 500;
    options.seed = 42;
    options.threads = 1;
    const MonteCarloResult one = monteCarlo(s, options);
    options.threads = 2;
    const MonteCarloResult two = monteCarlo(s, options);
    options.threads = 7;
    const MonteCarloResult seven = monteCarlo(s, options);
    const MonteCarloResult again = monteCarlo(s, options);
    checkSame(one, two);
    checkSame(one, seven);
    checkSame(seven, again);
    // The draws really vary, within their ranges, and another seed gives other draws.
    REQUIRE(one.parameters.size() == 500 * s.projects.size());
    double lowest = 1, highest = 0;
    for (std::size_t d = 0; d < 500; ++d) {
        const DrawnParameters &p = one.parameters[d * s.projects.size()];
        CHECK(p.a >= 0.06);
        CHECK(p.a <= 0.14);
        lowest = std::min(lowest, p.a);
        highest = std::max(highest, p.a);
        CHECK(one.parameters[d * s.projects.size() + 2].a == s.projects[2].curve.a); // no range: the value
    }
    CHECK(lowest < 0.07);
    CHECK(highest > 0.13);
    options.seed = 43;
    const MonteCarloResult other = monteCarlo(s, options);
    REQUIRE(other.ok());
    CHECK(other.parameters[0].a != one.parameters[0].a);
    CHECK(other.efforts != one.efforts);
}

TEST_CASE("a draw depends on the seed and its index alone", "[montecarlo]")
{
    const Scenario s = uncertainStartup();
    MonteCarloOptions options;
    options.samples = 20;
    options.threads = 2;
    const MonteCarloResult twenty = monteCarlo(s, options);
    options.samples = 7;
    const MonteCarloResult seven = monteCarlo(s, options);
    REQUIRE(twenty.ok());
    REQUIRE(seven.ok());
    const std::size_t n = s.projects.size();
    CHECK(std::equal(seven.efforts.begin(), seven.efforts.end(), twenty.efforts.begin()));
    for (std::size_t d = 0; d < 7; ++d) {
        const auto drawn = drawParameters(s, kDefaultSeed, d);
        for (std::size_t i = 0; i < n; ++i)
            CHECK(drawn[i].b == twenty.parameters[d * n + i].b);
    }
}

TEST_CASE("without uncertainty every draw is the point split, and the plan has no regret", "[montecarlo]")
{
    const Scenario s = startup();
    MonteCarloOptions options;
    options.samples = 64;
    const MonteCarloResult r = monteCarlo(s, options);
    REQUIRE(r.ok());
    const std::vector<Effort> expected{33, 27, 20, 13, 7};
    CHECK(r.pointEfforts == expected);
    CHECK(r.expectedRegret == 0);
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const MonteCarloProject &p = r.projects[i];
        CHECK(p.p5 == expected[i]);
        CHECK(p.p50 == expected[i]);
        CHECK(p.p95 == expected[i]);
        CHECK(p.topProbability == (i == 0 ? 1.0 : 0.0));
        REQUIRE(p.stageProbabilities.size() == s.stages.size());
        for (std::size_t k = 0; k < s.stages.size(); ++k)
            CHECK(p.stageProbabilities[k] == (expected[i] >= s.stages[k].from ? 1.0 : 0.0));
    }
}

TEST_CASE("two log projects: the draws follow the closed-form optimum and a brute-force regret", "[montecarlo]")
{
    const Scenario s = flippingPair();
    MonteCarloOptions options;
    options.samples = 4000;
    options.seed = 7;
    const MonteCarloResult r = monteCarlo(s, options);
    REQUIRE(r.ok());
    REQUIRE(r.pointEfforts == std::vector<Effort>{50, 50}); // equal a: ties to the earlier project
    const Effort total = s.totalEffort;
    double firstOnTop = 0;
    double regret = 0;
    for (std::size_t d = 0; d < 4000; ++d) {
        const double a1 = r.parameters[2 * d].a;
        const double a2 = r.parameters[2 * d + 1].a;
        REQUIRE(a2 == 0.1);
        // Continuous optimum x₁ = T·a₁/(a₁ + a₂); greedy's integer split is within a unit of it.
        const double x1 = static_cast<double>(total) * a1 / (a1 + a2);
        CHECK(std::abs(static_cast<double>(r.efforts[2 * d]) - x1) <= 1.0);
        CHECK(r.efforts[2 * d] + r.efforts[2 * d + 1] == total);
        firstOnTop += r.efforts[2 * d] >= r.efforts[2 * d + 1] ? 1 : 0;
        // Regret by brute force over every split, on this draw's curves.
        const Curve c1{CurveFamily::Log, a1, 2, 0}, c2{CurveFamily::Log, a2, 3, 0};
        const auto objective
            = [&](Effort x) { return c1.value(static_cast<double>(x)) + c2.value(static_cast<double>(total - x)); };
        double best = objective(1);
        for (Effort x = 2; x < total; ++x)
            best = std::max(best, objective(x));
        regret += best - objective(50);
    }
    regret /= 4000;
    CHECK(r.projects[0].topProbability == Approx(firstOnTop / 4000).margin(1e-12));
    CHECK(r.projects[0].topProbability + r.projects[1].topProbability == Approx(1.0));
    CHECK(r.expectedRegret == Approx(regret).epsilon(1e-9));
    CHECK(r.expectedRegret > 0);

    // Against the distribution itself: a₁ uniform on [0.05, 0.2]. The first project gets more when
    // a₁ > 0.1, with probability 2/3 (4000 draws: standard error 0.0075).
    CHECK(r.projects[0].topProbability == Approx(2.0 / 3).margin(0.03));
    // It reaches "Using DL" (40 units) when a₁/(a₁ + 0.1) ≥ 0.4, a₁ ≥ 1/15: probability (0.2 − 1/15)/0.15.
    CHECK(r.projects[0].stageProbabilities[3] == Approx((0.2 - 1.0 / 15) / 0.15).margin(0.03));
    CHECK(r.projects[0].stageProbabilities[0] == 1.0);
    CHECK(r.projects[0].stageProbabilities[4] == 0.0); // 90 units would need a₁ ≥ 0.9
    // Quantiles of x₁ = 100·a₁/(a₁ + 0.1) at a₁'s quantiles 0.0575, 0.125, 0.1925: 36.5, 55.6, 65.8.
    CHECK(std::abs(static_cast<double>(r.projects[0].p5) - 36.5) <= 2);
    CHECK(std::abs(static_cast<double>(r.projects[0].p50) - 55.6) <= 2);
    CHECK(std::abs(static_cast<double>(r.projects[0].p95) - 65.8) <= 2);
    CHECK(r.projects[0].p5 + r.projects[1].p95 == total);
}

TEST_CASE("quantiles are nearest-rank efforts of the draws", "[montecarlo]")
{
    const Scenario s = flippingPair();
    MonteCarloOptions options;
    options.samples = 40;
    const MonteCarloResult r = monteCarlo(s, options);
    REQUIRE(r.ok());
    std::vector<Effort> first;
    for (std::size_t d = 0; d < 40; ++d)
        first.push_back(r.efforts[2 * d]);
    std::sort(first.begin(), first.end());
    CHECK(r.projects[0].p5 == first[1]);   // ⌈0.05·40⌉ = 2nd
    CHECK(r.projects[0].p50 == first[19]); // ⌈0.5·40⌉ = 20th
    CHECK(r.projects[0].p95 == first[37]); // ⌈0.95·40⌉ = 38th
    options.samples = 1;
    const MonteCarloResult single = monteCarlo(s, options);
    REQUIRE(single.ok());
    CHECK(single.projects[0].p5 == single.efforts[0]);
    CHECK(single.projects[0].p95 == single.efforts[0]);
}

TEST_CASE("S-curves are drawn and allocated exactly, midpoints included", "[montecarlo]")
{
    Scenario s;
    s.totalEffort = 300;
    s.projects = {test::project("Bet", CurveFamily::Logistic, 1.0, 0.1, 1, 150),
                  test::project("Steady", CurveFamily::Log1p, 0.3, 0.1)};
    s.projects[0].uncertainty.midpoint = ParameterRange{100, 400};
    MonteCarloOptions options;
    options.samples = 200;
    const MonteCarloResult r = monteCarlo(s, options);
    REQUIRE(r.ok());
    for (std::size_t d = 0; d < 200; ++d) {
        Scenario drawn = s;
        drawn.projects[0].curve.midpoint = r.parameters[2 * d].midpoint;
        CHECK(r.parameters[2 * d].midpoint >= 100);
        CHECK(r.parameters[2 * d].midpoint <= 400);
        const AllocationResult exact = allocate(drawn, s.totalEffort, Method::Exact);
        REQUIRE(exact.ok());
        CHECK(r.efforts[2 * d] == exact.allocation->projects[0].effort);
    }
    // An early midpoint makes the bet worth it, a late one does not: the draws disagree.
    CHECK(r.projects[0].p5 < r.projects[0].p95);
    CHECK(r.expectedRegret > 0);
}

TEST_CASE("S-curve draws (the exact method) are the same with one thread and with four", "[montecarlo]")
{
    // Draws that are not all concave run allocate() rather than the warm-started greedy: the other path
    // through the parallel loop, whose per-thread scratch scenario must not leak from draw to draw.
    std::mt19937_64 rng(5);
    Scenario s = test::randomSCurveScenario(rng, 4, 120, 1.0);
    for (Project &p : s.projects) {
        p.uncertainty.midpoint = ParameterRange{p.curve.midpoint * 0.5, p.curve.midpoint * 1.5};
        p.uncertainty.weight = ParameterRange{0.5, 2};
    }
    MonteCarloOptions options;
    options.samples = 150;
    options.seed = 2026;
    options.threads = 1;
    const MonteCarloResult one = monteCarlo(s, options);
    options.threads = 4;
    const MonteCarloResult four = monteCarlo(s, options);
    checkSame(one, four);
    // Not a trivial run: the draws move the efforts, and the plan made on the point values has regret.
    REQUIRE(one.efforts.size() == 150 * s.projects.size());
    CHECK(
        std::any_of(one.projects.begin(), one.projects.end(), [](const MonteCarloProject &p) { return p.p5 < p.p95; }));
    CHECK(one.expectedRegret > 0);
}

TEST_CASE("a raised cancel flag stops the run promptly and leaves the scenario alone", "[montecarlo]")
{
    // S-curves: every draw runs the exact method, some milliseconds each, so 20,000 draws take far
    // longer than the second allowed below.
    std::mt19937_64 rng(11);
    Scenario s = test::randomSCurveScenario(rng, 40, 20'000, 1.0);
    for (Project &p : s.projects)
        p.uncertainty.midpoint = ParameterRange{p.curve.midpoint * 0.5, p.curve.midpoint * 1.5};
    const Scenario before = s;
    std::atomic<bool> cancel{false};
    MonteCarloOptions options;
    options.samples = 20'000;
    options.keepParameters = false;
    options.cancel = &cancel;
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        cancel.store(true);
    });
    const auto start = std::chrono::steady_clock::now();
    const MonteCarloResult r = monteCarlo(s, options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    canceller.join();
    CHECK(r.error == "cancelled");
    CHECK_FALSE(r.ok());
    CHECK(r.efforts.empty());
    CHECK(seconds < 1.0);
    CHECK(s == before);
}

TEST_CASE("the draw count is bounded", "[montecarlo]")
{
    const Scenario s = startup();
    MonteCarloOptions options;
    options.samples = 0;
    CHECK_FALSE(monteCarlo(s, options).ok());
    options.samples = kMaxSamples + 1;
    CHECK(monteCarlo(s, options).error.find("between 1 and 100000") != std::string::npos);
    CHECK(sampleProblem(kMaxSamples, 40).empty());
    CHECK_FALSE(sampleProblem(kMaxSamples, 41).empty());
}

TEST_CASE("the draws CSV has one row per draw and project, names quoted", "[montecarlo][csv]")
{
    Scenario s = flippingPair();
    s.projects[1].name = "Say \"hi\", twice";
    s.projects.push_back(test::project("Bet", CurveFamily::Logistic, 0.2, 0.1, 1, 30));
    MonteCarloOptions options;
    options.samples = 3;
    const MonteCarloResult r = monteCarlo(s, options);
    REQUIRE(r.ok());
    const std::string csv = drawsCsv(s, r);
    CHECK(csv.rfind("draw,project,a,b,midpoint,weight,effort\n", 0) == 0);
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 1 + 3 * 3);
    CHECK(csv.find("\n1,\"Say \"\"hi\"\", twice\",0.1,3,,1,") != std::string::npos);
    CHECK(csv.find("\n3,\"Bet\",0.2,0.1,30,1,") != std::string::npos);
    CHECK(csv.back() == '\n');
}

TEST_CASE("uncertainty ranges survive a file round trip", "[montecarlo][scenariofile]")
{
    Scenario s = uncertainStartup();
    s.projects[4].curve = Curve{CurveFamily::Logistic, 0.02, 0.1, 40};
    s.projects[4].uncertainty.midpoint = ParameterRange{20, 60};
    s.projects[4].uncertainty.a = ParameterRange{0.02, 0.02};
    const std::string json = serializeScenario(s);
    CHECK(json.find("\"uncertainty\": {") != std::string::npos);
    const LoadResult loaded = parseScenario(QByteArray::fromStdString(json), QStringLiteral("memory"));
    INFO(loaded.error.message().toStdString());
    REQUIRE(loaded.ok());
    CHECK(*loaded.scenario == s);
    // A project without ranges writes no "uncertainty" key.
    CHECK(serializeScenario(startup()).find("uncertainty") == std::string::npos);
}

TEST_CASE("bad uncertainty ranges are refused with their JSON path", "[montecarlo][scenariofile]")
{
    struct Case {
        const char *uncertainty;
        const char *location;
        const char *reason;
    };
    const Case cases[] = {
        {R"({"a": [0.2, 0.3]})", "projects[0].uncertainty.a", "[0.2, 0.3] must contain the value 0.1"},
        {R"({"a": [0.3, 0.2]})", "projects[0].uncertainty.a", "low (0.3) is above high (0.2)"},
        {R"({"a": [-0.1, 0.2]})", "projects[0].uncertainty.a", "low must be ≥ 0"},
        {R"({"a": "0.1"})", "projects[0].uncertainty.a", "must be [low, high], two numbers"},
        {R"({"weight": [1, 2, 3]})", "projects[0].uncertainty.weight", "must be [low, high], two numbers"},
        {R"({"weight": [0.5, 2e6]})", "projects[0].uncertainty.weight", "high must be at most 1000000"},
        {R"({"weight": [2, 3]})", "projects[0].uncertainty.weight", "must contain the value 1"},
        {R"({"b": [0, 3]})", "projects[0].uncertainty.b", "low must be > 0"},
        {R"({"midpoint": [0, 3]})", "projects[0].uncertainty.midpoint", "only logistic curves have a midpoint"},
        {R"({"c": [0, 3]})", "projects[0].uncertainty", "unknown key \"c\""},
        {R"([0.1, 0.2])", "projects[0].uncertainty", "must be an object"},
    };
    for (const Case &c : cases) {
        DYNAMIC_SECTION(c.uncertainty)
        {
            const QByteArray json = QByteArray(R"({"version": 1, "totalEffort": 10, "projects": [)")
                + R"({"name": "P", "curve": {"family": "log", "a": 0.1, "b": 2}, "uncertainty": )" + c.uncertainty
                + "}]}";
            const LoadResult loaded = parseScenario(json, QStringLiteral("memory"));
            REQUIRE_FALSE(loaded.ok());
            CHECK(loaded.error.location == QString::fromUtf8(c.location));
            CHECK(loaded.error.reason.contains(QString::fromUtf8(c.reason)));
        }
    }
}

TEST_CASE("an edited value takes its range along, so the scenario stays valid", "[montecarlo][scenariofile]")
{
    Scenario s = uncertainStartup();
    s.projects[0].curve.a = 0.3;                     // above [0.06, 0.14]
    s.projects[1].curve.b = 0.5;                     // below [1, 9]
    s.projects[3].weight = 0.25;                     // below [1, 3]
    s.projects[2].uncertainty.midpoint = {{10, 20}}; // a log curve has no midpoint
    REQUIRE(validateScenario(s, QStringLiteral("memory")).has_value());
    for (Project &p : s.projects)
        widenRangesToValues(p);
    CHECK_FALSE(validateScenario(s, QStringLiteral("memory")).has_value());
    CHECK(s.projects[0].uncertainty.a == ParameterRange{0.06, 0.3});
    CHECK(s.projects[1].uncertainty.b == ParameterRange{0.5, 9});
    CHECK(s.projects[3].uncertainty.weight == ParameterRange{0.25, 3});
    CHECK_FALSE(s.projects[2].uncertainty.midpoint.has_value());
    // A power curve's b range is cut to its limit of 10.
    Project power = test::project("Power", CurveFamily::Power, 0.1, 0.5);
    power.uncertainty.b = ParameterRange{0.25, 50};
    widenRangesToValues(power);
    CHECK(power.uncertainty.b == ParameterRange{0.25, 10});
}

TEST_CASE("a warm-started greedy gives greedy's split whatever the hint", "[montecarlo][allocator]")
{
    std::mt19937_64 rng(2026);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    int checked = 0;
    for (int k = 0; k < 400; ++k) {
        const Effort total = std::uniform_int_distribution<Effort>(0, k % 4 == 0 ? 1'000'000 : 2000)(rng);
        test::RandomScenarioOptions o;
        o.maxProjects = 12;
        o.bounds = k % 3 == 0;
        o.zeroWeights = k % 5 == 0;
        o.ties = k % 7 == 0;
        const Scenario s = test::randomScenario(rng, total, o);
        if (feasibilityProblem(s, total))
            continue;
        const std::vector<Effort> expected = greedyEfforts(s, total);
        double level = std::numeric_limits<double>::infinity(); // the last unit's gain: the water level
        for (std::size_t i = 0; i < s.projects.size(); ++i)
            if (expected[i] > s.projects[i].minEffort)
                level = std::min(level, s.projects[i].curve.weightedGain(s.projects[i].weight, expected[i] - 1));
        if (!std::isfinite(level))
            level = 1;
        // Hints at, just around, far below and far above the water level, and no hint at all.
        for (const double hint : {level, level * (1 + 1e-12), level * 0.97, level * 1.3, 1e-300, 1e-9 * unit(rng),
                                  unit(rng), 1e3 * unit(rng), 1e300, 0.0, -1.0}) {
            INFO("scenario " << k << ", hint " << hint);
            CHECK(greedyConcaveEfforts(s, total, hint) == expected);
        }
        ++checked;
    }
    CHECK(checked > 300);
}
