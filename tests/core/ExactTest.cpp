// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// The exact method (branch and bound on concave envelopes) against the dynamic programme, and its
// certificate: bound, gap, proven, time limit and cancel.
#include "Allocator.h"
#include "BranchAndBound.h"
#include "Presets.h"
#include "RandomScenario.h"
#include "TestProjects.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

using namespace ef;
using ef::test::project;
using ef::test::randomScenario;
using ef::test::RandomScenarioOptions;
using ef::test::randomSCurveScenario;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

double objectiveOf(const Scenario &s, const std::vector<Effort> &x)
{
    double sum = 0;
    for (std::size_t i = 0; i < x.size(); ++i)
        if (s.projects[i].weight != 0)
            sum += s.projects[i].weight * s.projects[i].curve.value(static_cast<double>(x[i]));
    return sum;
}

std::vector<Effort> efforts(const Allocation &allocation)
{
    std::vector<Effort> out;
    for (const ProjectAllocation &pa : allocation.projects)
        out.push_back(pa.effort);
    return out;
}

} // namespace

TEST_CASE("branch and bound reaches the dynamic programme's objective on thousands of small cases", "[exact][property]")
{
    // Tolerance: objectives agree within 1e-12 relative (kExactRelativeGap of the projects' scale),
    // or both are −∞. Splits are not compared: equal objectives may come from different splits.
    std::mt19937_64 rng(20261128);
    struct Case {
        const char *what;
        RandomScenarioOptions options;
        Effort maxTotal;
    };
    const Case cases[] = {
        {"any shape", {1, 6, false}, 60},
        {"any shape with bounds and zero weights", {1, 6, false, true, true}, 60},
        {"many projects", {6, 14, false, true}, 120},
        {"frequent ties", {2, 6, false, true, true, true}, 40},
        {"concave", {1, 6, true, true}, 80},
    };
    int compared = 0;
    int differentSplits = 0;
    int branched = 0;
    for (const Case &c : cases) {
        for (int trial = 0; trial < 800; ++trial) {
            const Effort total = std::uniform_int_distribution<Effort>(0, c.maxTotal)(rng);
            const Scenario s = randomScenario(rng, total, c.options);
            if (feasibilityProblem(s, total))
                continue;
            const auto dp = exactEffortsByDp(s, total);
            REQUIRE(dp.has_value());
            // Branch and bound alone (allocate() may hand hard small cases to the programme).
            Interrupt none;
            const ExactSearch search = exactEffortsByBranchAndBound(s, total, none);
            const AllocationResult r = allocate(s, total, Method::Exact, AllocateOptions{});
            REQUIRE(r.ok());
            const Allocation &a = *r.allocation;
            INFO(c.what << ", trial " << trial << ", total " << total);
            const double expected = objectiveOf(s, *dp);
            REQUIRE(search.proven);
            REQUIRE(a.proven);
            REQUIRE(objectiveOf(s, search.efforts) == search.objective);
            if (std::isinf(expected)) {
                REQUIRE(search.objective == expected);
                REQUIRE(a.objective == expected);
            } else {
                double scale = 0;
                for (const Project &p : s.projects)
                    scale += p.weight * std::abs(p.curve.value(static_cast<double>(total)));
                const double tolerance = 1e-12 * std::max(1.0, scale);
                REQUIRE(search.objective >= expected - tolerance);
                REQUIRE(search.objective <= expected + tolerance);
                REQUIRE(search.bound >= search.objective);
                REQUIRE(search.bound - search.objective <= tolerance);
                REQUIRE(a.objective >= expected - tolerance);
                REQUIRE(a.objective <= expected + tolerance);
                REQUIRE(a.bound >= a.objective);
                REQUIRE(a.gap == Approx(a.bound - a.objective));
            }
            differentSplits += search.efforts != *dp;
            branched += search.nodes > 1;
            ++compared;
        }
    }
    CHECK(compared > 3000);
    CHECK(differentSplits < compared); // not vacuous: most cases have a unique optimum
    CHECK(branched > 100);             // and many needed branching, not just the root
}

TEST_CASE("S-curve scenarios: exact equals the programme and greedy's bound covers the optimum", "[exact]")
{
    std::mt19937_64 rng(7);
    for (int trial = 0; trial < 200; ++trial) {
        const int n = std::uniform_int_distribution<int>(2, 8)(rng);
        const Effort total = std::uniform_int_distribution<Effort>(n, 300)(rng);
        const Scenario s = randomSCurveScenario(rng, n, total, 0.6);
        INFO("trial " << trial);
        const auto dp = exactEffortsByDp(s, total);
        REQUIRE(dp.has_value());
        const double best = objectiveOf(s, *dp);
        const Allocation exact = *allocate(s, total, Method::Exact).allocation;
        REQUIRE(exact.objective == Approx(best).epsilon(1e-12));
        REQUIRE(exact.bound >= best - 1e-12);
        const Allocation greedy = *allocate(s, total, Method::Greedy).allocation;
        // Greedy's certificate: its bound is above the true optimum, its gap above what it loses.
        REQUIRE(greedy.bound >= best - 1e-12);
        REQUIRE(greedy.gap >= best - greedy.objective - 1e-12);
        REQUIRE(greedy.proven
                == (greedy.gap <= kExactRelativeGap * std::abs(greedy.bound) + std::numeric_limits<double>::min()));
    }
}

TEST_CASE("the bound is never below the objective, for any method", "[exact][property]")
{
    std::mt19937_64 rng(31);
    for (int trial = 0; trial < 300; ++trial) {
        const Effort total = std::uniform_int_distribution<Effort>(0, 2000)(rng);
        const Scenario s = randomScenario(rng, total, {1, 30, trial % 2 == 0, trial % 3 == 0, trial % 5 == 0});
        if (feasibilityProblem(s, total))
            continue;
        for (const Method m : {Method::Greedy, Method::Exact, Method::Auto}) {
            const AllocationResult r = allocate(s, total, m, AllocateOptions{});
            REQUIRE(r.ok());
            const Allocation &a = *r.allocation;
            INFO("trial " << trial << " method " << methodName(m));
            REQUIRE_FALSE(std::isnan(a.bound));
            REQUIRE(a.bound >= a.objective);
            REQUIRE(a.gap >= 0);
            if (a.method == Method::Exact)
                REQUIRE(a.proven);
            if (a.method == Method::Greedy && s.allConcave())
                REQUIRE(a.bound == a.objective);
        }
    }
}

TEST_CASE("a weighted log curve left at zero makes every split −∞, with a −∞ bound and no gap", "[exact]")
{
    Scenario s;
    s.projects = {project("A", CurveFamily::Log, 1, 1), project("B", CurveFamily::Logistic, 1, 0.5, 1, 5),
                  project("C", CurveFamily::Log, 1, 1)};
    s.projects[0].maxEffort = 0;
    const Allocation a = *allocate(s, 10, Method::Exact).allocation;
    CHECK(a.objective == -kInf);
    CHECK(a.bound == -kInf);
    CHECK(a.gap == 0);
    CHECK(a.proven);
    CHECK(std::accumulate(a.projects.begin(), a.projects.end(), Effort{0},
                          [](Effort sum, const ProjectAllocation &p) { return sum + p.effort; })
          == 10);
}

namespace {

/// S-curves alike but for `spread` (relative, in a): the hard case for branch and bound, which must
/// try many subsets of them. With spread 0 they are look-alikes, which it orders instead.
Scenario similarSCurves(int n, Effort total, double spread)
{
    Scenario s;
    s.totalEffort = total;
    for (int i = 0; i < n; ++i)
        s.projects.push_back(project("S", CurveFamily::Logistic, 1 + spread * i, 0.2, 1, 50));
    return s;
}

Effort sumOf(const Allocation &a)
{
    return std::accumulate(a.projects.begin(), a.projects.end(), Effort{0},
                           [](Effort sum, const ProjectAllocation &p) { return sum + p.effort; });
}

} // namespace

TEST_CASE("a time limit returns the best split found, unproven, with a valid bound", "[exact][limits]")
{
    AllocateOptions options;
    {
        // 20 near look-alikes × 555 units: stopped after the root, then proven when given time.
        const Scenario s = similarSCurves(20, 555, 1e-6);
        options.timeLimitSeconds = 1e-9;
        const Allocation a = *allocate(s, s.totalEffort, Method::Exact, options).allocation;
        CHECK_FALSE(a.proven);
        CHECK_THAT(a.unprovenReason, Catch::Contains("time limit"));
        CHECK(a.gap > 0);
        CHECK(a.gap == Approx(a.bound - a.objective));
        CHECK(sumOf(a) == 555);
        const Allocation full = *allocate(s, s.totalEffort, Method::Exact).allocation;
        CHECK(full.proven);
        CHECK(full.gap == 0);
        CHECK(full.objective >= a.objective);
        CHECK(a.bound >= full.objective);
        const auto dp = exactEffortsByDp(s, s.totalEffort);
        REQUIRE(dp.has_value());
        CHECK(full.objective == Approx(objectiveOf(s, *dp)).epsilon(1e-12));
    }
    {
        // 200 near look-alikes × 5,555 units: beyond the programme, and beyond a proof within 0.2 s.
        const Scenario s = similarSCurves(200, 5555, 1e-6);
        options.timeLimitSeconds = 0.2;
        const auto start = std::chrono::steady_clock::now();
        const Allocation a = *allocate(s, s.totalEffort, Method::Exact, options).allocation;
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        CHECK(seconds < 0.6);
        CHECK_FALSE(a.proven);
        CHECK(a.gap > 0);
        CHECK(a.gap < 0.01 * a.objective); // the best split found is close to the bound
        CHECK(sumOf(a) == 5555);
    }
}

TEST_CASE("a cancel flag stops every long loop with the error \"cancelled\"", "[exact][limits]")
{
    std::atomic<bool> cancel{true};
    AllocateOptions options;
    options.cancel = &cancel;
    std::mt19937_64 rng(4);
    const Scenario s = randomSCurveScenario(rng, 200, 20'000, 0.5);
    const AllocationResult exact = allocate(s, s.totalEffort, Method::Exact, options);
    CHECK_FALSE(exact.ok());
    CHECK(exact.error == "cancelled");
    // Greedy on S-curves replays unit by unit: the cancel reaches it too.
    const AllocationResult greedy = allocate(s, 2'000'000, Method::Greedy, options);
    CHECK(greedy.error == "cancelled");
    // The dynamic programme polls it as well.
    Interrupt interrupt(0, &cancel);
    std::string error;
    CHECK_FALSE(exactEffortsByDp(s, 2'000, &error, &interrupt));
    CHECK(error == "cancelled");
    // So does greedy's replay of gains flat to the last bits, on concave curves.
    Scenario flat;
    flat.projects = {project("A", CurveFamily::Logistic, 1, 1e-15), project("B", CurveFamily::Logistic, 1, 1e-15)};
    CHECK(allocate(flat, 1'000'000, Method::Greedy, options).error == "cancelled");
    // Without the flag set the same calls succeed.
    cancel = false;
    CHECK(allocate(s, s.totalEffort, Method::Exact, options).ok());
    CHECK(allocate(flat, 1'000'000, Method::Greedy, options).ok());
}

TEST_CASE("the 350-byte file: a project capped at zero and 10^9 units is instant, not 7.8 GB",
          "[exact][limits][regression]")
{
    // Issue 13, finding 1: the programme counted the last project as one step a unit but built a full
    // table of its values. Branch and bound settles it at once; the programme now refuses up front.
    Scenario s;
    s.projects
        = {project("A", CurveFamily::Logistic, 1, 0.1, 1, 50), project("B", CurveFamily::Logistic, 1, 0.1, 1, 50)};
    s.projects[0].maxEffort = 0;
    s.totalEffort = 1'000'000'000;
    const auto start = std::chrono::steady_clock::now();
    const AllocationResult r = allocate(s, Method::Exact);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    REQUIRE(r.ok());
    CHECK(seconds < 0.5);
    CHECK(efforts(*r.allocation) == std::vector<Effort>{0, 1'000'000'000});
    CHECK(r.allocation->proven);
    std::string error;
    CHECK_FALSE(exactEffortsByDp(s, s.totalEffort, &error));
    CHECK_THAT(error, Catch::Contains("use fewer units or projects"));
}

TEST_CASE("the dynamic programme's memory is counted before it is taken", "[exact][limits]")
{
    // 30 S-curves × 2,000 units: ≈ 60,000 cells of one... two bytes each instead of four.
    Scenario s;
    for (int i = 0; i < 30; ++i)
        s.projects.push_back(project("S", CurveFamily::Logistic, 1, 0.1, 1, 30));
    std::string error;
    CHECK(exactEffortsByDp(s, 2'000, &error).has_value());
    // 4 projects × 200,000 units: within the step limit's reach only if the table fits; it does not.
    Scenario wide;
    for (int i = 0; i < 3; ++i)
        wide.projects.push_back(project("S", CurveFamily::Logistic, 1, 0.1, 1, 30));
    CHECK_FALSE(exactEffortsByDp(wide, 200'000, &error).has_value());
    CHECK_THAT(error, Catch::Contains("MB"));
}

TEST_CASE("the deep-learning bet: exact funds it, greedy never does, and a budget of 81 makes it jump",
          "[exact][preset]")
{
    const LoadResult loaded = loadPreset(QStringLiteral("deep-learning-bet"));
    REQUIRE(loaded.ok());
    const Scenario &s = *loaded.scenario;
    CHECK_FALSE(s.allConcave());
    const Allocation exact = *allocate(s).allocation;
    const Allocation greedy = *allocate(s, Method::Greedy).allocation;
    CHECK(exact.method == Method::Exact);
    CHECK(exact.proven);
    CHECK(efforts(exact) == std::vector<Effort>{13, 10, 8, 69});
    CHECK(efforts(greedy) == std::vector<Effort>{42, 33, 25, 0});
    CHECK(exact.objective - greedy.objective > 0.1); // greedy loses about 11 % of the value
    CHECK(greedy.bound >= exact.objective);          // and its certificate says so
    CHECK(exact.objective == Approx(objectiveOf(s, *exactEffortsByDp(s, 100))).epsilon(1e-12));
    // The jump: at 80 units the bet gets nothing, at 81 it gets 62 and the others give up 61.
    CHECK(efforts(*allocate(s, 80, Method::Exact).allocation) == std::vector<Effort>{33, 27, 20, 0});
    CHECK(efforts(*allocate(s, 81, Method::Exact).allocation) == std::vector<Effort>{8, 6, 5, 62});
    for (Effort total = 60; total <= 120; ++total) {
        INFO("total " << total);
        const auto dp = exactEffortsByDp(s, total);
        REQUIRE(dp.has_value());
        CHECK(allocate(s, total, Method::Exact).allocation->objective == Approx(objectiveOf(s, *dp)).epsilon(1e-12));
    }
}

TEST_CASE("look-alike S-curves are searched in order, not subset by subset", "[exact]")
{
    // Swapping two identical projects changes nothing, so the search may ask the earlier one to keep
    // at least as much; that turns 2^n subsets into a handful of nodes.
    for (const auto &[n, total] :
         {std::pair{20, Effort{555}}, std::pair{30, Effort{1000}}, std::pair{7, Effort{260}}}) {
        INFO(n << " look-alikes, " << total << " units");
        const Scenario s = similarSCurves(n, total, 0);
        Interrupt none;
        const ExactSearch search = exactEffortsByBranchAndBound(s, total, none);
        CHECK(search.proven);
        CHECK(search.nodes < 50);
        const auto dp = exactEffortsByDp(s, total);
        REQUIRE(dp.has_value());
        CHECK(search.objective == Approx(objectiveOf(s, *dp)).epsilon(1e-12));
    }
    // Look-alikes among other projects, with bounds, against the programme.
    std::mt19937_64 rng(12);
    for (int trial = 0; trial < 300; ++trial) {
        Scenario s = randomScenario(rng, 0, {2, 5, false, true});
        const Effort total = std::uniform_int_distribution<Effort>(0, 150)(rng);
        const Project twin = project("T", CurveFamily::Logistic, 0.5, 0.3, 1.5, 20);
        const int copies = std::uniform_int_distribution<int>(2, 5)(rng);
        for (int c = 0; c < copies; ++c)
            s.projects.insert(s.projects.begin()
                                  + std::uniform_int_distribution<long>(0, static_cast<long>(s.projects.size()))(rng),
                              twin);
        if (feasibilityProblem(s, total))
            continue;
        INFO("trial " << trial << " total " << total);
        Interrupt none;
        const ExactSearch search = exactEffortsByBranchAndBound(s, total, none);
        REQUIRE(search.proven);
        const auto dp = exactEffortsByDp(s, total);
        REQUIRE(dp.has_value());
        const double best = objectiveOf(s, *dp);
        if (std::isinf(best))
            REQUIRE(search.objective == best);
        else
            REQUIRE(search.objective == Approx(best).epsilon(1e-12).margin(1e-12));
    }
}
