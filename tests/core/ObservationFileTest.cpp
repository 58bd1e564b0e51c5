// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// Observations and learning curves in scenario files: loaded as written, saved and reloaded exactly,
// carried by snapshots, and refused with their JSON path when broken.
#include "ScenarioFile.h"

#include <catch2/catch.hpp>

#include <QString>

#include <limits>
#include <string>

using namespace ef;

namespace {

const QString kDataDir = QStringLiteral(EF_TEST_DATA_DIR);

/// A one-project document whose project holds `project` (JSON members) after its name.
QByteArray withProject(const std::string &project)
{
    return QByteArray::fromStdString(R"({"version":1,"totalEffort":10,"projects":[{"name":"P",)" + project + "}]}");
}

void checkRefused(const QByteArray &json, const char *location, const char *reason)
{
    const LoadResult loaded = parseScenario(json, QStringLiteral("t.json"));
    INFO(json.toStdString());
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error.location.toStdString() == location);
    CHECK(loaded.error.reason.toStdString() == reason);
}

} // namespace

TEST_CASE("a learning curve with observations loads as written", "[scenariofile][observations]")
{
    const LoadResult loaded = loadScenarioFile(kDataDir + QStringLiteral("/good/learning-with-observations.json"));
    REQUIRE(loaded.ok());
    const Scenario &s = *loaded.scenario;
    REQUIRE(s.projects.size() == 2);
    const Curve &c = s.projects[0].curve;
    CHECK(c.family == CurveFamily::Learning);
    CHECK(c.a == 0.9);
    CHECK(c.b == 0.6);
    CHECK(c.scale == 15);
    CHECK(c.midpoint == 0);
    const std::vector<Observation> expected = {{0, 0}, {5, 0.1424}, {10, 0.2472}, {20.5, 0.3839}};
    CHECK(s.projects[0].observations == expected);
    CHECK(s.projects[1].observations.empty());
    CHECK(s.projects[1].curve.scale == 1); // families without a scale keep the default
}

TEST_CASE("observations and learning curves survive save → load, in snapshots too", "[scenariofile][observations]")
{
    Scenario s;
    s.name = "round trip";
    s.totalEffort = 40;
    Project p;
    p.name = "L";
    p.curve = Curve{CurveFamily::Learning, 0.30000000000000004, 1e-9, 0.0};
    p.curve.scale = 3.141592653589793;
    p.observations = {{0, -0.5}, {0.1, 1e-300}, {1e9, 123456.789}, {2.5, 0.1}};
    Project q;
    q.name = "Q";
    q.curve = Curve{CurveFamily::Exp, 1, 0.5, 0.0};
    s.projects = {p, q};
    Snapshot snap;
    snap.name = "pinned";
    snap.totalEffort = 40;
    snap.projects = s.projects;
    snap.stages = s.stages;
    snap.efforts = {25, 15};
    s.snapshots = {snap};
    REQUIRE_FALSE(validateScenario(s, QStringLiteral("mem")));
    const std::string json = serializeScenario(s);
    CHECK(json.find("\"scale\": 3.141592653589793") != std::string::npos);
    CHECK(json.find("\"observations\"") != std::string::npos);
    const LoadResult again = parseScenario(QByteArray::fromStdString(json), QStringLiteral("again"));
    REQUIRE(again.ok());
    CHECK(*again.scenario == s);
    CHECK(again.scenario->snapshots[0].projects[0].observations == p.observations);

    // No observations: no key written.
    s.projects[0].observations.clear();
    s.snapshots.clear();
    CHECK(serializeScenario(s).find("observations") == std::string::npos);
}

TEST_CASE("broken observations and scales are refused with their JSON path", "[scenariofile][observations][error]")
{
    const std::string log = R"("curve":{"family":"log","a":1,"b":1})";
    checkRefused(withProject(log + R"(,"observations":5)"), "projects[0].observations",
                 "must be an array of [effort, accuracy] pairs");
    checkRefused(withProject(log + R"(,"observations":[[1,2],[3]])"), "projects[0].observations[1]",
                 "must be a pair [effort, accuracy]");
    checkRefused(withProject(log + R"(,"observations":[{"effort":1}])"), "projects[0].observations[0]",
                 "must be a pair [effort, accuracy]");
    checkRefused(withProject(log + R"(,"observations":[[1,"0.5"]])"), "projects[0].observations[0][1]",
                 "must be a finite number");
    checkRefused(withProject(log + R"(,"observations":[[null,0.5]])"), "projects[0].observations[0][0]",
                 "must be a finite number");
    checkRefused(withProject(log + R"(,"observations":[[1,0.5],[-0.5,0.5]])"), "projects[0].observations[1][0]",
                 "the effort must be a finite number ≥ 0");
    std::string many = R"(,"observations":[)";
    for (int i = 0; i <= limits::kMaxObservations; ++i)
        many += (i ? ",[" : "[") + std::to_string(i) + ",0.5]";
    checkRefused(withProject(log + many + "]"), "projects[0].observations",
                 "has 10001 observations; the limit is 10000");

    checkRefused(withProject(R"("curve":{"family":"learning","a":1,"b":1})"), "projects[0].curve.scale", "missing");
    checkRefused(withProject(R"("curve":{"family":"learning","a":1,"b":1,"scale":0})"), "projects[0].curve.scale",
                 "must be > 0");
    checkRefused(withProject(R"("curve":{"family":"learning","a":1,"b":1,"scale":2e9})"), "projects[0].curve.scale",
                 "must be at most 1000000000");
    checkRefused(withProject(R"("curve":{"family":"exp","a":1,"b":1,"scale":2})"), "projects[0].curve.scale",
                 "only learning curves have a scale");
    checkRefused(withProject(R"("curve":{"family":"learning","a":1,"b":1,"scale":2,"midpoint":1})"),
                 "projects[0].curve.midpoint", "only logistic curves have a midpoint");
}

TEST_CASE("validateScenario refuses observations a file could not hold", "[scenariofile][observations][validate]")
{
    Scenario s;
    Project p;
    p.name = "P";
    p.observations = {{1, 0.5}, {2, std::numeric_limits<double>::quiet_NaN()}};
    s.projects = {p};
    auto problem = validateScenario(s, QStringLiteral("mem"));
    REQUIRE(problem);
    CHECK(problem->location == QStringLiteral("projects[0].observations[1][1]"));
    s.projects[0].observations = {{std::numeric_limits<double>::infinity(), 0.5}};
    problem = validateScenario(s, QStringLiteral("mem"));
    REQUIRE(problem);
    CHECK(problem->location == QStringLiteral("projects[0].observations[0][0]"));
    s.projects[0].observations.clear();
    s.projects[0].curve.scale = 2; // a log curve with a scale would not survive a save
    problem = validateScenario(s, QStringLiteral("mem"));
    REQUIRE(problem);
    CHECK(problem->reason == QStringLiteral("only learning curves have a scale"));
}
