// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "Arguments.h"

#include "Allocator.h"
#include "ExportLimits.h"
#include "MonteCarlo.h"
#include "Presets.h"
#include "SafeText.h"
#include "ScenarioFile.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace ef {

namespace {

/// At most 40 characters of a value, for a message (escaped later, by usageLine).
QString shown(const QString &text)
{
    QString cut = text.left(40);
    if (!cut.isEmpty() && cut.back().isHighSurrogate() && text.size() > 40)
        cut.chop(1);
    return cut + (text.size() > cut.size() ? QStringLiteral("…") : QString());
}

} // namespace

Options::Options()
    : allocate(QStringLiteral("allocate"),
               QStringLiteral("Print the optimal allocation as JSON on stdout and exit. Needs no display.")),
      preset(QStringLiteral("preset"),
             QStringLiteral("Use a built-in reference scenario instead of FILE: %1.")
                 .arg(presetNames().join(QStringLiteral(", "))),
             QStringLiteral("NAME")),
      total(QStringLiteral("total"),
            QStringLiteral("Override the scenario's total effort (whole units, 0 to %1).").arg(limits::kMaxTotalEffort),
            QStringLiteral("N")),
      method(QStringLiteral("method"),
             QStringLiteral("Allocation method: auto (default: greedy when every curve is concave, "
                            "exact otherwise), greedy (the marginal rule) or exact "
                            "(integer optimum for any curve shape, with a proven bound)."),
             QStringLiteral("auto|greedy|exact"), QStringLiteral("auto")),
      timeLimit(QStringLiteral("time-limit"),
                QStringLiteral("Stop the exact method after SECONDS (a number above 0, at most 1000000) and give "
                               "the best split found, with \"proven\": false and a note on stderr when it could "
                               "not prove the split optimal in time. Default: no limit."),
                QStringLiteral("SECONDS")),
      exportTo(QStringLiteral("export"),
               QStringLiteral("Write the chart to OUT and exit; the format follows the extension "
                              "(.png, .svg, .pdf). Needs no display."),
               QStringLiteral("OUT")),
      size(QStringLiteral("size"),
           QStringLiteral("Chart size for --export in pixels (default 1200x800, each side 16 to 20000); a PNG is "
                          "size x scale, at most 50 million pixels."),
           QStringLiteral("WxH"), QStringLiteral("1200x800")),
      scale(QStringLiteral("scale"),
            QStringLiteral("PNG pixel scale for --export, 1 to 4 (default 1): sharp charts for slides."),
            QStringLiteral("S"), QStringLiteral("1")),
      theme(QStringLiteral("theme"),
            QStringLiteral("Chart theme for --export: dark (the reference look, default) or light (print)."),
            QStringLiteral("dark|light"), QStringLiteral("dark")),
      view(QStringLiteral("view"),
           QStringLiteral("The view --export draws: accuracy (the curves and optimal points, default), growth "
                          "(the split as the budget grows) or marginal (each unit's gain and the water level)."),
           QStringLiteral("accuracy|growth|marginal"), QStringLiteral("accuracy")),
      baseline(QStringLiteral("baseline"),
               QStringLiteral("With --export: draw the scenario's snapshot NAME as ghosts (faded curves, hollow "
                              "dots) beside the live state."),
               QStringLiteral("NAME")),
      weighted(QStringLiteral("weighted"),
               QStringLiteral("With --export: the accuracy view plots weighted value (weight x accuracy) instead of "
                              "accuracy, as View > Weighted Value does in the window; also in the chart of "
                              "--brief and every frame of --animate.")),
      present(QStringLiteral("present"),
              QStringLiteral("Open the window in presenter mode: full screen, the chart alone, stepping through "
                             "the snapshots and presets (Esc leaves).")),
      fit(QStringLiteral("fit"),
          QStringLiteral("Fit a curve to the observations in DATA.csv (two columns, effort and accuracy, optional "
                         "header; comma, semicolon or tab separated), print the parameters, R², AICc and standard "
                         "errors as JSON on stdout and exit. Needs no display."),
          QStringLiteral("DATA.csv")),
      family(QStringLiteral("family"),
             QStringLiteral("The curve family --fit fits: auto (default: the family with the lowest AICc), log, "
                            "log1p, exp, power, logistic or learning."),
             QStringLiteral("FAMILY"), QStringLiteral("auto")),
      samples(QStringLiteral("samples"),
              QStringLiteral("With --allocate: also run N Monte Carlo draws (1 to %1) of the projects' "
                             "\"uncertainty\" ranges and add effort quantiles, stage and top probabilities "
                             "and the expected regret of the plan to the JSON. With --export (a .png, .svg "
                             "or .pdf chart): draw each dot's p5-p95 effort of those draws as a whisker.")
                  .arg(kMaxSamples),
              QStringLiteral("N")),
      seed(QStringLiteral("seed"),
           QStringLiteral("With --samples: the random seed, an unsigned 64-bit integer (default %1); the same "
                          "seed gives the same output.")
               .arg(kDefaultSeed),
           QStringLiteral("S")),
      draws(QStringLiteral("draws"),
            QStringLiteral("With --samples: also write every draw (parameters and efforts) to OUT as CSV."),
            QStringLiteral("OUT")),
      budgetToReach(QStringLiteral("budget-to-reach"),
                    QStringLiteral("Print as JSON the smallest total effort whose optimal split gives --project at "
                                   "least the start of STAGE (a stage name or number), and exit."),
                    QStringLiteral("STAGE")),
      project(QStringLiteral("project"), QStringLiteral("The project --budget-to-reach asks about (a name or number)."),
              QStringLiteral("NAME")),
      brief(QStringLiteral("brief"),
            QStringLiteral("With --export OUT.pdf: write a one-page brief (title, chart, table, assumptions, "
                           "parameters, date) for handouts; light theme unless --theme says otherwise.")),
      animate(QStringLiteral("animate"),
              QStringLiteral("With --export OUT.gif or OUT.webp: animate a sweep of one parameter, PARAM=LO:HI "
                             "where PARAM is total, weight[NAME], a[NAME] or b[NAME] (NAME a project's exact "
                             "name), e.g. total=0:300 or \"weight[Dynamic pricing]=1:6\"."),
              QStringLiteral("PARAM=LO:HI")),
      frames(QStringLiteral("frames"), QStringLiteral("Frames of --animate, 2 to 600 (default 60)."),
             QStringLiteral("N"), QStringLiteral("60")),
      duration(QStringLiteral("duration"),
               QStringLiteral("Length of one play of --animate in seconds, above 0 and at most 3600 (default 4), at "
                              "least 20 ms a frame."),
               QStringLiteral("SECONDS"), QStringLiteral("4")),
      loop(QStringLiteral("loop"),
           QStringLiteral("How many times --animate plays: 0 forever (default), 1 once, N times."), QStringLiteral("N"),
           QStringLiteral("0"))
{ }

void configureParser(QCommandLineParser &parser, const Options &options)
{
    parser.setApplicationDescription(QStringLiteral(
        "Effort Frontier splits a fixed effort budget across ML projects whose effort-to-accuracy curves\n"
        "have diminishing returns, giving each unit to the project with the highest weighted marginal gain.\n"
        "\n"
        "Exit codes: 0 success; 2 bad input or usage (one line on stderr); 1 internal error.\n"
        "A FILE whose name starts with a dash goes after --: effort-frontier --allocate -- -plan.json"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({options.allocate, options.exportTo, options.preset, options.total, options.method,
                       options.timeLimit, options.size, options.scale, options.theme, options.view, options.baseline,
                       options.present, options.samples, options.seed, options.draws});
    parser.addOptions({options.fit, options.family});
    parser.addOptions({options.budgetToReach, options.project});
    parser.addOption(options.weighted);
    parser.addOptions({options.brief, options.animate, options.frames, options.duration, options.loop});
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("A scenario file (JSON, see README). "
                                                "Default: the startup preset."),
                                 QStringLiteral("[FILE]"));
}

void parseArguments(QCommandLineParser &parser, const QStringList &arguments)
{
    if (parser.parse(arguments))
        return;
    // QCommandLineParser reads "-plan.json" as the short options p, l, a, n, ... Say what was meant.
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (argument == QLatin1String("--"))
            break;
        if (!argument.startsWith(QLatin1Char('-')) || argument.size() < 3 || argument.startsWith(QLatin1String("--")))
            continue;
        const bool looksLikeFile
            = argument.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) || QFileInfo(argument).isFile();
        if (looksLikeFile)
            throw UsageError{QStringLiteral("\"%1\" is not an option; to open a file whose name starts with a dash, "
                                            "put -- before it: effort-frontier [options] -- %1")
                                 .arg(argument)};
    }
    throw UsageError{parser.errorText() + QStringLiteral(" (see --help)")};
}

Effort parseTotal(const QString &text)
{
    bool ok = false;
    const qlonglong value = text.toLongLong(&ok);
    if (!ok || value < 0 || value > limits::kMaxTotalEffort)
        throw UsageError{QStringLiteral("--total: \"%1\" is not a whole number of units between 0 and %2")
                             .arg(shown(text))
                             .arg(limits::kMaxTotalEffort)};
    return value;
}

Method parseMethod(const QString &text)
{
    const auto method = methodFromName(text.toStdString());
    if (!method)
        throw UsageError{QStringLiteral("--method: \"%1\" is not one of auto, greedy, exact").arg(shown(text))};
    return *method;
}

std::optional<CurveFamily> parseFamily(const QString &text)
{
    if (text == QLatin1String("auto"))
        return std::nullopt;
    if (const auto family = familyFromName(text.toStdString()))
        return family;
    throw UsageError{QStringLiteral("--family: \"%1\" is not one of auto, log, log1p, exp, power, logistic, learning")
                         .arg(shown(text))};
}

double parseTimeLimit(const QString &text)
{
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (!ok || !(seconds > 0 && seconds <= 1e6))
        throw UsageError{QStringLiteral("--time-limit: \"%1\" is not a number of seconds above 0 (at most 1000000)")
                             .arg(text.left(40))};
    return seconds;
}

int parseSamples(const QString &text)
{
    bool ok = false;
    const qlonglong value = text.toLongLong(&ok);
    if (!ok || value < 1 || value > kMaxSamples)
        throw UsageError{QStringLiteral("--samples: \"%1\" is not a whole number of draws between 1 and %2")
                             .arg(shown(text))
                             .arg(kMaxSamples)};
    return static_cast<int>(value);
}

std::uint64_t parseSeed(const QString &text)
{
    bool ok = false;
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,20}$"));
    const qulonglong value = digits.match(text).hasMatch() ? text.toULongLong(&ok) : 0;
    if (!ok)
        throw UsageError{
            QStringLiteral("--seed: \"%1\" is not a whole number between 0 and 18446744073709551615").arg(shown(text))};
    return value;
}

QSize parseSize(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,5})[xX](\\d{1,5})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    const int width = match.hasMatch() ? match.captured(1).toInt() : 0;
    const int height = match.hasMatch() ? match.captured(2).toInt() : 0;
    if (width < exportLimits::kMinSide || height < exportLimits::kMinSide || width > exportLimits::kMaxSide
        || height > exportLimits::kMaxSide)
        throw UsageError{QStringLiteral("--size: \"%1\" is not WIDTHxHEIGHT with each side %2 to %3 pixels")
                             .arg(shown(text))
                             .arg(exportLimits::kMinSide)
                             .arg(exportLimits::kMaxSide)};
    return {width, height};
}

double parseScale(const QString &text)
{
    bool ok = false;
    const double scale = text.toDouble(&ok);
    if (!ok || !(scale >= exportLimits::kMinScale && scale <= exportLimits::kMaxScale))
        throw UsageError{QStringLiteral("--scale: \"%1\" is not a number from 1 to 4").arg(shown(text))};
    return scale;
}

namespace {

/// The index of the entry of `names` equal to `text`, or of number `text` (1-based), or -1.
qsizetype indexByNameOrNumber(const QString &text, const QStringList &names)
{
    if (const qsizetype i = names.indexOf(text); i >= 0)
        return i;
    bool ok = false;
    const qlonglong number = text.toLongLong(&ok);
    return ok && number >= 1 && number <= names.size() ? static_cast<qsizetype>(number - 1) : -1;
}

/// "a", "b", "c": the first few names of a list, for a message.
QString someNames(const QStringList &names)
{
    constexpr qsizetype kShown = 8;
    QStringList quoted;
    for (qsizetype i = 0; i < std::min(names.size(), kShown); ++i)
        quoted << QLatin1Char('"') + shown(names[i]) + QLatin1Char('"');
    return quoted.join(QStringLiteral(", ")) + (names.size() > kShown ? QStringLiteral(", …") : QString());
}

} // namespace

std::size_t parseStage(const QString &text, const Scenario &scenario)
{
    QStringList names;
    for (const Stage &stage : scenario.stages)
        names << QString::fromStdString(stage.name);
    const qsizetype index = indexByNameOrNumber(text, names);
    if (index < 0)
        throw UsageError{
            QStringLiteral("--budget-to-reach: no stage \"%1\"; the stages are %2").arg(shown(text), someNames(names))};
    return static_cast<std::size_t>(index);
}

std::size_t parseProject(const QString &text, const Scenario &scenario)
{
    QStringList names;
    for (const Project &project : scenario.projects)
        names << QString::fromStdString(project.name);
    const qsizetype index = indexByNameOrNumber(text, names);
    if (index < 0)
        throw UsageError{
            QStringLiteral("--project: no project \"%1\"; the projects are %2").arg(shown(text), someNames(names))};
    return static_cast<std::size_t>(index);
}

int parseFrames(const QString &text)
{
    bool ok = false;
    const int frames = text.toInt(&ok);
    if (!ok || frames < 2 || frames > 600)
        throw UsageError{QStringLiteral("--frames: \"%1\" is not a whole number from 2 to 600").arg(shown(text))};
    return frames;
}

double parseDuration(const QString &text)
{
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (!ok || !(seconds > 0 && seconds <= 3600))
        throw UsageError{
            QStringLiteral("--duration: \"%1\" is not a number of seconds above 0 (at most 3600)").arg(shown(text))};
    return seconds;
}

int parseLoop(const QString &text)
{
    bool ok = false;
    const int loop = text.toInt(&ok);
    if (!ok || loop < 0 || loop > 65535)
        throw UsageError{
            QStringLiteral("--loop: \"%1\" is not a whole number from 0 (forever) to 65535").arg(shown(text))};
    return loop;
}

void checkExportSize(const QSize &size, double scale)
{
    if (const QString problem = exportLimits::sizeProblem(size, scale); !problem.isEmpty())
        throw UsageError{QStringLiteral("--size/--scale: ") + problem};
}

QString usageLine(const QString &message)
{
    return QStringLiteral("effort-frontier: ") + escapedForMessage(message);
}

} // namespace ef
