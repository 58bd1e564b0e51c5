// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// End to end: runs the real effort-frontier executable, without a display, and checks stdout, stderr and exit code.
#include "Allocator.h"
#include "BadFixtures.h"
#include "QtStringMakers.h"
#include "RunProgram.h"
#include "ScenarioFile.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <cmath>
#include <string>
#include <vector>

using namespace ef;

namespace {

QString fixture(const char *relative)
{
    return QStringLiteral(EF_TEST_DATA_DIR "/") + QLatin1String(relative);
}

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    [[nodiscard]] QString errText() const { return QString::fromUtf8(err); }
};

/// Runs the executable with `arguments` in an environment with no display at all, failing the test on a hang or crash.
Run run(const QStringList &arguments)
{
    const test::ProgramRun r = test::runProgram(arguments, test::withoutDisplay);
    return {r.exitCode, r.out, r.err};
}

/// The one JSON object on stdout of a successful --allocate run, with its shape checked.
QJsonObject allocation(const QStringList &arguments)
{
    const Run r = run(arguments);
    INFO("effort-frontier " << arguments.join(QLatin1Char(' ')).toStdString());
    INFO("stderr: " << r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.isEmpty());
    REQUIRE(r.out.endsWith('\n'));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(r.out, &error);
    INFO("stdout: " << r.out.toStdString());
    // A second document or any trailing text would be "garbage at the end of the document".
    REQUIRE(error.error == QJsonParseError::NoError);
    REQUIRE(document.isObject());
    const QJsonObject o = document.object();
    for (const char *key : {"scenario", "totalEffort", "method", "objective", "bound", "gap", "proven", "projects"}) {
        INFO("key " << key);
        CHECK(o.contains(QLatin1String(key)));
    }
    CHECK(o.value(QStringLiteral("proven")).isBool());
    CHECK(o.value(QStringLiteral("scenario")).isString());
    CHECK(o.value(QStringLiteral("totalEffort")).isDouble());
    CHECK(o.value(QStringLiteral("method")).isString());
    REQUIRE(o.value(QStringLiteral("projects")).isArray());
    for (const QJsonValue &p : o.value(QStringLiteral("projects")).toArray()) {
        REQUIRE(p.isObject());
        for (const char *key : {"name", "effort", "accuracy", "value", "marginal", "stage"}) {
            INFO("project key " << key);
            CHECK(p.toObject().contains(QLatin1String(key)));
        }
        CHECK(p.toObject().value(QStringLiteral("name")).isString());
        CHECK(p.toObject().value(QStringLiteral("effort")).isDouble());
        CHECK(p.toObject().value(QStringLiteral("stage")).isString());
    }
    return o;
}

std::vector<qint64> efforts(const QJsonObject &o)
{
    std::vector<qint64> out;
    for (const QJsonValue &p : o.value(QStringLiteral("projects")).toArray())
        out.push_back(p.toObject().value(QStringLiteral("effort")).toInteger(-1));
    return out;
}

double sumOfValues(const QJsonObject &o)
{
    double sum = 0;
    for (const QJsonValue &p : o.value(QStringLiteral("projects")).toArray())
        sum += p.toObject().value(QStringLiteral("value")).toDouble(std::nan(""));
    return sum;
}

/// Exit code 2, nothing on stdout, exactly one line on stderr that names the program and holds every fragment.
void checkBadInput(const QStringList &arguments, const QStringList &fragments)
{
    const Run r = run(arguments);
    INFO("effort-frontier " << arguments.join(QLatin1Char(' ')).toStdString());
    INFO("stderr: " << r.err.toStdString());
    CHECK(r.exitCode == 2);
    CHECK(r.out.isEmpty());
    CHECK(r.err.startsWith("effort-frontier: "));
    CHECK(r.err.endsWith('\n'));
    CHECK(r.err.count('\n') == 1);
    for (const QString &fragment : fragments) {
        INFO("expected fragment: " << fragment.toStdString());
        CHECK(r.errText().contains(fragment));
    }
}

} // namespace

TEST_CASE("allocate --preset growth prints MODEL.md's allocation as one JSON document", "[app][allocate]")
{
    const QJsonObject o
        = allocation({QStringLiteral("--allocate"), QStringLiteral("--preset"), QStringLiteral("growth")});
    CHECK(o.value(QStringLiteral("scenario")).toString() == QStringLiteral("Grocery delivery, grown to 300 units"));
    CHECK(o.value(QStringLiteral("totalEffort")).toInteger() == 300);
    CHECK(o.value(QStringLiteral("method")).toString() == QStringLiteral("greedy"));
    CHECK(efforts(o) == std::vector<qint64>{100, 80, 60, 40, 20});
    const QJsonArray projects = o.value(QStringLiteral("projects")).toArray();
    REQUIRE(projects.size() == 5);
    CHECK(projects[0].toObject().value(QStringLiteral("name")).toString() == QStringLiteral("Dynamic pricing"));
    CHECK(projects[0].toObject().value(QStringLiteral("stage")).toString() == QStringLiteral("SotA research approach"));
    CHECK(projects[4].toObject().value(QStringLiteral("stage")).toString() == QStringLiteral("Feature engineering"));
    for (const QJsonValue &p : projects) {
        const QJsonObject project = p.toObject();
        // All weights are 1: value = accuracy, and the marginal gains at the optimum are positive and small.
        CHECK(project.value(QStringLiteral("value")).toDouble()
              == project.value(QStringLiteral("accuracy")).toDouble());
        CHECK(project.value(QStringLiteral("marginal")).toDouble() > 0);
        CHECK(project.value(QStringLiteral("marginal")).toDouble() < 0.01);
    }
    CHECK(o.value(QStringLiteral("objective")).toDouble() == Approx(sumOfValues(o)).epsilon(1e-12));
}

TEST_CASE("allocate reproduces the startup and ML-first red dots", "[app][allocate]")
{
    const QJsonObject startup
        = allocation({QStringLiteral("--allocate"), QStringLiteral("--preset"), QStringLiteral("startup")});
    CHECK(efforts(startup) == std::vector<qint64>{33, 27, 20, 13, 7});
    CHECK(startup.value(QStringLiteral("method")).toString() == QStringLiteral("greedy"));
    CHECK(startup.value(QStringLiteral("totalEffort")).toInteger() == 100);
    CHECK(startup.value(QStringLiteral("objective")).toDouble() == Approx(sumOfValues(startup)).epsilon(1e-12));

    const QJsonObject mlFirst
        = allocation({QStringLiteral("--allocate"), QStringLiteral("--preset"), QStringLiteral("ml-first")});
    CHECK(efforts(mlFirst) == std::vector<qint64>{75, 10, 7, 5, 3});
    // Weight 6 on the first project: its value is six times its accuracy.
    const QJsonObject first = mlFirst.value(QStringLiteral("projects")).toArray()[0].toObject();
    CHECK(first.value(QStringLiteral("value")).toDouble()
          == Approx(6 * first.value(QStringLiteral("accuracy")).toDouble()));
    CHECK(mlFirst.value(QStringLiteral("objective")).toDouble() == Approx(sumOfValues(mlFirst)).epsilon(1e-12));

    // Without FILE or --preset the startup preset is used.
    const QJsonObject byDefault = allocation({QStringLiteral("--allocate")});
    CHECK(byDefault.value(QStringLiteral("scenario")).toString()
          == startup.value(QStringLiteral("scenario")).toString());
    CHECK(efforts(byDefault) == std::vector<qint64>{33, 27, 20, 13, 7});
}

TEST_CASE("allocate with --total and --method", "[app][allocate]")
{
    SECTION("--total 300 on the startup preset gives the growth split")
    {
        const QJsonObject o = allocation({QStringLiteral("--allocate"), QStringLiteral("--preset"),
                                          QStringLiteral("startup"), QStringLiteral("--total"), QStringLiteral("300")});
        CHECK(o.value(QStringLiteral("totalEffort")).toInteger() == 300);
        CHECK(efforts(o) == std::vector<qint64>{100, 80, 60, 40, 20});
    }
    SECTION("--method exact reports exact and finds the same optimum")
    {
        const QJsonObject o
            = allocation({QStringLiteral("--allocate"), QStringLiteral("--preset"), QStringLiteral("startup"),
                          QStringLiteral("--method"), QStringLiteral("exact")});
        CHECK(o.value(QStringLiteral("method")).toString() == QStringLiteral("exact"));
        CHECK(efforts(o) == std::vector<qint64>{33, 27, 20, 13, 7});
    }
    SECTION("--method greedy on a file with an S-curve is honoured")
    {
        const QJsonObject o = allocation({QStringLiteral("--allocate"), QStringLiteral("--method"),
                                          QStringLiteral("greedy"), fixture("good/all-families.json")});
        CHECK(o.value(QStringLiteral("method")).toString() == QStringLiteral("greedy"));
    }
    SECTION("--total 0 is allowed")
    {
        const QJsonObject o
            = allocation({QStringLiteral("--allocate"), QStringLiteral("--total"), QStringLiteral("0")});
        CHECK(efforts(o) == std::vector<qint64>{0, 0, 0, 0, 0});
    }
}

TEST_CASE("allocate FILE allocates a scenario file", "[app][allocate][file]")
{
    const QString path = fixture("good/all-families.json");
    const QJsonObject o = allocation({QStringLiteral("--allocate"), path});
    CHECK(o.value(QStringLiteral("scenario")).toString() == QStringLiteral("Every curve family"));
    CHECK(o.value(QStringLiteral("totalEffort")).toInteger() == 60);
    // A logistic curve with a midpoint is not concave: auto picks exact.
    CHECK(o.value(QStringLiteral("method")).toString() == QStringLiteral("exact"));
    const std::vector<qint64> x = efforts(o);
    REQUIRE(x.size() == 5);
    qint64 sum = 0;
    for (const qint64 e : x)
        sum += e;
    CHECK(sum == 60);
    CHECK(x[1] >= 5);                 // minEffort 5
    CHECK(x[2] <= 20);                // maxEffort 20
    CHECK((x[3] >= 2 && x[3] <= 25)); // minEffort 2, maxEffort 25
    CHECK(o.value(QStringLiteral("objective")).toDouble() == Approx(sumOfValues(o)).epsilon(1e-12));
    // Stage names come from the file's own stages.
    for (const QJsonValue &p : o.value(QStringLiteral("projects")).toArray()) {
        const QString stage = p.toObject().value(QStringLiteral("stage")).toString();
        CHECK((stage == QStringLiteral("Rules") || stage == QStringLiteral("Classic ML")
               || stage == QStringLiteral("Deep learning")));
    }

    // The same as the library computes in-process.
    const LoadResult loaded = loadScenarioFile(path);
    REQUIRE(loaded.ok());
    const AllocationResult expected = allocate(*loaded.scenario);
    REQUIRE(expected.ok());
    std::vector<qint64> expectedEfforts;
    for (const ProjectAllocation &pa : expected.allocation->projects)
        expectedEfforts.push_back(pa.effort);
    CHECK(x == expectedEfforts);
    CHECK(o.value(QStringLiteral("objective")).toDouble() == expected.allocation->objective);

    // A file without a name is named after the file.
    const QJsonObject defaults = allocation({QStringLiteral("--allocate"), fixture("good/defaults.json")});
    CHECK(defaults.value(QStringLiteral("scenario")).toString() == QStringLiteral("defaults"));
    CHECK(defaults.value(QStringLiteral("projects")).toArray().size() == 2);
}

TEST_CASE("non-finite numbers are written as null and the output still parses", "[app][allocate]")
{
    // Two units for five log projects: three get nothing, so their accuracy (ln 0) and the objective are −∞.
    const QJsonObject o = allocation({QStringLiteral("--allocate"), QStringLiteral("--preset"),
                                      QStringLiteral("startup"), QStringLiteral("--total"), QStringLiteral("2")});
    CHECK(efforts(o) == std::vector<qint64>{1, 1, 0, 0, 0});
    CHECK(o.value(QStringLiteral("objective")).isNull());
    const QJsonArray projects = o.value(QStringLiteral("projects")).toArray();
    REQUIRE(projects.size() == 5);
    for (qsizetype i = 0; i < 2; ++i) {
        const QJsonObject p = projects[i].toObject();
        CHECK(p.value(QStringLiteral("accuracy")).isDouble());
        CHECK(p.value(QStringLiteral("value")).isDouble());
        CHECK(p.value(QStringLiteral("marginal")).isDouble());
    }
    for (qsizetype i = 2; i < 5; ++i) {
        INFO("project " << i);
        const QJsonObject p = projects[i].toObject();
        CHECK(p.value(QStringLiteral("accuracy")).isNull());
        CHECK(p.value(QStringLiteral("value")).isNull());
        CHECK(p.value(QStringLiteral("marginal")).isNull()); // +∞: the first unit of a log curve
        CHECK(p.value(QStringLiteral("stage")).toString() == QStringLiteral("If-else heuristics"));
    }
}

TEST_CASE("bad usage exits 2 with one line on stderr and nothing on stdout", "[app][usage]")
{
    const QString growth = QStringLiteral("growth");
    const QString file = fixture("good/defaults.json");
    struct Case {
        const char *what;
        QStringList arguments;
        QStringList fragments;
    };
    const Case cases[] = {
        {"unknown option",
         {QStringLiteral("--allocate"), QStringLiteral("--frobnicate")},
         {QStringLiteral("frobnicate")}},
        {"--preset without a value",
         {QStringLiteral("--allocate"), QStringLiteral("--preset")},
         {QStringLiteral("--preset")}},
        {"unknown preset",
         {QStringLiteral("--allocate"), QStringLiteral("--preset"), QStringLiteral("unicorn")},
         {QStringLiteral("preset unicorn"), QStringLiteral("unknown preset"),
          QStringLiteral("startup, growth, ml-first")}},
        {"FILE and --preset",
         {QStringLiteral("--allocate"), QStringLiteral("--preset"), growth, file},
         {QStringLiteral("not both")}},
        {"two FILEs", {QStringLiteral("--allocate"), file, file}, {QStringLiteral("at most one scenario FILE, got 2")}},
        {"--present with --budget-to-reach (a question for the command line, not the window)",
         {QStringLiteral("--budget-to-reach"), QStringLiteral("Using ML"), QStringLiteral("--project"),
          QStringLiteral("Fraud detection"), QStringLiteral("--present")},
         {QStringLiteral("--present"), QStringLiteral("--budget-to-reach")}},
        {"--total -1",
         {QStringLiteral("--allocate"), QStringLiteral("--total"), QStringLiteral("-1")},
         {QStringLiteral("--total: \"-1\"")}},
        {"--total abc",
         {QStringLiteral("--allocate"), QStringLiteral("--total"), QStringLiteral("abc")},
         {QStringLiteral("--total: \"abc\" is not a whole number")}},
        {"--total 1e3",
         {QStringLiteral("--allocate"), QStringLiteral("--total"), QStringLiteral("1e3")},
         {QStringLiteral("--total: \"1e3\"")}},
        {"--total 2.5",
         {QStringLiteral("--allocate"), QStringLiteral("--total"), QStringLiteral("2.5")},
         {QStringLiteral("--total: \"2.5\"")}},
        {"--total 99999999999",
         {QStringLiteral("--allocate"), QStringLiteral("--total"), QStringLiteral("99999999999")},
         {QStringLiteral("--total: \"99999999999\""), QStringLiteral("between 0 and 1000000000")}},
        {"--total empty",
         {QStringLiteral("--allocate"), QStringLiteral("--total"), QString()},
         {QStringLiteral("--total")}},
        {"--method foo",
         {QStringLiteral("--allocate"), QStringLiteral("--method"), QStringLiteral("foo")},
         {QStringLiteral("--method: \"foo\" is not one of auto, greedy, exact")}},
        {"--method in capitals",
         {QStringLiteral("--allocate"), QStringLiteral("--method"), QStringLiteral("Exact")},
         {QStringLiteral("--method: \"Exact\"")}},
        {"a missing file",
         {QStringLiteral("--allocate"), fixture("good/no-such-file.json")},
         {fixture("good/no-such-file.json") + QStringLiteral(": no such file")}},
        {"a directory",
         {QStringLiteral("--allocate"), fixture("good")},
         {fixture("good") + QStringLiteral(": is a directory")}},
        {"an empty file",
         {QStringLiteral("--allocate"), fixture("bad/empty.json")},
         {fixture("bad/empty.json") + QStringLiteral(": the file is empty")}},
        {"--total below the minEffort sum",
         {QStringLiteral("--allocate"), QStringLiteral("--total"), QStringLiteral("6"),
          fixture("good/all-families.json")},
         {fixture("good/all-families.json") + QStringLiteral(": "), QStringLiteral("minEffort add up to 7")}},
    };
    for (const Case &c : cases) {
        DYNAMIC_SECTION(c.what)
        {
            checkBadInput(c.arguments, c.fragments);
        }
    }
}

TEST_CASE("a broken scenario file is reported with its path and JSON location", "[app][usage][file]")
{
    const auto &cases = ef::test::kBadFixtures;
    for (const auto &c : cases) {
        DYNAMIC_SECTION(c.file)
        {
            const QString path = fixture(c.file);
            checkBadInput({QStringLiteral("--allocate"), path},
                          {QStringLiteral("effort-frontier: %1: %2: ").arg(path, QString::fromUtf8(c.location)),
                           QString::fromUtf8(c.reason)});
            // Option order does not matter.
            checkBadInput({path, QStringLiteral("--allocate")},
                          {path + QStringLiteral(": ") + QString::fromUtf8(c.location)});
        }
    }
}

TEST_CASE("a scenario file with a newline in its text still gives one line on stderr", "[app][usage][file]")
{
    const QString path = fixture("bad/newline-in-family.json");
    checkBadInput({QStringLiteral("--allocate"), path},
                  {path + QStringLiteral(": projects[0].curve.family: unknown family")});
}

TEST_CASE("usage errors quoting the command line stay on one line", "[app][usage]")
{
    // Messages quote --method, --total and option names from argv: a newline in them must not split the message
    // over two lines on stderr.
    checkBadInput({QStringLiteral("--allocate"), QStringLiteral("--method"), QStringLiteral("exact\nerror: forged")},
                  {QStringLiteral("--method")});
    checkBadInput({QStringLiteral("--allocate"), QStringLiteral("--total"), QStringLiteral("1\n2")},
                  {QStringLiteral("--total")});
}

TEST_CASE("greedy on an S-curve scenario at the largest budget is refused at once", "[app][usage]")
{
    // Greedy replays non-concave curves unit by unit; at the largest budget --total allows (1e9) that would take
    // about a minute, so it is refused with the limit instead (exact solves the same problem at once).
    checkBadInput({QStringLiteral("--allocate"), QStringLiteral("--method"), QStringLiteral("greedy"),
                   QStringLiteral("--total"), QStringLiteral("1000000000"), fixture("good/all-families.json")},
                  {QStringLiteral("is above its limit of 20000000")});
}

namespace {

/// Writes `json` to `name` in `dir` and returns its path.
QString writeFile(const QTemporaryDir &dir, const char *name, const QByteArray &json)
{
    const QString path = dir.filePath(QLatin1String(name));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(json) == json.size());
    return path;
}

/// `n` S-curves alike but for a millionth in `a`, sharing `total` units: the hard case for the exact
/// method's proof.
QByteArray identicalSCurves(int n, Effort total)
{
    Scenario s;
    s.name = "look-alikes";
    s.totalEffort = total;
    for (int i = 0; i < n; ++i) {
        Project p;
        p.name = std::to_string(i);
        p.name.insert(p.name.begin(), 'S');
        p.curve = Curve{CurveFamily::Logistic, 1 + 1e-6 * i, 0.2, 50};
        s.projects.push_back(p);
    }
    return QByteArray::fromStdString(serializeScenario(s));
}

} // namespace

TEST_CASE("allocate reports the certificate: bound, gap and proven", "[app][allocate]")
{
    // Concave curves: greedy is optimal, its bound is its objective.
    const QJsonObject startup
        = allocation({QStringLiteral("--allocate"), QStringLiteral("--preset"), QStringLiteral("startup")});
    CHECK(startup.value(QStringLiteral("bound")).toDouble() == startup.value(QStringLiteral("objective")).toDouble());
    CHECK(startup.value(QStringLiteral("gap")).toDouble() == 0);
    CHECK(startup.value(QStringLiteral("proven")).toBool());

    // S-curves: exact proves its split; greedy's bound says how much greedy may lose.
    const QJsonObject exact = allocation({QStringLiteral("--allocate"), fixture("good/all-families.json")});
    const double objective = exact.value(QStringLiteral("objective")).toDouble();
    CHECK(exact.value(QStringLiteral("method")).toString() == QStringLiteral("exact"));
    CHECK(exact.value(QStringLiteral("proven")).toBool());
    CHECK(exact.value(QStringLiteral("bound")).toDouble() >= objective);
    CHECK(exact.value(QStringLiteral("gap")).toDouble() <= 1e-12 * std::abs(objective));
    const QJsonObject greedy
        = allocation({QStringLiteral("--allocate"), QStringLiteral("--method"), QStringLiteral("greedy"),
                      QStringLiteral("--preset"), QStringLiteral("deep-learning-bet")});
    const QJsonObject best
        = allocation({QStringLiteral("--allocate"), QStringLiteral("--preset"), QStringLiteral("deep-learning-bet")});
    CHECK_FALSE(greedy.value(QStringLiteral("proven")).toBool());
    CHECK(greedy.value(QStringLiteral("bound")).toDouble() >= best.value(QStringLiteral("objective")).toDouble());
    CHECK(greedy.value(QStringLiteral("gap")).toDouble()
          >= best.value(QStringLiteral("objective")).toDouble() - greedy.value(QStringLiteral("objective")).toDouble());
    CHECK(best.value(QStringLiteral("proven")).toBool());
}

TEST_CASE("allocate with a time limit: the best split found, unproven, exit 0 and one line on stderr",
          "[app][allocate]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = writeFile(dir, "look-alikes.json", identicalSCurves(200, 5555));
    QElapsedTimer timer;
    timer.start();
    const Run r = run({QStringLiteral("--allocate"), QStringLiteral("--time-limit"), QStringLiteral("0.2"), path});
    INFO("stderr: " << r.err.toStdString());
    CHECK(timer.elapsed() < 5000);
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.startsWith("effort-frontier: "));
    CHECK(r.err.count('\n') == 1);
    CHECK(r.errText().contains(QStringLiteral("time limit")));
    CHECK(r.errText().contains(QStringLiteral("best found")));
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    CHECK_FALSE(o.value(QStringLiteral("proven")).toBool(true));
    const double gap = o.value(QStringLiteral("gap")).toDouble();
    CHECK(gap > 0);
    CHECK(o.value(QStringLiteral("bound")).toDouble()
          == Approx(o.value(QStringLiteral("objective")).toDouble() + gap).epsilon(1e-12));
    qint64 sum = 0;
    for (const qint64 e : efforts(o))
        sum += e;
    CHECK(sum == 5555);

    // A limit that is not reached changes nothing.
    const QJsonObject quick = allocation({QStringLiteral("--allocate"), QStringLiteral("--time-limit"),
                                          QStringLiteral("30"), fixture("good/all-families.json")});
    CHECK(quick.value(QStringLiteral("proven")).toBool());

    for (const char *bad : {"0", "-1", "abc", "", "nan", "inf", "1e7"}) {
        INFO("--time-limit " << bad);
        checkBadInput({QStringLiteral("--allocate"), QStringLiteral("--time-limit"), QLatin1String(bad)},
                      {QStringLiteral("--time-limit")});
    }
}

TEST_CASE("the 350-byte file: a project capped at zero and 10^9 units allocates at once", "[app][allocate]")
{
    // Issue 13, finding 1: this took 35 s and 7.8 GB, or died of std::bad_alloc under a memory limit.
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = writeFile(dir, "capped.json", R"({
  "version": 1,
  "totalEffort": 1000000000,
  "projects": [
    {"name": "A", "maxEffort": 0, "curve": {"family": "logistic", "a": 1, "b": 0.1, "midpoint": 50}},
    {"name": "B", "curve": {"family": "logistic", "a": 1, "b": 0.1, "midpoint": 50}}
  ]
})");
    QElapsedTimer timer;
    timer.start();
    const QJsonObject o
        = allocation({QStringLiteral("--allocate"), QStringLiteral("--method"), QStringLiteral("exact"), path});
    CHECK(timer.elapsed() < 5000);
    CHECK(efforts(o) == std::vector<qint64>{0, 1'000'000'000});
    CHECK(o.value(QStringLiteral("proven")).toBool());
}

TEST_CASE("help and version", "[app]")
{
    const Run help = run({QStringLiteral("--help")});
    CHECK(help.exitCode == 0);
    CHECK(help.err.isEmpty());
    for (const char *option : {"--allocate", "--preset", "--total", "--method", "--time-limit"}) {
        INFO(option);
        CHECK(help.out.contains(option));
    }

    const Run version = run({QStringLiteral("--version")});
    CHECK(version.exitCode == 0);
    CHECK(version.err.isEmpty());
    INFO(version.out.toStdString());
    // The first line is "NAME VERSION"; the licence and libraries follow (VersionAndDisplayTest.cpp).
    CHECK(QRegularExpression(QStringLiteral("^effort-frontier \\d+\\.\\d+\\.\\d+\\n"))
              .match(QString::fromUtf8(version.out))
              .hasMatch());
}

TEST_CASE("options of another mode are refused, not ignored", "[app][usage]")
{
    // These used to be accepted and ignored: --view growth with --allocate printed the same JSON as
    // without, and --fit took --total and --samples without a word.
    const QString a = QStringLiteral("--allocate");
    checkBadInput({a, QStringLiteral("--view"), QStringLiteral("growth")},
                  {QStringLiteral("--view needs --export OUT")});
    checkBadInput({a, QStringLiteral("--theme"), QStringLiteral("light")},
                  {QStringLiteral("--theme needs --export OUT")});
    checkBadInput({a, QStringLiteral("--size"), QStringLiteral("640x480")},
                  {QStringLiteral("--size needs --export OUT")});
    checkBadInput({a, QStringLiteral("--scale"), QStringLiteral("2")}, {QStringLiteral("--scale needs --export OUT")});
    checkBadInput({a, QStringLiteral("--baseline"), QStringLiteral("x")},
                  {QStringLiteral("--baseline needs --export OUT")});
    checkBadInput({QStringLiteral("--budget-to-reach"), QStringLiteral("4"), QStringLiteral("--project"),
                   QStringLiteral("1"), QStringLiteral("--view"), QStringLiteral("marginal")},
                  {QStringLiteral("--view needs --export OUT")});
    checkBadInput({QStringLiteral("--budget-to-reach"), QStringLiteral("4"), QStringLiteral("--project"),
                   QStringLiteral("1"), QStringLiteral("--brief")},
                  {QStringLiteral("--brief needs --export OUT")});
    // The window takes none of them either (refused before any display is needed).
    checkBadInput({QStringLiteral("--theme"), QStringLiteral("light")}, {QStringLiteral("--theme needs --export OUT")});

    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString data = dir.filePath(QStringLiteral("points.csv"));
    QFile file(data);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("effort,accuracy\n2,0.071\n5,0.150\n10,0.247\n20,0.370\n40,0.487\n");
    file.close();
    const QString fit = QStringLiteral("--fit");
    checkBadInput({fit, data, QStringLiteral("--total"), QStringLiteral("50")},
                  {QStringLiteral("--fit reads only DATA.csv; leave out --total")});
    checkBadInput({fit, data, QStringLiteral("--samples"), QStringLiteral("10")},
                  {QStringLiteral("--fit reads only DATA.csv; leave out --samples")});
    checkBadInput({fit, data, QStringLiteral("--method"), QStringLiteral("exact")},
                  {QStringLiteral("--fit reads only DATA.csv; leave out --method")});
    checkBadInput({fit, data, QStringLiteral("--view"), QStringLiteral("growth")},
                  {QStringLiteral("--view needs --export OUT")});
    // The fit itself still runs.
    const Run fitted = run({fit, data});
    CHECK(fitted.exitCode == 0);
    CHECK(fitted.out.contains("\"family\""));
}
