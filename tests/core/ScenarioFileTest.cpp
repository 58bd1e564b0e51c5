// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// Scenario files: loading good documents, exact round trips, and a precise error for every kind of broken one.
#include "ScenarioFile.h"
#include "BadFixtures.h"
#include "Presets.h"
#include "QtStringMakers.h"
#include "RandomScenario.h"
#include "SafeText.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTemporaryDir>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <optional>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

using namespace ef;

namespace {

const QString kDataDir = QStringLiteral(EF_TEST_DATA_DIR);

/**
 * Runs `body` in a forked child (to drop privileges, or to survive a hang) and returns what it
 * returned, or nothing when it did not answer within `timeoutMs` (the child is then killed).
 */
template<typename Body> std::optional<std::string> inChild(Body body, int timeoutMs = 10000)
{
    int fds[2];
    if (::pipe(fds) != 0)
        return std::nullopt;
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        const std::string answer = body();
        const ssize_t written = ::write(fds[1], answer.data(), answer.size());
        ::_exit(written == static_cast<ssize_t>(answer.size()) ? 0 : 1);
    }
    ::close(fds[1]);
    std::string answer;
    bool finished = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd p{fds[0], POLLIN, 0};
        if (::poll(&p, 1, 100) > 0) {
            char buffer[4096];
            const ssize_t got = ::read(fds[0], buffer, sizeof buffer);
            if (got <= 0) {
                finished = true;
                break;
            }
            answer.append(buffer, static_cast<std::size_t>(got));
        }
    }
    ::close(fds[0]);
    if (!finished)
        ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!finished || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return std::nullopt;
    return answer;
}

QString fixture(const char *relative)
{
    return kDataDir + QLatin1Char('/') + QLatin1String(relative);
}

/// A minimal valid project, as JSON.
const QByteArray kProject = R"({"name":"P","curve":{"family":"log","a":0.1,"b":2}})";

/// A document with these top-level members followed by one valid project.
QByteArray withTop(const QByteArray &members)
{
    return "{" + members + R"(,"projects":[)" + kProject + "]}";
}

/// A version-1 document, budget 100, whose projects array is `projects` (without the brackets).
QByteArray withProjects(const QByteArray &projects)
{
    return R"({"version":1,"totalEffort":100,"projects":[)" + projects + "]}";
}

/// A document with one project whose members are `members`.
QByteArray withProject(const QByteArray &members)
{
    return withProjects("{" + members + "}");
}

/// A document with one project named "P" whose curve object has these members.
QByteArray withCurve(const QByteArray &members)
{
    return withProject(R"("name":"P","curve":{)" + members + "}");
}

/// A document with these stages and one valid project.
QByteArray withStages(const QByteArray &stages)
{
    return withTop(R"("version":1,"totalEffort":100,"stages":[)" + stages + "]");
}

QByteArray stagesJson(int count)
{
    QByteArray out;
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            out += ',';
        out += R"({"name":"S)" + QByteArray::number(i) + R"(","from":)" + QByteArray::number(i * 10) + "}";
    }
    return out;
}

Project project(const std::string &name, CurveFamily family, double a, double b, double weight = 1, double midpoint = 0)
{
    Project p;
    p.name = name;
    p.curve = Curve{family, a, b, midpoint};
    p.weight = weight;
    return p;
}

LoadResult parse(const QByteArray &json)
{
    return parseScenario(json, QStringLiteral("t.json"));
}

Scenario roundTrip(const Scenario &s)
{
    const std::string text = serializeScenario(s);
    const LoadResult loaded = parseScenario(QByteArray::fromStdString(text), QStringLiteral("round trip"));
    INFO(text);
    INFO(loaded.error.message().toStdString());
    REQUIRE(loaded.ok());
    return *loaded.scenario;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------
// Good files

TEST_CASE("the three presets load with MODEL.md's budgets, weights, curves and stages", "[scenariofile][preset]")
{
    CHECK(presetNames()
          == QStringList{QStringLiteral("startup"), QStringLiteral("growth"), QStringLiteral("ml-first"),
                         QStringLiteral("deep-learning-bet")});
    struct Expected {
        const char *preset;
        Effort total;
        double firstWeight;
    };
    for (const Expected &e :
         {Expected{"startup", 100, 1.0}, Expected{"growth", 300, 1.0}, Expected{"ml-first", 100, 6.0}}) {
        INFO(e.preset);
        const LoadResult loaded = loadPreset(QString::fromLatin1(e.preset));
        INFO(loaded.error.message().toStdString());
        REQUIRE(loaded.ok());
        const Scenario &s = *loaded.scenario;
        CHECK(loaded.error.source == QStringLiteral("preset %1").arg(QLatin1String(e.preset)));
        CHECK_FALSE(s.name.empty());
        CHECK(s.totalEffort == e.total);
        CHECK(s.stages == defaultStages());
        REQUIRE(s.projects.size() == 5);
        CHECK(s.projects[0].name == "Dynamic pricing");
        CHECK(s.projects[1].name == "Dispatching engine");
        CHECK(s.projects[4].name == "Generated menu images");
        CHECK(s.projects[0].weight == e.firstWeight);
        for (std::size_t i = 0; i < 5; ++i) {
            const Project &p = s.projects[i];
            CHECK(p.curve.family == CurveFamily::Log);
            // a in the ratio 5 : 4 : 3 : 2 : 1.
            CHECK(p.curve.a / s.projects[4].curve.a == Approx(static_cast<double>(5 - i)));
            if (i > 0)
                CHECK(p.weight == 1.0);
            CHECK(p.minEffort == 0);
            CHECK_FALSE(p.maxEffort.has_value());
            CHECK(p.color.empty());
        }
        CHECK_FALSE(validateScenario(s, QStringLiteral("x")).has_value());
    }
}

TEST_CASE("an unknown preset names the known ones", "[scenariofile][preset]")
{
    const LoadResult loaded = loadPreset(QStringLiteral("Startup"));
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error.source == QStringLiteral("preset Startup"));
    CHECK(loaded.error.location.isEmpty());
    CHECK(loaded.error.reason
          == QStringLiteral("unknown preset (known: startup, growth, ml-first, deep-learning-bet)"));
}

TEST_CASE("a file using every family, bounds, colours and custom stages loads exactly", "[scenariofile]")
{
    const QString path = fixture("good/all-families.json");
    const LoadResult loaded = loadScenarioFile(path);
    INFO(loaded.error.message().toStdString());
    REQUIRE(loaded.ok());
    CHECK(loaded.error.source == path);

    Scenario expected;
    expected.name = "Every curve family";
    expected.totalEffort = 60;
    expected.stages = {{"Rules", 0}, {"Classic ML", 10}, {"Deep learning", 30}};
    expected.projects = {
        project("Dynamic pricing", CurveFamily::Log, 0.1, 2, 2),
        project("Dispatching engine", CurveFamily::Log1p, 0.08, 0.5),
        project("Courier onboarding (CV)", CurveFamily::Exp, 0.9, 0.05, 0.5),
        project("Personalised recommendations", CurveFamily::Power, 0.05, 0.5),
        project("Generated menu images", CurveFamily::Logistic, 0.6, 0.4, 1.5, 12),
    };
    expected.projects[0].color = "#8dd3c7";
    expected.projects[1].minEffort = 5; // and weight defaults to 1
    expected.projects[2].maxEffort = 20;
    expected.projects[3].minEffort = 2;
    expected.projects[3].maxEffort = 25;
    expected.projects[3].color = "#FA8174"; // upper-case hex is a colour too, kept as written

    const Scenario &s = *loaded.scenario;
    REQUIRE(s.projects.size() == expected.projects.size());
    for (std::size_t i = 0; i < s.projects.size(); ++i) {
        INFO("project " << i);
        CHECK(s.projects[i] == expected.projects[i]);
    }
    CHECK(s.stages == expected.stages);
    CHECK(s == expected);
    CHECK_FALSE(s.allConcave()); // the logistic curve with a midpoint is an S-curve
}

TEST_CASE("omitted fields take their defaults", "[scenariofile]")
{
    SECTION("from a file: the name is the file's base name, weight 1, default stages")
    {
        const LoadResult loaded = loadScenarioFile(fixture("good/defaults.json"));
        INFO(loaded.error.message().toStdString());
        REQUIRE(loaded.ok());
        const Scenario &s = *loaded.scenario;
        CHECK(s.name == "defaults");
        CHECK(s.totalEffort == 100);
        CHECK(s.stages == defaultStages());
        REQUIRE(s.projects.size() == 2);
        for (const Project &p : s.projects) {
            CHECK(p.weight == 1.0);
            CHECK(p.minEffort == 0);
            CHECK_FALSE(p.maxEffort.has_value());
            CHECK(p.color.empty());
            CHECK(p.curve.midpoint == 0.0);
        }
    }
    SECTION("the base name keeps inner dots and spaces")
    {
        QTemporaryDir dir;
        REQUIRE(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("Q3 plan.v2.json"));
        REQUIRE(writeFile(path, withTop(R"("version":1,"totalEffort":10)")));
        const LoadResult loaded = loadScenarioFile(path);
        REQUIRE(loaded.ok());
        CHECK(loaded.scenario->name == "Q3 plan.v2");
    }
    SECTION("parseScenario uses defaultName, or \"Untitled\" without one")
    {
        const QByteArray json = withTop(R"("version":1,"totalEffort":10)");
        CHECK(parseScenario(json, QStringLiteral("t.json")).scenario->name == "Untitled");
        CHECK(parseScenario(json, QStringLiteral("t.json"), QStringLiteral("Mine")).scenario->name == "Mine");
        // A given name wins.
        const QByteArray named = withTop(R"("version":1,"name":"Given","totalEffort":10)");
        CHECK(parseScenario(named, QStringLiteral("t.json"), QStringLiteral("Mine")).scenario->name == "Given");
    }
}

TEST_CASE("values at the limits are accepted", "[scenariofile][limits]")
{
    const QByteArray name200(200, 'n');
    const struct {
        const char *what;
        QByteArray json;
    } cases[] = {
        {"name of 200 characters", withProject(R"("name":")" + name200 + R"(","curve":{"family":"log","a":1,"b":1})")},
        {"scenario name of 200 characters", withTop(R"("version":1,"name":")" + name200 + R"(","totalEffort":1)")},
        {"32 stages", withStages(stagesJson(32))},
        {"one stage", withStages(R"({"name":"Only","from":0})")},
        {"totalEffort 0", withTop(R"("version":1,"totalEffort":0)")},
        {"totalEffort 1e9", withTop(R"("version":1,"totalEffort":1e9)")},
        {"totalEffort written 100.0", withTop(R"("version":1,"totalEffort":100.0)")},
        {"version written 1.0", withTop(R"("version":1.0,"totalEffort":1)")},
        {"weight 0", withProject(R"("name":"P","weight":0,"curve":{"family":"log","a":1,"b":1})")},
        {"weight 1e6", withProject(R"("name":"P","weight":1e6,"curve":{"family":"log","a":1,"b":1})")},
        {"a 0", withCurve(R"("family":"log","a":0,"b":1)")},
        {"a 1e6", withCurve(R"("family":"log","a":1e6,"b":1)")},
        {"b 1e6", withCurve(R"("family":"exp","a":1,"b":1e6)")},
        {"b tiny", withCurve(R"("family":"power","a":1,"b":5e-324)")},
        {"midpoint 0", withCurve(R"("family":"logistic","a":1,"b":1,"midpoint":0)")},
        {"midpoint 1e9", withCurve(R"("family":"logistic","a":1,"b":1,"midpoint":1e9)")},
        {"minEffort = maxEffort = total",
         withProject(R"("name":"P","curve":{"family":"log","a":1,"b":1},"minEffort":100,"maxEffort":100)")},
        {"maxEffort 0 with an uncapped partner",
         withProjects(R"({"name":"P","curve":{"family":"log","a":1,"b":1},"maxEffort":0},)" + kProject)},
        {"a UTF-8 byte order mark", "\xEF\xBB\xBF" + withTop(R"("version":1,"totalEffort":1)")},
        {"CRLF line ends and tabs",
         "{\r\n\t\"version\": 1,\r\n\t\"totalEffort\": 1,\r\n\t\"projects\": [" + kProject + "]\r\n}\r\n"},
    };
    for (const auto &c : cases) {
        DYNAMIC_SECTION(c.what)
        {
            const LoadResult loaded = parse(c.json);
            INFO(loaded.error.message().toStdString());
            CHECK(loaded.ok());
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Round trips

TEST_CASE("presets and the fixture survive serialize → parse exactly", "[scenariofile][roundtrip]")
{
    for (const QString &name : presetNames()) {
        INFO(name.toStdString());
        const Scenario s = *loadPreset(name).scenario;
        CHECK(roundTrip(s) == s);
    }
    const Scenario all = *loadScenarioFile(fixture("good/all-families.json")).scenario;
    const Scenario again = roundTrip(all);
    CHECK(again == all);
    // Serializing is deterministic and idempotent.
    CHECK(serializeScenario(again) == serializeScenario(all));
}

TEST_CASE("awkward doubles and names round-trip exactly", "[scenariofile][roundtrip]")
{
    Scenario s;
    s.name = "Ünïcödé — 日本語 🚀 \"quoted\" C:\\path\\ /slash/ \u00a0\u200d";
    s.totalEffort = 1'000'000'000;
    s.stages = {{"Start \"here\"", 0}, {"Back\\slash", 1}, {"Émoji 🧪", 999'999'999}};
    s.projects = {
        project("0.1", CurveFamily::Log, 0.1, 0.1, 0.1),
        project("tiny", CurveFamily::Log1p, 1e-300, 123456.789, 123456.789),
        project("denormal", CurveFamily::Exp, 5e-324, 2.2250738585072014e-308, 4.9406564584124654e-324),
        project("near limits", CurveFamily::Power, 999999.99999999988, 9.9999999999999982, 1e6),
        project("sums", CurveFamily::Logistic, 0.30000000000000004, 1.0000000000000002, 0.7, 999999999.99999988),
        project("a\"b\\c/d", CurveFamily::Logistic, 1.7976931348623157e-5, 3.141592653589793, 2.718281828459045,
                1e-300),
    };
    s.projects[1].minEffort = 1;
    s.projects[2].maxEffort = 0;
    s.projects[3].minEffort = 7;
    s.projects[3].maxEffort = 7;
    s.projects[4].color = "#abcdef";
    s.projects[5].color = "#ABCDEF";
    REQUIRE_FALSE(validateScenario(s, QStringLiteral("memory")).has_value());

    const std::string text = serializeScenario(s);
    // One valid JSON object, keys in schema order.
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
    CHECK(error.error == QJsonParseError::NoError);
    CHECK(document.isObject());
    CHECK(text.rfind("{\n  \"version\": 1,\n  \"name\": ", 0) == 0);
    CHECK(text.find("\"totalEffort\"") < text.find("\"stages\""));
    CHECK(text.find("\"stages\"") < text.find("\"projects\""));

    const Scenario back = roundTrip(s);
    CHECK(back.name == s.name);
    CHECK(back.stages == s.stages);
    REQUIRE(back.projects.size() == s.projects.size());
    for (std::size_t i = 0; i < s.projects.size(); ++i) {
        INFO("project " << i << " " << s.projects[i].name);
        CHECK(back.projects[i].curve.a == s.projects[i].curve.a);
        CHECK(back.projects[i].curve.b == s.projects[i].curve.b);
        CHECK(back.projects[i].curve.midpoint == s.projects[i].curve.midpoint);
        CHECK(back.projects[i].weight == s.projects[i].weight);
        CHECK(back.projects[i] == s.projects[i]);
    }
    CHECK(back == s);
}

TEST_CASE("random valid scenarios round-trip exactly", "[scenariofile][roundtrip]")
{
    std::mt19937_64 rng(20261126);
    test::RandomScenarioOptions options;
    options.maxProjects = 12;
    options.concaveOnly = false;
    options.bounds = true;
    options.zeroWeights = true;
    for (int i = 0; i < 200; ++i) {
        Scenario s = test::randomScenario(rng, std::uniform_int_distribution<Effort>(0, 5000)(rng), options);
        INFO("iteration " << i);
        REQUIRE_FALSE(validateScenario(s, QStringLiteral("random")).has_value());
        CHECK(roundTrip(s) == s);
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Broken documents

TEST_CASE("ScenarioError::message() joins source, location and reason", "[scenariofile][error]")
{
    CHECK(ScenarioError{QStringLiteral("t.json"), QStringLiteral("projects[2].curve.b"), QStringLiteral("must be > 0")}
              .message()
          == QStringLiteral("t.json: projects[2].curve.b: must be > 0"));
    CHECK(ScenarioError{QStringLiteral("t.json"), {}, QStringLiteral("the file is empty")}.message()
          == QStringLiteral("t.json: the file is empty"));

    const LoadResult loaded
        = parse(withProjects(kProject + "," + kProject + R"(,{"name":"Q","curve":{"family":"log","a":0.1,"b":0}})"));
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error.message() == QStringLiteral("t.json: projects[2].curve.b: must be > 0"));
}

TEST_CASE("every kind of broken document gets its exact location and reason", "[scenariofile][error]")
{
    struct Broken {
        const char *what;
        QByteArray json;
        const char *location;
        const char *reason; ///< A distinctive part of the reason.
    };
    const QByteArray p = kProject;
    const Broken cases[] = {
        // The file as a whole and JSON syntax.
        {"empty file", "", "", "the file is empty"},
        {"whitespace only", " \n\t\r\n  ", "", "the file is empty"},
        {"truncated JSON", "{\"version\": 1,\n \"totalEffort\": 100,\n \"projects\": [", "line 3, column 15",
         "not valid JSON: unterminated array"},
        {"truncated inside a string", "{\n  \"version\": 1,\n  \"na", "line 3, column 6", "not valid JSON"},
        {"missing comma", R"({"version":1 "totalEffort":1})", "line 1, column 14", "not valid JSON"},
        {"trailing comma", R"({"version":1,"totalEffort":100,})", "line 1, column 32", "not valid JSON"},
        {"garbage after the document", withTop(R"("version":1,"totalEffort":1)") + " x", "line 1, column 96",
         "garbage at the end of the document"},
        {"a second document", withTop(R"("version":1,"totalEffort":1)") + "\n{}", "line 2, column 1",
         "garbage at the end of the document"},
        {"column counts characters, not bytes", "{\"name\":\"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\",}",
         "line 1, column 15", "not valid JSON"},
        {"line after CRLF line ends", "{\r\n\"version\": 1,\r\n\"x\" 1}", "line 3, column 5", "not valid JSON"},
        {"top-level array", "[]", "", "the document must be a JSON object"},
        {"top-level array holding a scenario", "[" + withTop(R"("version":1,"totalEffort":1)") + "]", "",
         "the document must be a JSON object"},
        // Qt 6.4 refuses top-level scalars as a syntax error ("illegal value"): named like an array instead.
        {"top-level number", "42", "", "the document must be a JSON object, not a number"},
        {"top-level negative number", " -1", "", "the document must be a JSON object, not a number"},
        {"top-level string", R"("scenario")", "", "the document must be a JSON object, not a string"},
        {"top-level null", "null\n", "", "the document must be a JSON object, not null"},
        {"top-level true", "true", "", "the document must be a JSON object, not true or false"},
        {"top-level null after a byte order mark", "\xEF\xBB\xBFnull", "",
         "the document must be a JSON object, not null"},
        {"a bare word", "nothing", "line 1, column 1", "not valid JSON: illegal value"},
        // Errors point at the token, not one past it (hand-counted columns).
        {"missing colon", R"({"version" 1})", "line 1, column 12", "missing name separator"},
        {"misspelt true", R"({"version":tru})", "line 1, column 12", "illegal value"},
        {"comma before the closing brace", R"({"version":1,})", "line 1, column 14", "not valid JSON"},
        {"missing comma on the next line", "{\n  \"version\": 1\n  \"name\": \"x\"}", "line 3, column 3",
         "unterminated object"},
        {"missing comma in an array", R"({"projects":[1 2]})", "line 1, column 16", "missing value separator"},
        {"a number with a letter", R"({"version":12x})", "line 1, column 14", "unterminated object"},
        // UTF-16 and UTF-32 files are named, with or without a byte order mark.
        {"UTF-16 LE with BOM", QByteArray("\xFF\xFE{\0\"\0", 6), "", "the file is UTF-16 (little-endian) text"},
        {"UTF-16 BE with BOM", QByteArray("\xFE\xFF\0{\0\"", 6), "", "the file is UTF-16 (big-endian) text"},
        {"UTF-16 LE without BOM", QByteArray("{\0\n\0", 4), "", "the file is UTF-16 (little-endian) text"},
        {"UTF-16 BE without BOM", QByteArray("\0{\0\n", 4), "", "the file is UTF-16 (big-endian) text"},
        {"UTF-32 LE with BOM", QByteArray("\xFF\xFE\0\0{\0\0\0", 8), "", "the file is UTF-32 (little-endian) text"},
        {"UTF-32 BE with BOM", QByteArray("\0\0\xFE\xFF\0\0\0{", 8), "", "the file is UTF-32 (big-endian) text"},
        {"UTF-32 LE without BOM", QByteArray("{\0\0\0", 4), "", "the file is UTF-32 (little-endian) text"},
        {"UTF-32 BE without BOM", QByteArray("\0\0\0{", 4), "", "the file is UTF-32 (big-endian) text"},
        {"NaN literal", R"({"version":1,"totalEffort":NaN})", "line 1, column 28", "not valid JSON"},
        {"binary garbage with NULs", QByteArray("\x00\x01\x02\xff\xfePK\x03\x04\x00garbage", 17), "line 1, column 1",
         "not valid JSON"},
        {"a NUL after the document", withTop(R"("version":1,"totalEffort":1)") + QByteArray(1, '\0'),
         "line 1, column 95", "garbage at the end of the document"},
        {"invalid UTF-8 in a string", "{\"version\":1,\"name\":\"\xff\xfe\",\"totalEffort\":100}", "line 1, column 22",
         "not valid JSON: invalid UTF8 string"},
        {"overlong UTF-8", "{\"version\":1,\"name\":\"\xc0\xaf\",\"totalEffort\":100}", "line 1, column 22",
         "invalid UTF8 string"},
        {"UTF-8 encoded surrogate", "{\"version\":1,\"name\":\"\xed\xa0\x80\",\"totalEffort\":100}",
         "line 1, column 22", "invalid UTF8 string"},
        {"truncated UTF-8 sequence", "{\"version\":1,\"name\":\"a\xe2\x82\",\"totalEffort\":100}", "line 1, column 23",
         "invalid UTF8 string"},
        {"invalid UTF-8 in a key", "{\"version\":1,\"n\xff\":1}", "line 1, column 16", "invalid UTF8 string"},
        {"deep nesting", QByteArray(10000, '['), "line 1, column 1026", "not valid JSON: too deeply nested document"},
        {"deep nesting inside the scenario", R"({"version":1,"x":)" + QByteArray(10000, '['), "line 1, column 1042",
         "too deeply nested document"},
        {"deep but legal nesting under an unknown key",
         R"({"version":1,"x":)" + QByteArray(1000, '[') + QByteArray(1000, ']') + "}", "", "unknown key \"x\""},
        {"1e400", R"({"version":1,"totalEffort":1e400})", "line 1, column 28", "not valid JSON: illegal number"},
        {"-1e400 on a new line", "{\"version\":1,\n\"totalEffort\":-1e400}", "line 2, column 15", "illegal number"},
        {"1e400 in a curve", withCurve(R"("family":"log","a":0.1,"b":1e400)"), "line 1, column 92", "illegal number"},

        // Top level.
        {"missing version", R"({"totalEffort":100,"projects":[)" + p + "]}", "version",
         "missing (this format is version 3)"},
        {"version 4", withTop(R"("version":4,"totalEffort":100)"), "version",
         "4 is newer than this Effort Frontier understands (up to 3); update the app"},
        {"version 17", withTop(R"("version":17,"totalEffort":100)"), "version",
         "17 is newer than this Effort Frontier"},
        {"version 0", withTop(R"("version":0,"totalEffort":100)"), "version", "must be a whole number ≥ 1"},
        {"version -1", withTop(R"("version":-1,"totalEffort":100)"), "version", "must be a whole number ≥ 1"},
        {"version \"1\"", withTop(R"("version":"1","totalEffort":100)"), "version", "must be a whole number ≥ 1"},
        {"version 1.5", withTop(R"("version":1.5,"totalEffort":100)"), "version", "must be a whole number ≥ 1"},
        {"version null", withTop(R"("version":null,"totalEffort":100)"), "version", "must be a whole number ≥ 1"},
        {"missing totalEffort", withTop(R"("version":1)"), "totalEffort", "missing"},
        {"totalEffort negative", withTop(R"("version":1,"totalEffort":-5)"), "totalEffort", "must be ≥ 0"},
        {"totalEffort fractional", withTop(R"("version":1,"totalEffort":12.5)"), "totalEffort",
         "must be a whole number of units"},
        {"totalEffort 1e12", withTop(R"("version":1,"totalEffort":1e12)"), "totalEffort", "must be at most 1000000000"},
        {"totalEffort 2^63", withTop(R"("version":1,"totalEffort":9223372036854775808)"), "totalEffort",
         "must be at most 1000000000"},
        {"totalEffort string", withTop(R"("version":1,"totalEffort":"100")"), "totalEffort", "must be a number"},
        {"totalEffort null", withTop(R"("version":1,"totalEffort":null)"), "totalEffort", "must be a number"},
        {"name not a string", withTop(R"("version":1,"name":7,"totalEffort":100)"), "name", "must be a string"},
        {"scenario name with a control character", withTop(R"("version":1,"name":"a\u0007b","totalEffort":100)"),
         "name", "must not contain control characters"},
        {"scenario name of 201 characters",
         withTop(R"("version":1,"name":")" + QByteArray(201, 'n') + R"(","totalEffort":100)"), "name",
         "is 201 characters long; the limit is 200"},
        {"unknown top-level key", withTop(R"("version":1,"totalEffort":100,"projets":[])"), "",
         "unknown key \"projets\""},
        {"unknown top-level key (typo)", R"({"version":1,"wieght":1})", "", "unknown key \"wieght\""},

        // Projects.
        {"missing projects", R"({"version":1,"totalEffort":100})", "projects", "missing"},
        {"projects an object", R"({"version":1,"totalEffort":100,"projects":{}})", "projects", "must be an array"},
        {"projects null", R"({"version":1,"totalEffort":100,"projects":null})", "projects", "must be an array"},
        {"zero projects", withProjects(""), "projects", "must list at least one project"},
        {"project a number", withProjects("42"), "projects[0]", "must be an object"},
        {"second project an array", withProjects(p + ",[]"), "projects[1]", "must be an object"},
        {"missing name", withProject(R"("curve":{"family":"log","a":1,"b":1})"), "projects[0].name", "missing"},
        {"empty name", withProject(R"("name":"","curve":{"family":"log","a":1,"b":1})"), "projects[0].name",
         "must be a non-empty name"},
        {"name with a newline", withProject(R"("name":"a\nb","curve":{"family":"log","a":1,"b":1})"),
         "projects[0].name", "without control characters"},
        {"name with a NUL", withProject(R"("name":"a\u0000b","curve":{"family":"log","a":1,"b":1})"),
         "projects[0].name", "without control characters"},
        {"name with DEL",
         withProject(R"("name":"a)" + QByteArray(1, '\x7f') + R"(b","curve":{"family":"log","a":1,"b":1})"),
         "projects[0].name", "without control characters"},
        {"name with a raw tab", withProject("\"name\":\"a\tb\",\"curve\":{\"family\":\"log\",\"a\":1,\"b\":1}"),
         "projects[0].name", "without control characters"},
        {"name of 201 characters",
         withProject(R"("name":")" + QByteArray(201, 'n') + R"(","curve":{"family":"log","a":1,"b":1})"),
         "projects[0].name", "is 201 characters long; the limit is 200"},
        {"name a number", withProject(R"("name":5,"curve":{"family":"log","a":1,"b":1})"), "projects[0].name",
         "must be a string"},
        {"weight negative", withProject(R"("name":"P","weight":-1,"curve":{"family":"log","a":1,"b":1})"),
         "projects[0].weight", "must be ≥ 0"},
        {"weight string", withProject(R"("name":"P","weight":"2","curve":{"family":"log","a":1,"b":1})"),
         "projects[0].weight", "must be a number"},
        {"weight above 1e6", withProject(R"("name":"P","weight":1000001,"curve":{"family":"log","a":1,"b":1})"),
         "projects[0].weight", "must be at most 1000000"},
        {"unknown project key (typo)", withProject(R"("name":"P","wieght":2,"curve":{"family":"log","a":1,"b":1})"),
         "projects[0]", "unknown key \"wieght\""},
        {"unknown key in the third project",
         withProjects(p + "," + p + R"(,{"name":"P","colour":"#ffffff","curve":{"family":"log","a":1,"b":1}})"),
         "projects[2]", "unknown key \"colour\""},
        {"colour \"red\"", withProject(R"("name":"P","color":"red","curve":{"family":"log","a":1,"b":1})"),
         "projects[0].color", "must be a colour like \"#8dd3c7\""},
        {"colour too short", withProject(R"("name":"P","color":"#12345","curve":{"family":"log","a":1,"b":1})"),
         "projects[0].color", "must be a colour like"},
        {"colour not hex", withProject(R"("name":"P","color":"#gggggg","curve":{"family":"log","a":1,"b":1})"),
         "projects[0].color", "must be a colour like"},
        {"colour a number", withProject(R"("name":"P","color":16711680,"curve":{"family":"log","a":1,"b":1})"),
         "projects[0].color", "must be a string"},

        // Curves.
        {"missing curve", withProject(R"("name":"P")"), "projects[0].curve", "missing"},
        {"curve a string", withProject(R"("name":"P","curve":"log")"), "projects[0].curve", "must be an object"},
        {"missing family", withCurve(R"("a":1,"b":1)"), "projects[0].curve.family", "missing"},
        {"unknown family", withCurve(R"("family":"sqrt","a":1,"b":1)"), "projects[0].curve.family",
         "unknown family \"sqrt\" (expected log, log1p, exp, power, logistic or learning)"},
        {"family in capitals", withCurve(R"("family":"LOG","a":1,"b":1)"), "projects[0].curve.family",
         "unknown family \"LOG\""},
        {"unknown curve key (typo)", withCurve(R"("family":"logistic","a":1,"b":1,"midpiont":3)"), "projects[0].curve",
         "unknown key \"midpiont\""},
        {"missing a", withCurve(R"("family":"log","b":1)"), "projects[0].curve.a", "missing"},
        {"a = -1", withCurve(R"("family":"log","a":-1,"b":1)"), "projects[0].curve.a", "must be ≥ 0"},
        {"a above 1e6", withCurve(R"("family":"log","a":2e6,"b":1)"), "projects[0].curve.a", "must be at most 1000000"},
        {"missing b", withCurve(R"("family":"log","a":1)"), "projects[0].curve.b", "missing"},
        {"b = 0", withCurve(R"("family":"log","a":1,"b":0)"), "projects[0].curve.b", "must be > 0"},
        {"b negative", withCurve(R"("family":"exp","a":1,"b":-0.5)"), "projects[0].curve.b", "must be > 0"},
        {"b = 1e7", withCurve(R"("family":"log","a":1,"b":1e7)"), "projects[0].curve.b", "must be at most 1000000"},
        {"b = 1e308", withCurve(R"("family":"log","a":1,"b":1e308)"), "projects[0].curve.b", "must be at most 1000000"},
        {"b a string", withCurve(R"("family":"log","a":1,"b":"2")"), "projects[0].curve.b", "must be a number"},
        {"logistic without midpoint", withCurve(R"("family":"logistic","a":1,"b":1)"), "projects[0].curve.midpoint",
         "missing"},
        {"midpoint on a log curve", withCurve(R"("family":"log","a":1,"b":1,"midpoint":5)"),
         "projects[0].curve.midpoint", "only logistic curves have a midpoint"},
        {"midpoint 0 on an exp curve", withCurve(R"("family":"exp","a":1,"b":1,"midpoint":0)"),
         "projects[0].curve.midpoint", "only logistic curves have a midpoint"},
        {"midpoint negative", withCurve(R"("family":"logistic","a":1,"b":1,"midpoint":-1)"),
         "projects[0].curve.midpoint", "must be ≥ 0"},
        {"midpoint above 1e9", withCurve(R"("family":"logistic","a":1,"b":1,"midpoint":2e9)"),
         "projects[0].curve.midpoint", "must be at most 1000000000"},

        // Bounds.
        {"minEffort negative", withProject(R"("name":"P","curve":{"family":"log","a":1,"b":1},"minEffort":-1)"),
         "projects[0].minEffort", "must be ≥ 0"},
        {"minEffort fractional", withProject(R"("name":"P","curve":{"family":"log","a":1,"b":1},"minEffort":1.5)"),
         "projects[0].minEffort", "must be a whole number of units"},
        {"maxEffort a string", withProject(R"("name":"P","curve":{"family":"log","a":1,"b":1},"maxEffort":"10")"),
         "projects[0].maxEffort", "must be a number"},
        {"minEffort > maxEffort",
         withProjects(R"({"name":"P","curve":{"family":"log","a":1,"b":1},"minEffort":30,"maxEffort":20},)" + p),
         "projects[0].maxEffort", "must be between minEffort (30) and 1000000000"},
        {"minEfforts above totalEffort",
         withProjects(R"({"name":"P","curve":{"family":"log","a":1,"b":1},"minEffort":60},)"
                      R"({"name":"Q","curve":{"family":"log","a":1,"b":1},"minEffort":41})"),
         "projects", "the minEffort values add up to 101, more than totalEffort (100)"},
        {"maxEfforts below totalEffort",
         withProjects(R"({"name":"P","curve":{"family":"log","a":1,"b":1},"maxEffort":60},)"
                      R"({"name":"Q","curve":{"family":"log","a":1,"b":1},"maxEffort":39})"),
         "projects", "the maxEffort values add up to 99, less than totalEffort (100)"},

        // Stages.
        {"stages not an array", withTop(R"("version":1,"totalEffort":100,"stages":{})"), "stages", "must be an array"},
        {"no stages", withStages(""), "stages", "must list at least one stage"},
        {"33 stages", withStages(stagesJson(33)), "stages", "has 33 stages; the limit is 32"},
        {"stage not an object", withStages(R"("Rules")"), "stages[0]", "must be an object"},
        {"stage missing from", withStages(R"({"name":"Rules"})"), "stages[0].from", "missing"},
        {"stage missing name", withStages(R"({"from":0})"), "stages[0].name", "missing"},
        {"stage empty name", withStages(R"({"name":"","from":0})"), "stages[0].name", "must be a non-empty name"},
        {"unknown stage key (typo)", withStages(R"({"name":"Rules","form":0})"), "stages[0]", "unknown key \"form\""},
        {"stages not starting at 0", withStages(R"({"name":"Rules","from":1},{"name":"ML","from":5})"),
         "stages[0].from", "the first stage must start at 0"},
        {"stages not increasing", withStages(R"({"name":"A","from":0},{"name":"B","from":15},{"name":"C","from":15})"),
         "stages[2].from", "must be greater than the previous stage's (15)"},
        {"stages decreasing", withStages(R"({"name":"A","from":0},{"name":"B","from":40},{"name":"C","from":5})"),
         "stages[2].from", "must be greater than the previous stage's (40)"},
        {"duplicate stage names", withStages(R"({"name":"A","from":0},{"name":"B","from":5},{"name":"A","from":9})"),
         "stages[2].name", "repeats the name of stages[0] (\"A\"); stage names must be unique"},
        {"stage from fractional", withStages(R"({"name":"A","from":0},{"name":"B","from":2.5})"), "stages[1].from",
         "must be a whole number of units"},
        {"stage from above 1e9", withStages(R"({"name":"A","from":0},{"name":"B","from":2e9})"), "stages[1].from",
         "must be at most 1000000000"},
    };
    for (const Broken &c : cases) {
        DYNAMIC_SECTION(c.what)
        {
            const LoadResult loaded = parse(c.json);
            INFO(loaded.error.message().toStdString());
            REQUIRE_FALSE(loaded.ok());
            CHECK(loaded.error.source == QStringLiteral("t.json"));
            CHECK(loaded.error.location == QString::fromUtf8(c.location));
            CHECK(loaded.error.reason.contains(QString::fromUtf8(c.reason)));
        }
    }
}

TEST_CASE("random bytes never crash the parser and always fail cleanly", "[scenariofile][error]")
{
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> length(1, 400);
    for (int i = 0; i < 500; ++i) {
        QByteArray bytes;
        const int n = length(rng);
        for (int k = 0; k < n; ++k)
            bytes += static_cast<char>(byte(rng));
        const LoadResult loaded = parse(bytes);
        INFO("iteration " << i);
        REQUIRE_FALSE(loaded.ok());
        CHECK_FALSE(loaded.error.reason.isEmpty());
        // "the file is empty" (all whitespace), a top-level scalar, UTF-16/32 text, or a syntax error with a
        // position.
        if (!loaded.error.reason.startsWith(QStringLiteral("the file is empty"))
            && !loaded.error.reason.startsWith(QStringLiteral("the document must be a JSON object, not"))
            && !loaded.error.reason.startsWith(QStringLiteral("the file is UTF-")))
            CHECK(loaded.error.location.startsWith(QStringLiteral("line ")));
    }
}

TEST_CASE("more than 100000 projects are refused by count", "[scenariofile][error][limits]")
{
    QByteArray projects;
    projects.reserve(5'200'000);
    const QByteArray one = R"({"name":"p","curve":{"family":"log","a":1,"b":1}})";
    for (int i = 0; i < limits::kMaxProjects + 1; ++i) {
        if (i > 0)
            projects += ',';
        projects += one;
    }
    const QByteArray json = withProjects(projects);
    REQUIRE(json.size() < limits::kMaxFileBytes);
    const LoadResult loaded = parse(json);
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error.location == QStringLiteral("projects"));
    CHECK(loaded.error.reason == QStringLiteral("has 100001 projects; the limit is 100000"));
}

TEST_CASE("a file with 10000 projects loads", "[scenariofile][limits]")
{
    QByteArray projects;
    for (int i = 0; i < 10'000; ++i) {
        if (i > 0)
            projects += ",\n";
        projects += R"({"name":"Project )" + QByteArray::number(i) + R"(","weight":)" + QByteArray::number(1 + i % 7)
            + R"(,"curve":{"family":"log1p","a":0.)" + QByteArray::number(1 + i % 9) + R"(,"b":2},"maxEffort":)"
            + QByteArray::number(10 + i % 5) + "}";
    }
    const QByteArray json = R"({"version":1,"name":"Big","totalEffort":50000,"projects":[)" + projects + "]}";
    const auto start = std::chrono::steady_clock::now();
    const LoadResult loaded = parse(json);
    const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO(loaded.error.message().toStdString());
    REQUIRE(loaded.ok());
    WARN("10,000 projects (" << json.size() << " bytes) parsed in " << elapsed << " s");
    const Scenario &s = *loaded.scenario;
    REQUIRE(s.projects.size() == 10'000);
    CHECK(s.projects[9'999].name == "Project 9999");
    CHECK(s.projects[9'999].weight == 4.0);  // 1 + 9999 % 7
    CHECK(s.projects[9'999].curve.a == 0.1); // "0." then 1 + 9999 % 9
    CHECK(s.projects[9'998].curve.a == 0.9); // "0." then 1 + 9998 % 9
    CHECK(*s.projects[9'999].maxEffort == 10 + 9'999 % 5);
    CHECK(roundTrip(s) == s);
}

// ---------------------------------------------------------------------------------------------------------------
// Files on disk

TEST_CASE("loadScenarioFile refuses what is not a readable scenario file", "[scenariofile][file]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());

    SECTION("a missing path")
    {
        const QString path = dir.filePath(QStringLiteral("nope.json"));
        const LoadResult loaded = loadScenarioFile(path);
        REQUIRE_FALSE(loaded.ok());
        CHECK(loaded.error.source == path);
        CHECK(loaded.error.location.isEmpty());
        CHECK(loaded.error.reason == QStringLiteral("no such file"));
        CHECK(loaded.error.message() == path + QStringLiteral(": no such file"));
    }
    SECTION("a directory")
    {
        const LoadResult loaded = loadScenarioFile(dir.path());
        REQUIRE_FALSE(loaded.ok());
        CHECK(loaded.error.source == dir.path());
        CHECK(loaded.error.location.isEmpty());
        CHECK(loaded.error.reason == QStringLiteral("is a directory, not a scenario file"));
    }
    SECTION("an empty file")
    {
        const LoadResult loaded = loadScenarioFile(fixture("bad/empty.json"));
        REQUIRE_FALSE(loaded.ok());
        CHECK(loaded.error.reason == QStringLiteral("the file is empty"));
    }
    SECTION("a file over 16 MiB")
    {
        const QString path = dir.filePath(QStringLiteral("big.json"));
        // A valid document padded with spaces to one byte over the limit.
        QByteArray json = withTop(R"("version":1,"totalEffort":1)");
        json += QByteArray(limits::kMaxFileBytes + 1 - json.size(), ' ');
        REQUIRE(writeFile(path, json));
        const LoadResult loaded = loadScenarioFile(path);
        REQUIRE_FALSE(loaded.ok());
        CHECK(loaded.error.source == path);
        CHECK(loaded.error.location.isEmpty());
        CHECK(loaded.error.reason.contains(QStringLiteral("more than the limit of 16 MiB")));

        // Exactly at the limit it loads.
        json.chop(1);
        REQUIRE(writeFile(path, json));
        const LoadResult atLimit = loadScenarioFile(path);
        INFO(atLimit.error.message().toStdString());
        CHECK(atLimit.ok());
    }
    SECTION("a device is refused without reading it")
    {
        if (!QFile::exists(QStringLiteral("/dev/zero")))
            return;
        const LoadResult loaded = loadScenarioFile(QStringLiteral("/dev/zero"));
        REQUIRE_FALSE(loaded.ok());
        CHECK(loaded.error.source == QStringLiteral("/dev/zero"));
        CHECK(loaded.error.location.isEmpty());
        CHECK(loaded.error.reason == QStringLiteral("is a character device, not a regular file"));
    }
    SECTION("a FIFO is refused without blocking")
    {
        const QString path = dir.filePath(QStringLiteral("pipe.json"));
        const QByteArray native = QFile::encodeName(path);
        REQUIRE(::mkfifo(native.constData(), 0600) == 0);
        // Should the loader block opening the FIFO, a writer appears after 5 s to release it, and the test fails.
        std::atomic<bool> done{false};
        std::atomic<bool> rescued{false};
        std::thread rescuer([&] {
            for (int i = 0; i < 50 && !done; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            if (!done) {
                rescued = true;
                const int fd = ::open(native.constData(), O_RDWR | O_NONBLOCK);
                if (fd >= 0)
                    ::close(fd);
            }
        });
        const LoadResult loaded = loadScenarioFile(path);
        done = true;
        rescuer.join();
        CHECK_FALSE(rescued);
        REQUIRE_FALSE(loaded.ok());
        CHECK(loaded.error.source == path);
        CHECK(loaded.error.location.isEmpty());
        CHECK(loaded.error.reason == QStringLiteral("is a named pipe (FIFO), not a regular file"));
    }
    SECTION("an unreadable file says permission denied, not \"no such file\"")
    {
        const QString path = dir.filePath(QStringLiteral("secret.json"));
        REQUIRE(writeFile(path, withTop(R"("version":1,"totalEffort":1)")));
        REQUIRE(QFile::setPermissions(path, QFileDevice::WriteOwner));
        REQUIRE(QFile::setPermissions(dir.path(),
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                          | QFileDevice::ExeOther));
        // Root reads everything: load as an unprivileged user in a child process.
        const auto reason = inChild([&] {
            if (::geteuid() == 0 && ::setuid(65534) != 0)
                return std::string("setuid failed");
            return loadScenarioFile(path).error.message().toStdString();
        });
        REQUIRE(reason);
        CHECK(*reason == (path + QStringLiteral(": cannot be opened: permission denied")).toStdString());
    }
    SECTION("a file in a folder that cannot be searched says permission denied")
    {
        const QString sub = dir.filePath(QStringLiteral("locked"));
        REQUIRE(QDir().mkdir(sub));
        const QString path = sub + QStringLiteral("/plan.json");
        REQUIRE(writeFile(path, withTop(R"("version":1,"totalEffort":1)")));
        REQUIRE(QFile::setPermissions(sub, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        REQUIRE(QFile::setPermissions(dir.path(),
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                          | QFileDevice::ExeOther));
        const auto reason = inChild([&] {
            if (::geteuid() == 0 && ::setuid(65534) != 0)
                return std::string("setuid failed");
            return loadScenarioFile(path).error.reason.toStdString();
        });
        REQUIRE(reason);
        CHECK(*reason == "cannot be opened: permission denied");
        REQUIRE(QFile::setPermissions(sub, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    }
    SECTION("a symbolic link loop is named")
    {
        const QString a = dir.filePath(QStringLiteral("a.json"));
        const QString b = dir.filePath(QStringLiteral("b.json"));
        REQUIRE(QFile::link(b, a));
        REQUIRE(QFile::link(a, b));
        const LoadResult loaded = loadScenarioFile(a);
        CHECK(loaded.error.reason
              == QStringLiteral("cannot be opened: too many levels of symbolic links (a symbolic link loop?)"));
    }
    SECTION("a path longer than the system allows is named")
    {
        const QString path = dir.filePath(QString(5000, QLatin1Char('x')) + QStringLiteral(".json"));
        const LoadResult loaded = loadScenarioFile(path);
        CHECK(loaded.error.reason
              == QStringLiteral("cannot be opened: the file name or path is too long for the system"));
        CHECK(loaded.error.message().size() > 5000); // the name is shown as given
    }
    SECTION("a name that is not UTF-8 opens byte for byte and is shown with \\x escapes")
    {
        const QByteArray native = QFile::encodeName(dir.path()) + "/caf\xe9-\xff.json";
        {
            const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL, 0600);
            REQUIRE(fd >= 0);
            const QByteArray json = withTop(R"("version":1,"totalEffort":3)");
            REQUIRE(::write(fd, json.constData(), static_cast<std::size_t>(json.size())) == json.size());
            ::close(fd);
        }
        const LoadResult loaded = loadNativeScenarioFile(native);
        INFO(loaded.error.message().toStdString());
        REQUIRE(loaded.ok());
        CHECK(loaded.scenario->totalEffort == 3);
        // The same name through a QString cannot reach it: the lossy decoding is why the bytes are kept.
        CHECK_FALSE(loadScenarioFile(QFile::decodeName(native)).ok());
        const LoadResult missing = loadNativeScenarioFile(QFile::encodeName(dir.path()) + "/n\xe9\xe2\x80\xae.json");
        CHECK(missing.error.message() == dir.path() + QStringLiteral("/n\\xe9\\u202e.json: no such file"));
        ::unlink(native.constData()); // QTemporaryDir cannot remove a name that is not UTF-8
    }
}

TEST_CASE("a path swapped between a file and a FIFO never hangs the loader", "[scenariofile][file]")
{
    // The audit's race: the path is a regular file when checked and a FIFO when opened. Opening first,
    // without blocking, then looking at what was opened closes the window.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("swap.json"));
    const QString file = dir.filePath(QStringLiteral("file.json"));
    const QString fifo = dir.filePath(QStringLiteral("fifo.json"));
    const QByteArray json = withTop(R"("version":1,"totalEffort":1)");
    const auto outcome = inChild(
        [&] {
            std::atomic<bool> stop{false};
            std::thread swapper([&] {
                for (int i = 0; !stop; ++i) {
                    if (i % 2 == 0) {
                        writeFile(file, json);
                        ::rename(QFile::encodeName(file).constData(), QFile::encodeName(path).constData());
                    } else {
                        ::mkfifo(QFile::encodeName(fifo).constData(), 0600);
                        ::rename(QFile::encodeName(fifo).constData(), QFile::encodeName(path).constData());
                    }
                }
            });
            int loadedOk = 0;
            int refused = 0;
            for (int run = 0; run < 300; ++run) {
                const LoadResult loaded = loadScenarioFile(path);
                loaded.ok() ? ++loadedOk : ++refused;
            }
            stop = true;
            swapper.join();
            return std::to_string(loadedOk + refused);
        },
        20000);
    REQUIRE(outcome); // no hang: a blocked open would have been killed after 20 s
    CHECK(*outcome == "300");
}

TEST_CASE("a regular file that would block on read is refused, not waited for", "[scenariofile][file]")
{
    // /proc/kmsg is a "regular file" whose read blocks until the kernel logs something (root only).
    const QString kmsg = QStringLiteral("/proc/kmsg");
    if (::access("/proc/kmsg", R_OK) != 0) {
        WARN("/proc/kmsg is not readable here (not root, or not allowed in this container): check skipped");
        return;
    }
    QTemporaryDir dir;
    const QString link = dir.filePath(QStringLiteral("log.json"));
    REQUIRE(QFile::link(kmsg, link));
    const auto reason = inChild([&] { return loadScenarioFile(link).error.message().toStdString(); }, 5000);
    REQUIRE(reason); // answered within 5 s
    CHECK_FALSE(reason->empty());
}

TEST_CASE("broken fixture files report their path and location", "[scenariofile][file]")
{
    std::vector<ef::test::BadFixture> cases(std::begin(ef::test::kBadFixtures), std::end(ef::test::kBadFixtures));
    cases.push_back({"bad/empty.json", "", "the file is empty"});
    for (const auto &c : cases) {
        DYNAMIC_SECTION(c.file)
        {
            const QString path = fixture(c.file);
            const LoadResult loaded = loadScenarioFile(path);
            INFO(loaded.error.message().toStdString());
            REQUIRE_FALSE(loaded.ok());
            CHECK(loaded.error.source == path);
            CHECK(loaded.error.location == QString::fromUtf8(c.location));
            CHECK(loaded.error.reason.contains(QString::fromUtf8(c.reason)));
            CHECK(loaded.error.message().startsWith(path + QStringLiteral(": ")));
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// In-memory validation

TEST_CASE("validateScenario catches what a file cannot even express", "[scenariofile][validate]")
{
    const Scenario good = *loadPreset(QStringLiteral("startup")).scenario;
    REQUIRE_FALSE(validateScenario(good, QStringLiteral("memory")).has_value());
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    constexpr double inf = std::numeric_limits<double>::infinity();
    struct Case {
        const char *what;
        void (*change)(Scenario &);
        const char *location;
        const char *reason;
    };
    const Case cases[] = {
        {"NaN weight", [](Scenario &s) { s.projects[1].weight = nan; }, "projects[1].weight", "must be ≥ 0"},
        {"infinite a", [](Scenario &s) { s.projects[0].curve.a = inf; }, "projects[0].curve.a", "must be ≥ 0"},
        {"NaN b", [](Scenario &s) { s.projects[0].curve.b = nan; }, "projects[0].curve.b", "must be > 0"},
        {"negative total", [](Scenario &s) { s.totalEffort = -1; }, "totalEffort", "must be between 0 and 1000000000"},
        {"no stages", [](Scenario &s) { s.stages.clear(); }, "stages", "must list at least one stage"},
        {"no projects", [](Scenario &s) { s.projects.clear(); }, "projects", "must list at least one project"},
        {"stage name with a tab", [](Scenario &s) { s.stages[3].name = "Using\tDL"; }, "stages[3].name",
         "without control characters"},
        {"negative minEffort", [](Scenario &s) { s.projects[4].minEffort = -3; }, "projects[4].minEffort",
         "must be between 0"},
        {"scenario name with a newline", [](Scenario &s) { s.name = "a\nb"; }, "name",
         "must not contain control characters"},
        // A file cannot hold a midpoint on a log curve, and the serializer would drop it: refused in memory too.
        {"midpoint on a log curve", [](Scenario &s) { s.projects[2].curve.midpoint = 12; },
         "projects[2].curve.midpoint", "only logistic curves have a midpoint"},
    };
    for (const Case &c : cases) {
        DYNAMIC_SECTION(c.what)
        {
            Scenario s = good;
            c.change(s);
            const auto error = validateScenario(s, QStringLiteral("memory"));
            REQUIRE(error.has_value());
            CHECK(error->source == QStringLiteral("memory"));
            CHECK(error->location == QString::fromUtf8(c.location));
            CHECK(error->reason.contains(QString::fromUtf8(c.reason)));
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Duplicate keys: Qt's parser silently keeps the last one, so the loader looks for them itself

TEST_CASE("a duplicate key is refused with the path of its object", "[scenariofile][error]")
{
    const struct {
        const char *what;
        QByteArray json;
        const char *location;
        const char *reason;
    } cases[] = {
        {"top level", withTop(R"("version":1,"totalEffort":100,"totalEffort":3)"), "", "duplicate key \"totalEffort\""},
        {"version 2 then 1", withTop(R"("version":2,"version":1,"totalEffort":1)"), "", "duplicate key \"version\""},
        {"in the second project",
         withProjects(kProject + R"(,{"name":"Q","weight":1,"weight":100,"curve":{"family":"log","a":1,"b":1}})"),
         "projects[1]", "duplicate key \"weight\""},
        {"in a curve", withCurve(R"("family":"log","a":1,"b":1,"a":2)"), "projects[0].curve", "duplicate key \"a\""},
        {"in a stage", withStages(R"({"name":"A","from":0,"name":"B"})"), "stages[0]", "duplicate key \"name\""},
    };
    for (const auto &c : cases) {
        DYNAMIC_SECTION(c.what)
        {
            const LoadResult loaded = parse(c.json);
            INFO(loaded.error.message().toStdString());
            REQUIRE_FALSE(loaded.ok());
            CHECK(loaded.error.location == QString::fromUtf8(c.location));
            CHECK(loaded.error.reason.contains(QString::fromUtf8(c.reason)));
        }
    }
}

TEST_CASE("the same key in different objects, or a value equal to a key, is not a duplicate", "[scenariofile]")
{
    // Strings holding brackets, commas, quotes and a trailing backslash must not confuse the duplicate check.
    const QByteArray json = R"({"version":1,"name":"projects \"name\", [x] {y}","totalEffort":100,"projects":[)"
                            R"({"name":"name","curve":{"family":"log","a":1,"b":1},"color":"#aabbcc"},)"
                            R"({"name":"C:\\","weight":2,"curve":{"family":"exp","a":1,"b":1}}]})";
    const LoadResult loaded = parse(json);
    INFO(loaded.error.message().toStdString());
    REQUIRE(loaded.ok());
    CHECK(loaded.scenario->name == "projects \"name\", [x] {y}");
    CHECK(loaded.scenario->projects[1].name == "C:\\");
    CHECK(loaded.scenario->projects[1].weight == 2.0);
}

TEST_CASE("a duplicate key spelt with an escape is refused too", "[scenariofile][error]")
{
    // "totalEff\u006frt" is "totalEffort" to Qt, which keeps the last value: the file would show a reader 100 and
    // give the app 3.
    const LoadResult loaded = parse(withTop(R"("version":1,"totalEffort":100,"totalEff\u006frt":3)"));
    INFO((loaded.ok() ? std::to_string(loaded.scenario->totalEffort) : loaded.error.message().toStdString()));
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error.reason.contains(QStringLiteral("duplicate key")));
}

// ---------------------------------------------------------------------------------------------------------------
// Regressions: bugs found while writing these tests, since fixed in core/ScenarioFile.cpp.

TEST_CASE("a long key quoted in a message is not cut inside a character", "[scenariofile][error]")
{
    // Messages show the first 60 UTF-16 code units of a key: an emoji straddling that point must not leave a lone
    // high surrogate, printed as "?" once the message is converted to UTF-8.
    const LoadResult loaded
        = parse(R"({"version":1,"totalEffort":1,")" + QByteArray(59, 'a') + "\xF0\x9F\x9A\x80\":1}");
    REQUIRE_FALSE(loaded.ok());
    const QString message = loaded.error.message();
    INFO(message.toStdString());
    CHECK(message.contains(QStringLiteral("unknown key")));
    CHECK(QString::fromUtf8(message.toUtf8()) == message);
}

TEST_CASE("a newer version is reported as newer even when it adds keys", "[scenariofile][error]")
{
    // A version-2 file will typically add keys: they must read as "update the app", not as typos.
    const LoadResult loaded = loadScenarioFile(fixture("bad/newer-version-new-key.json"));
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error.location == QStringLiteral("version"));
    CHECK(loaded.error.reason.contains(QStringLiteral("is newer than this Effort Frontier understands")));
}

TEST_CASE("error messages stay on one line whatever the document holds", "[scenariofile][error]")
{
    const QByteArray jsons[] = {
        withCurve(R"("family":"log\nerror: second line","a":1,"b":1)"),
        withTop(R"("version":1,"totalEffort":1,"x\ny":1)"),
    };
    for (const QByteArray &json : jsons) {
        const LoadResult loaded = parse(json);
        REQUIRE_FALSE(loaded.ok());
        INFO(loaded.error.message().toStdString());
        CHECK_FALSE(loaded.error.message().contains(QLatin1Char('\n')));
    }
    const LoadResult fromFile = loadScenarioFile(fixture("bad/newline-in-family.json"));
    REQUIRE_FALSE(fromFile.ok());
    CHECK(fromFile.error.location == QStringLiteral("projects[0].curve.family"));
    CHECK_FALSE(fromFile.error.message().contains(QLatin1Char('\n')));
}

TEST_CASE("the name limit counts characters, not UTF-16 code units", "[scenariofile][limits]")
{
    // limits::kMaxNameLength is "in characters": an emoji is one character but two UTF-16 code units.
    const auto emoji = [](int count) {
        QByteArray name;
        for (int i = 0; i < count; ++i)
            name += "\xF0\x9F\x9A\x80"; // U+1F680
        return name;
    };
    const LoadResult ok = parse(withProject(R"("name":")" + emoji(200) + R"(","curve":{"family":"log","a":1,"b":1})"));
    INFO(ok.error.message().toStdString());
    CHECK(ok.ok());
    const LoadResult scenarioName = parse(withTop(R"("version":1,"name":")" + emoji(200) + R"(","totalEffort":1)"));
    CHECK(scenarioName.ok());

    const LoadResult tooLong
        = parse(withProject(R"("name":")" + emoji(201) + R"(","curve":{"family":"log","a":1,"b":1})"));
    REQUIRE_FALSE(tooLong.ok());
    CHECK(tooLong.error.location == QStringLiteral("projects[0].name"));
    CHECK(tooLong.error.reason == QStringLiteral("is 201 characters long; the limit is 200"));

    // validateScenario counts the same way.
    Scenario s = *loadPreset(QStringLiteral("startup")).scenario;
    s.projects[0].name = emoji(200).toStdString();
    CHECK_FALSE(validateScenario(s, QStringLiteral("memory")).has_value());
    s.stages[0].name = emoji(201).toStdString();
    const auto error = validateScenario(s, QStringLiteral("memory"));
    REQUIRE(error.has_value());
    CHECK(error->location == QStringLiteral("stages[0].name"));
}

TEST_CASE("an empty scenario name survives serialize and parse", "[scenariofile][roundtrip]")
{
    // validateScenario accepts an empty scenario name, so a round trip must keep it (not turn it into "Untitled").
    Scenario s = *loadPreset(QStringLiteral("startup")).scenario;
    s.name.clear();
    REQUIRE_FALSE(validateScenario(s, QStringLiteral("memory")).has_value());
    CHECK(roundTrip(s) == s);
}

TEST_CASE("a valid document loads whatever its file is called", "[scenariofile][file]")
{
    // The name defaults to the file's base name: a long one is cut to the limit, control characters are dropped.
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QByteArray json = withTop(R"("version":1,"totalEffort":10)");

    const QString longName = dir.filePath(QString(210, QLatin1Char('x')) + QStringLiteral(".json"));
    REQUIRE(writeFile(longName, json));
    const LoadResult fromLong = loadScenarioFile(longName);
    INFO(fromLong.error.message().toStdString());
    REQUIRE(fromLong.ok());
    CHECK(fromLong.scenario->name == std::string(200, 'x'));

    const QString controlName = dir.filePath(QStringLiteral("a\tb.json"));
    REQUIRE(writeFile(controlName, json));
    const LoadResult fromControl = loadScenarioFile(controlName);
    INFO(fromControl.error.message().toStdString());
    REQUIRE(fromControl.ok());
    CHECK(fromControl.scenario->name == "ab");
}

TEST_CASE("the over-size message gives the real size", "[scenariofile][file]")
{
    // Not "the file is 16 MiB, more than the limit of 16 MiB" for a file of 16 MiB + 1 byte.
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("big.json"));
    REQUIRE(writeFile(path, QByteArray(limits::kMaxFileBytes + 1, ' ')));
    const LoadResult loaded = loadScenarioFile(path);
    REQUIRE_FALSE(loaded.ok());
    INFO(loaded.error.reason.toStdString());
    CHECK(loaded.error.reason == QStringLiteral("the file has 16777217 bytes, more than the limit of 16 MiB"));
}

TEST_CASE("names with C1 controls, NEL, line separators, bidi controls or lone surrogates are refused",
          "[scenariofile][error][text]")
{
    struct Hostile {
        const char *what;
        QByteArray escaped; ///< The name as a JSON string body.
        const char *shown;  ///< How the message shows it.
    };
    const Hostile cases[] = {
        {"NEL (U+0085)", R"(a\u0085b)", "\\u0085"},
        {"CSI (U+009B), a terminal escape", R"(a\u009b31mb)", "\\u009b"},
        {"raw UTF-8 C1 control",
         "a\xc2\x9b"
         "31mb",
         "\\u009b"},
        {"line separator U+2028", R"(a\u2028b)", "\\u2028"},
        {"paragraph separator U+2029", R"(a\u2029b)", "\\u2029"},
        {"right-to-left override U+202E", R"(txt.exe\u202e)", "\\u202e"},
        {"left-to-right isolate U+2066", R"(a\u2066b)", "\\u2066"},
        {"DEL", R"(a\u007fb)", "\\u007f"},
    };
    for (const Hostile &h : cases) {
        DYNAMIC_SECTION(h.what)
        {
            for (const char *where : {"project", "stage", "scenario"}) {
                INFO(where);
                const QByteArray name = "\"" + h.escaped + "\"";
                const QByteArray json = std::string_view(where) == "project"
                    ? withProject(R"("name":)" + name + R"(,"curve":{"family":"log","a":1,"b":1})")
                    : std::string_view(where) == "stage" ? withStages(R"({"name":)" + name + R"(,"from":0})")
                                                         : withTop(R"("version":1,"totalEffort":1,"name":)" + name);
                const LoadResult loaded = parse(json);
                REQUIRE_FALSE(loaded.ok());
                CHECK(loaded.error.reason.contains(QStringLiteral("control characters")));
            }
            // In a message (an unknown key), the character is shown escaped and the message is one line.
            const LoadResult unknown = parse(withTop(R"("version":1,"totalEffort":1,")" + h.escaped + R"(":1)"));
            REQUIRE_FALSE(unknown.ok());
            const QString message = unknown.error.message();
            CHECK(message.contains(QString::fromUtf8(h.shown)));
            CHECK_FALSE(hasUnsafeText(message));
        }
    }
    SECTION("a lone surrogate is refused, never saved as '?'")
    {
        for (const QByteArray &lone : {QByteArray(R"(a\ud800b)"), QByteArray(R"(a\udc00)"), QByteArray(R"(\ud800)")}) {
            const LoadResult loaded
                = parse(withProject(R"("name":")" + lone + R"(","curve":{"family":"log","a":1,"b":1})"));
            REQUIRE_FALSE(loaded.ok());
            CHECK(loaded.error.location == QStringLiteral("projects[0].name"));
            CHECK(loaded.error.reason.startsWith(QStringLiteral("contains a lone surrogate (\\ud")));
            CHECK_FALSE(hasUnsafeText(loaded.error.message()));
        }
        // A proper pair (an emoji written as two escapes) is a character like any other.
        const LoadResult pair = parse(withProject(R"("name":"\ud83d\ude80","curve":{"family":"log","a":1,"b":1})"));
        INFO(pair.error.message().toStdString());
        REQUIRE(pair.ok());
        CHECK(pair.scenario->projects[0].name == "\xf0\x9f\x9a\x80");
    }
    SECTION("a file name with such characters is escaped in every message")
    {
        const ScenarioError error{QStringLiteral("evil\u2028name\u202e\u0085.json"), QStringLiteral("x"),
                                  QStringLiteral("why")};
        CHECK(error.message() == QStringLiteral("evil\\u2028name\\u202e\\u0085.json: x: why"));
        const ScenarioError lone{QString(QChar(0xd800)) + QStringLiteral(".json"), {}, QStringLiteral("why")};
        CHECK(lone.message() == QStringLiteral("\\ud800.json: why"));
        const ScenarioError newline{QStringLiteral("a\nb.json"), {}, QStringLiteral("why")};
        CHECK(newline.message() == QStringLiteral("a\\u000ab.json: why"));
    }
    SECTION("the default name from a file name drops them")
    {
        const LoadResult loaded = parseScenario(withTop(R"("version":1,"totalEffort":1)"), QStringLiteral("x"),
                                                QStringLiteral("plan\u202e\u0085\u2028") + QChar(0xdc00));
        REQUIRE(loaded.ok());
        CHECK(loaded.scenario->name == "plan");
    }
}
