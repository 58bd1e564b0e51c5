// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// Animated exports read back by the libraries' own decoders: giflib (frames, size, delays, loop, and
// the last frame rebuilt from the delta frames) and libwebp's demuxer (the ANIM chunk, frames, loop).
#include "UiTestSupport.h"

#include "Presets.h"
#include "Sweep.h"
#include "charts/AnimatedExport.h"
#include "widgets/AnimationDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>

#include <gif_lib.h>
#include <webp/demux.h>

#include <cmath>
#include <cstdlib>
#include <cstring>

using namespace ef;

namespace {

Scenario startup()
{
    LoadResult loaded = loadPreset(QStringLiteral("startup"));
    REQUIRE(loaded.ok());
    return *loaded.scenario;
}

Sweep bound(const char *text, const Scenario &scenario)
{
    SweepParse parsed = parseSweep(text);
    REQUIRE(parsed.sweep);
    Sweep sweep = *parsed.sweep;
    REQUIRE(bindSweep(sweep, scenario).empty());
    return sweep;
}

/// The NETSCAPE2.0 repeat count in `blocks`, or -1 when there is none.
int netscapeRepeats(const ExtensionBlock *blocks, int count)
{
    for (int i = 0; i + 1 < count; ++i)
        if (blocks[i].Function == APPLICATION_EXT_FUNC_CODE && blocks[i].ByteCount == 11
            && std::memcmp(blocks[i].Bytes, "NETSCAPE2.0", 11) == 0 && blocks[i + 1].ByteCount >= 3)
            return blocks[i + 1].Bytes[1] | (blocks[i + 1].Bytes[2] << 8);
    return -1;
}

} // namespace

TEST_CASE("An animated GIF decodes back: frame count, size, delays, loop, and its last frame", "[animation]")
{
    const Scenario scenario = startup();
    const Sweep sweep = bound("total=0:300", scenario);
    AnimationOptions options;
    options.size = QSize(480, 300);
    options.frames = 12;
    options.seconds = 1.2;
    options.loop = 3;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sweep.gif"));
    QString error;
    AnimationStats stats;
    REQUIRE(exportAnimation(scenario, sweep, Theme::dark(), path, options, &error, {}, &stats));
    CHECK(stats.bytes == QFileInfo(path).size());

    int code = 0;
    GifFileType *gif = DGifOpenFileName(QFile::encodeName(path).constData(), &code);
    REQUIRE(gif);
    REQUIRE(DGifSlurp(gif) == GIF_OK);
    CHECK(gif->ImageCount == 12);
    CHECK(gif->SWidth == 480);
    CHECK(gif->SHeight == 300);
    REQUIRE(gif->ImageCount > 0);
    // Plays 3 times: the first, then 2 repeats.
    CHECK(netscapeRepeats(gif->SavedImages[0].ExtensionBlocks, gif->SavedImages[0].ExtensionBlockCount) == 2);
    int totalCs = 0;
    for (int i = 0; i < gif->ImageCount; ++i) {
        GraphicsControlBlock gcb;
        REQUIRE(DGifSavedExtensionToGCB(gif, i, &gcb) == GIF_OK);
        CHECK(gcb.DelayTime == 10);
        totalCs += gcb.DelayTime;
    }
    CHECK(totalCs == 120);

    // Rebuild the last frame from the delta frames (transparent = unchanged) and compare it with a
    // fresh drawing of the same frame: the palette may shift antialiased pixels a little, no more.
    std::vector<int> canvas(480 * 300, 0);
    for (int i = 0; i < gif->ImageCount; ++i) {
        const SavedImage &image = gif->SavedImages[i];
        GraphicsControlBlock gcb;
        DGifSavedExtensionToGCB(gif, i, &gcb);
        const GifImageDesc &d = image.ImageDesc;
        for (int y = 0; y < d.Height; ++y)
            for (int x = 0; x < d.Width; ++x) {
                const int index = image.RasterBits[y * d.Width + x];
                if (index != gcb.TransparentColor)
                    canvas[static_cast<std::size_t>((d.Top + y) * 480 + d.Left + x)] = index;
            }
    }
    AnimationRenderer renderer(scenario, sweep, Theme::dark(), options);
    const QImage last = renderer.frame(11, &error);
    REQUIRE(!last.isNull());
    double difference = 0;
    int exactRed = 0;
    for (int y = 0; y < 300; ++y)
        for (int x = 0; x < 480; ++x) {
            const GifColorType c = gif->SColorMap->Colors[canvas[static_cast<std::size_t>(y * 480 + x)]];
            const QRgb p = last.pixel(x, y);
            difference += std::abs(c.Red - qRed(p)) + std::abs(c.Green - qGreen(p)) + std::abs(c.Blue - qBlue(p));
            exactRed += c.Red == 255 && c.Green == 0 && c.Blue == 0;
        }
    CHECK(difference / (480.0 * 300.0 * 3.0) < 2.0);
    CHECK(exactRed > 100); // the optimal points keep their pure red
    DGifCloseFile(gif, &code);
}

TEST_CASE("An animated WebP has the ANIM chunk, every frame and the loop count", "[animation]")
{
    const Scenario scenario = startup();
    const Sweep sweep = bound("weight[Dynamic pricing]=1:6", scenario);
    AnimationOptions options;
    options.size = QSize(400, 260);
    options.frames = 9;
    options.seconds = 0.9;
    options.loop = 0;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("weight.webp"));
    QString error;
    REQUIRE(exportAnimation(scenario, sweep, Theme::light(), path, options, &error));
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    CHECK(bytes.startsWith("RIFF"));
    CHECK(bytes.mid(8, 4) == "WEBP");
    CHECK(bytes.contains("ANIM"));
    WebPData data{reinterpret_cast<const uint8_t *>(bytes.constData()), static_cast<size_t>(bytes.size())};
    WebPDemuxer *demux = WebPDemux(&data);
    REQUIRE(demux);
    CHECK(WebPDemuxGetI(demux, WEBP_FF_CANVAS_WIDTH) == 400);
    CHECK(WebPDemuxGetI(demux, WEBP_FF_CANVAS_HEIGHT) == 260);
    CHECK(WebPDemuxGetI(demux, WEBP_FF_LOOP_COUNT) == 0);
    CHECK((WebPDemuxGetI(demux, WEBP_FF_FORMAT_FLAGS) & ANIMATION_FLAG) != 0);
    // WebPAnimEncoder may merge identical frames (extending the previous one's duration); the
    // weight sweep moves the dots in every frame, so all nine are there, and the total is kept.
    CHECK(WebPDemuxGetI(demux, WEBP_FF_FRAME_COUNT) == 9);
    int totalMs = 0;
    WebPIterator it;
    if (WebPDemuxGetFrame(demux, 1, &it)) {
        do
            totalMs += it.duration;
        while (WebPDemuxNextFrame(&it));
        WebPDemuxReleaseIterator(&it);
    }
    CHECK(totalMs == 900);
    WebPDemuxDelete(demux);
}

TEST_CASE("Animations refuse what they cannot make, and write nothing", "[animation]")
{
    const Scenario scenario = startup();
    const Sweep sweep = bound("total=0:300", scenario);
    QTemporaryDir dir;
    QString error;
    AnimationOptions options;
    options.size = QSize(200, 120);
    options.frames = 1;
    CHECK(!animationOptionsProblem(options).isEmpty());
    options.frames = 601;
    CHECK(!animationOptionsProblem(options).isEmpty());
    options.frames = 400;
    options.seconds = 4; // 10 ms a frame
    CHECK(animationOptionsProblem(options).contains(QStringLiteral("20 ms")));
    options.frames = 4;
    CHECK(animationOptionsProblem(options).isEmpty());

    const QString bad = dir.filePath(QStringLiteral("no/such/folder.gif"));
    CHECK_FALSE(exportAnimation(scenario, sweep, Theme::dark(), bad, options, &error));
    CHECK(error.contains(QStringLiteral("does not exist")));
    CHECK_FALSE(
        exportAnimation(scenario, sweep, Theme::dark(), dir.filePath(QStringLiteral("x.png")), options, &error));

    // Cancelled part way: nothing is written.
    const QString path = dir.filePath(QStringLiteral("cancelled.gif"));
    int calls = 0;
    CHECK_FALSE(exportAnimation(scenario, sweep, Theme::dark(), path, options, &error, [&](int done, int) {
        ++calls;
        return done < 2;
    }));
    CHECK(error == QStringLiteral("cancelled"));
    CHECK(calls == 2);
    CHECK_FALSE(QFile::exists(path));
}

TEST_CASE("The animation dialog builds the sweep, refuses out-of-domain ranges and previews both ends",
          "[animation][dialog]")
{
    const Scenario scenario = startup();
    AnimationDialog dialog(scenario, Theme::light());
    QPushButton *ok = dialog.buttons()->button(QDialogButtonBox::Ok);
    // Total effort by default: 0 to the scenario's total.
    REQUIRE(dialog.sweep());
    CHECK(dialog.sweep()->parameter == Sweep::Parameter::Total);
    CHECK(dialog.sweep()->to == 100);
    CHECK(ok->isEnabled());

    const int weight = dialog.parameterBox()->findText(QStringLiteral("Weight of Dispatching engine"));
    REQUIRE(weight > 0);
    dialog.parameterBox()->setCurrentIndex(weight);
    dialog.toBox()->setValue(6);
    std::optional<Sweep> sweep = dialog.sweep();
    REQUIRE(sweep);
    CHECK(sweep->parameter == Sweep::Parameter::Weight);
    CHECK(sweep->projectIndex == 1);
    CHECK(sweep->from == 1);
    CHECK(sweep->to == 6);

    dialog.parameterBox()->setCurrentIndex(dialog.parameterBox()->findText(QStringLiteral("b of Dispatching engine")));
    dialog.fromBox()->setValue(0);
    CHECK_FALSE(dialog.sweep());
    CHECK_FALSE(ok->isEnabled());
    CHECK(dialog.problem().contains(QStringLiteral("above 0")));
    dialog.fromBox()->setValue(1);
    CHECK(ok->isEnabled());

    dialog.framesBox()->setValue(600);
    dialog.durationBox()->setValue(2); // 3 ms a frame
    CHECK_FALSE(ok->isEnabled());
    dialog.framesBox()->setValue(10);
    CHECK(ok->isEnabled());

    dialog.updatePreview();
    REQUIRE(!dialog.firstPreview()->pixmap().isNull());
    REQUIRE(!dialog.lastPreview()->pixmap().isNull());
    CHECK(dialog.firstPreview()->pixmap().toImage() != dialog.lastPreview()->pixmap().toImage());
}
