// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// --allocate --samples N [--seed S] [--draws OUT.csv], end to end: the keys added to the JSON, the same
// bytes for the same seed, the CSV audit trail, and one-line errors for bad values.
#include "QtStringMakers.h"
#include "RunProgram.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace ef::test;

namespace {

QString fixture(const char *relative)
{
    return QStringLiteral(EF_TEST_DATA_DIR "/") + QLatin1String(relative);
}

void checkBadInput(const QStringList &arguments, const QString &fragment)
{
    const ProgramRun r = runProgram(arguments);
    INFO("stderr: " << r.err.toStdString());
    CHECK(r.exitCode == 2);
    CHECK(r.out.isEmpty());
    CHECK(r.err.startsWith("effort-frontier: "));
    CHECK(r.err.count('\n') == 1);
    CHECK(QString::fromUtf8(r.err).contains(fragment));
}

} // namespace

TEST_CASE("allocate --samples adds quantiles, stage and top probabilities and the expected regret", "[app][montecarlo]")
{
    const QString file = fixture("good/uncertain.json");
    const ProgramRun first = runProgram({QStringLiteral("--allocate"), file, QStringLiteral("--samples"),
                                         QStringLiteral("300"), QStringLiteral("--seed"), QStringLiteral("9")});
    const QJsonObject o = jsonObjectOf(first);
    CHECK(o.value(QStringLiteral("samples")).toInteger() == 300);
    CHECK(o.value(QStringLiteral("seed")).toInteger() == 9);
    const double regret = o.value(QStringLiteral("expectedRegret")).toDouble(-1);
    CHECK(regret > 0);
    const QJsonArray projects = o.value(QStringLiteral("projects")).toArray();
    REQUIRE(projects.size() == 5);
    double topSum = 0;
    for (const QJsonValue &value : projects) {
        const QJsonObject p = value.toObject();
        const QJsonObject q = p.value(QStringLiteral("effortQuantiles")).toObject();
        const qint64 p5 = q.value(QStringLiteral("p5")).toInteger(-1),
                     p50 = q.value(QStringLiteral("p50")).toInteger(-1),
                     p95 = q.value(QStringLiteral("p95")).toInteger(-1);
        CHECK(0 <= p5);
        CHECK(p5 <= p50);
        CHECK(p50 <= p95);
        CHECK(p95 <= 100);
        const QJsonObject stages = p.value(QStringLiteral("stageProbabilities")).toObject();
        CHECK(stages.size() == 5);
        CHECK(stages.value(QStringLiteral("If-else heuristics")).toDouble() == 1.0);
        CHECK(stages.value(QStringLiteral("SotA research approach")).toDouble() == 0.0);
        topSum += p.value(QStringLiteral("topProbability")).toDouble(-1);
    }
    CHECK(topSum == Approx(1.0));
    // The first project's a is unsure around the second's: it is not always on top.
    const double firstTop = projects[0].toObject().value(QStringLiteral("topProbability")).toDouble();
    CHECK(firstTop > 0.3);
    CHECK(firstTop < 1.0);
    // The point plan is printed as before.
    CHECK(projects[0].toObject().value(QStringLiteral("effort")).toInteger() == 33);

    // Same seed: the same bytes. Another seed: other figures.
    const ProgramRun again = runProgram({QStringLiteral("--allocate"), file, QStringLiteral("--samples"),
                                         QStringLiteral("300"), QStringLiteral("--seed"), QStringLiteral("9")});
    CHECK(again.out == first.out);
    const ProgramRun other = runProgram({QStringLiteral("--allocate"), file, QStringLiteral("--samples"),
                                         QStringLiteral("300"), QStringLiteral("--seed"), QStringLiteral("10")});
    CHECK(other.exitCode == 0);
    CHECK(other.out != first.out);
    // Without --seed the seed is 1.
    const QJsonObject defaults = jsonObjectOf(
        runProgram({QStringLiteral("--allocate"), file, QStringLiteral("--samples"), QStringLiteral("5")}));
    CHECK(defaults.value(QStringLiteral("seed")).toInteger() == 1);
    // The largest seed is written exactly.
    const ProgramRun largest
        = runProgram({QStringLiteral("--allocate"), file, QStringLiteral("--samples"), QStringLiteral("2"),
                      QStringLiteral("--seed"), QStringLiteral("18446744073709551615")});
    CHECK(largest.exitCode == 0);
    CHECK(largest.out.contains("\"seed\": 18446744073709551615,"));
}

TEST_CASE("allocate --samples on a scenario without ranges gives the point split and no regret", "[app][montecarlo]")
{
    const QJsonObject o
        = jsonObjectOf(runProgram({QStringLiteral("--allocate"), QStringLiteral("--preset"), QStringLiteral("growth"),
                                   QStringLiteral("--samples"), QStringLiteral("10")}));
    CHECK(o.value(QStringLiteral("expectedRegret")).toDouble(-1) == 0.0);
    const QJsonArray projects = o.value(QStringLiteral("projects")).toArray();
    REQUIRE(projects.size() == 5);
    const qint64 expected[] = {100, 80, 60, 40, 20};
    for (int i = 0; i < 5; ++i) {
        const QJsonObject p = projects[i].toObject();
        const QJsonObject q = p.value(QStringLiteral("effortQuantiles")).toObject();
        CHECK(q.value(QStringLiteral("p5")).toInteger() == expected[i]);
        CHECK(q.value(QStringLiteral("p50")).toInteger() == expected[i]);
        CHECK(q.value(QStringLiteral("p95")).toInteger() == expected[i]);
        CHECK(p.value(QStringLiteral("topProbability")).toDouble(-1) == (i == 0 ? 1.0 : 0.0));
        const QJsonObject stages = p.value(QStringLiteral("stageProbabilities")).toObject();
        CHECK(stages.value(QStringLiteral("SotA research approach")).toDouble(-1) == (i == 0 ? 1.0 : 0.0));
        CHECK(stages.value(QStringLiteral("Using DL")).toDouble(-1) == (expected[i] >= 40 ? 1.0 : 0.0));
    }
}

TEST_CASE("allocate --draws writes one CSV row per draw and project", "[app][montecarlo]")
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("draws.csv"));
    const ProgramRun r = runProgram({QStringLiteral("--allocate"), fixture("good/uncertain.json"),
                                     QStringLiteral("--samples"), QStringLiteral("4"), QStringLiteral("--draws"), out});
    (void)jsonObjectOf(r);
    QFile file(out);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    REQUIRE(lines.size() == 1 + 4 * 5 + 1); // header, rows, and the empty piece after the last newline
    CHECK(lines[0] == "draw,project,a,b,midpoint,weight,effort");
    CHECK(lines[1].startsWith("1,\"Dynamic pricing\","));
    CHECK(lines[20].startsWith("4,\"Menu images\",0.02,1000,,1,"));
    // Efforts of each draw add up to the budget.
    for (int d = 0; d < 4; ++d) {
        qint64 sum = 0;
        for (int i = 0; i < 5; ++i)
            sum += lines[1 + d * 5 + i].split(',').last().toLongLong();
        CHECK(sum == 100);
    }
    CHECK(QDir(dir.path()).entryList(QDir::Files) == QStringList{QStringLiteral("draws.csv")}); // no temporary left
}

TEST_CASE("bad --samples, --seed and --draws values exit 2 with one line", "[app][montecarlo][usage]")
{
    const QString file = fixture("good/uncertain.json");
    const QString allocate = QStringLiteral("--allocate");
    const QString samples = QStringLiteral("--samples");
    checkBadInput({allocate, file, samples, QStringLiteral("0")}, QStringLiteral("--samples: \"0\" is not"));
    checkBadInput({allocate, file, samples, QStringLiteral("100001")}, QStringLiteral("between 1 and 100000"));
    checkBadInput({allocate, file, samples, QStringLiteral("ten")}, QStringLiteral("--samples: \"ten\""));
    checkBadInput({allocate, file, samples, QStringLiteral("5"), QStringLiteral("--seed"), QStringLiteral("-1")},
                  QStringLiteral("--seed: \"-1\" is not"));
    checkBadInput({allocate, file, samples, QStringLiteral("5"), QStringLiteral("--seed"),
                   QStringLiteral("18446744073709551616")},
                  QStringLiteral("--seed:"));
    checkBadInput({allocate, file, QStringLiteral("--seed"), QStringLiteral("3")},
                  QStringLiteral("--seed needs --samples N"));
    checkBadInput({allocate, file, QStringLiteral("--draws"), QStringLiteral("x.csv")},
                  QStringLiteral("--draws needs --samples N"));
    checkBadInput({file, samples, QStringLiteral("5")},
                  QStringLiteral("--samples works with --allocate or --export only"));
    checkBadInput({allocate, file, samples, QStringLiteral("5"), QStringLiteral("--draws"),
                   QStringLiteral("/nonexistent-folder/draws.csv")},
                  QStringLiteral("--draws: cannot write \"/nonexistent-folder/draws.csv\""));
    QTemporaryDir dir;
    checkBadInput({allocate, file, samples, QStringLiteral("5"), QStringLiteral("--draws"), dir.path()},
                  QStringLiteral("--draws: cannot write"));
}

TEST_CASE("an export refused for its missing folder writes no --draws file either", "[app][montecarlo][usage]")
{
    // The folder used to be checked after the draws had been run and written: exit 2, yet a new file.
    QTemporaryDir dir;
    const QString draws = dir.filePath(QStringLiteral("draws.csv"));
    checkBadInput({QStringLiteral("--export"), dir.filePath(QStringLiteral("missing/chart.png")),
                   fixture("good/uncertain.json"), QStringLiteral("--samples"), QStringLiteral("20"),
                   QStringLiteral("--draws"), draws},
                  QStringLiteral("--export: the folder"));
    CHECK_FALSE(QFile::exists(draws));
    // The same export into a folder that exists writes both.
    const QString chart = dir.filePath(QStringLiteral("chart.png"));
    const ProgramRun written
        = runProgram({QStringLiteral("--export"), chart, fixture("good/uncertain.json"), QStringLiteral("--samples"),
                      QStringLiteral("20"), QStringLiteral("--draws"), draws});
    CHECK(written.exitCode == 0);
    CHECK(QFile::exists(chart));
    CHECK(readBytes(draws).startsWith("draw,project,a,b,midpoint,weight,effort"));
}

TEST_CASE("an export refused after the draws ran (an unknown baseline) leaves no --draws file",
          "[app][montecarlo][usage]")
{
    // The draws file used to be put in place as soon as the draws had run; the export could still fail.
    QTemporaryDir dir;
    const QString draws = dir.filePath(QStringLiteral("draws.csv"));
    const QString chart = dir.filePath(QStringLiteral("chart.png"));
    const ProgramRun refused = runProgram({QStringLiteral("--export"), chart, fixture("good/uncertain.json"),
                                           QStringLiteral("--samples"), QStringLiteral("20"), QStringLiteral("--draws"),
                                           draws, QStringLiteral("--baseline"), QStringLiteral("No such snapshot")});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains("No such snapshot"));
    CHECK_FALSE(QFile::exists(draws));
    CHECK_FALSE(QFile::exists(chart));
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty()); // no temporary file left either
}
