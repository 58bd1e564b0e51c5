// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// The allocators against independent references: the naive seed loop, brute force, and MODEL.md.
#include "Allocator.h"
#include "NaiveGreedy.h"
#include "Presets.h"
#include "RandomScenario.h"
#include "TestProjects.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <limits>
#include <numeric>

using namespace ef;
using ef::test::naiveGreedy;
using ef::test::project;
using ef::test::randomScenario;
using ef::test::RandomScenarioOptions;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::vector<Effort> efforts(const Allocation &allocation)
{
    std::vector<Effort> out;
    for (const ProjectAllocation &pa : allocation.projects)
        out.push_back(pa.effort);
    return out;
}

double objectiveOf(const Scenario &s, const std::vector<Effort> &x)
{
    double sum = 0;
    for (std::size_t i = 0; i < x.size(); ++i)
        if (s.projects[i].weight != 0)
            sum += s.projects[i].weight * s.projects[i].curve.value(static_cast<double>(x[i]));
    return sum;
}

/// Best objective over every split of `total` within the bounds, by plain enumeration.
double bruteForceBest(const Scenario &s, Effort total)
{
    const std::size_t n = s.projects.size();
    std::vector<Effort> x(n);
    double best = -kInf;
    bool any = false;
    std::function<void(std::size_t, Effort)> visit = [&](std::size_t i, Effort left) {
        const Project &p = s.projects[i];
        const Effort hi = std::min(left, p.maxEffort.value_or(left));
        if (i + 1 == n) {
            if (left < p.minEffort || left > hi)
                return;
            x[i] = left;
            const double value = objectiveOf(s, x);
            if (!any || value > best)
                best = value;
            any = true;
            return;
        }
        for (Effort k = p.minEffort; k <= hi; ++k) {
            x[i] = k;
            visit(i + 1, left - k);
        }
    };
    visit(0, total);
    return best;
}

void checkWithinBounds(const Scenario &s, const std::vector<Effort> &x, Effort total)
{
    REQUIRE(x.size() == s.projects.size());
    CHECK(std::accumulate(x.begin(), x.end(), Effort{0}) == total);
    for (std::size_t i = 0; i < x.size(); ++i) {
        CHECK(x[i] >= s.projects[i].minEffort);
        if (s.projects[i].maxEffort)
            CHECK(x[i] <= *s.projects[i].maxEffort);
    }
}

} // namespace

TEST_CASE("the three reference scenarios reproduce MODEL.md's red dots", "[allocator][preset]")
{
    const std::pair<const char *, std::vector<Effort>> expected[] = {
        {"startup", {33, 27, 20, 13, 7}},
        {"growth", {100, 80, 60, 40, 20}},
        {"ml-first", {75, 10, 7, 5, 3}},
    };
    for (const auto &[name, dots] : expected) {
        INFO(name);
        const LoadResult loaded = loadPreset(QString::fromLatin1(name));
        REQUIRE(loaded.ok());
        const Scenario &s = *loaded.scenario;
        const AllocationResult result = allocate(s);
        REQUIRE(result.ok());
        CHECK(result.allocation->method == Method::Greedy);
        CHECK(efforts(*result.allocation) == dots);
        CHECK(naiveGreedy(s, s.totalEffort) == dots);
        // Concave curves: greedy is optimal, so exact reaches the same objective.
        const AllocationResult exact = allocate(s, Method::Exact);
        REQUIRE(exact.ok());
        CHECK(exact.allocation->objective == Approx(result.allocation->objective).epsilon(1e-12));
    }
}

TEST_CASE("the stages tell MODEL.md's story", "[allocator][preset]")
{
    const auto stageNames = [](const char *preset) {
        const Scenario s = *loadPreset(QString::fromLatin1(preset)).scenario;
        std::vector<std::string> names;
        const AllocationResult result = allocate(s);
        for (const ProjectAllocation &pa : result.allocation->projects)
            names.push_back(s.stages[pa.stage].name);
        return names;
    };
    // Budget 100: nobody past feature engineering. 300: the top project reaches SotA research.
    CHECK(stageNames("startup")
          == std::vector<std::string>{"Feature engineering", "Feature engineering", "Feature engineering", "Using ML",
                                      "Using ML"});
    CHECK(stageNames("growth").front() == "SotA research approach");
    CHECK(stageNames("ml-first").front() == "Using DL");
}

TEST_CASE("allocation results carry accuracy, value, marginal gain and objective", "[allocator]")
{
    Scenario s;
    s.projects = {project("A", CurveFamily::Log, 0.1, 2.0, 3.0), project("B", CurveFamily::Log, 0.05, 10.0)};
    const AllocationResult r = allocate(s, 10, Method::Greedy);
    REQUIRE(r.ok());
    const Allocation &a = *r.allocation;
    // Gains 0.3·ln((x+1)/x) vs 0.05·ln((y+1)/y): by hand, A gets 9 units and B 1.
    REQUIRE(efforts(a) == std::vector<Effort>{9, 1});
    CHECK(a.projects[0].accuracy == Approx(0.1 * std::log(18.0)));
    CHECK(a.projects[0].value == Approx(0.3 * std::log(18.0)));
    CHECK(a.projects[0].marginal == Approx(0.3 * std::log(10.0 / 9.0)));
    CHECK(a.projects[1].marginal == Approx(0.05 * std::log(2.0)));
    CHECK(a.objective == Approx(0.3 * std::log(18.0) + 0.05 * std::log(10.0)));
    CHECK(a.totalEffort == 10);
    CHECK(a.projects[0].stage == 1); // 9 units: "Using ML" (from 5)
    CHECK(a.projects[1].stage == 0); // 1 unit: "If-else heuristics"
}

TEST_CASE("ties go to the earliest project, including the +∞ gains of log curves at zero", "[allocator]")
{
    Scenario twins;
    twins.projects = {project("A", CurveFamily::Log1p, 1, 1), project("B", CurveFamily::Log1p, 1, 1)};
    CHECK(greedyEfforts(twins, 3) == std::vector<Effort>{2, 1});
    CHECK(greedyEffortsByHeap(twins, 3) == std::vector<Effort>{2, 1});

    Scenario logs;
    logs.projects = {project("A", CurveFamily::Log, 1, 1), project("B", CurveFamily::Log, 2, 1),
                     project("C", CurveFamily::Log, 3, 1)};
    CHECK(greedyEfforts(logs, 2) == std::vector<Effort>{1, 1, 0});
    const AllocationResult starved = allocate(logs, 2, Method::Greedy);
    CHECK(starved.allocation->objective == -kInf);
    CHECK(starved.allocation->projects[2].marginal == kInf);

    Scenario weightless;
    weightless.projects = {project("A", CurveFamily::Log, 1, 1, 0), project("B", CurveFamily::Exp, 1, 1, 0)};
    CHECK(greedyEfforts(weightless, 50) == std::vector<Effort>{50, 0});
    CHECK(allocate(weightless, 50, Method::Greedy).allocation->objective == 0);

    Scenario linear; // power with b = 1: every unit of a project has the same gain
    linear.projects = {project("A", CurveFamily::Power, 1, 1), project("B", CurveFamily::Power, 1, 1)};
    linear.projects[0].maxEffort = 40;
    CHECK(greedyEfforts(linear, 100) == std::vector<Effort>{40, 60});
}

TEST_CASE("fast greedy gives the naive loop's split on random scenarios", "[allocator][property]")
{
    std::mt19937_64 rng(20261126);
    struct Case {
        const char *what;
        RandomScenarioOptions options;
    };
    const Case cases[] = {
        {"concave", {}},
        {"concave, many projects", {20, 60}},
        {"concave with bounds", {1, 8, true, true}},
        {"concave with zero weights", {1, 8, true, false, true}},
        {"frequent exact ties", {2, 10, true, true, true, true}},
        {"S-curves too (heap path)", {1, 8, false, true, true}},
    };
    for (const Case &c : cases) {
        for (int trial = 0; trial < 150; ++trial) {
            const Effort total = std::uniform_int_distribution<Effort>(0, trial % 10 == 0 ? 5000 : 400)(rng);
            const Scenario s = randomScenario(rng, total, c.options);
            if (feasibilityProblem(s, total))
                continue;
            const std::vector<Effort> expected = naiveGreedy(s, total);
            INFO(c.what << ", trial " << trial << ", total " << total);
            REQUIRE(greedyEfforts(s, total) == expected);
            REQUIRE(greedyEffortsByHeap(s, total) == expected);
        }
    }
}

TEST_CASE("fast greedy follows the replay where gains are flat to the last bits", "[allocator][regression]")
{
    // Issue 8, item 6: two identical logistic curves with midpoint 0 and b = 1e-9 have gains equal
    // to ~1e-15, wobbling by an ulp; the unit-by-unit rule follows the wobbles and splits 653/653.
    Scenario twins;
    twins.projects = {project("A", CurveFamily::Logistic, 1, 1e-9), project("B", CurveFamily::Logistic, 1, 1e-9)};
    CHECK(greedyEffortsByHeap(twins, 1306) == std::vector<Effort>{653, 653});
    CHECK(greedyEfforts(twins, 1306) == std::vector<Effort>{653, 653});
    CHECK(allocate(twins, 1306, Method::Auto).allocation->projects[0].effort == 653);
    for (const Effort total : {Effort{1}, Effort{99}, Effort{5000}, Effort{77'777}})
        CHECK(greedyEfforts(twins, total) == greedyEffortsByHeap(twins, total));
    // Flat curves of several shapes and sizes, mixed with ordinary ones.
    std::mt19937_64 rng(8);
    for (int trial = 0; trial < 60; ++trial) {
        Scenario s;
        const int n = std::uniform_int_distribution<int>(2, 6)(rng);
        for (int i = 0; i < n; ++i) {
            const int kind = std::uniform_int_distribution<int>(0, 2)(rng);
            const double a = std::uniform_real_distribution<double>(0.5, 2)(rng);
            if (kind == 0)
                s.projects.push_back(project("flat", CurveFamily::Logistic, 1, 1e-9 * a));
            else if (kind == 1)
                s.projects.push_back(project("flat exp", CurveFamily::Exp, a, 1e-12));
            else
                s.projects.push_back(project("log1p", CurveFamily::Log1p, a * 1e-7, 0.01));
        }
        const Effort total = std::uniform_int_distribution<Effort>(0, 20'000)(rng);
        INFO("trial " << trial << " total " << total);
        REQUIRE(greedyEfforts(s, total) == greedyEffortsByHeap(s, total));
    }
}

TEST_CASE("fast greedy matches the heap replay at a large scale", "[allocator][property]")
{
    std::mt19937_64 rng(99);
    for (int trial = 0; trial < 3; ++trial) {
        const Scenario s = randomScenario(rng, 0, {500, 2000, true, trial == 2, trial == 1});
        const Effort total = 2'000'000;
        INFO("trial " << trial << " with " << s.projects.size() << " projects");
        REQUIRE(greedyEfforts(s, total) == greedyEffortsByHeap(s, total));
    }
}

TEST_CASE("the expansion path gives the greedy split at every budget", "[allocator]")
{
    std::mt19937_64 rng(5);
    for (int trial = 0; trial < 20; ++trial) {
        const Scenario s = randomScenario(rng, 200, {1, 6, trial % 2 == 0, trial % 3 == 0});
        if (feasibilityProblem(s, 200))
            continue;
        const ExpansionPath path = *expansionPath(s, 200);
        const Effort start = std::accumulate(path.base.begin(), path.base.end(), Effort{0});
        CHECK(start + static_cast<Effort>(path.order.size()) == 200);
        for (Effort budget = start; budget <= 200; ++budget) {
            INFO("trial " << trial << " budget " << budget);
            REQUIRE(path.effortsAt(budget) == naiveGreedy(s, budget));
        }
    }
    const Scenario startup = *loadPreset(QStringLiteral("startup")).scenario;
    const ExpansionPath path = *expansionPath(startup, 300);
    CHECK(path.effortsAt(100) == std::vector<Effort>{33, 27, 20, 13, 7});
    CHECK(path.effortsAt(300) == std::vector<Effort>{100, 80, 60, 40, 20});
    CHECK(path.effortsAt(3) == std::vector<Effort>{1, 1, 1, 0, 0}); // +∞ gains first, in order
}

TEST_CASE("exact finds the brute-force optimum for any curve shape", "[allocator][exact]")
{
    std::mt19937_64 rng(11);
    int checked = 0;
    for (int trial = 0; trial < 300; ++trial) {
        const Effort total = std::uniform_int_distribution<Effort>(0, 14)(rng);
        const Scenario s = randomScenario(rng, total, {1, 4, false, trial % 2 == 0, trial % 5 == 0});
        if (feasibilityProblem(s, total))
            continue;
        const auto x = exactEffortsByDp(s, total);
        REQUIRE(x.has_value());
        INFO("trial " << trial << " total " << total);
        checkWithinBounds(s, *x, total);
        const double best = bruteForceBest(s, total);
        if (std::isinf(best))
            CHECK(objectiveOf(s, *x) == best);
        else
            CHECK(objectiveOf(s, *x) == Approx(best).epsilon(1e-12));
        ++checked;
    }
    CHECK(checked > 200);
}

TEST_CASE("on S-curves greedy falls short and exact does not", "[allocator][exact]")
{
    // A project that pays nothing until ~40 units, then a lot, against a modest concave one.
    Scenario s;
    s.projects = {project("Moonshot", CurveFamily::Logistic, 1.0, 0.3, 1, 40),
                  project("Steady", CurveFamily::Log1p, 0.1, 0.5)};
    s.totalEffort = 60;
    CHECK_FALSE(s.allConcave());
    const Allocation greedy = *allocate(s, Method::Greedy).allocation;
    const Allocation exact = *allocate(s, Method::Exact).allocation;
    CHECK(allocate(s, Method::Auto).allocation->method == Method::Exact);
    // Greedy never takes the first, nearly worthless units of the S-curve.
    CHECK(greedy.projects[0].effort < 10);
    CHECK(exact.projects[0].effort > 40);
    CHECK(exact.objective > greedy.objective + 0.5);
    CHECK(exact.objective == Approx(bruteForceBest(s, 60)).epsilon(1e-12));
}

TEST_CASE("every allocator respects minEffort and maxEffort", "[allocator]")
{
    Scenario s;
    s.projects = {project("A", CurveFamily::Log, 5, 1), project("B", CurveFamily::Log, 1, 1),
                  project("C", CurveFamily::Logistic, 1, 0.5, 1, 10)};
    s.projects[0].maxEffort = 20;
    s.projects[1].minEffort = 30;
    for (Method m : {Method::Greedy, Method::Exact, Method::Auto}) {
        const AllocationResult r = allocate(s, 100, m);
        REQUIRE(r.ok());
        checkWithinBounds(s, efforts(*r.allocation), 100);
    }
}

TEST_CASE("infeasible budgets and oversized problems are explained, not attempted", "[allocator]")
{
    Scenario s;
    s.projects = {project("A", CurveFamily::Log, 1, 1), project("B", CurveFamily::Log, 1, 1)};
    s.projects[0].minEffort = 30;
    s.projects[1].minEffort = 30;
    CHECK(allocate(s, 50, Method::Greedy).error
          == "the projects' minEffort add up to 60 units, more than the total effort of 50");
    s.projects[0].maxEffort = 40;
    s.projects[1].maxEffort = 40;
    CHECK(allocate(s, 81, Method::Exact).error
          == "the projects' maxEffort add up to 80 units, less than the total effort of 81");
    CHECK(allocate(s, 80, Method::Exact).ok());
    CHECK(allocate(s, -1, Method::Greedy).error == "the total effort must not be negative");

    Scenario empty;
    CHECK(allocate(empty, 0, Method::Auto).ok());
    CHECK(allocate(empty, 1, Method::Auto).error == "there are no projects to give effort to");

    Scenario big;
    for (int i = 0; i < 50; ++i)
        big.projects.push_back(project("S", CurveFamily::Logistic, 1, 0.1, 1, 30));
    // Far beyond the dynamic programme (which refuses it), yet branch and bound proves it at once.
    std::string dpError;
    CHECK_FALSE(exactEffortsByDp(big, 1'000'000, &dpError).has_value());
    CHECK_THAT(dpError, Catch::Contains("use fewer units or projects, or the exact method"));
    const AllocationResult r = allocate(big, 1'000'000, Method::Auto);
    REQUIRE(r.ok());
    CHECK(r.allocation->method == Method::Exact);
    CHECK(r.allocation->proven);
    // Every project is saturated whatever the split: the objective is 50 full S-curves.
    CHECK(r.allocation->objective == Approx(50 * big.projects[0].curve.value(20'000)).epsilon(1e-12));
    // Greedy replays S-curves unit by unit: bounded too, while concave curves have no such limit.
    const AllocationResult replay = allocate(big, kGreedyReplayLimit + 1, Method::Greedy);
    CHECK_THAT(replay.error, Catch::Contains("is above its limit of 20000000"));
    CHECK(allocate(big, kGreedyReplayLimit, Method::Greedy).ok());
    Scenario concave = *loadPreset(QStringLiteral("startup")).scenario;
    CHECK(allocate(concave, 1'000'000'000, Method::Greedy).ok());
    std::string error;
    CHECK_FALSE(expansionPath(concave, kExpansionPathLimit + 1, &error).has_value());
    CHECK(error == "the expansion path is limited to 10000000 units");
}

TEST_CASE("the constraints' cost compares with the brute-force free optimum, solved once while only bounds change",
          "[allocator][constraints]")
{
    // The S-curve case above, with the moonshot locked low: the free optimum is brute force's unbounded one.
    Scenario s;
    s.projects = {project("Moonshot", CurveFamily::Logistic, 1.0, 0.3, 1, 40),
                  project("Steady", CurveFamily::Log1p, 0.1, 0.5)};
    s.totalEffort = 60;
    Scenario unbounded = s;
    const double freeBest = bruteForceBest(unbounded, 60);

    FreeOptimumCache cache;
    for (Effort lock : {10, 11, 12, 30}) { // a dot dragged: only the lock moves
        s.projects[0].minEffort = lock;
        s.projects[0].maxEffort = lock;
        AllocationResult cached = allocate(s, 60, Method::Auto);
        AllocationResult plain = cached;
        compareWithFree(s, cached, {}, cache);
        compareWithFree(s, plain);
        REQUIRE(cached.allocation->freeObjective.has_value());
        CHECK(*cached.allocation->freeObjective == Approx(freeBest).epsilon(1e-12));
        CHECK(cached.allocation->freeObjective == plain.allocation->freeObjective);
        CHECK(cached.allocation->freeProven);
        CHECK(*cached.allocation->freeObjective >= cached.allocation->objective);
    }
    CHECK(cache.hits() == 3); // solved for the first move only

    // Another curve, weight or total is another free problem.
    s.projects[1].curve.a = 0.2;
    AllocationResult other = allocate(s, 60, Method::Auto);
    compareWithFree(s, other, {}, cache);
    CHECK(cache.hits() == 3);
    Scenario check = s;
    check.projects[0].minEffort = 0;
    check.projects[0].maxEffort.reset();
    CHECK(*other.allocation->freeObjective == Approx(bruteForceBest(check, 60)).epsilon(1e-12));
    s.projects[1].weight = 2;
    AllocationResult weighted = allocate(s, 60, Method::Auto);
    compareWithFree(s, weighted, {}, cache);
    CHECK(cache.hits() == 3);
    AllocationResult fewer = allocate(s, 59, Method::Auto);
    compareWithFree(s, fewer, {}, cache);
    CHECK(cache.hits() == 3);

    // Without bounds there is nothing to compare with, and the cache is not asked.
    s.projects[0].minEffort = 0;
    s.projects[0].maxEffort.reset();
    AllocationResult free = allocate(s, 59, Method::Auto);
    compareWithFree(s, free, {}, cache);
    CHECK_FALSE(free.allocation->freeObjective.has_value());
    CHECK(cache.hits() == 3);
}
