// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "FileTestSupport.h"
#include "ScenarioFile.h"
#include "UiTestSupport.h"

#include "charts/ChartExport.h"
#include "charts/Theme.h"
#include "charts/ViewExport.h"
#include "widgets/ControlPanel.h"
#include "widgets/ParameterControl.h"

#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSvgRenderer>
#include <QTemporaryDir>

#include <csignal>

#include <sys/resource.h>

using namespace ef;
using namespace ef::test;

namespace {

/// Connected groups of at least 8 strongly red pixels (r > 180, g and b < 90): discs and rings alike.
int reddishBlobs(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    const int w = rgb.width();
    const int h = rgb.height();
    std::vector<char> seen(static_cast<std::size_t>(w) * static_cast<std::size_t>(h), 0);
    auto red = [&](int x, int y) {
        const QRgb p = rgb.pixel(x, y);
        return qRed(p) > 180 && qGreen(p) < 90 && qBlue(p) < 90;
    };
    int blobs = 0;
    std::vector<std::pair<int, int>> stack;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            auto &mark = seen[static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)];
            if (mark || !red(x, y))
                continue;
            mark = 1;
            int size = 0;
            stack.assign(1, {x, y});
            while (!stack.empty()) {
                const auto [cx, cy] = stack.back();
                stack.pop_back();
                ++size;
                for (int dy = -1; dy <= 1; ++dy)
                    for (int dx = -1; dx <= 1; ++dx) {
                        const int nx = cx + dx;
                        const int ny = cy + dy;
                        if (nx < 0 || ny < 0 || nx >= w || ny >= h)
                            continue;
                        auto &m = seen[static_cast<std::size_t>(ny) * static_cast<std::size_t>(w)
                                       + static_cast<std::size_t>(nx)];
                        if (!m && red(nx, ny)) {
                            m = 1;
                            stack.emplace_back(nx, ny);
                        }
                    }
            }
            blobs += size >= 8 ? 1 : 0;
        }
    return blobs;
}

} // namespace

TEST_CASE("The window exports PNGs of the requested pixel size with the red dots in both themes", "[export]")
{
    QTemporaryDir dir;
    MainWindow window;
    for (const QString &theme : Theme::ids()) {
        window.setTheme(theme);
        for (const int scale : {1, 2}) {
            INFO(theme.toStdString() << " at " << scale << "x");
            const QString path = dir.filePath(QStringLiteral("chart-%1-%2.png").arg(theme).arg(scale));
            ExportOptions options;
            options.size = QSize(900, 600);
            options.scale = scale;
            QString error;
            REQUIRE(window.exportChart(path, options, &error));
            const QImage image(path);
            REQUIRE(image.size() == QSize(900 * scale, 600 * scale));
            CHECK(redBlobs(image, 30 * scale * scale) == 5 + 1); // five dots and the legend's
            CHECK(redPixels(image) > 5 * 40 * scale * scale);
            CHECK(image.pixelColor(2, 2) == window.theme().background);
        }
    }
}

TEST_CASE("SVG and PDF exports hold the chart", "[export]")
{
    QTemporaryDir dir;
    MainWindow window;
    QString error;
    const QString svg = dir.filePath("chart.svg");
    REQUIRE(window.exportChart(svg, ExportOptions{QSize(1200, 800), 1}, &error));
    const QByteArray svgText = readBytes(svg);
    CHECK(svgText.contains("<svg"));
    CHECK(svgText.contains("#ff0000"));
    CHECK(svgText.contains("Dynamic pricing"));
    QSvgRenderer renderer(svg);
    REQUIRE(renderer.isValid());
    QImage rendered(1200, 800, QImage::Format_RGB32);
    rendered.fill(Qt::white);
    QPainter painter(&rendered);
    renderer.render(&painter);
    painter.end();
    CHECK(redBlobs(rendered) == 5 + 1);
    CHECK(rendered.pixelColor(2, 2) == window.theme().background);
    const QString pdf = dir.filePath("chart.pdf");
    REQUIRE(window.exportChart(pdf, ExportOptions{QSize(1200, 800), 1}, &error));
    CHECK(readBytes(pdf).startsWith("%PDF"));
}

TEST_CASE("Export refuses unknown formats and missing folders with a message", "[export]")
{
    QTemporaryDir dir;
    MainWindow window;
    QString error;
    CHECK_FALSE(window.exportChart(dir.filePath("chart.bmp"), ExportOptions{}, &error));
    CHECK(error.contains(".png"));
    CHECK_FALSE(window.exportChart(dir.filePath("no/such/folder/chart.png"), ExportOptions{}, &error));
    CHECK(error.contains("does not exist"));
    CHECK(window.messageText().contains("Export failed"));
}

TEST_CASE("The window's export shows what the window shows after edits", "[export]")
{
    QTemporaryDir dir;
    MainWindow window;
    window.openPreset("ml-first");
    window.document()->edit("drop a project", [](Scenario &s) { s.projects.pop_back(); });
    const QString path = dir.filePath("edited.png");
    REQUIRE(window.exportChart(path, ExportOptions{QSize(800, 600), 1}, nullptr));
    CHECK(redBlobs(QImage(path)) == 4 + 1);
}

TEST_CASE("The command line --export writes size x scale PNGs and SVG and PDF with no display", "[export][cli]")
{
    QTemporaryDir dir;
    const QString png = dir.filePath("chart.png");
    const Run run = runHeadless({"--export", png, "--preset", "startup", "--size", "1200x800", "--scale", "2"});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    const QImage image(png);
    CHECK(image.size() == QSize(2400, 1600));
    CHECK(redBlobs(image, 120) == 5 + 1);

    const QString light = dir.filePath("light.png");
    REQUIRE(runHeadless({"--export", light, "--preset", "growth", "--theme", "light", "--total", "200"}).exitCode == 0);
    const QImage lightImage(light);
    CHECK(lightImage.size() == QSize(1200, 800));
    CHECK(lightImage.pixelColor(2, 2) == QColor(Qt::white));
    CHECK(redBlobs(lightImage) == 5 + 1);

    const QString svg = dir.filePath("chart.svg");
    REQUIRE(runHeadless({"--export", svg, "--preset", "ml-first"}).exitCode == 0);
    CHECK(readBytes(svg).contains("#ff0000"));
    const QString pdf = dir.filePath("chart.pdf");
    REQUIRE(runHeadless({"--export", pdf}).exitCode == 0);
    CHECK(readBytes(pdf).startsWith("%PDF"));
}

TEST_CASE("The command line --export usage errors are one line and exit code 2", "[export][cli]")
{
    QTemporaryDir dir;
    struct Case {
        QStringList arguments;
        const char *mentions;
    };
    const Case cases[] = {
        {{"--export", dir.filePath("chart.jpg")}, ".png, .svg or .pdf"},
        {{"--export", dir.filePath("chart.png"), "--size", "12x8000000"}, "--size"},
        {{"--export", dir.filePath("chart.png"), "--scale", "5"}, "--scale"},
        {{"--export", dir.filePath("chart.png"), "--theme", "neon"}, "--theme"},
        {{"--export", dir.filePath("chart.png"), "--preset", "nope"}, "nope"},
        {{"--export", dir.filePath("chart.png"), "--allocate"}, "not both"},
        {{"--export", dir.filePath("missing/chart.png")}, "does not exist"},
        {{"--export", dir.filePath("chart.png"), dir.filePath("crowd.json")}, "the chart shows at most 500"},
    };
    // More projects than a chart can show (a valid file: --allocate takes it).
    Scenario crowd = *loadPreset(QStringLiteral("startup")).scenario;
    crowd.projects.resize(limits::kMaxChartProjects + 1, crowd.projects.front());
    QFile crowdFile(dir.filePath("crowd.json"));
    REQUIRE(crowdFile.open(QIODevice::WriteOnly));
    crowdFile.write(QByteArray::fromStdString(serializeScenario(crowd)));
    crowdFile.close();
    CHECK(runHeadless({"--allocate", dir.filePath("crowd.json")}).exitCode == 0);
    for (const Case &c : cases) {
        INFO(c.arguments.join(' ').toStdString());
        const Run run = runHeadless(c.arguments);
        CHECK(run.exitCode == 2);
        CHECK(run.out.isEmpty());
        CHECK(run.err.startsWith("effort-frontier: "));
        CHECK(run.err.contains(c.mentions));
        CHECK(run.err.count('\n') == 1);
    }
    CHECK_FALSE(QFile::exists(dir.filePath("chart.png")));
}

TEST_CASE("Opening the window with no display explains instead of aborting", "[cli]")
{
    const Run run = runHeadless({"--preset", "growth"});
    CHECK(run.exitCode == 2);
    CHECK(run.err.startsWith("effort-frontier: no display"));
    CHECK(run.err.contains("--export"));
    CHECK(run.err.contains("xvfb-run"));
    CHECK(run.err.count('\n') == 1);
}

TEST_CASE("Every view exports headless: --view growth, and --baseline draws a snapshot's ghosts", "[export][cli]")
{
    QTemporaryDir dir;
    // The growth view of the growth preset: the red marker at the total, the lines up to 100 units.
    const QString growth = dir.filePath("growth.png");
    Run run = runHeadless({"--export", growth, "--preset", "growth", "--view", "growth", "--size", "1280x720"});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    const QImage growthImage(growth);
    REQUIRE(growthImage.size() == QSize(1280, 720));
    // The marker is a vertical red line: one column holds far more pure red than any dot could.
    int bestColumn = 0;
    const QImage rgb = growthImage.convertToFormat(QImage::Format_RGB32);
    for (int x = 0; x < rgb.width(); ++x) {
        int count = 0;
        for (int y = 0; y < rgb.height(); ++y)
            count += (rgb.pixel(x, y) & 0xffffffu) == 0xff0000u ? 1 : 0;
        bestColumn = std::max(bestColumn, count);
    }
    CHECK(bestColumn > 300);
    CHECK(redBlobs(growthImage) <= 2); // no optimal-point dots in this view

    // A file with a snapshot of the startup split, exported at 300 with that snapshot as the baseline.
    Scenario s = *loadPreset(QStringLiteral("startup")).scenario;
    Snapshot pinned;
    pinned.name = "startup";
    pinned.totalEffort = 100;
    pinned.projects = s.projects;
    pinned.stages = s.stages;
    pinned.efforts = {33, 27, 20, 13, 7};
    s.snapshots.push_back(pinned);
    s.totalEffort = 300;
    const QString file = dir.filePath("pinned.json");
    {
        QFile out(file);
        REQUIRE(out.open(QIODevice::WriteOnly));
        out.write(QByteArray::fromStdString(serializeScenario(s)));
    }
    const QString plain = dir.filePath("plain.png");
    REQUIRE(runHeadless({"--export", plain, file}).exitCode == 0);
    const QString ghosts = dir.filePath("ghosts.png");
    run = runHeadless({"--export", ghosts, file, "--baseline", "startup"});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    // Five live dots and the legend's; with the baseline five hollow rings more and the legend's ring.
    // The rings are thin and antialiased, so they are counted as strongly red blobs, not pure red ones.
    CHECK(reddishBlobs(QImage(plain)) == 5 + 1);
    CHECK(reddishBlobs(QImage(ghosts)) == 5 + 1 + 5 + 1);

    // Mistakes are refused with one line and exit 2.
    run = runHeadless({"--export", dir.filePath("x.png"), file, "--baseline", "nope"});
    CHECK(run.exitCode == 2);
    CHECK(run.err.trimmed()
          == QStringLiteral("effort-frontier: ") + file
              + QStringLiteral(": no snapshot named \"nope\" (the scenario has \"startup\")"));
    run = runHeadless({"--export", dir.filePath("x.png"), "--view", "pie"});
    CHECK(run.exitCode == 2);
    CHECK(run.err.contains("--view: \"pie\" is not one of accuracy, growth"));
    run = runHeadless({"--export", dir.filePath("x.png"), file, "--view", "growth", "--baseline", "startup"});
    CHECK(run.exitCode == 2);
    CHECK(run.err.contains("--baseline: the growth view has no ghosts"));
}

TEST_CASE("A failed export from the window keeps the previous file byte for byte", "[export][hostile]")
{
    // Audit findings 2 and 3: SVG and PDF reported success on a failed write, PNG left a torn file.
    MainWindow window;
    QTemporaryDir dir;
    for (const char *suffix : {"png", "svg", "pdf"}) {
        DYNAMIC_SECTION(suffix)
        {
            const QString path = dir.filePath(QStringLiteral("chart.") + QLatin1String(suffix));
            QString error;
            REQUIRE(window.exportChart(path, ExportOptions{QSize(1200, 800), 1}, &error));
            const QByteArray before = readBytes(path);
            REQUIRE(before.size() > 4096);
            window.controlPanel()->totalControl()->spinBox()->setValue(250); // a different chart

            // A file size limit makes the write fail part way, like a full disk.
            std::signal(SIGXFSZ, SIG_IGN);
            rlimit saved{};
            REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
            rlimit limited = saved;
            limited.rlim_cur = 4096;
            REQUIRE(::setrlimit(RLIMIT_FSIZE, &limited) == 0);
            const bool ok = window.exportChart(path, ExportOptions{QSize(1200, 800), 1}, &error);
            REQUIRE(::setrlimit(RLIMIT_FSIZE, &saved) == 0);
            std::signal(SIGXFSZ, SIG_DFL);
            CHECK_FALSE(ok);
            CHECK(error
                  == path
                      + QStringLiteral(": not written (File too large); any previous file there is "
                                       "unchanged"));
            CHECK(window.messageText().contains(QStringLiteral("Export failed")));
            CHECK(readBytes(path) == before);

            // A path to /dev/full: refused, the device left alone.
            const QString full = dir.filePath(QStringLiteral("full.") + QLatin1String(suffix));
            REQUIRE(QFile::link(QStringLiteral("/dev/full"), full));
            CHECK_FALSE(window.exportChart(full, ExportOptions{QSize(1200, 800), 1}, &error));
            CHECK(error.contains(QStringLiteral("not a regular file")));
            CHECK(QFileInfo(QStringLiteral("/dev/full")).exists());
            CHECK(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)
                  == QStringList{QFileInfo(path).fileName(), QFileInfo(full).fileName()});
            QFile::remove(full);
            QFile::remove(path);
        }
    }
}

TEST_CASE("The window refuses exports beyond the pixel bound before drawing", "[export][hostile]")
{
    MainWindow window;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.png"));
    QString error;
    CHECK_FALSE(window.exportChart(path, ExportOptions{QSize(20000, 20000), 4}, &error));
    CHECK(error.contains(QStringLiteral("20000x20000 at scale 4 is 6400.0 million pixels; the limit is 50 million")));
    CHECK_FALSE(QFile::exists(path));
    // SVG and PDF have no pixels to scale: the bound applies to their size alone.
    CHECK_FALSE(
        window.exportChart(dir.filePath(QStringLiteral("huge.svg")), ExportOptions{QSize(20000, 20000), 4}, &error));
    CHECK(error.contains(QStringLiteral("at scale 1 is 400.0 million pixels")));
}

TEST_CASE("Views side by side: each panel is exactly the single view at its width", "[export][views]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const Scenario scenario = presetScenario("startup");
    const AllocationResult result = allocate(scenario, Method::Auto);
    ExportOptions both;
    both.size = QSize(1600, 600);
    ViewExportOptions pair;
    REQUIRE(parseViewList(QStringLiteral("accuracy+growth"), pair));
    CHECK(pair.view == ChartView::Accuracy);
    REQUIRE(pair.besides == std::vector<ChartView>{ChartView::Growth});
    const QString side = dir.filePath(QStringLiteral("side.png"));
    QString error;
    REQUIRE(exportView(scenario, result, Theme::light(), side, both, pair, &error));

    // The same views one at a time, at the widths the page gives them (3/5 and 2/5).
    ExportOptions left = both;
    left.size = QSize(960, 600);
    ExportOptions right = both;
    right.size = QSize(640, 600);
    ViewExportOptions accuracy;
    ViewExportOptions growth;
    growth.view = ChartView::Growth;
    const QString a = dir.filePath(QStringLiteral("a.png"));
    const QString g = dir.filePath(QStringLiteral("g.png"));
    REQUIRE(exportView(scenario, result, Theme::light(), a, left, accuracy, &error));
    REQUIRE(exportView(scenario, result, Theme::light(), g, right, growth, &error));

    const QImage page(side);
    REQUIRE(page.size() == QSize(1600, 600));
    const QImage lone(a);
    const QImage loneGrowth(g);
    const auto differing = [](const QImage &x, const QImage &y) {
        int count = 0;
        for (int row = 0; row < x.height(); ++row)
            for (int col = 0; col < x.width(); ++col)
                count += x.pixel(col, row) != y.pixel(col, row) ? 1 : 0;
        return count;
    };
    // Antialiased edges may differ by a shade where a panel meets the page; the drawings are the same.
    const QImage pageLeft = page.copy(0, 0, 960, 600).convertToFormat(lone.format());
    const QImage pageRight = page.copy(960, 0, 640, 600).convertToFormat(loneGrowth.format());
    CHECK(differing(pageLeft, lone) < 960 * 600 / 200);
    CHECK(differing(pageRight, loneGrowth) < 640 * 600 / 200);
    CHECK(differing(pageLeft, pageRight.scaled(960, 600)) > 960 * 600 / 20); // two different views

    ViewExportOptions bad;
    CHECK_FALSE(parseViewList(QStringLiteral("accuracy+accuracy"), bad));
    CHECK_FALSE(parseViewList(QStringLiteral("accuracy+pie"), bad));
    CHECK_FALSE(parseViewList(QStringLiteral("accuracy+growth+marginal+accuracy"), bad));
    REQUIRE(parseViewList(QStringLiteral("marginal+accuracy+growth"), bad));
    CHECK(bad.view == ChartView::Marginal);

    // The command line: a PDF and an SVG of three views, and a bad list refused in one line.
    for (const char *name : {"three.pdf", "three.svg"}) {
        QProcess cli;
        cli.start(QStringLiteral(EF_EXECUTABLE),
                  {QStringLiteral("--export"), dir.filePath(QLatin1String(name)), QStringLiteral("--view"),
                   QStringLiteral("accuracy+growth+marginal")});
        REQUIRE(cli.waitForFinished(60000));
        INFO(cli.readAllStandardError().toStdString());
        CHECK(cli.exitCode() == 0);
        CHECK(QFileInfo(dir.filePath(QLatin1String(name))).size() > 10000);
    }
    QProcess refused;
    refused.start(QStringLiteral(EF_EXECUTABLE),
                  {QStringLiteral("--export"), dir.filePath(QStringLiteral("x.png")), QStringLiteral("--view"),
                   QStringLiteral("accuracy+accuracy")});
    REQUIRE(refused.waitForFinished(60000));
    CHECK(refused.exitCode() == 2);
    const QString line = QString::fromUtf8(refused.readAllStandardError()).trimmed();
    CHECK(line.count(QLatin1Char('\n')) == 0);
    CHECK(line.contains(QStringLiteral("joined by +")));
}
