// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "MeetingExport.h"

#include "CommandLine.h"
#include "Growth.h"
#include "NumbersCsv.h"
#include "Sweep.h"
#include "charts/AnimatedExport.h"
#include "charts/Brief.h"
#include "charts/Theme.h"
#include "persistence/AtomicFile.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>

#include <memory>

namespace ef {

namespace {

bool hasSuffix(const QString &path, const char *suffix)
{
    return QFileInfo(path).suffix().compare(QLatin1String(suffix), Qt::CaseInsensitive) == 0;
}

/// Drawing needs a GUI application but never a display: the offscreen platform renders to memory.
std::unique_ptr<QApplication> offscreenApplication(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    static QtMessageHandler previousHandler = nullptr;
    previousHandler
        = qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &context, const QString &text) {
              if (!text.startsWith(QLatin1String("QStandardPaths:")) && previousHandler)
                  previousHandler(type, context, text);
          });
    static int qtArgc = 1;
    static char name[] = "effort-frontier";
    static char *qtArgv[] = {argc > 0 ? argv[0] : name, nullptr};
    return std::make_unique<QApplication>(qtArgc, qtArgv);
}

void checkFolder(const QString &out)
{
    const QFileInfo info(out);
    if (!info.absoluteDir().exists())
        throw UsageError{QStringLiteral("--export: the folder %1 does not exist").arg(info.absolutePath())};
}

void writeOrThrow(const QString &out, const std::string &text)
{
    QString reason;
    if (!writeFileAtomically(out, QByteArray::fromStdString(text), &reason))
        throw UsageError{QStringLiteral("%1: not written (%2); any previous file there is unchanged").arg(out, reason)};
}

int runNumbers(const QCommandLineParser &parser, const Options &options, const std::function<ExportInput()> &load)
{
    const QString out = parser.value(options.exportTo);
    const QString view = parser.value(options.view);
    if (parser.isSet(options.weighted))
        throw UsageError{QStringLiteral("--weighted is for charts, --brief and --animate, not numbers (.csv)")};
    if (view != QLatin1String("accuracy") && view != QLatin1String("curves") && view != QLatin1String("growth"))
        throw UsageError{
            QStringLiteral("--view: \"%1\" is not one of accuracy, curves, growth (for .csv)").arg(view.left(40))};
    checkFolder(out);
    const ExportInput input = load();
    if (view == QLatin1String("curves")) {
        writeOrThrow(out, csv::curves(input.scenario));
    } else if (view == QLatin1String("growth")) {
        const GrowthPath path = growthPath(input.scenario, input.scenario.totalEffort);
        if (!path.ok())
            throw UsageError{input.source + QStringLiteral(": ") + QString::fromStdString(path.error)};
        writeOrThrow(out, csv::growth(input.scenario, path.budgets, path.efforts));
    } else {
        writeOrThrow(out, csv::allocationTable(input.scenario, *input.result.allocation));
    }
    return kExitOk;
}

Theme requestedTheme(const QCommandLineParser &parser, const Options &options, const char *fallback)
{
    const QString id = parser.isSet(options.theme) ? parser.value(options.theme) : QLatin1String(fallback);
    const std::optional<Theme> theme = Theme::byId(id);
    if (!theme)
        throw UsageError{QStringLiteral("--theme: \"%1\" is not one of dark, light").arg(id.left(40))};
    return *theme;
}

int runBrief(int argc, char **argv, const QCommandLineParser &parser, const Options &options,
             const std::function<ExportInput()> &load)
{
    const QString out = parser.value(options.exportTo);
    if (!hasSuffix(out, "pdf"))
        throw UsageError{QStringLiteral("--brief: the brief is a PDF; give --export OUT.pdf")};
    BriefOptions briefOptions;
    const std::optional<ChartView> view = chartViewFromName(parser.value(options.view));
    if (!view)
        throw UsageError{QStringLiteral("--view: \"%1\" is not one of %2")
                             .arg(parser.value(options.view).left(40), chartViewNames().join(QStringLiteral(", ")))};
    // The brief draws the accuracy chart or the growth view (ui/charts/Brief.cpp): refuse the rest
    // rather than quietly draw the accuracy chart instead.
    if (*view != ChartView::Accuracy && *view != ChartView::Growth)
        throw UsageError{
            QStringLiteral("--view: a brief shows the accuracy or the growth view, not %1").arg(chartViewName(*view))};
    briefOptions.view = *view;
    // --weighted: the brief's accuracy chart plots weight × accuracy (the table shows both anyway).
    briefOptions.weighted = parser.isSet(options.weighted);
    if (briefOptions.weighted && *view != ChartView::Accuracy)
        throw UsageError{QStringLiteral("--weighted: the %1 view has no accuracy axis; use --view accuracy")
                             .arg(chartViewName(*view))};
    // Handouts are printed: the light theme unless asked otherwise.
    const Theme theme = requestedTheme(parser, options, "light");
    checkFolder(out);
    const ExportInput input = load();
    const auto app = offscreenApplication(argc, argv);
    QString error;
    if (!exportBrief(input.scenario, input.result, theme, out, briefOptions, &error))
        throw UsageError{error.startsWith(out) ? error : input.source + QStringLiteral(": ") + error};
    return kExitOk;
}

int runAnimation(int argc, char **argv, const QCommandLineParser &parser, const Options &options,
                 const std::function<ExportInput()> &load)
{
    const QString out = parser.value(options.exportTo);
    if (!animationFormatFor(out))
        throw UsageError{QStringLiteral("--animate: \"%1\" is not .gif or .webp").arg(out)};
    if (!parser.isSet(options.animate))
        throw UsageError{
            QStringLiteral("--export %1: an animation needs --animate PARAM=LO:HI (e.g. --animate total=0:300)")
                .arg(QFileInfo(out).fileName())};
    SweepParse parsed = parseSweep(parser.value(options.animate).toStdString());
    if (!parsed.sweep)
        throw UsageError{QStringLiteral("--animate: ") + QString::fromStdString(parsed.error)};
    if (parser.value(options.view) != QLatin1String("accuracy"))
        throw UsageError{QStringLiteral("--view: an animation shows the accuracy chart; leave --view out")};
    AnimationOptions animation;
    animation.size = parseSize(parser.value(options.size));
    animation.frames = parseFrames(parser.value(options.frames));
    animation.seconds = parseDuration(parser.value(options.duration));
    animation.loop = parseLoop(parser.value(options.loop));
    animation.method = parseMethod(parser.value(options.method));
    animation.weighted = parser.isSet(options.weighted); // every frame plots weight × accuracy
    if (const QString problem = animationOptionsProblem(animation); !problem.isEmpty())
        throw UsageError{problem};
    const Theme theme = requestedTheme(parser, options, "dark");
    checkFolder(out);
    const ExportInput input = load();
    Sweep sweep = *parsed.sweep;
    if (const std::string problem = bindSweep(sweep, input.scenario); !problem.empty())
        throw UsageError{QStringLiteral("--animate: ") + QString::fromStdString(problem)};
    const auto app = offscreenApplication(argc, argv);
    QString error;
    if (!exportAnimation(input.scenario, sweep, theme, out, animation, &error))
        throw UsageError{error.startsWith(out) ? error : input.source + QStringLiteral(": ") + error};
    return kExitOk;
}

} // namespace

bool isMeetingExport(const QString &out, const QCommandLineParser &parser, const Options &options)
{
    return hasSuffix(out, "csv") || parser.isSet(options.brief) || parser.isSet(options.animate)
        || animationFormatFor(out).has_value();
}

int runMeetingExport(int argc, char **argv, const QCommandLineParser &parser, const Options &options,
                     const std::function<ExportInput()> &load)
{
    const QString out = parser.value(options.exportTo);
    const bool animated = parser.isSet(options.animate) || animationFormatFor(out).has_value();
    if (parser.isSet(options.brief) && animated)
        throw UsageError{QStringLiteral("give either --brief or --animate, not both")};
    if (!animated)
        for (const QCommandLineOption *option : {&options.frames, &options.duration, &options.loop})
            if (parser.isSet(*option))
                throw UsageError{QStringLiteral("--%1 is for animations (--animate with .gif or .webp)")
                                     .arg(option->names().front())};
    if (parser.isSet(options.brief))
        return runBrief(argc, argv, parser, options, load);
    if (animated)
        return runAnimation(argc, argv, parser, options, load);
    return runNumbers(parser, options, load);
}

} // namespace ef
