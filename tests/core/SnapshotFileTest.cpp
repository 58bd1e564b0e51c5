// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// Snapshots in scenario files: exact round trips, the version they need, and a precise error for each
// way a snapshot can be broken.
#include "Allocator.h"
#include "Presets.h"
#include "QtStringMakers.h"
#include "ScenarioFile.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace ef;

namespace {

Scenario startup()
{
    LoadResult loaded = loadPreset(QStringLiteral("startup"));
    REQUIRE(loaded.ok());
    return *loaded.scenario;
}

/// `scenario` pinned as a snapshot named `name`, with its current optimal split.
Snapshot pin(const Scenario &scenario, const std::string &name)
{
    Snapshot snapshot;
    snapshot.name = name;
    snapshot.totalEffort = scenario.totalEffort;
    snapshot.projects = scenario.projects;
    snapshot.stages = scenario.stages;
    const AllocationResult result = allocate(scenario, Method::Auto);
    REQUIRE(result.ok());
    for (const ProjectAllocation &pa : result.allocation->projects)
        snapshot.efforts.push_back(pa.effort);
    return snapshot;
}

/// The serialized `scenario` with `edit` applied to its JSON, parsed again.
LoadResult parseEdited(const Scenario &scenario, const std::function<void(QJsonObject &)> &edit)
{
    const std::string json = serializeScenario(scenario);
    QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
    edit(o);
    return parseScenario(QJsonDocument(o).toJson(), QStringLiteral("edited.json"));
}

} // namespace

TEST_CASE("Snapshots round-trip exactly and need format version 2", "[file][snapshots]")
{
    Scenario s = startup();
    s.snapshots.push_back(pin(s, "startup at 100"));
    Scenario grown = s;
    grown.totalEffort = 300;
    grown.projects[0].weight = 6;
    s.snapshots.push_back(pin(grown, "growth, pricing ×6"));
    CHECK(s.snapshots[0].efforts == std::vector<Effort>{33, 27, 20, 13, 7});

    const std::string json = serializeScenario(s);
    CHECK(formatVersionFor(s) == 2);
    CHECK(QJsonDocument::fromJson(QByteArray::fromStdString(json)).object().value("version").toInt() == 2);
    const LoadResult back = parseScenario(QByteArray::fromStdString(json), QStringLiteral("mem"));
    REQUIRE(back.ok());
    CHECK(*back.scenario == s);
    CHECK(back.scenario->snapshot("growth, pricing ×6")->totalEffort == 300);
    CHECK(back.scenario->snapshot("missing") == nullptr);

    // Without snapshots a file stays version 1, readable by the builds before snapshots.
    s.snapshots.clear();
    CHECK(formatVersionFor(s) == 1);
    CHECK(QJsonDocument::fromJson(QByteArray::fromStdString(serializeScenario(s))).object().value("version").toInt()
          == 1);

    // Any of the keys of version 3 — also inside a snapshot — makes it version 3, and it reads back.
    const auto versionOf = [](const Scenario &scenario) {
        const std::string text = serializeScenario(scenario);
        const LoadResult reread = parseScenario(QByteArray::fromStdString(text), QStringLiteral("mem"));
        REQUIRE(reread.ok());
        CHECK(*reread.scenario == scenario);
        return QJsonDocument::fromJson(QByteArray::fromStdString(text)).object().value("version").toInt();
    };
    Scenario planned = s;
    planned.projects[1].planned = 12;
    CHECK(versionOf(planned) == 3);
    Scenario observed = s;
    observed.projects[0].observations = {{10, 0.2}, {20, 0.3}};
    CHECK(versionOf(observed) == 3);
    Scenario ranged = s;
    ranged.projects[2].uncertainty.a = ParameterRange{ranged.projects[2].curve.a * 0.5, ranged.projects[2].curve.a};
    CHECK(versionOf(ranged) == 3);
    Scenario learning = s;
    learning.projects[3].curve = Curve{CurveFamily::Learning, 0.3, 0.5, 0.0, 10.0};
    CHECK(versionOf(learning) == 3);
    Scenario inSnapshot = s;
    inSnapshot.snapshots.push_back(pin(planned, "planned"));
    CHECK(versionOf(inSnapshot) == 3);
}

TEST_CASE("A snapshot's state is the scenario it was taken from", "[file][snapshots]")
{
    const Scenario s = startup();
    const Snapshot snapshot = pin(s, "pinned");
    const Scenario again = snapshot.toScenario();
    CHECK(again.totalEffort == s.totalEffort);
    CHECK(again.projects == s.projects);
    CHECK(again.stages == s.stages);
    CHECK(again.snapshots.empty());
    CHECK(again.name == "pinned");
}

TEST_CASE("Broken snapshots are refused with their location and reason", "[file][snapshots]")
{
    Scenario s = startup();
    s.snapshots.push_back(pin(s, "first"));
    s.snapshots.push_back(pin(s, "second"));
    struct Case {
        const char *what;
        std::function<void(QJsonObject &)> edit;
        QString location;
        QString reason;
    };
    const auto snapshotAt = [](QJsonObject &o, int i, const std::function<void(QJsonObject &)> &edit) {
        QJsonArray array = o.value("snapshots").toArray();
        QJsonObject snapshot = array[i].toObject();
        edit(snapshot);
        array[i] = snapshot;
        o["snapshots"] = array;
    };
    const std::vector<Case> cases = {
        {"not an array", [](QJsonObject &o) { o["snapshots"] = 3; }, "snapshots", "must be an array"},
        {"efforts missing", [&](QJsonObject &o) { snapshotAt(o, 1, [](QJsonObject &x) { x.remove("efforts"); }); },
         "snapshots[1].efforts", "missing"},
        {"one effort too few",
         [&](QJsonObject &o) {
             snapshotAt(o, 0, [](QJsonObject &x) {
                 QJsonArray e = x["efforts"].toArray();
                 e.removeLast();
                 x["efforts"] = e;
             });
         },
         "snapshots[0].efforts", "has 4 efforts; the snapshot has 5 projects"},
        {"efforts not adding up",
         [&](QJsonObject &o) {
             snapshotAt(o, 0, [](QJsonObject &x) {
                 QJsonArray e = x["efforts"].toArray();
                 e[0] = 34;
                 x["efforts"] = e;
             });
         },
         "snapshots[0].efforts", "add up to 101, not the snapshot's totalEffort (100)"},
        {"a fractional effort",
         [&](QJsonObject &o) {
             snapshotAt(o, 0, [](QJsonObject &x) {
                 QJsonArray e = x["efforts"].toArray();
                 e[2] = 1.5;
                 x["efforts"] = e;
             });
         },
         "snapshots[0].efforts[2]", "must be a whole number from 0 to 1000000000"},
        {"a duplicate name", [&](QJsonObject &o) { snapshotAt(o, 1, [](QJsonObject &x) { x["name"] = "first"; }); },
         "snapshots[1].name", "\"first\" is the name of snapshots[0] too; names must differ"},
        {"a bad curve inside",
         [&](QJsonObject &o) {
             snapshotAt(o, 1, [](QJsonObject &x) {
                 QJsonArray projects = x["projects"].toArray();
                 QJsonObject p = projects[3].toObject();
                 QJsonObject c = p["curve"].toObject();
                 c["b"] = -1;
                 p["curve"] = c;
                 projects[3] = p;
                 x["projects"] = projects;
             });
         },
         "snapshots[1].projects[3].curve.b", "must be > 0"},
        {"an unknown key", [&](QJsonObject &o) { snapshotAt(o, 0, [](QJsonObject &x) { x["colour"] = 1; }); },
         "snapshots[0]", ""},
    };
    for (const Case &c : cases) {
        INFO(c.what);
        const LoadResult r = parseEdited(s, c.edit);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error.location == c.location);
        if (!c.reason.isEmpty())
            CHECK(r.error.reason == c.reason);
    }
}
