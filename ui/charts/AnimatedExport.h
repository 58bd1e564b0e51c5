// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Allocation.h"
#include "Scenario.h"
#include "Sweep.h"
#include "charts/AnimationEncoder.h"
#include "charts/Theme.h"

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

#include <functional>
#include <memory>

namespace ef {

class Chart;

/// Limits of --frames and the shortest frame players show as asked.
inline constexpr int kMinAnimationFrames = 2;
inline constexpr int kMaxAnimationFrames = 600;
inline constexpr int kMinFrameDelayMs = 20;

/// How an animation is drawn and timed.
struct AnimationOptions {
    QSize size{1200, 800};
    int frames = 60;              ///< 2…600.
    double seconds = 4;           ///< The whole animation's duration, spread evenly over the frames.
    int loop = 0;                 ///< How many times it plays; 0 = forever.
    Method method = Method::Auto; ///< How each frame's scenario is allocated (the chart's method).
    /// The chart plots weight × accuracy (View ▸ Weighted Value, --weighted).
    bool weighted = false;
};

/// What an export measured, for the benchmark.
struct AnimationStats {
    double renderSeconds = 0; ///< Allocating and drawing the frames (the UI thread).
    double totalSeconds = 0;  ///< Everything, including encoding (overlapped with drawing) and writing.
    double cpuSeconds = 0;    ///< Processor time of the whole process meanwhile (all threads).
    qint64 bytes = 0;
};

/// Why the options cannot make an animation (frames, duration, loop out of range), or empty.
QString animationOptionsProblem(const AnimationOptions &options);

/**
 * Draws the frames of `scenario` swept by `sweep` (bound to it): for each frame, that frame's scenario
 * is allocated with options.method and drawn by the accuracy chart's code (Chart) at options.size,
 * with the axes fixed to cover the first and the last frames so the picture does not jump.
 * Lives on the GUI thread (QCustomPlot is a widget).
 */
class AnimationRenderer
{
public:
    AnimationRenderer(const Scenario &scenario, const Sweep &sweep, const Theme &theme,
                      const AnimationOptions &options);
    ~AnimationRenderer();
    AnimationRenderer(const AnimationRenderer &) = delete;
    AnimationRenderer &operator=(const AnimationRenderer &) = delete;

    /// Frame `frame` (0…frames − 1) as an RGB32 image; a null image with `error` set when that frame's
    /// scenario has no allocation (e.g. minimum efforts above a swept total).
    QImage frame(int frame, QString *error);
    /// The chart the frames are drawn by (its plot is options.size; its axes hold still across frames).
    [[nodiscard]] Chart *chart() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/**
 * Writes the animation to `path` (.gif or .webp) atomically. Frames are drawn on this (GUI) thread
 * while a second thread quantises and encodes the previous ones. `progress(done, total)` is called
 * after each frame; returning false cancels (nothing is written; error "cancelled").
 */
bool exportAnimation(const Scenario &scenario, const Sweep &sweep, const Theme &theme, const QString &path,
                     const AnimationOptions &options, QString *error,
                     const std::function<bool(int, int)> &progress = {}, AnimationStats *stats = nullptr);

} // namespace ef
