// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// Why the split is what it is: the water level and last gains, the team's plan against the optimum,
// and the smallest budget that reaches a stage or an objective — against hand-computed values and
// brute-force scans over every total.
#include "Allocator.h"
#include "Plan.h"
#include "Presets.h"
#include "QtStringMakers.h"
#include "RandomScenario.h"
#include "ScenarioFile.h"
#include "Targets.h"
#include "TestProjects.h"
#include "WaterLevel.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <limits>
#include <numeric>
#include <random>

using namespace ef;
using ef::test::project;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

Scenario preset(const char *name)
{
    LoadResult loaded = loadPreset(QString::fromLatin1(name));
    REQUIRE(loaded.ok());
    return *loaded.scenario;
}

std::vector<Effort> effortsAt(const Scenario &s, Effort total)
{
    const AllocationResult result = allocate(s, total, Method::Auto);
    REQUIRE(result.ok());
    std::vector<Effort> out;
    for (const ProjectAllocation &pa : result.allocation->projects)
        out.push_back(pa.effort);
    return out;
}

/// Checks the two statements that define the water level on `efforts`.
void checkWaterLevel(const Scenario &s, const std::vector<Effort> &efforts, const MarginalSummary &m)
{
    REQUIRE(m.waterLevel);
    const double level = *m.waterLevel;
    for (std::size_t i = 0; i < efforts.size(); ++i) {
        const Project &p = s.projects[i];
        INFO("project " << i << " at " << efforts[i] << " units, level " << level);
        if (efforts[i] > p.minEffort) {
            REQUIRE(m.lastGain[i]);
            CHECK(*m.lastGain[i] >= level);
        }
        if (!p.maxEffort || efforts[i] < *p.maxEffort)
            CHECK(m.nextGain[i] <= level * (1 + 1e-12));
    }
}

/// The smallest total in [0, last] whose Auto split gives `project` at least `effort`, by trying all.
std::optional<Effort> scanForEffort(const Scenario &s, std::size_t project, Effort effort, Effort last)
{
    Effort minSum = 0;
    for (const Project &p : s.projects)
        minSum += p.minEffort;
    for (Effort total = minSum; total <= last; ++total)
        if (effortsAt(s, total)[project] >= effort)
            return total;
    return std::nullopt;
}

} // namespace

TEST_CASE("Water level on a hand-computed two-project log case", "[explain][water]")
{
    // a = 0.1 and 0.05, six units: the first unit of each is +∞, then 0.1·ln 2, 0.1·ln 1.5, 0.05·ln 2 and
    // 0.1·ln(4/3) go out, so the split is (4, 2) and the smallest last gain is 0.1·ln(4/3).
    Scenario s;
    s.projects = {project("A", CurveFamily::Log, 0.1, 1), project("B", CurveFamily::Log, 0.05, 3)};
    s.totalEffort = 6;
    const std::vector<Effort> x = effortsAt(s, 6);
    REQUIRE(x == std::vector<Effort>{4, 2});
    const MarginalSummary m = marginalSummary(s, x);
    REQUIRE(m.lastGain[0]);
    REQUIRE(m.lastGain[1]);
    CHECK(*m.lastGain[0] == Approx(0.1 * std::log(4.0 / 3.0)).epsilon(1e-12));
    CHECK(*m.lastGain[1] == Approx(0.05 * std::log(2.0)).epsilon(1e-12));
    CHECK(m.nextGain[0] == Approx(0.1 * std::log(5.0 / 4.0)).epsilon(1e-12));
    CHECK(m.nextGain[1] == Approx(0.05 * std::log(3.0 / 2.0)).epsilon(1e-12));
    REQUIRE(m.waterLevel);
    CHECK(*m.waterLevel == Approx(0.1 * std::log(4.0 / 3.0)).epsilon(1e-12));
    checkWaterLevel(s, x, m);

    // A weight doubles every gain of its project, and the level with them.
    s.projects[0].weight = 2;
    s.projects[1].weight = 2;
    const MarginalSummary doubled = marginalSummary(s, x);
    REQUIRE(doubled.waterLevel);
    CHECK(*doubled.waterLevel == Approx(0.2 * std::log(4.0 / 3.0)).epsilon(1e-12));
}

TEST_CASE("Water level is undefined where no level separates the gains", "[explain][water]")
{
    Scenario s;
    s.projects = {project("A", CurveFamily::Log, 0.1, 1), project("B", CurveFamily::Log, 0.05, 3)};

    SECTION("zero effort: no project funded, last gains null")
    {
        const MarginalSummary m = marginalSummary(s, {0, 0});
        CHECK_FALSE(m.waterLevel);
        CHECK_FALSE(m.lastGain[0]);
        CHECK_FALSE(m.lastGain[1]);
        CHECK(m.nextGain[0] == kInf);
    }
    SECTION("every funded project on its first log unit: the level would be +∞")
    {
        const MarginalSummary m = marginalSummary(s, effortsAt(s, 2));
        CHECK_FALSE(m.waterLevel);
        REQUIRE(m.lastGain[0]);
        CHECK(*m.lastGain[0] == kInf);
    }
    SECTION("everything locked at the minimum")
    {
        s.projects[0].minEffort = 5;
        s.projects[1].minEffort = 3;
        CHECK_FALSE(marginalSummary(s, {5, 3}).waterLevel);
        // One unit above the minimum: A's seventh... B's fourth unit is the free one, and A's next
        // would gain more than it, so no level separates them.
        const MarginalSummary m = marginalSummary(s, {5, 4});
        CHECK_FALSE(m.waterLevel);
        // A capped at 5 cannot take its better next unit: the level is B's last gain.
        s.projects[0].maxEffort = 5;
        const MarginalSummary capped = marginalSummary(s, {5, 4});
        REQUIRE(capped.waterLevel);
        CHECK(*capped.waterLevel == Approx(0.05 * std::log(4.0 / 3.0)).epsilon(1e-12));
    }
    SECTION("an S-curve stopped on its rising start")
    {
        Scenario one;
        one.projects = {project("S", CurveFamily::Logistic, 1, 1, 1, 8)};
        const std::vector<Effort> x = effortsAt(one, 5);
        REQUIRE(x == std::vector<Effort>{5});
        const MarginalSummary m = marginalSummary(one, x);
        REQUIRE(m.lastGain[0]);
        CHECK(m.nextGain[0] > *m.lastGain[0]);
        CHECK_FALSE(m.waterLevel);
    }
}

TEST_CASE("On random concave scenarios the water level lies between every last and next gain", "[explain][water]")
{
    std::mt19937_64 rng(9);
    test::RandomScenarioOptions options;
    options.bounds = true;
    options.zeroWeights = true;
    int defined = 0;
    for (int round = 0; round < 400; ++round) {
        const Effort total = std::uniform_int_distribution<Effort>(0, round % 4 == 0 ? 100'000 : 300)(rng);
        const Scenario s = test::randomScenario(rng, total, options);
        if (feasibilityProblem(s, total))
            continue;
        const std::vector<Effort> x = effortsAt(s, total);
        const MarginalSummary m = marginalSummary(s, x);
        double lowestLast = kInf;
        for (std::size_t i = 0; i < x.size(); ++i)
            if (x[i] > s.projects[i].minEffort)
                lowestLast = std::min(lowestLast, *m.lastGain[i]);
        INFO("round " << round << ", total " << total);
        // Concave curves: the optimum always equalises, so the level is there whenever it is finite.
        CHECK(m.waterLevel.has_value() == std::isfinite(lowestLast));
        if (m.waterLevel) {
            checkWaterLevel(s, x, m);
            ++defined;
        }
    }
    CHECK(defined > 200);
}

TEST_CASE("On random S-curve scenarios a defined water level still separates the gains", "[explain][water]")
{
    std::mt19937_64 rng(11);
    int defined = 0;
    int undefined = 0;
    for (int round = 0; round < 60; ++round) {
        const Effort total = std::uniform_int_distribution<Effort>(5, 200)(rng);
        const Scenario s = test::randomSCurveScenario(rng, 4, total, 0.5);
        const std::vector<Effort> x = effortsAt(s, total);
        const MarginalSummary m = marginalSummary(s, x);
        if (m.waterLevel) {
            checkWaterLevel(s, x, m);
            ++defined;
        } else {
            ++undefined;
        }
    }
    CHECK(defined > 0);
    CHECK(undefined > 0);
}

TEST_CASE("The plan's objective and gap against hand-computed values", "[explain][plan]")
{
    Scenario s = preset("startup");
    for (Project &p : s.projects)
        p.planned = 20;
    REQUIRE(hasPlan(s));
    const AllocationResult result = allocate(s, Method::Auto);
    REQUIRE(result.ok());
    const PlanComparison plan = comparePlan(s, *result.allocation);
    // Σ a·ln(b·20) with a = 0.1, 0.08, 0.06, 0.04, 0.02 and b = 2, 3, 10, 50, 1000.
    const double planned = 0.1 * std::log(40.0) + 0.08 * std::log(60.0) + 0.06 * std::log(200.0)
        + 0.04 * std::log(1000.0) + 0.02 * std::log(20000.0);
    const double optimum = 0.1 * std::log(66.0) + 0.08 * std::log(81.0) + 0.06 * std::log(200.0)
        + 0.04 * std::log(650.0) + 0.02 * std::log(7000.0);
    CHECK(plan.objective == Approx(planned).epsilon(1e-12));
    CHECK(result.allocation->objective == Approx(optimum).epsilon(1e-12));
    CHECK(plan.gap == Approx(optimum - planned).epsilon(1e-9));
    CHECK(plan.gap == result.allocation->objective - plan.objective);
    CHECK(plan.gap > 0);
    CHECK(plan.plannedTotal == 100);
    CHECK(plan.efforts == std::vector<Effort>{20, 20, 20, 20, 20});
    // From (20, 20, 20, 20, 20) to (33, 27, 20, 13, 7); the third project stays.
    const std::vector<EffortMove> expected{{0, 13}, {1, 7}, {3, -7}, {4, -13}};
    CHECK(plan.moves == expected);
    Effort sum = 0;
    for (const EffortMove &move : plan.moves)
        sum += move.units;
    CHECK(sum == 0);

    SECTION("the optimum as plan leaves nothing on the table")
    {
        const std::vector<Effort> best{33, 27, 20, 13, 7};
        for (std::size_t i = 0; i < best.size(); ++i)
            s.projects[i].planned = best[i];
        const PlanComparison same = comparePlan(s, *result.allocation);
        CHECK(same.gap == 0);
        CHECK(same.moves.empty());
    }
    SECTION("a project without a planned effort counts as 0: a log curve makes the plan −∞")
    {
        s.projects[4].planned.reset();
        const PlanComparison partial = comparePlan(s, *result.allocation);
        CHECK(partial.efforts.back() == 0);
        CHECK(partial.plannedTotal == 80);
        CHECK(partial.objective == -kInf);
        CHECK(partial.gap == kInf);
        // Σ planned ≠ total: the moves add up to the difference.
        Effort moved = 0;
        for (const EffortMove &move : partial.moves)
            moved += move.units;
        CHECK(moved == 100 - 80);
    }
    SECTION("no planned effort at all: no plan")
    {
        for (Project &p : s.projects)
            p.planned.reset();
        CHECK_FALSE(hasPlan(s));
    }
}

TEST_CASE("Random plans: the gap is the objective difference and the moves sum to zero", "[explain][plan]")
{
    std::mt19937_64 rng(5);
    for (int round = 0; round < 100; ++round) {
        const Effort total = std::uniform_int_distribution<Effort>(1, 500)(rng);
        Scenario s = test::randomScenario(rng, total, {});
        // A random split of the total as the plan.
        Effort left = total;
        for (std::size_t i = 0; i < s.projects.size(); ++i) {
            const Effort take = i + 1 == s.projects.size() ? left : std::uniform_int_distribution<Effort>(0, left)(rng);
            s.projects[i].planned = take;
            left -= take;
        }
        const AllocationResult result = allocate(s, Method::Auto);
        REQUIRE(result.ok());
        const PlanComparison plan = comparePlan(s, *result.allocation);
        const Allocation evaluated = evaluate(s, plan.efforts, Method::Greedy);
        CHECK(plan.objective == evaluated.objective);
        if (std::isfinite(plan.objective)) {
            CHECK(plan.gap == result.allocation->objective - evaluated.objective);
            CHECK(plan.gap >= -1e-12 * std::abs(result.allocation->objective)); // the optimum is optimal
        }
        Effort sum = 0;
        std::vector<Effort> moved = plan.efforts;
        for (const EffortMove &move : plan.moves) {
            sum += move.units;
            moved[move.project] += move.units;
        }
        CHECK(sum == 0);
        for (std::size_t i = 0; i < moved.size(); ++i)
            CHECK(moved[i] == result.allocation->projects[i].effort);
    }
}

TEST_CASE("Planned efforts round-trip through the file and bad values are refused", "[explain][plan][file]")
{
    Scenario s = preset("startup");
    s.projects[0].planned = 40;
    s.projects[2].planned = 0;
    const std::string json = serializeScenario(s);
    const LoadResult back = parseScenario(QByteArray::fromStdString(json), QStringLiteral("plan.json"));
    REQUIRE(back.ok());
    CHECK(*back.scenario == s);
    CHECK(back.scenario->projects[0].planned == 40);
    CHECK(back.scenario->projects[1].planned == std::nullopt);
    CHECK(back.scenario->projects[2].planned == 0);

    const auto withPlanned = [&](const QJsonValue &value) {
        QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
        QJsonArray projects = o.value(QStringLiteral("projects")).toArray();
        QJsonObject p = projects[1].toObject();
        p.insert(QStringLiteral("planned"), value);
        projects[1] = p;
        o.insert(QStringLiteral("projects"), projects);
        return parseScenario(QJsonDocument(o).toJson(), QStringLiteral("plan.json")).error.message();
    };
    CHECK(withPlanned(-1) == QStringLiteral("plan.json: projects[1].planned: must be ≥ 0"));
    CHECK(withPlanned(2.5) == QStringLiteral("plan.json: projects[1].planned: must be a whole number of units"));
    CHECK(withPlanned(QStringLiteral("ten")) == QStringLiteral("plan.json: projects[1].planned: must be a number"));
    CHECK(withPlanned(2e9) == QStringLiteral("plan.json: projects[1].planned: must be at most 1000000000"));
    CHECK(withPlanned(QJsonValue::Null) == QStringLiteral("plan.json: projects[1].planned: must be a number"));

    Scenario bad = s;
    bad.projects[1].planned = -3;
    const auto problem = validateScenario(bad, QStringLiteral("memory"));
    REQUIRE(problem);
    CHECK(problem->message() == QStringLiteral("memory: projects[1].planned: must be between 0 and 1000000000"));
}

TEST_CASE("Budget to reach a stage: the reference startup preset, by hand", "[explain][targets]")
{
    const Scenario s = preset("startup");
    // With log curves the project of a = 0.1 gets its 40th unit as the 120th overall: the units with
    // a gain of at least 0.1·ln(40/39) ≈ 0.1/39.5 are 40, 32, 24, 16 and 8 (a_i/39.5·… = 3.95·a_i·100).
    const TargetSearch dl = budgetToReachEffort(s, 0, 40);
    REQUIRE(dl.ok());
    CHECK(*dl.totalEffort == 120);
    CHECK(effortsAt(s, 119)[0] == 39);
    CHECK(effortsAt(s, 120)[0] == 40);
    // SotA (90 units): 90 + 72 + 54 + 36 + 18 = 270.
    const TargetSearch sota = budgetToReachEffort(s, 0, 90);
    REQUIRE(sota.ok());
    CHECK(*sota.totalEffort == 270);
    // ML-first (weight 6, three quarters of the budget): SotA at 120.
    const TargetSearch mlFirst = budgetToReachEffort(preset("ml-first"), 0, 90);
    REQUIRE(mlFirst.ok());
    CHECK(*mlFirst.totalEffort == 120);
}

TEST_CASE("Budget to reach a stage matches a scan over every total", "[explain][targets]")
{
    SECTION("the reference presets, every project and stage")
    {
        for (const char *name : {"startup", "ml-first"}) {
            const Scenario s = preset(name);
            for (std::size_t i = 0; i < s.projects.size(); ++i) {
                for (const Stage &stage : s.stages) {
                    INFO(name << ", project " << i << ", stage from " << stage.from);
                    const TargetSearch search = budgetToReachEffort(s, i, stage.from);
                    REQUIRE(search.ok());
                    CHECK(search.totalEffort == scanForEffort(s, i, stage.from, *search.totalEffort));
                }
            }
        }
    }
    SECTION("the deep-learning bet (an S-curve): its effort is not monotone in the total")
    {
        const Scenario s = preset("deep-learning-bet");
        REQUIRE_FALSE(s.allConcave());
        for (std::size_t i = 0; i < s.projects.size(); ++i) {
            for (const Effort effort : {5, 15, 40}) {
                INFO("project " << i << ", effort " << effort);
                const TargetSearch search = budgetToReachEffort(s, i, effort);
                REQUIRE(search.ok());
                CHECK(search.totalEffort == scanForEffort(s, i, effort, *search.totalEffort));
            }
        }
    }
    SECTION("random small scenarios, concave and S-curves, with bounds")
    {
        std::mt19937_64 rng(3);
        test::RandomScenarioOptions options;
        options.bounds = true;
        options.maxProjects = 4;
        for (int round = 0; round < 40; ++round) {
            options.concaveOnly = round % 2 == 0;
            const Scenario s = options.concaveOnly ? test::randomScenario(rng, 60, options)
                                                   : test::randomSCurveScenario(rng, 3, 60, 0.6);
            if (feasibilityProblem(s, 0) && feasibilityProblem(s, s.totalEffort))
                continue;
            const std::size_t i = std::uniform_int_distribution<std::size_t>(0, s.projects.size() - 1)(rng);
            const Effort effort = std::uniform_int_distribution<Effort>(1, 40)(rng);
            const Effort last = std::min<Effort>(targetSearchLimit(s), 400);
            const std::optional<Effort> scanned = scanForEffort(s, i, effort, last);
            INFO("round " << round << ", project " << i << ", effort " << effort);
            if (!scanned && !options.concaveOnly)
                continue; // the search would try kTargetScanLimit totals one by one
            const TargetSearch search = budgetToReachEffort(s, i, effort);
            if (scanned)
                CHECK(search.totalEffort == scanned);
            else if (search.ok())
                CHECK(*search.totalEffort > last);
        }
    }
}

TEST_CASE("Budget to reach a stage says why when no total does", "[explain][targets]")
{
    Scenario s = preset("startup");
    SECTION("weight 0: even the largest total gives the project nothing")
    {
        s.projects[2].weight = 0;
        const TargetSearch search = budgetToReachEffort(s, 2, 5);
        CHECK_FALSE(search.ok());
        CHECK(search.error.find("even at 1000000000 units") != std::string::npos);
        CHECK(search.error.find("its weight is 0") != std::string::npos);
    }
    SECTION("a maxEffort below the stage")
    {
        s.projects[1].maxEffort = 30;
        const TargetSearch search = budgetToReachEffort(s, 1, 40);
        CHECK_FALSE(search.ok());
        CHECK(search.error == "\"Dispatching engine\" has maxEffort 30, below 40 units");
    }
    SECTION("a minEffort at the stage: reached at the smallest total")
    {
        s.projects[3].minEffort = 15;
        const TargetSearch search = budgetToReachEffort(s, 3, 15);
        REQUIRE(search.ok());
        CHECK(*search.totalEffort == 15);
    }
}

TEST_CASE("Least budget for an objective matches a scan over every total", "[explain][targets]")
{
    for (const char *name : {"startup", "deep-learning-bet"}) {
        const Scenario s = preset(name);
        std::vector<double> best;
        for (Effort total = 0; total <= 150; ++total) {
            const AllocationResult result = allocate(s, total, Method::Auto);
            REQUIRE(result.ok());
            best.push_back(result.allocation->objective);
        }
        for (const double target : {best[1], best[37], best[80], best[81], best[150], -kInf}) {
            const Effort expected
                = std::find_if(best.begin(), best.end(), [&](double v) { return v >= target; }) - best.begin();
            INFO(name << ", objective " << target);
            const TargetSearch search = budgetToReachObjective(s, target);
            REQUIRE(search.ok());
            CHECK(*search.totalEffort == expected);
        }
    }
    const TargetSearch never = budgetToReachObjective(preset("startup"), 1e9);
    CHECK_FALSE(never.ok());
    CHECK(never.error.find("even at 1000000000 units") != std::string::npos);
}
