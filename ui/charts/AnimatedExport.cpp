// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "charts/AnimatedExport.h"

#include "Allocator.h"
#include "charts/Chart.h"
#include "charts/ViewExport.h"
#include "persistence/AtomicFile.h"

#include <qcustomplot.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <condition_variable>
#include <ctime>
#include <deque>
#include <mutex>
#include <thread>

namespace ef {

QString animationOptionsProblem(const AnimationOptions &options)
{
    if (options.frames < kMinAnimationFrames || options.frames > kMaxAnimationFrames)
        return QStringLiteral("--frames: %1 is outside %2…%3")
            .arg(options.frames)
            .arg(kMinAnimationFrames)
            .arg(kMaxAnimationFrames);
    if (!(options.seconds > 0 && options.seconds <= 3600))
        return QStringLiteral("--duration: %1 is not a number of seconds above 0 (at most 3600)").arg(options.seconds);
    if (options.seconds * 1000 / options.frames < kMinFrameDelayMs)
        return QStringLiteral("--duration: %1 s for %2 frames is under %3 ms a frame, faster than players show; "
                              "give fewer frames or a longer duration")
            .arg(options.seconds)
            .arg(options.frames)
            .arg(kMinFrameDelayMs);
    if (options.loop < 0 || options.loop > 65535)
        return QStringLiteral("--loop: %1 is outside 0…65535 (0 plays forever)").arg(options.loop);
    return {};
}

struct AnimationRenderer::Private {
    Scenario scenario;
    Sweep sweep;
    AnimationOptions options;
    QCustomPlot plot;
    Chart *chart = nullptr;
};

AnimationRenderer::AnimationRenderer(const Scenario &scenario, const Sweep &sweep, const Theme &theme,
                                     const AnimationOptions &options)
    : d(std::make_unique<Private>())
{
    d->scenario = scenario;
    d->sweep = sweep;
    d->options = options;
    d->plot.resize(options.size);
    d->chart = new Chart(&d->plot);
    d->chart->setScale(exportScale(options.size));
    d->chart->setTheme(theme);
    d->chart->setWeighted(options.weighted); // the fixed ranges below are then those of the weighted values
    // Axes that hold still: the union of the automatic ranges of the first and the last frame.
    QCPRange x, y;
    bool any = false;
    for (const int f : {0, options.frames - 1}) {
        const Scenario s = sweepFrame(scenario, sweep, f, options.frames);
        const AllocationResult result = allocate(s, s.totalEffort, options.method);
        if (!result.ok())
            continue;
        d->chart->setAutoRange(true);
        d->chart->update(s, result);
        const QCPRange fx = d->plot.xAxis->range();
        const QCPRange fy = d->plot.yAxis->range();
        x = any ? QCPRange(std::min(x.lower, fx.lower), std::max(x.upper, fx.upper)) : fx;
        y = any ? QCPRange(std::min(y.lower, fy.lower), std::max(y.upper, fy.upper)) : fy;
        any = true;
    }
    if (any) {
        d->chart->setAutoRange(false);
        d->plot.xAxis->setRange(x);
        d->plot.yAxis->setRange(y);
    }
}

AnimationRenderer::~AnimationRenderer() = default;

Chart *AnimationRenderer::chart() const
{
    return d->chart;
}

QImage AnimationRenderer::frame(int frame, QString *error)
{
    const Scenario s = sweepFrame(d->scenario, d->sweep, frame, d->options.frames);
    const AllocationResult result = allocate(s, s.totalEffort, d->options.method);
    if (!result.ok()) {
        if (error)
            *error = QStringLiteral("frame %1 (%2 = %3): %4")
                         .arg(frame + 1)
                         .arg(QString::fromStdString(d->sweep.label()))
                         .arg(d->sweep.valueAt(frame, d->options.frames))
                         .arg(QString::fromStdString(result.error));
        return {};
    }
    d->chart->update(s, result);
    // replot() lays the chart out and draws its layers once; grab() copies them (no second drawing).
    d->plot.replot(QCustomPlot::rpImmediateRefresh);
    return d->plot.grab().toImage().convertToFormat(QImage::Format_RGB32);
}

namespace {

/// Frames handed from the drawing thread to the encoding thread, at most a few at a time.
class FrameQueue
{
public:
    void push(QImage image)
    {
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [&] { return m_frames.size() < 4; });
        m_frames.push_back(std::move(image));
        m_ready.notify_one();
    }
    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_ready.notify_one();
    }
    /// The next frame, or a null image once closed and empty.
    QImage pop()
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return !m_frames.empty() || m_closed; });
        if (m_frames.empty())
            return {};
        QImage image = std::move(m_frames.front());
        m_frames.pop_front();
        m_space.notify_one();
        return image;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::condition_variable m_space;
    std::deque<QImage> m_frames;
    bool m_closed = false;
};

} // namespace

bool exportAnimation(const Scenario &scenario, const Sweep &sweep, const Theme &theme, const QString &path,
                     const AnimationOptions &options, QString *error, const std::function<bool(int, int)> &progress,
                     AnimationStats *stats)
{
    auto fail = [&](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    const auto format = animationFormatFor(path);
    if (!format)
        return fail(QStringLiteral("%1: unknown file type; use .gif or .webp").arg(path));
    if (const QString problem = animationOptionsProblem(options); !problem.isEmpty())
        return fail(problem);
    if (const QString problem = Chart::sizeProblem(scenario); !problem.isEmpty())
        return fail(problem);
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return fail(QStringLiteral("%1: the folder %2 does not exist").arg(path, info.absolutePath()));

    QElapsedTimer total;
    total.start();
    const std::clock_t cpuStart = std::clock();
    double renderSeconds = 0;
    AnimationRenderer renderer(scenario, sweep, theme, options);
    QString problem;
    // The GIF palette from the first, middle and last frames (kept: they are frames too).
    std::vector<QImage> early(static_cast<std::size_t>(options.frames));
    std::unique_ptr<AnimationEncoder> encoder;
    if (*format == AnimationFormat::Gif) {
        std::vector<QImage> samples;
        for (const int f : {0, options.frames / 2, options.frames - 1}) {
            QElapsedTimer t;
            t.start();
            QImage image = renderer.frame(f, &problem);
            renderSeconds += static_cast<double>(t.nsecsElapsed()) / 1e9;
            if (image.isNull())
                return fail(problem);
            samples.push_back(image);
            early[static_cast<std::size_t>(f)] = std::move(image);
        }
        encoder = makeGifEncoder(options.size, GifPalette(samples), options.loop);
    } else {
        encoder = makeWebPEncoder(options.size, options.loop);
    }

    // Encoding overlaps drawing: this thread draws (QCustomPlot is a widget), a worker encodes.
    const double frameMs = options.seconds * 1000.0 / options.frames;
    FrameQueue queue;
    bool encoded = true;
    std::thread worker([&] {
        long long shownMs = 0;
        int index = 0;
        for (QImage image = queue.pop(); !image.isNull(); image = queue.pop(), ++index) {
            const long long endMs = std::llround(frameMs * (index + 1));
            if (encoded && !encoder->add(image, static_cast<int>(endMs - shownMs)))
                encoded = false;
            shownMs = endMs;
        }
    });
    bool cancelled = false;
    for (int f = 0; f < options.frames; ++f) {
        QImage image = std::move(early[static_cast<std::size_t>(f)]);
        if (image.isNull()) {
            QElapsedTimer t;
            t.start();
            image = renderer.frame(f, &problem);
            renderSeconds += static_cast<double>(t.nsecsElapsed()) / 1e9;
            if (image.isNull())
                break;
        }
        queue.push(std::move(image));
        if (progress && !progress(f + 1, options.frames)) {
            cancelled = true;
            break;
        }
    }
    queue.close();
    worker.join();
    if (cancelled)
        return fail(QStringLiteral("cancelled"));
    if (!problem.isEmpty())
        return fail(problem);
    QString encodeProblem;
    const QByteArray bytes = encoder->finish(&encodeProblem);
    if (!encoded || bytes.isEmpty())
        return fail(QStringLiteral("%1: could not encode the animation (%2)").arg(path, encodeProblem));
    QString reason;
    if (!writeFileAtomically(path, bytes, &reason))
        return fail(QStringLiteral("%1: not written (%2); any previous file there is unchanged").arg(path, reason));
    if (stats) {
        stats->renderSeconds = renderSeconds;
        stats->totalSeconds = static_cast<double>(total.nsecsElapsed()) / 1e9;
        stats->bytes = bytes.size();
        stats->cpuSeconds = static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    }
    return true;
}

} // namespace ef
