#include "CommandLine.h"

#include "Allocator.h"
#include "JsonWriter.h"
#include "Presets.h"
#include "ScenarioFile.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

namespace ef {

namespace {

constexpr const char *kProgram = "effort-frontier";

/// Thrown for bad input or usage; becomes one line on stderr and exit code 2.
struct UsageError {
    QString message;
};

void printLine(std::FILE *stream, const QString &text)
{
    const QByteArray bytes = (text + QLatin1Char('\n')).toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stream);
    std::fflush(stream);
}

struct Options {
    QCommandLineOption allocate{QStringLiteral("allocate"),
                                QStringLiteral("Print the optimal allocation as JSON on stdout and exit. Needs no display.")};
    QCommandLineOption preset{QStringLiteral("preset"),
                              QStringLiteral("Use a built-in reference scenario instead of FILE: %1.")
                                  .arg(presetNames().join(QStringLiteral(", "))),
                              QStringLiteral("NAME")};
    QCommandLineOption total{QStringLiteral("total"),
                             QStringLiteral("Override the scenario's total effort (whole units, 0 to %1).")
                                 .arg(limits::kMaxTotalEffort),
                             QStringLiteral("N")};
    QCommandLineOption method{QStringLiteral("method"),
                              QStringLiteral("Allocation method: auto (default: greedy when every curve is concave, "
                                             "exact otherwise), greedy (MODEL.md's marginal rule) or exact "
                                             "(integer optimum for any curve shape)."),
                              QStringLiteral("auto|greedy|exact"), QStringLiteral("auto")};
};

/// The scenario named on the command line: FILE, --preset NAME, or the startup preset.
Scenario loadRequestedScenario(const QCommandLineParser &parser, const Options &options, QString &source)
{
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1)
        throw UsageError{QStringLiteral("expected at most one scenario FILE, got %1").arg(files.size())};
    if (!files.isEmpty() && parser.isSet(options.preset))
        throw UsageError{QStringLiteral("give either a scenario FILE or --preset, not both")};
    LoadResult loaded = !files.isEmpty() ? loadScenarioFile(files.front())
                                         : loadPreset(parser.isSet(options.preset) ? parser.value(options.preset)
                                                                                   : QStringLiteral("startup"));
    if (!loaded.ok())
        throw UsageError{loaded.error.message()};
    source = loaded.error.source;
    return std::move(*loaded.scenario);
}

Effort parseTotal(const QString &text)
{
    bool ok = false;
    const qlonglong value = text.toLongLong(&ok);
    if (!ok || value < 0 || value > limits::kMaxTotalEffort)
        throw UsageError{QStringLiteral("--total: \"%1\" is not a whole number of units between 0 and %2")
                             .arg(text.left(40))
                             .arg(limits::kMaxTotalEffort)};
    return value;
}

std::string allocationJson(const Scenario &scenario, const Allocation &allocation)
{
    JsonWriter w;
    w.beginObject();
    w.key("scenario");
    w.value(scenario.name);
    w.key("totalEffort");
    w.value(std::int64_t{allocation.totalEffort});
    w.key("method");
    w.value(methodName(allocation.method));
    w.key("objective");
    w.value(allocation.objective);
    w.key("projects");
    w.beginArray();
    for (std::size_t i = 0; i < allocation.projects.size(); ++i) {
        const ProjectAllocation &pa = allocation.projects[i];
        w.beginObject();
        w.key("name");
        w.value(scenario.projects[i].name);
        w.key("effort");
        w.value(std::int64_t{pa.effort});
        w.key("accuracy");
        w.value(pa.accuracy);
        w.key("value");
        w.value(pa.value);
        w.key("marginal");
        w.value(pa.marginal);
        w.key("stage");
        w.value(scenario.stageNameFor(pa.effort));
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return w.text();
}

int runAllocate(const QCommandLineParser &parser, const Options &options)
{
    const QString methodText = parser.value(options.method);
    const auto method = methodFromName(methodText.toStdString());
    if (!method)
        throw UsageError{QStringLiteral("--method: \"%1\" is not one of auto, greedy, exact").arg(methodText.left(40))};
    QString source;
    Scenario scenario = loadRequestedScenario(parser, options, source);
    if (parser.isSet(options.total))
        scenario.totalEffort = parseTotal(parser.value(options.total));
    const AllocationResult result = allocate(scenario, *method);
    if (!result.ok())
        throw UsageError{source + QStringLiteral(": ") + QString::fromStdString(result.error)};
    const std::string json = allocationJson(scenario, *result.allocation);
    // One write of the finished document: stdout never holds a partial result.
    if (std::fwrite(json.data(), 1, json.size(), stdout) != json.size() || std::fflush(stdout) != 0) {
        printLine(stderr, QStringLiteral("%1: could not write the result to standard output").arg(QLatin1String(kProgram)));
        return kExitInternalError;
    }
    return kExitOk;
}

} // namespace

int runCommandLine(int argc, char **argv)
{
    QCoreApplication::setApplicationName(QString::fromLatin1(kProgram));
    QCoreApplication::setApplicationVersion(QStringLiteral(EF_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Effort Frontier"));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Effort Frontier splits a fixed effort budget across ML projects whose effort-to-accuracy curves\n"
        "have diminishing returns, giving each unit to the project with the highest weighted marginal gain.\n"
        "\n"
        "Exit codes: 0 success; 2 bad input or usage (one line on stderr); 1 internal error."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    Options options;
    parser.addOptions({options.allocate, options.preset, options.total, options.method});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A scenario file (JSON, see README). "
                                                                        "Default: the startup preset."),
                                 QStringLiteral("[FILE]"));
    try {
        if (!parser.parse(arguments))
            throw UsageError{parser.errorText() + QStringLiteral(" (see --help)")};
        if (parser.isSet(helpOption)) {
            printLine(stdout, parser.helpText());
            return kExitOk;
        }
        if (parser.isSet(versionOption)) {
            printLine(stdout, QStringLiteral("%1 %2").arg(QLatin1String(kProgram), QStringLiteral(EF_VERSION)));
            return kExitOk;
        }
        if (parser.isSet(options.allocate))
            return runAllocate(parser, options);
        throw UsageError{QStringLiteral("this build has no window yet; use --allocate (see --help)")};
    } catch (const UsageError &error) {
        printLine(stderr, QStringLiteral("%1: %2").arg(QLatin1String(kProgram), error.message));
        return kExitBadInput;
    }
}

} // namespace ef
