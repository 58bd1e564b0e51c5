// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// View ▸ Weighted Value followed beyond the window's chart: presenter mode (on entry, while stepping
// through scenes, and when toggled meanwhile), the window's brief and animation exports, and
// --animate --weighted on the command line.

#include "UiTestSupport.h"

#include "FileTestSupport.h"
#include "Sweep.h"
#include "charts/AnimatedExport.h"
#include "charts/Brief.h"
#include "persistence/Settings.h"
#include "present/PresenterWindow.h"
#include "widgets/AnimationDialog.h"
#include "window/MeetingExports.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <gif_lib.h>

#include <cmath>

using namespace ef;
using namespace ef::test;

namespace {

/// Keeps View ▸ Weighted Value off for the tests that follow, whatever a test did with it.
struct WeightedOff {
    ~WeightedOff() { settings::setWeightedValueShown(false); }
};

const QString kWeightedTitle = QStringLiteral("Weighted value (weight × accuracy)");

/// Every dot of `chart` sits at factor · f(effort) of its project in `scenario` (factor = weight or 1).
void requireDotsAt(Chart *chart, const Scenario &scenario, bool weighted)
{
    const auto data = chart->dots()->data();
    REQUIRE(static_cast<std::size_t>(data->size()) == scenario.projects.size());
    for (auto it = data->constBegin(); it != data->constEnd(); ++it) {
        const Project &p = scenario.projects.at(static_cast<std::size_t>(it->t));
        INFO(p.name << " at " << it->key);
        CHECK(it->value == Approx((weighted ? p.weight : 1.0) * p.curve.value(it->key)).epsilon(1e-12));
    }
}

/// True when a pixel of pure #ff0000 lies within 2 px of `at` (the centre of a red dot).
bool redNear(const QImage &image, QPointF at)
{
    for (int dy = -2; dy <= 2; ++dy)
        for (int dx = -2; dx <= 2; ++dx) {
            const QPoint p(static_cast<int>(std::lround(at.x())) + dx, static_cast<int>(std::lround(at.y())) + dy);
            if (image.rect().contains(p) && (image.pixel(p) & 0xffffff) == 0xff0000)
                return true;
        }
    return false;
}

/// Where `chart` draws the dot of project `index`, in pixels.
QPointF dotPixel(const Chart &chart, int index)
{
    const auto data = chart.dots()->data();
    for (auto it = data->constBegin(); it != data->constEnd(); ++it)
        if (static_cast<int>(it->t) == index)
            return {chart.plot()->xAxis->coordToPixel(it->key), chart.plot()->yAxis->coordToPixel(it->value)};
    FAIL("no dot for project " << index);
    return {};
}

/// How many of `chart`'s dots show their red in `image` where the chart puts them.
int dotsSeen(const QImage &image, const Chart &chart)
{
    int seen = 0;
    const auto data = chart.dots()->data();
    for (auto it = data->constBegin(); it != data->constEnd(); ++it)
        seen += redNear(image, dotPixel(chart, static_cast<int>(it->t))) ? 1 : 0;
    return seen;
}

/// The first frame of the GIF at `path`, decoded by giflib.
QImage firstGifFrame(const QString &path)
{
    int code = 0;
    GifFileType *gif = DGifOpenFileName(QFile::encodeName(path).constData(), &code);
    REQUIRE(gif);
    REQUIRE(DGifSlurp(gif) == GIF_OK);
    REQUIRE(gif->ImageCount > 0);
    QImage image(gif->SWidth, gif->SHeight, QImage::Format_RGB32);
    image.fill(Qt::black);
    const SavedImage &frame = gif->SavedImages[0];
    const ColorMapObject *map = frame.ImageDesc.ColorMap ? frame.ImageDesc.ColorMap : gif->SColorMap;
    REQUIRE(map);
    const GifImageDesc &d = frame.ImageDesc;
    for (int y = 0; y < d.Height; ++y)
        for (int x = 0; x < d.Width; ++x) {
            const GifColorType c = map->Colors[frame.RasterBits[y * d.Width + x]];
            image.setPixel(d.Left + x, d.Top + y, qRgb(c.Red, c.Green, c.Blue));
        }
    DGifCloseFile(gif, &code);
    return image;
}

/// The mean difference per channel of two images of the same size (0…255).
double meanDifference(const QImage &a, const QImage &b)
{
    REQUIRE(a.size() == b.size());
    double sum = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            sum += std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q)) + std::abs(qBlue(p) - qBlue(q));
        }
    return sum / (a.width() * a.height() * 3.0);
}

Sweep boundSweep(const char *text, const Scenario &scenario)
{
    SweepParse parsed = parseSweep(text);
    REQUIRE(parsed.sweep);
    Sweep sweep = *parsed.sweep;
    REQUIRE(bindSweep(sweep, scenario).empty());
    return sweep;
}

/// A PDF without its creation date (the only bytes that change between two drawings of one brief).
QByteArray withoutDate(QByteArray pdf)
{
    static const QRegularExpression date(QStringLiteral("/CreationDate\\s*\\([^)]*\\)"));
    return QString::fromLatin1(pdf).remove(date).toLatin1();
}

} // namespace

TEST_CASE("Presenter mode follows View ▸ Weighted Value and keeps it from scene to scene", "[present][weighted]")
{
    const WeightedOff restore;
    MainWindow window;
    window.resize(1280, 720);
    window.show();
    REQUIRE(window.openPreset(QStringLiteral("ml-first")));
    REQUIRE(window.document()->scenario().projects[0].weight == 6);

    // Off: presenter mode plots accuracy, as before.
    PresenterWindow *presenter = window.present();
    REQUIRE(presenter != nullptr);
    REQUIRE(waitUntil([&] { return presenter->targetSplit().ok() && !presenter->isTravelling(); }, 5000));
    CHECK_FALSE(presenter->isWeighted());
    CHECK(presenter->chart()->plot()->yAxis->label() == QStringLiteral("Accuracy"));
    requireDotsAt(presenter->chart(), presenter->target(), false);
    QTest::keyClick(presenter, Qt::Key_Escape);
    REQUIRE(waitUntil([&] { return window.presenter() == nullptr; }, 2000));

    // On in the window: presenter mode opens weighted, the y axis says so, each dot at weight · f(effort).
    window.weightedValueAction()->trigger();
    presenter = window.present();
    REQUIRE(presenter != nullptr);
    REQUIRE(waitUntil([&] { return presenter->targetSplit().ok() && !presenter->isTravelling(); }, 5000));
    CHECK(presenter->isWeighted());
    presenter->chart()->plot()->replot(QCustomPlot::rpImmediateRefresh);
    CHECK(presenter->chart()->plot()->yAxis->label() == kWeightedTitle);
    requireDotsAt(presenter->chart(), presenter->target(), true);
    // The top dot, 6 · f(75), is on the axis: the range follows the weighted values.
    const double top = 6 * presenter->target().projects[0].curve.value(75);
    CHECK(presenter->chart()->plot()->yAxis->range().contains(top));
    CHECK(presenter->chart()->plot()->yAxis->range().upper > 1.5);

    // The next scenes (a preset, then another, with a nudged budget) stay weighted.
    for (const Qt::Key key : {Qt::Key_Right, Qt::Key_Right, Qt::Key_Up}) {
        QTest::keyClick(presenter, key);
        REQUIRE(waitUntil([&] { return presenter->targetSplit().ok() && !presenter->isTravelling(); }, 5000));
        INFO("scene " << presenter->sceneIndex() << ", total " << presenter->target().totalEffort);
        CHECK(presenter->chart()->plot()->yAxis->label() == kWeightedTitle);
        requireDotsAt(presenter->chart(), presenter->target(), true);
    }

    // Turned off in the window meanwhile: the presenter follows at once.
    window.weightedValueAction()->trigger();
    CHECK_FALSE(presenter->isWeighted());
    CHECK(presenter->chart()->plot()->yAxis->label() == QStringLiteral("Accuracy"));
    requireDotsAt(presenter->chart(), presenter->target(), false);
    QTest::keyClick(presenter, Qt::Key_Escape);
    REQUIRE(waitUntil([&] { return window.presenter() == nullptr; }, 2000));
}

TEST_CASE("An animation drawn weighted puts each dot at weight · f(effort), in the first frame's pixels",
          "[animation][weighted]")
{
    const Scenario scenario = presetScenario("ml-first");
    const Sweep sweep = boundSweep("total=60:120", scenario);
    AnimationOptions options;
    options.size = QSize(960, 600);
    options.frames = 3;
    AnimationRenderer plain(scenario, sweep, Theme::dark(), options);
    options.weighted = true;
    AnimationRenderer weighted(scenario, sweep, Theme::dark(), options);
    QString error;
    const QImage plainFrame = plain.frame(0, &error);
    const QImage weightedFrame = weighted.frame(0, &error);
    REQUIRE_FALSE(plainFrame.isNull());
    REQUIRE_FALSE(weightedFrame.isNull());
    CHECK(plainFrame != weightedFrame);

    const Scenario first = sweepFrame(scenario, sweep, 0, options.frames);
    REQUIRE(first.totalEffort == 60);
    CHECK(weighted.chart()->plot()->yAxis->label() == kWeightedTitle);
    CHECK(plain.chart()->plot()->yAxis->label() == QStringLiteral("Accuracy"));
    requireDotsAt(weighted.chart(), first, true);
    requireDotsAt(plain.chart(), first, false);
    // Where the chart says each dot is, the frame has the dot's pure red: the heavy project's (weight 6,
    // alone at the top when weighted) always, the others unless an effort label covers them.
    for (AnimationRenderer *renderer : {&plain, &weighted}) {
        const QImage &image = renderer == &plain ? plainFrame : weightedFrame;
        CHECK(dotsSeen(image, *renderer->chart()) >= 3);
        CHECK(redNear(image, dotPixel(*renderer->chart(), 0)));
    }
}

TEST_CASE("The command line's --animate --weighted draws the weighted frames", "[animation][weighted][app]")
{
    QTemporaryDir dir;
    const auto run = [&](const QString &name, bool weighted) {
        QStringList arguments{QStringLiteral("--preset"), QStringLiteral("ml-first"),  QStringLiteral("--export"),
                              dir.filePath(name),         QStringLiteral("--animate"), QStringLiteral("total=60:120"),
                              QStringLiteral("--frames"), QStringLiteral("3"),         QStringLiteral("--size"),
                              QStringLiteral("960x600")};
        if (weighted)
            arguments << QStringLiteral("--weighted");
        QProcess process;
        process.start(QStringLiteral(EF_EXECUTABLE), arguments);
        REQUIRE(process.waitForFinished(60000));
        REQUIRE(process.exitStatus() == QProcess::NormalExit);
        INFO(process.readAllStandardError().toStdString());
        CHECK(process.exitCode() == 0);
        return dir.filePath(name);
    };
    const QString plainPath = run(QStringLiteral("plain.gif"), false);
    const QString weightedPath = run(QStringLiteral("weighted.gif"), true);
    CHECK(readBytes(plainPath) != readBytes(weightedPath));

    const Scenario scenario = presetScenario("ml-first");
    const Sweep sweep = boundSweep("total=60:120", scenario);
    AnimationOptions options;
    options.size = QSize(960, 600);
    options.frames = 3;
    options.weighted = true;
    AnimationRenderer renderer(scenario, sweep, Theme::dark(), options);
    QString error;
    const QImage expected = renderer.frame(0, &error);
    REQUIRE_FALSE(expected.isNull());
    const QImage weighted = firstGifFrame(weightedPath);
    const QImage plain = firstGifFrame(plainPath);
    // The GIF's first frame is the weighted drawing (give or take the palette), not the plain one.
    CHECK(meanDifference(weighted, expected) < 2.0);
    CHECK(meanDifference(plain, expected) > 2 * meanDifference(weighted, expected));
    CHECK(redNear(weighted, dotPixel(*renderer.chart(), 0)));
    CHECK(dotsSeen(weighted, *renderer.chart()) >= 3);
}

TEST_CASE("The window's brief and animation exports follow View ▸ Weighted Value", "[numbers][brief][weighted]")
{
    const WeightedOff restore;
    MainWindow window;
    window.setTheme(QStringLiteral("dark")); // the animations' theme is the window's
    REQUIRE(window.openPreset(QStringLiteral("ml-first")));
    const Scenario &scenario = window.document()->scenario();
    MeetingExports *exports = window.meetingExports();
    QTemporaryDir dir;
    QString error;

    // The brief: off, it is what renderBrief draws by default; on, its chart is the weighted one.
    const QString plainBrief = dir.filePath(QStringLiteral("plain.pdf"));
    const QString weightedBrief = dir.filePath(QStringLiteral("weighted.pdf"));
    REQUIRE(exports->writeBrief(plainBrief, &error));
    window.weightedValueAction()->trigger();
    REQUIRE(exports->writeBrief(weightedBrief, &error));
    BriefOptions briefOptions;
    const QByteArray plainExpected
        = renderBrief(scenario, window.document()->result(), Theme::light(), briefOptions, &error);
    briefOptions.weighted = true;
    const QByteArray weightedExpected
        = renderBrief(scenario, window.document()->result(), Theme::light(), briefOptions, &error);
    REQUIRE_FALSE(plainExpected.isEmpty());
    CHECK(withoutDate(readBytes(plainBrief)) == withoutDate(plainExpected));
    CHECK(withoutDate(readBytes(weightedBrief)) == withoutDate(weightedExpected));
    CHECK(withoutDate(plainExpected) != withoutDate(weightedExpected));

    // The animation: the same bytes as exportAnimation weighted (on) or not (off).
    const Sweep sweep = boundSweep("total=60:120", scenario);
    AnimationOptions options;
    options.size = QSize(320, 200);
    options.frames = 3;
    const QString fromWindowOn = dir.filePath(QStringLiteral("on.gif"));
    const QString fromWindowOff = dir.filePath(QStringLiteral("off.gif"));
    REQUIRE(exports->writeAnimation(fromWindowOn, sweep, options, &error));
    window.weightedValueAction()->trigger();
    REQUIRE_FALSE(window.weightedValueAction()->isChecked());
    REQUIRE(exports->writeAnimation(fromWindowOff, sweep, options, &error));
    const QString direct = dir.filePath(QStringLiteral("direct.gif"));
    const QString directWeighted = dir.filePath(QStringLiteral("direct-weighted.gif"));
    REQUIRE(exportAnimation(scenario, sweep, Theme::dark(), direct, options, &error));
    AnimationOptions weightedOptions = options;
    weightedOptions.weighted = true;
    REQUIRE(exportAnimation(scenario, sweep, Theme::dark(), directWeighted, weightedOptions, &error));
    CHECK(readBytes(fromWindowOff) == readBytes(direct));
    CHECK(readBytes(fromWindowOn) == readBytes(directWeighted));
    CHECK(readBytes(direct) != readBytes(directWeighted));
}

TEST_CASE("The animation dialog previews weighted frames when the window plots weighted value",
          "[animation][dialog][weighted]")
{
    const Scenario scenario = presetScenario("ml-first");
    AnimationDialog plain(scenario, Theme::dark());
    AnimationDialog weighted(scenario, Theme::dark());
    weighted.setWeighted(true);
    CHECK_FALSE(plain.options().weighted);
    CHECK(weighted.options().weighted);
    REQUIRE(plain.sweep());
    REQUIRE(weighted.sweep());
    plain.updatePreview();
    weighted.updatePreview();
    const QImage plainLast = plain.lastPreview()->pixmap().toImage();
    const QImage weightedLast = weighted.lastPreview()->pixmap().toImage();
    REQUIRE_FALSE(plainLast.isNull());
    REQUIRE_FALSE(weightedLast.isNull());
    CHECK(plainLast != weightedLast);
}
