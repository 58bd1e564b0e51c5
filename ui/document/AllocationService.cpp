// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "document/AllocationService.h"

#include "Allocator.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

#if defined(Q_OS_LINUX)
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace ef {

namespace {

/// Concave scenarios up to this many projects are allocated on the UI thread (the threshold search
/// costs about 1 µs a project).
constexpr std::size_t kCheapConcaveProjects = 2000;
/// Non-concave scenarios whose exact programme has at most this many steps (n·T²) stay on the UI thread.
constexpr double kCheapExactSteps = 2e5;

/**
 * Lowers the calling thread's scheduling priority (nice 10 on Linux, where it is a per-thread value
 * inherited by the threads it starts), once per thread. Background work — the growth path and the
 * Monte Carlo, which spread over every core — then yields the CPU to the UI thread: on a two-core
 * machine it otherwise stalled the event loop for hundreds of milliseconds while a slider moved.
 */
void yieldToTheUi()
{
#if defined(Q_OS_LINUX)
    thread_local bool lowered = false;
    if (!lowered) {
        lowered = true;
        (void)setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
    }
#endif
}

} // namespace

AllocationService::AllocationService(QObject *parent) : QObject(parent)
{
    // One worker for the allocation and one for the growth path; superseded work stops at its next
    // cancellation check, so two threads are enough to keep the newest request moving.
    m_pool.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
    // Growth paths and Monte Carlo runs on threads of their own, at a lower priority (yieldToTheUi()),
    // so the split the chart waits for never queues behind them nor runs on a lowered thread.
    m_backgroundPool.setMaxThreadCount(2);
}

AllocationService::~AllocationService()
{
    if (m_allocationCancel)
        m_allocationCancel->store(true);
    if (m_growthCancel)
        m_growthCancel->store(true);
    if (m_monteCarloCancel)
        m_monteCarloCancel->store(true);
    m_pool.waitForDone();
    m_backgroundPool.waitForDone();
}

bool AllocationService::isCheap(const Scenario &scenario)
{
    if (scenario.allConcave())
        return scenario.projects.size() <= kCheapConcaveProjects;
    const double n = static_cast<double>(scenario.projects.size());
    const double t = static_cast<double>(std::max<Effort>(0, scenario.totalEffort));
    return n * t * t <= kCheapExactSteps;
}

void AllocationService::setPending(bool &pending, bool value)
{
    const bool wasBusy = busy();
    pending = value;
    if (busy() != wasBusy)
        emit busyChanged(busy());
}

quint64 AllocationService::requestAllocation(const Scenario &scenario)
{
    const quint64 generation = ++m_allocationGeneration;
    if (m_allocationCancel)
        m_allocationCancel->store(true);
    m_allocationCancel.reset();
    if (isCheap(scenario)) {
        setPending(m_allocationPending, false);
        AllocationResult result = allocate(scenario, scenario.totalEffort, Method::Auto);
        compareWithGreedy(scenario, result);
        compareWithFree(scenario, result, {}, m_freeCache); // the same cheap size of problem
        emit allocationReady(generation, result);
        return generation;
    }
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_allocationCancel = cancel;
    setPending(m_allocationPending, true);
    m_pool.start([this, scenario, generation, cancel] {
        AllocateOptions options;
        options.cancel = cancel.get();
        // An answer within seconds, not minutes: past the limit the best split found is shown, marked unproven
        // with its gap (S-curves that are nearly alike can keep the exact search busy for minutes).
        options.timeLimitSeconds = kInteractiveTimeLimitSeconds;
        AllocationResult result = allocate(scenario, scenario.totalEffort, Method::Auto, options);
        compareWithGreedy(scenario, result, options);
        compareWithFree(scenario, result, options, m_freeCache);
        if (cancel->load())
            return;
        QMetaObject::invokeMethod(
            this,
            [this, generation, result = std::move(result)] {
                if (generation != m_allocationGeneration)
                    return; // superseded while on its way
                m_allocationCancel.reset();
                setPending(m_allocationPending, false);
                emit allocationReady(generation, result);
            },
            Qt::QueuedConnection);
    });
    return generation;
}

quint64 AllocationService::requestGrowth(const Scenario &scenario, int samples)
{
    const quint64 generation = ++m_growthGeneration;
    if (m_growthCancel)
        m_growthCancel->store(true);
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_growthCancel = cancel;
    setPending(m_growthPending, true);
    m_backgroundPool.start([this, scenario, samples, generation, cancel] {
        yieldToTheUi();
        AllocateOptions options;
        options.cancel = cancel.get();
        options.timeLimitSeconds = kGrowthSampleTimeLimitSeconds;
        // Every core but one: the UI thread keeps a core of its own while a slider moves (measured on two
        // cores, both busy with samples added about 3 ms to the worst event-loop stalls, even at nice 10).
        options.threads = static_cast<unsigned>(std::max(1, QThread::idealThreadCount() - 1));
        if (!scenario.allConcave() && samples > kQuickGrowthSamples) {
            // S-curves: every sample is an exact programme, and locating each jump and stage entry takes
            // several more; show a coarse picture first (measured: 14 S-curves at 10,000 units take
            // seconds in full).
            GrowthPath quick
                = growthPath(scenario, scenario.totalEffort, kQuickGrowthSamples, options, GrowthDetail::SamplesOnly);
            if (cancel->load())
                return;
            if (quick.ok())
                QMetaObject::invokeMethod(
                    this,
                    [this, generation, quick = std::move(quick)] {
                        if (generation == m_growthGeneration)
                            emit growthProgress(generation, quick);
                    },
                    Qt::QueuedConnection);
        }
        GrowthPath path = growthPath(scenario, scenario.totalEffort, samples, options);
        if (cancel->load())
            return;
        QMetaObject::invokeMethod(
            this,
            [this, generation, path = std::move(path)] {
                if (generation != m_growthGeneration)
                    return;
                m_growthCancel.reset();
                setPending(m_growthPending, false);
                emit growthReady(generation, path);
            },
            Qt::QueuedConnection);
    });
    return generation;
}

void AllocationService::cancelGrowth()
{
    ++m_growthGeneration;
    if (m_growthCancel)
        m_growthCancel->store(true);
    m_growthCancel.reset();
    setPending(m_growthPending, false);
}

quint64 AllocationService::requestMonteCarlo(const Scenario &scenario)
{
    const quint64 generation = ++m_monteCarloGeneration;
    if (m_monteCarloCancel)
        m_monteCarloCancel->store(true);
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_monteCarloCancel = cancel;
    setPending(m_monteCarloPending, true);
    m_backgroundPool.start([this, scenario, generation, cancel] {
        yieldToTheUi();
        MonteCarloOptions options;
        options.samples = kMonteCarloSamples;
        options.keepParameters = false; // the window shows summaries only
        options.cancel = cancel.get();
        MonteCarloResult result = monteCarlo(scenario, options);
        if (cancel->load())
            return;
        QMetaObject::invokeMethod(
            this,
            [this, generation, result = std::move(result)] {
                if (generation != m_monteCarloGeneration)
                    return; // superseded while on its way
                m_monteCarloCancel.reset();
                setPending(m_monteCarloPending, false);
                emit monteCarloReady(generation, result);
            },
            Qt::QueuedConnection);
    });
    return generation;
}

void AllocationService::cancelMonteCarlo()
{
    ++m_monteCarloGeneration;
    if (m_monteCarloCancel)
        m_monteCarloCancel->store(true);
    m_monteCarloCancel.reset();
    setPending(m_monteCarloPending, false);
}

bool AllocationService::waitForIdle(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (busy() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (busy())
            QThread::msleep(1);
    }
    return !busy();
}

} // namespace ef
