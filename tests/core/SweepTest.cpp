// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// The --animate syntax: PARAM=LO:HI, a project's parameter by its exact name, domains, frames.
#include "Sweep.h"
#include "Presets.h"

#include <catch2/catch.hpp>

using namespace ef;

TEST_CASE("Sweep syntax: the accepted forms", "[sweep]")
{
    SweepParse p = parseSweep("total=0:300");
    REQUIRE(p.sweep);
    CHECK(p.sweep->parameter == Sweep::Parameter::Total);
    CHECK(p.sweep->from == 0);
    CHECK(p.sweep->to == 300);

    p = parseSweep("weight[Dynamic pricing]=1:6");
    REQUIRE(p.sweep);
    CHECK(p.sweep->parameter == Sweep::Parameter::Weight);
    CHECK(p.sweep->project == "Dynamic pricing");
    CHECK(p.sweep->to == 6);

    p = parseSweep("a[x]=0.05:2e-1");
    REQUIRE(p.sweep);
    CHECK(p.sweep->parameter == Sweep::Parameter::A);
    CHECK(p.sweep->to == Approx(0.2));

    p = parseSweep("b[Odd [name]=here]=2:0.5"); // brackets and '=' inside the name, a falling range
    REQUIRE(p.sweep);
    CHECK(p.sweep->parameter == Sweep::Parameter::B);
    CHECK(p.sweep->project == "Odd [name]=here");
    CHECK(p.sweep->from == 2);
    CHECK(p.sweep->to == 0.5);
}

TEST_CASE("Sweep syntax: every refusal says what is wrong", "[sweep]")
{
    for (const char *bad : {"total",        "total=0",      "total=0:",           "total=:3",    "total=a:b",
                            "total=0:1.5",  "total=-1:10",  "total=0:2000000000", "speed=0:1",   "weight=1:6",
                            "weight[]=1:6", "weight[x=1:6", "weight[x]=-1:6",     "a[x]=-0.1:1", "b[x]=0:1",
                            "b[x]=1:-2",    "total=0:inf",  "total=nan:3",        "c[x]=1:2",    ""}) {
        INFO(bad);
        const SweepParse p = parseSweep(bad);
        CHECK_FALSE(p.sweep);
        CHECK_FALSE(p.error.empty());
        CHECK(p.error.find('\n') == std::string::npos);
    }
}

TEST_CASE("Sweep frames: ends exact, totals whole, the named project changed and no other", "[sweep]")
{
    LoadResult loaded = loadPreset(QStringLiteral("startup"));
    REQUIRE(loaded.ok());
    const Scenario scenario = *loaded.scenario;

    Sweep total = *parseSweep("total=0:300").sweep;
    CHECK(bindSweep(total, scenario).empty());
    CHECK(sweepFrame(scenario, total, 0, 4).totalEffort == 0);
    CHECK(sweepFrame(scenario, total, 1, 4).totalEffort == 100);
    CHECK(sweepFrame(scenario, total, 3, 4).totalEffort == 300);
    CHECK(sweepFrame(scenario, total, 1, 7).totalEffort == 50);

    Sweep weight = *parseSweep("weight[Dispatching engine]=1:6").sweep;
    CHECK(bindSweep(weight, scenario).empty());
    CHECK(weight.projectIndex == 1);
    const Scenario last = sweepFrame(scenario, weight, 10, 11);
    CHECK(last.projects[1].weight == 6);
    CHECK(sweepFrame(scenario, weight, 5, 11).projects[1].weight == Approx(3.5));
    CHECK(last.projects[0] == scenario.projects[0]);
    CHECK(last.totalEffort == scenario.totalEffort);

    Sweep unknown = *parseSweep("a[Nope]=0:1").sweep;
    const std::string error = bindSweep(unknown, scenario);
    CHECK(error.find("no project named \"Nope\"") != std::string::npos);
    CHECK(error.find("Dynamic pricing") != std::string::npos);
}
