// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Allocation.h"
#include "Allocator.h"
#include "Growth.h"
#include "MonteCarlo.h"
#include "Scenario.h"

#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace ef {

/**
 * Runs allocations and growth paths off the UI thread whenever they may take longer than a frame.
 *
 * Each kind of work (the allocation of the total, the growth path) has its own generation counter:
 * a new request supersedes the previous one of its kind, which is cancelled (its flag raised, so the
 * core stops at its next check) and whose result, should it still arrive, is dropped. Results are
 * delivered on the UI thread through allocationReady() / growthReady(), tagged with the generation
 * that asked for them; a receiver never sees a superseded result.
 *
 * Requests that are cheap by construction (concave curves: a threshold search of O(n log T); tiny
 * non-concave problems) are answered synchronously, before request…() returns, so the common drag on
 * the reference scenarios costs no thread hop and shows its result in the same frame.
 */
class AllocationService : public QObject
{
    Q_OBJECT

public:
    /// The longest an exact search of the window's total runs before the best split found is shown
    /// (unproven, with its gap). The command line has no limit unless --time-limit is given.
    static constexpr double kInteractiveTimeLimitSeconds = 2.0;
    /// The same for each sampled budget of a growth path (240 samples: at most about 12 s in all).
    static constexpr double kGrowthSampleTimeLimitSeconds = 0.05;

    explicit AllocationService(QObject *parent = nullptr);
    /// Cancels everything in flight and waits for the workers to stop.
    ~AllocationService() override;

    /// True when allocating `scenario` is certainly fast enough for the UI thread (under a millisecond
    /// or so): all curves concave and at most a few thousand projects, or a tiny exact programme.
    [[nodiscard]] static bool isCheap(const Scenario &scenario);

    /**
     * Allocates `scenario.totalEffort` with Method::Auto. When isCheap(), allocationReady() is emitted
     * before this returns; otherwise the work runs on a worker thread. Returns the request's generation.
     */
    quint64 requestAllocation(const Scenario &scenario);
    /// Computes the growth path of `scenario` over `samples` budgets, always on a worker thread.
    quint64 requestGrowth(const Scenario &scenario, int samples = kGrowthSamples);
    /// Cancels the pending growth request, if any (a hidden view needs none).
    void cancelGrowth();
    /// Runs the Monte Carlo over the scenario's uncertainty ranges (kMonteCarloSamples draws, the
    /// default seed), always on a worker thread; monteCarloReady() delivers it. Returns its generation.
    quint64 requestMonteCarlo(const Scenario &scenario);
    /// Cancels the pending Monte Carlo, if any (the scenario lost its ranges).
    void cancelMonteCarlo();
    /// Draws of the window's Monte Carlo.
    static constexpr int kMonteCarloSamples = 1000;

    [[nodiscard]] bool allocationPending() const { return m_allocationPending; }
    [[nodiscard]] bool growthPending() const { return m_growthPending; }
    [[nodiscard]] bool monteCarloPending() const { return m_monteCarloPending; }
    [[nodiscard]] bool busy() const { return m_allocationPending || m_growthPending || m_monteCarloPending; }

    /// Processes events until no request is pending or `timeoutMs` has passed; true when idle.
    /// For exports, tests and the benchmark: the window itself never waits.
    bool waitForIdle(int timeoutMs = 30000);

signals:
    /// The allocation asked for by request `generation` (always the latest request).
    void allocationReady(quint64 generation, const ef::AllocationResult &result);
    /// The growth path asked for by request `generation` (always the latest request).
    void growthReady(quint64 generation, const ef::GrowthPath &path);
    /// For scenarios whose curves are not all concave, where the full path can take seconds: a first,
    /// coarser path of request `generation` (kQuickGrowthSamples samples, no jumps or stage entries),
    /// before growthReady(). The request is still pending.
    void growthProgress(quint64 generation, const ef::GrowthPath &path);
    /// The Monte Carlo asked for by request `generation` (always the latest request).
    void monteCarloReady(quint64 generation, const ef::MonteCarloResult &result);
    /// Long work started or ended (for an "updating" mark and a progress indicator).
    void busyChanged(bool busy);

private:
    using Flag = std::shared_ptr<std::atomic<bool>>;
    void setPending(bool &pending, bool value);

    QThreadPool m_pool;           ///< The allocations the chart waits for.
    QThreadPool m_backgroundPool; ///< Growth paths and Monte Carlo runs, at a lower priority.
    /// The free optimum "Constraints cost" compares with: solved once per drag of a dot, not per move.
    FreeOptimumCache m_freeCache;
    quint64 m_allocationGeneration = 0;
    quint64 m_growthGeneration = 0;
    Flag m_allocationCancel;
    Flag m_growthCancel;
    bool m_allocationPending = false;
    bool m_growthPending = false;
    quint64 m_monteCarloGeneration = 0;
    Flag m_monteCarloCancel;
    bool m_monteCarloPending = false;
};

} // namespace ef
