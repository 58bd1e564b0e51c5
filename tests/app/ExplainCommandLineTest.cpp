// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// The command line's answers to "why does this project stop here?", "how far is our plan from the
// best one?" and "what budget until it reaches a stage?": --allocate's waterLevel, lastGain and plan,
// and --budget-to-reach, run on the real executable.
#include "Presets.h"
#include "QtStringMakers.h"
#include "RunProgram.h"
#include "ScenarioFile.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cmath>

using namespace ef;
using namespace ef::test;

namespace {

QJsonObject parsed(const ProgramRun &run)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
    INFO(run.out.toStdString());
    REQUIRE(error.error == QJsonParseError::NoError);
    return document.object();
}

/// The startup preset with `planned` efforts, written to a file in `dir`.
QString startupWithPlan(const QTemporaryDir &dir, const std::vector<std::optional<Effort>> &planned)
{
    LoadResult loaded = loadPreset(QStringLiteral("startup"));
    REQUIRE(loaded.ok());
    Scenario s = *loaded.scenario;
    for (std::size_t i = 0; i < planned.size(); ++i)
        s.projects[i].planned = planned[i];
    const QString path = dir.filePath(QStringLiteral("plan.json"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(serializeScenario(s)));
    return path;
}

} // namespace

TEST_CASE("Command line: --allocate reports the water level and each project's last gain", "[app][explain]")
{
    const ProgramRun run
        = runProgram({QStringLiteral("--allocate"), QStringLiteral("--preset"), QStringLiteral("startup")});
    REQUIRE(run.exitCode == 0);
    const QJsonObject o = parsed(run);
    REQUIRE(o.value(QStringLiteral("waterLevel")).isDouble());
    const double level = o.value(QStringLiteral("waterLevel")).toDouble();
    // a = 0.1, 0.08, 0.06, 0.04, 0.02 at 33, 27, 20, 13, 7 units: last gains a·ln(x/(x−1)).
    const double a[] = {0.1, 0.08, 0.06, 0.04, 0.02};
    const double x[] = {33, 27, 20, 13, 7};
    double lowest = 1;
    const QJsonArray projects = o.value(QStringLiteral("projects")).toArray();
    REQUIRE(projects.size() == 5);
    for (int i = 0; i < 5; ++i) {
        const QJsonObject p = projects[i].toObject();
        const double last = a[i] * std::log(x[i] / (x[i] - 1));
        CHECK(p.value(QStringLiteral("lastGain")).toDouble() == Approx(last).epsilon(1e-12));
        CHECK(p.value(QStringLiteral("lastGain")).toDouble() >= level);
        CHECK(p.value(QStringLiteral("marginal")).toDouble() <= level);
        lowest = std::min(lowest, last);
    }
    CHECK(level == Approx(lowest).epsilon(1e-12));
    CHECK_FALSE(o.contains(QStringLiteral("plan"))); // no planned efforts in the preset

    // At a total of 0 nothing is funded: both are null.
    const ProgramRun zero = runProgram({QStringLiteral("--allocate"), QStringLiteral("--total"), QStringLiteral("0")});
    REQUIRE(zero.exitCode == 0);
    const QJsonObject z = parsed(zero);
    CHECK(z.value(QStringLiteral("waterLevel")).isNull());
    CHECK(z.value(QStringLiteral("projects")).toArray()[0].toObject().value(QStringLiteral("lastGain")).isNull());
}

TEST_CASE("Command line: --allocate compares the planned efforts with the optimum", "[app][explain][plan]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    SECTION("a plan of the whole budget")
    {
        const ProgramRun run = runProgram({QStringLiteral("--allocate"), startupWithPlan(dir, {20, 20, 20, 20, 20})});
        REQUIRE(run.exitCode == 0);
        CHECK(run.err.isEmpty());
        const QJsonObject o = parsed(run);
        const QJsonObject plan = o.value(QStringLiteral("plan")).toObject();
        const double planned = 0.1 * std::log(40.0) + 0.08 * std::log(60.0) + 0.06 * std::log(200.0)
            + 0.04 * std::log(1000.0) + 0.02 * std::log(20000.0);
        CHECK(plan.value(QStringLiteral("objective")).toDouble() == Approx(planned).epsilon(1e-12));
        CHECK(plan.value(QStringLiteral("gap")).toDouble()
              == Approx(o.value(QStringLiteral("objective")).toDouble() - planned).epsilon(1e-9));
        CHECK(plan.value(QStringLiteral("efforts")).toArray() == QJsonArray{20, 20, 20, 20, 20});
        const QJsonArray moves = plan.value(QStringLiteral("moves")).toArray();
        REQUIRE(moves.size() == 4);
        CHECK(moves[0].toObject().value(QStringLiteral("name")).toString() == QStringLiteral("Dynamic pricing"));
        CHECK(moves[0].toObject().value(QStringLiteral("units")).toInt() == 13);
        CHECK(moves[3].toObject().value(QStringLiteral("units")).toInt() == -13);
    }
    SECTION("a plan of another total: still reported, with one line on stderr")
    {
        const ProgramRun run = runProgram({QStringLiteral("--allocate"), startupWithPlan(dir, {50, 50, std::nullopt})});
        REQUIRE(run.exitCode == 0);
        const QJsonObject plan = parsed(run).value(QStringLiteral("plan")).toObject();
        CHECK(plan.value(QStringLiteral("efforts")).toArray() == QJsonArray{50, 50, 0, 0, 0});
        CHECK(plan.value(QStringLiteral("plannedTotal")).toInt() == 100);
        CHECK(plan.value(QStringLiteral("objective")).isNull()); // a log project planned 0 units: −∞
        CHECK(run.err.isEmpty());                                // 100 units planned: the same total

        const ProgramRun other = runProgram({QStringLiteral("--allocate"), startupWithPlan(dir, {50, 20})});
        REQUIRE(other.exitCode == 0);
        CHECK(
            QString::fromUtf8(other.err)
            == QStringLiteral("effort-frontier: %1: the planned efforts add up to 70 units, not the total of 100; the "
                              "plan's gap compares splits of different totals\n")
                   .arg(dir.filePath(QStringLiteral("plan.json"))));
    }
}

TEST_CASE("Command line: --budget-to-reach prints the smallest total, or exits 2 with one line",
          "[app][explain][targets]")
{
    const auto budget
        = [](const QStringList &more) { return runProgram(QStringList{QStringLiteral("--budget-to-reach")} + more); };
    SECTION("the reference presets, checked by hand in the core tests")
    {
        const ProgramRun run
            = budget({QStringLiteral("Using DL"), QStringLiteral("--project"), QStringLiteral("Dynamic pricing")});
        REQUIRE(run.exitCode == 0);
        CHECK(run.err.isEmpty());
        CHECK(QString::fromUtf8(run.out)
              == QStringLiteral(
                  "{\n  \"project\": \"Dynamic pricing\",\n  \"stage\": \"Using DL\",\n  \"totalEffort\": 120\n}\n"));
        const ProgramRun mlFirst
            = budget({QStringLiteral("SotA research approach"), QStringLiteral("--project"), QStringLiteral("1"),
                      QStringLiteral("--preset"), QStringLiteral("ml-first")});
        REQUIRE(mlFirst.exitCode == 0);
        CHECK(parsed(mlFirst).value(QStringLiteral("totalEffort")).toInt() == 120);
        const ProgramRun bet = budget({QStringLiteral("Using DL"), QStringLiteral("--project"),
                                       QStringLiteral("Deep-learning demand forecasting"), QStringLiteral("--preset"),
                                       QStringLiteral("deep-learning-bet")});
        REQUIRE(bet.exitCode == 0);
        CHECK(parsed(bet).value(QStringLiteral("totalEffort")).toInt() == 81); // where the exact split funds it
    }
    SECTION("bad input: exit 2, one line, nothing on stdout")
    {
        struct Case {
            QStringList arguments;
            QString message;
        };
        const Case cases[] = {
            {{QStringLiteral("Nope"), QStringLiteral("--project"), QStringLiteral("1")},
             QStringLiteral(
                 "effort-frontier: --budget-to-reach: no stage \"Nope\"; the stages are \"If-else "
                 "heuristics\", \"Using ML\", \"Feature engineering\", \"Using DL\", \"SotA research approach\"")},
            {{QStringLiteral("Using ML"), QStringLiteral("--project"), QStringLiteral("Nope")},
             QStringLiteral("effort-frontier: --project: no project \"Nope\"; the projects are \"Dynamic pricing\", "
                            "\"Dispatching engine\", \"Courier & restaurant onboarding (CV)\", \"Personalised "
                            "recommendations\", \"Generated menu images\"")},
            {{QStringLiteral("Using ML")}, QStringLiteral("effort-frontier: --budget-to-reach needs --project NAME")},
            {{QStringLiteral("Using ML"), QStringLiteral("--project"), QStringLiteral("1"), QStringLiteral("--total"),
              QStringLiteral("5")},
             QStringLiteral("effort-frontier: --budget-to-reach searches the total itself; leave out --total")},
        };
        for (const Case &c : cases) {
            const ProgramRun run = budget(c.arguments);
            CHECK(run.exitCode == 2);
            CHECK(run.out.isEmpty());
            CHECK(QString::fromUtf8(run.err) == c.message + QLatin1Char('\n'));
        }
        const ProgramRun lonely = runProgram({QStringLiteral("--project"), QStringLiteral("1")});
        CHECK(lonely.exitCode == 2);
        CHECK(QString::fromUtf8(lonely.err)
              == QStringLiteral("effort-frontier: --project goes with --budget-to-reach STAGE\n"));
    }
    SECTION("no total reaches the stage: a cap below it")
    {
        QTemporaryDir dir;
        REQUIRE(dir.isValid());
        LoadResult loaded = loadPreset(QStringLiteral("startup"));
        REQUIRE(loaded.ok());
        Scenario s = *loaded.scenario;
        s.projects[1].maxEffort = 30;
        const QString path = dir.filePath(QStringLiteral("capped.json"));
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(serializeScenario(s)));
        file.close();
        const ProgramRun run
            = budget({QStringLiteral("Using DL"), QStringLiteral("--project"), QStringLiteral("2"), path});
        CHECK(run.exitCode == 2);
        CHECK(run.out.isEmpty());
        CHECK(QString::fromUtf8(run.err)
              == QStringLiteral("effort-frontier: %1: \"Dispatching engine\" never reaches \"Using DL\" (40 units): "
                                "\"Dispatching engine\" has maxEffort 30, below 40 units\n")
                     .arg(path));
    }
}

TEST_CASE("Command line: --export --view marginal writes a PNG with no display", "[app][explain][marginal]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString png = dir.filePath(QStringLiteral("marginal.png"));
    const ProgramRun run
        = runProgram({QStringLiteral("--export"), png, QStringLiteral("--view"), QStringLiteral("marginal"),
                      QStringLiteral("--size"), QStringLiteral("640x480")});
    REQUIRE(run.exitCode == 0);
    CHECK(run.err.isEmpty());
    QFile file(png);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    REQUIRE(bytes.size() > 5000);
    CHECK(bytes.startsWith("\x89PNG\r\n\x1a\n"));
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    const auto word = [&](int at) {
        return (static_cast<unsigned char>(bytes[at]) << 24) | (static_cast<unsigned char>(bytes[at + 1]) << 16)
            | (static_cast<unsigned char>(bytes[at + 2]) << 8) | static_cast<unsigned char>(bytes[at + 3]);
    };
    CHECK(word(16) == 640);
    CHECK(word(20) == 480);

    const ProgramRun ghosts
        = runProgram({QStringLiteral("--export"), png, QStringLiteral("--view"), QStringLiteral("marginal"),
                      QStringLiteral("--baseline"), QStringLiteral("x")});
    CHECK(ghosts.exitCode == 2);
    CHECK(QString::fromUtf8(ghosts.err)
          == QStringLiteral("effort-frontier: --baseline: the marginal view has no ghosts; use --view accuracy\n"));
}
