// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// Monte Carlo whiskers in exports: the headless `--export OUT --samples N --seed S` draws the p5–p95 bar
// of the same draws as `--allocate --samples N --seed S` and nothing else; without --samples the export
// is the plain chart, byte for byte; the window's export shows the whiskers the window shows.

#include "UiTestSupport.h"

#include "FileTestSupport.h"
#include "MonteCarlo.h"
#include "QtStringMakers.h"
#include "ScenarioFile.h"
#include "charts/ViewExport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace ef;
using namespace ef::test;

namespace {

QString uncertainFile()
{
    return QStringLiteral(EF_TEST_DATA_DIR "/good/uncertain.json");
}

/// The whiskers' colour, #ff0000, also where antialiasing blends it with the dark background.
bool reddish(const QImage &image, int x, int y)
{
    if (x < 0 || y < 0 || x >= image.width() || y >= image.height())
        return false;
    const QColor c = image.pixelColor(x, y);
    return c.red() > 120 && c.green() < 90 && c.blue() < 90;
}

/// One whisker as pixels: from p5 to p95 at the dot's accuracy, and the dot's own x; top: the axis
/// rectangle's top (above it the titles, whose subtitle says what the bars are).
struct Bar {
    int x5;
    int x95;
    int y;
    int dotX;
    int top;
};

/// Where the whiskers of `mc` fall on a 1200×800 dark export of `scenario`: the chart drawn in memory
/// with the export's size and scale, and its axes asked.
std::vector<Bar> whiskerPixels(const Scenario &scenario, const AllocationResult &result, const MonteCarloResult &mc)
{
    QCustomPlot plot;
    plot.resize(1200, 800);
    auto *chart = new Chart(&plot);
    chart->setScale(exportScale(QSize(1200, 800)));
    chart->setTheme(Theme::dark());
    chart->update(scenario, result);
    plot.setViewport(QRect(0, 0, 1200, 800)); // as toPixmap() lays it out: a hidden widget gets no resize event
    plot.replot(QCustomPlot::rpImmediateRefresh);
    std::vector<Bar> bars;
    for (std::size_t i = 0; i < mc.projects.size(); ++i) {
        const ProjectAllocation &pa = result.allocation->projects[i];
        bars.push_back({qRound(plot.xAxis->coordToPixel(static_cast<double>(mc.projects[i].p5))),
                        qRound(plot.xAxis->coordToPixel(static_cast<double>(mc.projects[i].p95))),
                        qRound(plot.yAxis->coordToPixel(pa.accuracy)),
                        qRound(plot.xAxis->coordToPixel(static_cast<double>(pa.effort))), plot.axisRect()->top()});
    }
    return bars;
}

} // namespace

TEST_CASE("An export with --samples draws the p5-p95 whiskers of the --allocate --samples draws, and only them",
          "[export][cli][montecarlo]")
{
    QTemporaryDir dir;
    const QString with = dir.filePath(QStringLiteral("with.png"));
    const QString without = dir.filePath(QStringLiteral("without.png"));
    Run run = runHeadless({QStringLiteral("--export"), with, uncertainFile(), QStringLiteral("--samples"),
                           QStringLiteral("400"), QStringLiteral("--seed"), QStringLiteral("7")});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK(run.err.isEmpty());
    REQUIRE(runHeadless({QStringLiteral("--export"), without, uncertainFile()}).exitCode == 0);

    // The draws: the core's Monte Carlo with the command line's options, and --allocate's quantiles.
    const LoadResult loaded = loadScenarioFile(uncertainFile());
    REQUIRE(loaded.ok());
    const Scenario &scenario = *loaded.scenario;
    const AllocationResult result = allocate(scenario, scenario.totalEffort, Method::Auto);
    REQUIRE(result.ok());
    MonteCarloOptions options;
    options.samples = 400;
    options.seed = 7;
    for (const ProjectAllocation &pa : result.allocation->projects)
        options.pointEfforts.push_back(pa.effort);
    const MonteCarloResult mc = monteCarlo(scenario, options);
    REQUIRE(mc.ok());
    const Run allocated = runHeadless({QStringLiteral("--allocate"), uncertainFile(), QStringLiteral("--samples"),
                                       QStringLiteral("400"), QStringLiteral("--seed"), QStringLiteral("7")});
    REQUIRE(allocated.exitCode == 0);
    const QJsonArray projects
        = QJsonDocument::fromJson(allocated.out).object().value(QStringLiteral("projects")).toArray();
    REQUIRE(projects.size() == static_cast<qsizetype>(mc.projects.size()));
    for (qsizetype i = 0; i < projects.size(); ++i) {
        const QJsonObject q = projects[i].toObject().value(QStringLiteral("effortQuantiles")).toObject();
        CHECK(q.value(QStringLiteral("p5")).toDouble()
              == static_cast<double>(mc.projects[static_cast<std::size_t>(i)].p5));
        CHECK(q.value(QStringLiteral("p95")).toDouble()
              == static_cast<double>(mc.projects[static_cast<std::size_t>(i)].p95));
    }

    const QImage a(with);
    const QImage b(without);
    REQUIRE(a.size() == QSize(1200, 800));
    REQUIRE(b.size() == a.size());
    const std::vector<Bar> bars = whiskerPixels(scenario, result, mc);
    int checked = 0;
    for (const Bar &bar : bars) {
        if (bar.x95 - bar.x5 < 20)
            continue; // too short to tell from the dot
        ++checked;
        int redWith = 0;
        int redWithout = 0;
        int span = 0;
        for (int x = bar.x5 + 1; x < bar.x95; ++x) {
            if (std::abs(x - bar.dotX) <= 12)
                continue; // the dot itself is red in both
            ++span;
            redWith += reddish(a, x, bar.y - 1) || reddish(a, x, bar.y) || reddish(a, x, bar.y + 1);
            redWithout += reddish(b, x, bar.y - 1) || reddish(b, x, bar.y) || reddish(b, x, bar.y + 1);
        }
        INFO("bar " << bar.x5 << "–" << bar.x95 << " at y " << bar.y << ": " << redWith << " and " << redWithout
                    << " red of " << span);
        CHECK(redWith >= span * 9 / 10);
        CHECK(redWithout <= span / 10);
        // Capped at both ends: a short vertical tick at p5 and at p95, above and below the bar.
        auto capped = [](const QImage &image, int x, int y) {
            return reddish(image, x - 1, y) || reddish(image, x, y) || reddish(image, x + 1, y);
        };
        CHECK(capped(a, bar.x5, bar.y - 3));
        CHECK(capped(a, bar.x5, bar.y + 3));
        CHECK(capped(a, bar.x95, bar.y - 3));
        CHECK(capped(a, bar.x95, bar.y + 3));
        CHECK_FALSE(capped(b, bar.x5, bar.y - 3));
    }
    CHECK(checked >= 2); // Dynamic pricing and Dispatching engine at least

    // Nothing else differs: every changed pixel is on a whisker (±4 px along it, ±9 px across: the caps),
    // or in the titles, whose subtitle says what the bars are.
    int changed = 0;
    int elsewhere = 0;
    int inTitles = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            if (a.pixel(x, y) == b.pixel(x, y))
                continue;
            if (y < bars.front().top) {
                ++inTitles;
                continue;
            }
            ++changed;
            bool onBar = false;
            for (const Bar &bar : bars)
                onBar = onBar || (x >= bar.x5 - 4 && x <= bar.x95 + 4 && std::abs(y - bar.y) <= 9);
            elsewhere += onBar ? 0 : 1;
        }
    CHECK(changed > 0);
    CHECK(elsewhere == 0);
    CHECK(inTitles > 0);
}

TEST_CASE("An export without --samples is the plain chart, byte for byte", "[export][cli][montecarlo]")
{
    // The command line without --samples passes no Monte Carlo: its PNG is the chart exportView draws
    // with the default options (no whiskers), byte for byte, even for a scenario with ranges.
    QTemporaryDir dir;
    const QString cli = dir.filePath(QStringLiteral("cli.png"));
    REQUIRE(runHeadless({QStringLiteral("--export"), cli, uncertainFile()}).exitCode == 0);
    const LoadResult loaded = loadScenarioFile(uncertainFile());
    REQUIRE(loaded.ok());
    const AllocationResult result = allocate(*loaded.scenario, loaded.scenario->totalEffort, Method::Auto);
    const QString plain = dir.filePath(QStringLiteral("plain.png"));
    QString error;
    REQUIRE(exportView(*loaded.scenario, result, Theme::dark(), plain, ExportOptions{}, ViewExportOptions{}, &error));
    CHECK(readBytes(cli) == readBytes(plain));
}

TEST_CASE("An export with --samples refuses what it cannot draw, in one line", "[export][cli][montecarlo]")
{
    QTemporaryDir dir;
    const auto refused = [&](const QStringList &arguments, const QString &message) {
        const Run run = runHeadless(arguments);
        CHECK(run.exitCode == 2);
        CHECK(run.out.isEmpty());
        CHECK(run.err.count('\n') == 1);
        CHECK(QString::fromUtf8(run.err).contains(message));
        CHECK(QDir(dir.path()).isEmpty());
    };
    refused({QStringLiteral("--export"), dir.filePath(QStringLiteral("g.png")), uncertainFile(),
             QStringLiteral("--view"), QStringLiteral("growth"), QStringLiteral("--samples"), QStringLiteral("10")},
            QStringLiteral("--samples: the growth view has no whiskers; use --view accuracy"));
    refused({QStringLiteral("--export"), dir.filePath(QStringLiteral("n.csv")), uncertainFile(),
             QStringLiteral("--samples"), QStringLiteral("10")},
            QStringLiteral("--samples with --export draws whiskers on a .png, .svg or .pdf chart"));
    refused({QStringLiteral("--export"), dir.filePath(QStringLiteral("z.png")), uncertainFile(),
             QStringLiteral("--samples"), QStringLiteral("0")},
            QStringLiteral("--samples: \"0\" is not"));
}

TEST_CASE("The window's export shows the whiskers the window shows", "[export][montecarlo][window]")
{
    MainWindow window;
    const LoadResult loaded = loadScenarioFile(uncertainFile());
    REQUIRE(loaded.ok());
    window.showScenario(*loaded.scenario, QString());
    Document *document = window.document();
    REQUIRE(waitUntil([&] { return document->monteCarlo() != nullptr; }, 30000));
    const MonteCarloResult *shown = document->monteCarlo();
    REQUIRE(shown->ok());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("window.png"));
    REQUIRE(window.exportChart(path, ExportOptions{}, nullptr, ChartView::Accuracy, QStringLiteral("dark")));
    const QImage image(path);
    REQUIRE(image.size() == QSize(1200, 800));
    const std::vector<Bar> bars = whiskerPixels(document->scenario(), document->result(), *shown);
    int checked = 0;
    for (const Bar &bar : bars) {
        if (bar.x95 - bar.x5 < 20)
            continue;
        ++checked;
        int red = 0;
        int span = 0;
        for (int x = bar.x5 + 1; x < bar.x95; ++x) {
            if (std::abs(x - bar.dotX) <= 12)
                continue;
            ++span;
            red += reddish(image, x, bar.y - 1) || reddish(image, x, bar.y) || reddish(image, x, bar.y + 1);
        }
        CHECK(red >= span * 9 / 10);
    }
    CHECK(checked >= 2);

    // The same scenario exported without the window's Monte Carlo has no whiskers: the window's is used.
    const QString plain = dir.filePath(QStringLiteral("plain.png"));
    REQUIRE(exportView(document->scenario(), document->result(), Theme::dark(), plain, ExportOptions{},
                       ViewExportOptions{}, nullptr));
    CHECK(readBytes(plain) != readBytes(path));
}
