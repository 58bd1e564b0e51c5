// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "UiTestSupport.h"

#include "charts/ChartExport.h"
#include "charts/Theme.h"
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

QByteArray readAll(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

struct Run {
    int exitCode;
    QByteArray out;
    QByteArray err;
};

/// Runs effort-frontier with no display at all (no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM).
Run runHeadless(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(EF_EXECUTABLE), arguments);
    REQUIRE(process.waitForFinished(60000));
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
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
    const QByteArray svgText = readAll(svg);
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
    CHECK(readAll(pdf).startsWith("%PDF"));
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
    CHECK(readAll(svg).contains("#ff0000"));
    const QString pdf = dir.filePath("chart.pdf");
    REQUIRE(runHeadless({"--export", pdf}).exitCode == 0);
    CHECK(readAll(pdf).startsWith("%PDF"));
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
    crowd.projects.resize(Chart::kMaxProjects + 1, crowd.projects.front());
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
            const QByteArray before = readAll(path);
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
            CHECK(readAll(path) == before);

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
