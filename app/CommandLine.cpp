// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "CommandLine.h"

#include "Arguments.h"

#include "Allocator.h"
#include "Fit.h"
#include "JsonWriter.h"
#include "MeetingExport.h"
#include "MonteCarlo.h"
#include "ObservationCsv.h"
#include "Plan.h"
#include "Presets.h"
#include "SafeText.h"
#include "ScenarioFile.h"
#include "Targets.h"
#include "WaterLevel.h"
#include "WindowApplication.h"
#include "charts/Chart.h"
#include "charts/ChartExport.h"
#include "charts/Theme.h"
#include "charts/ViewExport.h"
#include "window/AboutText.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QSaveFile>
#include <QStringList>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <numeric>

namespace ef {

namespace {

constexpr const char *kProgram = "effort-frontier";

void printLine(std::FILE *stream, const QString &text)
{
    const QByteArray bytes = (text + QLatin1Char('\n')).toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stream);
    std::fflush(stream);
}

/// argv as the system gave it (runCommandLine fills it): QString decoding is lossy for bytes that are
/// not UTF-8, so file names are opened from these bytes.
QList<QByteArray> g_nativeArguments;

/// Writes a finished JSON document to stdout in one piece (stdout never holds a partial result);
/// kExitOk, or kExitInternalError with one line on stderr when it cannot be written.
int writeResult(const std::string &json)
{
    if (std::fwrite(json.data(), 1, json.size(), stdout) != json.size() || std::fflush(stdout) != 0) {
        printLine(stderr,
                  QStringLiteral("%1: could not write the result to standard output").arg(QLatin1String(kProgram)));
        return kExitInternalError;
    }
    return kExitOk;
}

/// The bytes behind command-line argument `argument`: file names that are not valid UTF-8 still open
/// byte for byte.
QByteArray nativeArgument(const QString &argument)
{
    for (auto it = g_nativeArguments.crbegin(); it != g_nativeArguments.crend(); ++it)
        if (QString::fromLocal8Bit(*it) == argument)
            return *it;
    return QFile::encodeName(argument);
}

/// The scenario named on the command line: FILE, --preset NAME, or the startup preset.
Scenario loadRequestedScenario(const QCommandLineParser &parser, const Options &options, QString &source)
{
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1)
        throw UsageError{QStringLiteral("expected at most one scenario FILE, got %1").arg(files.size())};
    if (!files.isEmpty() && parser.isSet(options.preset))
        throw UsageError{QStringLiteral("give either a scenario FILE or --preset, not both")};
    LoadResult loaded = !files.isEmpty()
        ? loadNativeScenarioFile(nativeArgument(files.front()))
        : loadPreset(parser.isSet(options.preset) ? parser.value(options.preset) : QStringLiteral("startup"));
    if (!loaded.ok())
        throw UsageError{loaded.error.message()};
    source = loaded.error.source;
    return std::move(*loaded.scenario);
}

/// The split's efforts, one per project.
std::vector<Effort> effortsOf(const Allocation &allocation)
{
    std::vector<Effort> efforts;
    efforts.reserve(allocation.projects.size());
    for (const ProjectAllocation &pa : allocation.projects)
        efforts.push_back(pa.effort);
    return efforts;
}

/// The --allocate JSON; with `monteCarlo`, also what --samples adds (samples, seed, expectedRegret and,
/// per project, effortQuantiles, stageProbabilities and topProbability).
std::string allocationJson(const Scenario &scenario, const Allocation &allocation,
                           const MonteCarloResult *monteCarlo = nullptr)
{
    const MarginalSummary marginals = marginalSummary(scenario, effortsOf(allocation));
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
    w.key("bound");
    w.value(allocation.bound);
    w.key("gap");
    w.value(allocation.gap);
    w.key("proven");
    w.value(allocation.proven);
    if (monteCarlo) {
        w.key("samples");
        w.value(std::int64_t{monteCarlo->samples});
        w.key("seed");
        w.value(std::uint64_t{monteCarlo->seed});
        w.key("expectedRegret");
        w.value(monteCarlo->expectedRegret);
    }
    w.key("waterLevel");
    marginals.waterLevel ? w.value(*marginals.waterLevel) : w.null();
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
        w.key("lastGain");
        marginals.lastGain[i] ? w.value(*marginals.lastGain[i]) : w.null();
        w.key("stage");
        w.value(scenario.stageNameFor(pa.effort));
        if (monteCarlo) {
            const MonteCarloProject &mp = monteCarlo->projects[i];
            w.key("effortQuantiles");
            w.beginObject();
            w.key("p5");
            w.value(std::int64_t{mp.p5});
            w.key("p50");
            w.value(std::int64_t{mp.p50});
            w.key("p95");
            w.value(std::int64_t{mp.p95});
            w.endObject();
            w.key("stageProbabilities");
            w.beginObject();
            for (std::size_t s = 0; s < scenario.stages.size(); ++s) {
                w.key(scenario.stages[s].name);
                w.value(mp.stageProbabilities[s]);
            }
            w.endObject();
            w.key("topProbability");
            w.value(mp.topProbability);
        }
        w.endObject();
    }
    w.endArray();
    if (hasPlan(scenario)) {
        const PlanComparison plan = comparePlan(scenario, allocation);
        w.key("plan");
        w.beginObject();
        w.key("objective");
        w.value(plan.objective);
        w.key("gap");
        w.value(plan.gap);
        w.key("plannedTotal");
        w.value(std::int64_t{plan.plannedTotal});
        w.key("efforts");
        w.beginArray();
        for (const Effort e : plan.efforts)
            w.value(std::int64_t{e});
        w.endArray();
        w.key("moves");
        w.beginArray();
        for (const EffortMove &move : plan.moves) {
            w.beginObject();
            w.key("name");
            w.value(scenario.projects[move.project].name);
            w.key("units");
            w.value(std::int64_t{move.units});
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }
    w.endObject();
    return w.text();
}

/// The scenario to show or export, with --total applied.
Scenario requestedScenario(const QCommandLineParser &parser, const Options &options, QString &source)
{
    Scenario scenario = loadRequestedScenario(parser, options, source);
    if (parser.isSet(options.total))
        scenario.totalEffort = parseTotal(parser.value(options.total));
    return scenario;
}

/// The requested scenario, where it came from, and its allocation by --method.
struct Requested {
    Scenario scenario;
    QString source;
    AllocationResult result;
};

/// Loads and allocates what the command line asks for; bad input or an allocation error throws.
Requested allocateRequested(const QCommandLineParser &parser, const Options &options)
{
    const Method method = parseMethod(parser.value(options.method));
    AllocateOptions allocateOptions;
    if (parser.isSet(options.timeLimit))
        allocateOptions.timeLimitSeconds = parseTimeLimit(parser.value(options.timeLimit));
    Requested requested;
    requested.scenario = requestedScenario(parser, options, requested.source);
    requested.result = allocate(requested.scenario, requested.scenario.totalEffort, method, allocateOptions);
    if (!requested.result.ok())
        throw UsageError{requested.source + QStringLiteral(": ") + QString::fromStdString(requested.result.error)};
    const Allocation &allocation = *requested.result.allocation;
    if (allocation.method == Method::Exact && !allocation.proven) {
        // Still a result (exit 0), but say on one line that it is the best found, not a proven optimum.
        QString note = QStringLiteral("%1: %2; the split is the best found, at most %3 below the optimum")
                           .arg(requested.source, QString::fromStdString(allocation.unprovenReason))
                           .arg(allocation.gap, 0, 'g', 6);
        for (QChar &c : note)
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                c = QChar(0xfffd);
        printLine(stderr, QStringLiteral("%1: %2").arg(QLatin1String(kProgram), note));
    }
    return requested;
}

/// With --draws: every draw as CSV, written to a temporary file beside OUT and renamed into place only
/// by commitDraws(), after the rest of the command has succeeded (a refused export leaves no file).
using PendingDraws = std::unique_ptr<QSaveFile>;

MonteCarloResult runSamples(const QCommandLineParser &parser, const Options &options, const Requested &requested,
                            PendingDraws &draws);

/// What --allocate and --export both start from: the requested scenario and its plan and, with --samples,
/// the Monte Carlo around that plan (and its --draws file, not yet in place).
struct SampledRequest {
    Requested requested;
    std::optional<MonteCarloResult> monteCarlo;
    PendingDraws draws;
};

/// Puts the --draws file in place (a no-op without --draws).
void commitDraws(SampledRequest &sampled, const QCommandLineParser &parser, const Options &options)
{
    if (sampled.draws && !sampled.draws->commit())
        throw UsageError{QStringLiteral("--draws: cannot write \"%1\": %2")
                             .arg(parser.value(options.draws), sampled.draws->errorString())};
    sampled.draws.reset();
}

/// A bad --samples count or --seed is refused before any work; then the requested scenario is allocated
/// and, with --samples, its draws run (runSamples).
SampledRequest allocateWithSamples(const QCommandLineParser &parser, const Options &options)
{
    if (parser.isSet(options.samples))
        (void)parseSamples(parser.value(options.samples));
    if (parser.isSet(options.seed))
        (void)parseSeed(parser.value(options.seed));
    SampledRequest sampled{allocateRequested(parser, options), std::nullopt, nullptr};
    if (parser.isSet(options.samples))
        sampled.monteCarlo = runSamples(parser, options, sampled.requested, sampled.draws);
    return sampled;
}

int runExport(int argc, char **argv, const QCommandLineParser &parser, const Options &options)
{
    const QString out = parser.value(options.exportTo);
    // --samples draws whiskers on a chart: numbers, briefs and animations have none to draw.
    if (parser.isSet(options.samples) && isMeetingExport(out, parser, options))
        throw UsageError{QStringLiteral("--samples with --export draws whiskers on a .png, .svg or .pdf chart; "
                                        "it does not go with numbers, --brief or --animate")};
    // Numbers (.csv), the brief (--brief) and animations (--animate): app/MeetingExport.cpp.
    if (isMeetingExport(out, parser, options))
        return runMeetingExport(argc, argv, parser, options, [&] {
            auto [scenario, source, result] = allocateRequested(parser, options);
            return ExportInput{std::move(scenario), std::move(source), std::move(result)};
        });
    if (parser.isSet(options.frames) || parser.isSet(options.duration) || parser.isSet(options.loop))
        throw UsageError{QStringLiteral("--frames, --duration and --loop are for animations (--animate)")};
    if (!exportFormatFor(out))
        throw UsageError{QStringLiteral("--export: \"%1\" has no known extension; use .png, .svg or .pdf").arg(out)};
    ExportOptions exportOptions;
    exportOptions.size = parseSize(parser.value(options.size));
    exportOptions.scale = parseScale(parser.value(options.scale));
    checkExportSize(exportOptions.size, exportOptions.scale);
    const QString themeId = parser.value(options.theme);
    const std::optional<Theme> theme = Theme::byId(themeId);
    if (!theme)
        throw UsageError{QStringLiteral("--theme: \"%1\" is not one of dark, light").arg(themeId.left(40))};
    ViewExportOptions viewOptions;
    if (!parseViewList(parser.value(options.view), viewOptions))
        throw UsageError{QStringLiteral("--view: \"%1\" is not one of %2, or up to three of them joined by + "
                                        "(e.g. accuracy+growth), each once")
                             .arg(parser.value(options.view).left(40), chartViewNames().join(QStringLiteral(", ")))};
    viewOptions.baseline = parser.value(options.baseline);
    const bool accuracyShown = viewOptions.view == ChartView::Accuracy
        || std::find(viewOptions.besides.begin(), viewOptions.besides.end(), ChartView::Accuracy)
            != viewOptions.besides.end();
    if (!viewOptions.baseline.isEmpty() && !accuracyShown)
        throw UsageError{QStringLiteral("--baseline: the %1 view has no ghosts; use --view accuracy")
                             .arg(chartViewName(viewOptions.view))};
    viewOptions.weighted = parser.isSet(options.weighted);
    if (viewOptions.weighted && !accuracyShown)
        throw UsageError{QStringLiteral("--weighted: the %1 view has no accuracy axis; use --view accuracy")
                             .arg(chartViewName(viewOptions.view))};
    if (parser.isSet(options.samples)) {
        if (!accuracyShown)
            throw UsageError{QStringLiteral("--samples: the %1 view has no whiskers; use --view accuracy")
                                 .arg(chartViewName(viewOptions.view))};
    }
    // Before any work: a refused export writes nothing, not even the --draws file.
    const QFileInfo outInfo(out);
    if (!outInfo.absoluteDir().exists())
        throw UsageError{QStringLiteral("--export: the folder %1 does not exist").arg(outInfo.absolutePath())};
    // --samples: the p5–p95 whiskers of the same draws as --allocate --samples (same seed, same numbers).
    SampledRequest sampled = allocateWithSamples(parser, options);
    const auto &[scenario, source, result] = sampled.requested;
    viewOptions.uncertainty = sampled.monteCarlo ? &*sampled.monteCarlo : nullptr;
    if (const QString problem = Chart::sizeProblem(scenario); !problem.isEmpty())
        throw UsageError{source + QStringLiteral(": ") + problem};

    // Drawing needs a GUI application but never a display: the offscreen platform renders to memory.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    // Keep stderr to our one line: the offscreen platform's notice about XDG_RUNTIME_DIR is noise here.
    static QtMessageHandler previousHandler = nullptr;
    previousHandler
        = qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &context, const QString &text) {
              if (!text.startsWith(QLatin1String("QStandardPaths:")) && previousHandler)
                  previousHandler(type, context, text);
          });
    int qtArgc = 1;
    char *qtArgv[] = {argc > 0 ? argv[0] : const_cast<char *>(kProgram), nullptr};
    QApplication app(qtArgc, qtArgv);
    QString error;
    if (!exportView(scenario, result, *theme, out, exportOptions, viewOptions, &error))
        throw UsageError{error.startsWith(out) ? error : source + QStringLiteral(": ") + error};
    commitDraws(sampled, parser, options);
    return kExitOk;
}

int runWindow(int argc, char **argv, const QCommandLineParser &parser, const Options &options)
{
    QString source;
    Scenario scenario = requestedScenario(parser, options, source);
    if (const QString problem = Chart::sizeProblem(scenario); !problem.isEmpty())
        throw UsageError{source + QStringLiteral(": ") + problem};
    // The window keeps file names as text: a name that is not valid UTF-8 would be saved under another name.
    if (const QStringList files = parser.positionalArguments();
        !files.isEmpty() && QFile::encodeName(files.front()) != nativeArgument(files.front()))
        throw UsageError{source
                         + QStringLiteral(": the window cannot save under a name that is not valid UTF-8; "
                                          "rename the file, or use --allocate or --export")};
    // Without a display this says so in one line and exits 2 (Qt itself is asked, on every platform).
    const std::unique_ptr<QApplication> app = createWindowApplication(argc, argv, kProgram);
    // Ties the running window to the installed menu entry and icon (resources/linux, resources/icons).
    const QString appId = QStringLiteral("org.effortfrontier.EffortFrontier");
    QGuiApplication::setDesktopFileName(appId);
    QApplication::setWindowIcon(QIcon::fromTheme(appId, QIcon(QStringLiteral(":/icons/%1.svg").arg(appId))));
    MainWindow window;
    const QStringList files = parser.positionalArguments();
    const QString path = files.isEmpty() ? QString() : QFileInfo(files.front()).absoluteFilePath();
    const QString preset = parser.isSet(options.preset) ? parser.value(options.preset) : QStringLiteral("startup");
    window.showScenario(std::move(scenario), path, path.isEmpty() ? preset : QString());
    window.show();
    if (parser.isSet(options.present)) {
        // Straight into presenter mode; the question about unsaved work of a past session waits until
        // the room has gone (Esc), never popping up over the slides.
        PresenterWindow *presenter = window.present();
        QObject::connect(presenter, &QObject::destroyed, &window, &MainWindow::offerRecovery);
    } else {
        // After a crash or a kill, offer the unsaved work the last session left behind.
        QTimer::singleShot(0, &window, &MainWindow::offerRecovery);
    }
    return QApplication::exec();
}

/// --samples: the Monte Carlo of the requested scenario around its printed plan; with --draws, every draw
/// written to a temporary file beside OUT, left in `draws` for commitDraws() (OUT is never half written).
MonteCarloResult runSamples(const QCommandLineParser &parser, const Options &options, const Requested &requested,
                            PendingDraws &draws)
{
    MonteCarloOptions monteCarloOptions;
    monteCarloOptions.samples = parseSamples(parser.value(options.samples));
    if (parser.isSet(options.seed))
        monteCarloOptions.seed = parseSeed(parser.value(options.seed));
    monteCarloOptions.method = parseMethod(parser.value(options.method));
    for (const ProjectAllocation &pa : requested.result.allocation->projects)
        monteCarloOptions.pointEfforts.push_back(pa.effort);
    const std::string tooMany = sampleProblem(monteCarloOptions.samples, requested.scenario.projects.size());
    if (!tooMany.empty())
        throw UsageError{QStringLiteral("--samples: ") + QString::fromStdString(tooMany)};
    std::unique_ptr<QSaveFile> drawsFile;
    if (parser.isSet(options.draws)) {
        const QString path = parser.value(options.draws);
        drawsFile = std::make_unique<QSaveFile>(path);
        if (path.isEmpty() || !drawsFile->open(QIODevice::WriteOnly))
            throw UsageError{
                QStringLiteral("--draws: cannot write \"%1\": %2")
                    .arg(path, path.isEmpty() ? QStringLiteral("the name is empty") : drawsFile->errorString())};
    }
    monteCarloOptions.keepParameters = drawsFile != nullptr;
    MonteCarloResult monteCarlo = ef::monteCarlo(requested.scenario, monteCarloOptions);
    if (!monteCarlo.ok())
        throw UsageError{requested.source + QStringLiteral(": --samples: ") + QString::fromStdString(monteCarlo.error)};
    if (drawsFile) {
        const std::string csv = drawsCsv(requested.scenario, monteCarlo);
        if (drawsFile->write(csv.data(), static_cast<qint64>(csv.size())) != static_cast<qint64>(csv.size()))
            throw UsageError{QStringLiteral("--draws: cannot write \"%1\": %2")
                                 .arg(parser.value(options.draws), drawsFile->errorString())};
        draws = std::move(drawsFile); // put in place by commitDraws() once the command has succeeded
    }
    return monteCarlo;
}

int runAllocate(const QCommandLineParser &parser, const Options &options)
{
    SampledRequest sampled = allocateWithSamples(parser, options);
    commitDraws(sampled, parser, options);
    const auto &[scenario, source, result] = sampled.requested;
    const std::string json
        = allocationJson(scenario, *result.allocation, sampled.monteCarlo ? &*sampled.monteCarlo : nullptr);
    if (hasPlan(scenario)) {
        // Still a result (exit 0), but a plan of another total is not a split of this budget: say so.
        const std::vector<Effort> planned = plannedEfforts(scenario);
        const Effort plannedTotal = std::accumulate(planned.begin(), planned.end(), Effort{0});
        if (plannedTotal != result.allocation->totalEffort)
            printLine(stderr,
                      usageLine(QStringLiteral("%1: the planned efforts add up to %2 units, not the total of "
                                               "%3; the plan's gap compares splits of different totals")
                                    .arg(source)
                                    .arg(plannedTotal)
                                    .arg(result.allocation->totalEffort)));
    }
    // One write of the finished document: stdout never holds a partial result.
    return writeResult(json);
}

/// The --fit result: {"family", "a", "b", ["midpoint" | "scale"], "r2", "aicc", "stderr": {...}, "points"}.
std::string fitJson(const FitResult &fit)
{
    const Curve &c = fit.curve;
    JsonWriter w;
    w.beginObject();
    w.key("family");
    w.value(familyName(c.family));
    w.key("a");
    w.value(c.a);
    w.key("b");
    w.value(c.b);
    if (c.family == CurveFamily::Logistic) {
        w.key("midpoint");
        w.value(c.midpoint);
    }
    if (c.family == CurveFamily::Learning) {
        w.key("scale");
        w.value(c.scale);
    }
    w.key("r2");
    w.value(fit.r2);
    w.key("aicc");
    w.value(fit.aicc);
    w.key("stderr");
    w.beginObject();
    w.key("a");
    w.value(fit.standardErrors.a);
    w.key("b");
    w.value(fit.standardErrors.b);
    if (c.family == CurveFamily::Logistic) {
        w.key("midpoint");
        w.value(fit.standardErrors.midpoint);
    }
    if (c.family == CurveFamily::Learning) {
        w.key("scale");
        w.value(fit.standardErrors.scale);
    }
    w.endObject();
    w.key("points");
    w.value(static_cast<std::int64_t>(fit.points));
    w.endObject();
    return w.text();
}

/// --fit DATA.csv [--family F]: one JSON object on stdout; bad data or a failed fit exit 2.
int runFit(const QCommandLineParser &parser, const Options &options)
{
    if (parser.isSet(options.allocate) || parser.isSet(options.exportTo))
        throw UsageError{QStringLiteral("give --fit on its own, not with --allocate or --export")};
    if (parser.isSet(options.preset) || !parser.positionalArguments().isEmpty())
        throw UsageError{QStringLiteral("--fit reads only DATA.csv; give no scenario FILE or --preset")};
    // A fit allocates nothing: the scenario's options would be ignored, so they are refused.
    for (const QCommandLineOption *option : {&options.total, &options.method, &options.timeLimit, &options.samples,
                                             &options.seed, &options.draws, &options.budgetToReach, &options.project})
        if (parser.isSet(*option))
            throw UsageError{QStringLiteral("--fit reads only DATA.csv; leave out --%1").arg(option->names().front())};
    const std::optional<CurveFamily> family = parseFamily(parser.value(options.family));
    const QString path = parser.value(options.fit);
    const ObservationCsvResult data = loadObservationCsv(nativeArgument(path));
    if (!data.ok())
        throw UsageError{data.error};
    const FitResult fit = family ? fitCurve(data.observations, *family) : fitBestCurve(data.observations);
    if (!fit.ok())
        throw UsageError{displayFileName(nativeArgument(path)) + QStringLiteral(": ")
                         + QString::fromStdString(fit.error)};
    const std::string json = fitJson(fit);
    return writeResult(json);
}

int runBudgetToReach(const QCommandLineParser &parser, const Options &options)
{
    if (parser.isSet(options.total))
        throw UsageError{QStringLiteral("--budget-to-reach searches the total itself; leave out --total")};
    if (parser.isSet(options.method) && parseMethod(parser.value(options.method)) != Method::Auto)
        throw UsageError{QStringLiteral("--budget-to-reach uses the chart's method (auto); leave out --method")};
    if (!parser.isSet(options.project))
        throw UsageError{QStringLiteral("--budget-to-reach needs --project NAME")};
    QString source;
    const Scenario scenario = loadRequestedScenario(parser, options, source);
    const std::size_t stage = parseStage(parser.value(options.budgetToReach), scenario);
    const std::size_t project = parseProject(parser.value(options.project), scenario);
    AllocateOptions allocateOptions;
    if (parser.isSet(options.timeLimit))
        allocateOptions.timeLimitSeconds = parseTimeLimit(parser.value(options.timeLimit));
    const TargetSearch search = budgetToReachEffort(scenario, project, scenario.stages[stage].from, allocateOptions);
    if (!search.ok())
        throw UsageError{QStringLiteral("%1: \"%2\" never reaches \"%3\" (%4 units): %5")
                             .arg(source, QString::fromStdString(scenario.projects[project].name),
                                  QString::fromStdString(scenario.stages[stage].name))
                             .arg(scenario.stages[stage].from)
                             .arg(QString::fromStdString(search.error))};
    JsonWriter w;
    w.beginObject();
    w.key("project");
    w.value(scenario.projects[project].name);
    w.key("stage");
    w.value(scenario.stages[stage].name);
    w.key("totalEffort");
    w.value(std::int64_t{*search.totalEffort});
    w.endObject();
    const std::string &json = w.text();
    return writeResult(json);
}

} // namespace

int runCommandLine(int argc, char **argv)
{
    QCoreApplication::setApplicationName(QString::fromLatin1(kProgram));
    QCoreApplication::setApplicationVersion(QStringLiteral(EF_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Effort Frontier"));

    QStringList arguments;
    g_nativeArguments.clear();
    for (int i = 0; i < argc; ++i) {
        arguments << QString::fromLocal8Bit(argv[i]);
        g_nativeArguments << QByteArray(argv[i]);
    }

    QCommandLineParser parser;
    const Options options;
    configureParser(parser, options);
    try {
        parseArguments(parser, arguments);
        if (parser.isSet(QStringLiteral("help"))) {
            const QCoreApplication app(argc, argv); // the usage line names the executable from the app
            printLine(stdout, parser.helpText());
            return kExitOk;
        }
        if (parser.isSet(QStringLiteral("version"))) {
            printLine(stdout, about::versionText()); // version, licence, Qt and QCustomPlot in use
            return kExitOk;
        }
        if (parser.isSet(options.present)
            && (parser.isSet(options.allocate) || parser.isSet(options.exportTo) || parser.isSet(options.fit)
                || parser.isSet(options.budgetToReach)))
            throw UsageError{QStringLiteral("--present opens the window full screen; it cannot be combined with "
                                            "--allocate, --export, --fit or --budget-to-reach")};
        // Export options anywhere else (--allocate, --fit, --budget-to-reach, the window) are refused,
        // not ignored.
        if (!parser.isSet(options.exportTo))
            for (const QCommandLineOption *option :
                 {&options.brief, &options.animate, &options.frames, &options.duration, &options.loop, &options.size,
                  &options.scale, &options.theme, &options.view, &options.baseline})
                if (parser.isSet(*option))
                    throw UsageError{QStringLiteral("--%1 needs --export OUT").arg(option->names().front())};
        if (!parser.isSet(options.exportTo) && parser.isSet(options.weighted))
            throw UsageError{QStringLiteral("--weighted needs --export OUT")};
        if (parser.isSet(options.fit))
            return runFit(parser, options);
        if (parser.isSet(options.family))
            throw UsageError{QStringLiteral("--family goes with --fit DATA.csv")};
        if (parser.isSet(options.allocate) && parser.isSet(options.exportTo))
            throw UsageError{QStringLiteral("give either --allocate or --export, not both")};
        if (!parser.isSet(options.samples) && (parser.isSet(options.seed) || parser.isSet(options.draws)))
            throw UsageError{
                QStringLiteral("%1 needs --samples N")
                    .arg(parser.isSet(options.seed) ? QStringLiteral("--seed") : QStringLiteral("--draws"))};
        if (parser.isSet(options.samples) && !parser.isSet(options.allocate) && !parser.isSet(options.exportTo))
            throw UsageError{QStringLiteral("--samples works with --allocate or --export only")};
        if (parser.isSet(options.budgetToReach)) {
            if (parser.isSet(options.allocate) || parser.isSet(options.exportTo))
                throw UsageError{QStringLiteral("give --budget-to-reach on its own, without --allocate or --export")};
            return runBudgetToReach(parser, options);
        }
        if (parser.isSet(options.project))
            throw UsageError{QStringLiteral("--project goes with --budget-to-reach STAGE")};
        if (parser.isSet(options.allocate))
            return runAllocate(parser, options);
        if (parser.isSet(options.exportTo))
            return runExport(argc, argv, parser, options);
        return runWindow(argc, argv, parser, options);
    } catch (const UsageError &error) {
        // One line, whatever the command line or the file held.
        printLine(stderr, usageLine(error.message));
        return kExitBadInput;
    }
}

} // namespace ef
