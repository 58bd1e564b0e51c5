// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// The growth path from sampled budgets: the budgets chosen, and each sample equal to the chart's split.
#include "Growth.h"
#include "NaiveGreedy.h"
#include "Presets.h"
#include "RandomScenario.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <random>

using namespace ef;

TEST_CASE("Sampled budgets are even, whole, ascending and include both ends", "[growth]")
{
    CHECK(sampleBudgets(0, 4, 240) == std::vector<Effort>{0, 1, 2, 3, 4});
    CHECK(sampleBudgets(10, 10, 240) == std::vector<Effort>{10});
    CHECK(sampleBudgets(5, 4, 240).empty());
    CHECK(sampleBudgets(0, 100, 5) == std::vector<Effort>{0, 25, 50, 75, 100});
    CHECK(sampleBudgets(0, 10, 4) == std::vector<Effort>{0, 3, 7, 10});
    const std::vector<Effort> big = sampleBudgets(7, 1'000'000'000, 240);
    REQUIRE(big.size() == 240);
    CHECK(big.front() == 7);
    CHECK(big.back() == 1'000'000'000);
    CHECK(std::is_sorted(big.begin(), big.end()));
    CHECK(std::adjacent_find(big.begin(), big.end()) == big.end());
}

TEST_CASE("Each sample of the growth path is the allocation at that budget", "[growth]")
{
    std::mt19937_64 rng(8);
    for (int round = 0; round < 40; ++round) {
        test::RandomScenarioOptions options;
        options.concaveOnly = round % 2 == 0;
        options.bounds = round % 3 == 0;
        const Scenario s = test::randomScenario(rng, 60, options);
        const GrowthPath path = growthPath(s, 60, 25);
        if (auto problem = feasibilityProblem(s, 60)) {
            CHECK_FALSE(path.ok());
            CHECK(path.error == *problem);
            continue;
        }
        REQUIRE(path.ok());
        REQUIRE(path.budgets.back() == 60);
        REQUIRE(path.efforts.size() == path.budgets.size());
        for (std::size_t k = 0; k < path.budgets.size(); ++k) {
            const AllocationResult expected = allocate(s, path.budgets[k], Method::Auto);
            REQUIRE(expected.ok());
            for (std::size_t i = 0; i < s.projects.size(); ++i)
                CHECK(path.efforts[k][i] == expected.allocation->projects[i].effort);
        }
        if (s.allConcave()) {
            // For concave curves the sampled path is the greedy expansion path at those budgets.
            const ExpansionPath full = *expansionPath(s, 60);
            for (std::size_t k = 0; k < path.budgets.size(); ++k)
                CHECK(path.efforts[k] == full.effortsAt(path.budgets[k]));
        }
    }
}

TEST_CASE("The growth path of the startup preset reaches 100/80/60/40/20 at 300", "[growth]")
{
    Scenario s = *loadPreset(QStringLiteral("startup")).scenario;
    const GrowthPath path = growthPath(s, 300);
    REQUIRE(path.ok());
    CHECK(path.budgets.size() == 240);
    CHECK(path.efforts.back() == std::vector<Effort>{100, 80, 60, 40, 20});
}

TEST_CASE("A raised cancel flag stops the growth path", "[growth]")
{
    const Scenario s = *loadPreset(QStringLiteral("startup")).scenario;
    std::atomic<bool> cancel{true};
    AllocateOptions options;
    options.cancel = &cancel;
    const GrowthPath path = growthPath(s, 300, 240, options);
    CHECK_FALSE(path.ok());
    CHECK(path.error == "cancelled");
    CHECK(path.efforts.empty());
}

TEST_CASE("The growth path locates the deep-learning bet's jump to the unit", "[growth][scurve]")
{
    const Scenario s = *loadPreset(QStringLiteral("deep-learning-bet")).scenario;
    const GrowthPath path = growthPath(s, 200, 40); // coarse samples: the jump must still be found exactly
    REQUIRE(path.ok());
    REQUIRE(path.jumps.size() == 1);
    const GrowthJump &jump = path.jumps.front();
    // Independent check by a scan over every budget: the first whose split has a project below its
    // effort one unit earlier.
    Effort first = -1;
    std::vector<Effort> before;
    for (Effort budget = 0; budget <= 200 && first < 0; ++budget) {
        const AllocationResult r = allocate(s, budget, Method::Exact);
        REQUIRE(r.ok());
        std::vector<Effort> now;
        for (const ProjectAllocation &pa : r.allocation->projects)
            now.push_back(pa.effort);
        for (std::size_t i = 0; i < before.size(); ++i)
            if (now[i] < before[i])
                first = budget;
        if (first == budget) {
            CHECK(jump.gained == now[jump.gainer] - before[jump.gainer]);
            Effort given = 0;
            for (const auto &[project, units] : jump.givers) {
                CHECK(units == before[project] - now[project]);
                given += units;
            }
            CHECK(given == jump.gained - 1); // one new unit of budget, the rest taken from the others
        }
        before = now;
    }
    CHECK(jump.budget == first);
    CHECK(s.projects[jump.gainer].curve.family == CurveFamily::Logistic);
}

TEST_CASE("Concave scenarios never jump, and greedy's objective is compared only for S-curves", "[growth][scurve]")
{
    const Scenario startup = *loadPreset(QStringLiteral("startup")).scenario;
    CHECK(growthPath(startup, 300).jumps.empty());
    AllocationResult concave = allocate(startup, Method::Auto);
    compareWithGreedy(startup, concave);
    CHECK_FALSE(concave.allocation->greedyObjective.has_value());

    const Scenario bet = *loadPreset(QStringLiteral("deep-learning-bet")).scenario;
    AllocationResult exact = allocate(bet, Method::Auto);
    REQUIRE(exact.allocation->method == Method::Exact);
    compareWithGreedy(bet, exact);
    REQUIRE(exact.allocation->greedyObjective.has_value());
    const AllocationResult greedy = allocate(bet, bet.totalEffort, Method::Greedy);
    CHECK(*exact.allocation->greedyObjective == greedy.allocation->objective);
    CHECK(exact.allocation->objective > *exact.allocation->greedyObjective);
}

TEST_CASE("The growth path is the same on one thread and on many", "[growth][scurve]")
{
    // The samples and the jump searches run side by side; the result must not depend on how many
    // threads there are or which finishes first.
    std::mt19937_64 rng(14);
    for (int round = 0; round < 4; ++round) {
        const Scenario s = test::randomSCurveScenario(rng, 6, 600, 1.0);
        AllocateOptions one;
        one.threads = 1;
        AllocateOptions many;
        many.threads = 7; // more threads than cores, so items interleave
        const GrowthPath a = growthPath(s, s.totalEffort, 60, one);
        const GrowthPath b = growthPath(s, s.totalEffort, 60, many);
        REQUIRE(a.ok());
        REQUIRE(b.ok());
        CHECK(a.budgets == b.budgets);
        CHECK(a.efforts == b.efforts);
        REQUIRE(a.jumps.size() == b.jumps.size());
        for (std::size_t j = 0; j < a.jumps.size(); ++j) {
            CHECK(a.jumps[j].budget == b.jumps[j].budget);
            CHECK(a.jumps[j].gainer == b.jumps[j].gainer);
            CHECK(a.jumps[j].givers == b.jumps[j].givers);
        }
        // And each sample is still the chart's split at that budget.
        for (std::size_t k = 0; k < b.budgets.size(); k += 7) {
            const AllocationResult r = allocate(s, b.budgets[k], Method::Auto);
            REQUIRE(r.ok());
            for (std::size_t i = 0; i < s.projects.size(); ++i)
                CHECK(b.efforts[k][i] == r.allocation->projects[i].effort);
        }
    }
}

namespace {

/// Independently: the first total, scanning every one from Σ minEffort, whose optimal split gives
/// project `i` at least `from` units (none: -1).
Effort firstTotalReaching(const Scenario &s, std::size_t i, Effort from, Effort minSum, Effort total)
{
    for (Effort t = minSum; t <= total; ++t) {
        const AllocationResult r = allocate(s, t, Method::Auto);
        if (r.ok() && r.allocation->projects[i].effort >= from)
            return t;
    }
    return -1;
}

void checkStageEntriesByScan(const Scenario &s, Effort total, int samples)
{
    const GrowthPath path = growthPath(s, total, samples);
    REQUIRE(path.ok());
    Effort minSum = 0;
    for (const Project &p : s.projects)
        minSum += p.minEffort;
    std::vector<StageEntry> expected;
    for (std::size_t i = 0; i < s.projects.size(); ++i)
        for (std::size_t k = 0; k < s.stages.size(); ++k) {
            const Effort at = firstTotalReaching(s, i, s.stages[k].from, minSum, total);
            if (at > minSum) // reached after the first budget
                expected.push_back({i, k, at});
        }
    CHECK(path.stageEntries == expected);
}

} // namespace

TEST_CASE("Stage entries are the first totals whose split reaches each stage, by a scan of every total",
          "[growth][stages]")
{
    SECTION("startup preset to 1000 units, 240 samples (about 4 units apart)")
    {
        const Scenario s = *loadPreset(QStringLiteral("startup")).scenario;
        checkStageEntriesByScan(s, 1000, 240);
        // Hand check from MODEL.md's figures: at 300 the top project has 100 units, past SotA (90).
        const GrowthPath path = growthPath(s, 300);
        const auto sota = std::find_if(path.stageEntries.begin(), path.stageEntries.end(),
                                       [](const StageEntry &e) { return e.project == 0 && e.stage == 4; });
        REQUIRE(sota != path.stageEntries.end());
        CHECK(sota->budget <= 300);
        CHECK(sota->budget > 100);
    }
    SECTION("random concave scenarios with bounds, coarse samples")
    {
        std::mt19937_64 rng(41);
        test::RandomScenarioOptions options;
        options.bounds = true;
        options.maxProjects = 5;
        for (int round = 0; round < 12; ++round) {
            Scenario s = test::randomScenario(rng, 400, options);
            if (feasibilityProblem(s, 400))
                continue;
            INFO("round " << round);
            checkStageEntriesByScan(s, 400, 17);
        }
    }
    SECTION("the deep-learning bet (S-curve), 40 samples")
    {
        const Scenario s = *loadPreset(QStringLiteral("deep-learning-bet")).scenario;
        checkStageEntriesByScan(s, 200, 40);
    }
}

TEST_CASE("With many projects only the top five at the total get stage entries", "[growth][stages]")
{
    Scenario s = *loadPreset(QStringLiteral("startup")).scenario;
    const std::vector<Project> base = s.projects;
    while (s.projects.size() < kStageEntryAllProjects + 2)
        s.projects.push_back(base[s.projects.size() % base.size()]);
    const GrowthPath path = growthPath(s, 300);
    REQUIRE(path.ok());
    std::vector<std::size_t> order(s.projects.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return path.efforts.back()[a] > path.efforts.back()[b]; });
    order.resize(kStageEntryTopProjects);
    for (const StageEntry &entry : path.stageEntries)
        CHECK(std::find(order.begin(), order.end(), entry.project) != order.end());
    CHECK_FALSE(path.stageEntries.empty());
}
