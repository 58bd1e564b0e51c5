// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QWidget>

#include <algorithm>
#include <functional>
#include <vector>

namespace ef::bench {

/// What a drag did to the UI thread: how long it was ever unable to run, and how long the settled
/// result took to appear after the last move.
struct StallResult {
    double p99Ms = 0;     ///< 99th percentile of the heartbeat gaps during the drag.
    double maxMs = 0;     ///< The longest heartbeat gap: the worst stall.
    double settleMs = -1; ///< From the last move until settled() held and the window had repainted; −1: never.
    int moves = 0;
};

/// Records when any of the watched widgets last received a paint event.
class PaintClock : public QObject
{
public:
    PaintClock(const QElapsedTimer &clock, const std::vector<QWidget *> &widgets) : m_clock(clock)
    {
        for (QWidget *w : widgets)
            w->installEventFilter(this);
    }
    [[nodiscard]] double lastPaintMs() const { return m_last; }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            m_last = static_cast<double>(m_clock.nsecsElapsed()) / 1e6;
        return false;
    }

private:
    const QElapsedTimer &m_clock;
    double m_last = -1;
};

/**
 * Measures UI-thread stalls the way a user feels them. A drag is played as a person would make it, one
 * move every 16 ms from a timer (`move(k)` for k = 0…moves−1), while a 1 ms heartbeat timer records
 * when the event loop last got to run: any gap between two beats is time the UI thread was busy —
 * handling a move, painting, or taking in a result from a worker. The event loop runs freely
 * throughout, exactly as in the application.
 *
 * After the last move it keeps running until `settled()` has held, with no repaint of `widgets`, for
 * 250 ms; the settle time is from the last move to the last repaint (the one that drew the settled
 * result).
 */
inline StallResult measureStall(int moves, const std::function<void(int)> &move, const std::function<bool()> &settled,
                                const std::vector<QWidget *> &widgets, int settleTimeoutMs = 30000)
{
    StallResult result;
    result.moves = moves;
    QElapsedTimer clock;
    clock.start();
    const PaintClock paints(clock, widgets);
    const auto now = [&] { return static_cast<double>(clock.nsecsElapsed()) / 1e6; };
    std::vector<double> gaps;
    double lastBeat = now();
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    heartbeat.setInterval(1);
    QEventLoop loop;
    int next = 0;
    double lastMove = -1;
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        const double t = now();
        gaps.push_back(t - lastBeat);
        lastBeat = t;
        if (next < moves)
            return;
        if (settled() && t - paints.lastPaintMs() > 250 && paints.lastPaintMs() >= lastMove) {
            result.settleMs = paints.lastPaintMs() - lastMove;
            loop.quit();
        } else if (t - lastMove > settleTimeoutMs) {
            loop.quit();
        }
    });
    QTimer mover;
    mover.setTimerType(Qt::PreciseTimer);
    mover.setInterval(16);
    QObject::connect(&mover, &QTimer::timeout, [&] {
        if (next >= moves)
            return;
        move(next++);
        if (next == moves) {
            lastMove = now();
            mover.stop();
        }
    });
    heartbeat.start();
    mover.start();
    loop.exec();
    heartbeat.stop();

    // The heartbeat's own period is not a stall; neither is the quiet wait after settling.
    for (double &gap : gaps)
        gap = std::max(0.0, gap - 1.0);
    std::sort(gaps.begin(), gaps.end());
    if (!gaps.empty()) {
        result.maxMs = gaps.back();
        result.p99Ms
            = gaps[std::min(gaps.size() - 1, static_cast<std::size_t>(0.99 * static_cast<double>(gaps.size())))];
    }
    return result;
}

} // namespace ef::bench
