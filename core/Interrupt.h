// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <optional>

namespace ef {

/**
 * Tells a long computation when to stop: a caller's cancel flag, or a time limit. Every long loop of
 * the allocators asks check() regularly (about every few thousand cheap steps); once it has said yes
 * it keeps saying so, and cancelled()/timedOut() tell which.
 */
class Interrupt
{
public:
    Interrupt() = default;
    /// `timeLimitSeconds` ≤ 0 means none; `cancel` may be null.
    Interrupt(double timeLimitSeconds, const std::atomic<bool> *cancel) : m_cancel(cancel)
    {
        m_hasDeadline = timeLimitSeconds > 0;
        if (m_hasDeadline)
            m_deadline = std::chrono::steady_clock::now()
                + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                             std::chrono::duration<double>(std::min(timeLimitSeconds, 1e9)));
    }

    /// True when the computation should stop now.
    bool check()
    {
        if (m_state != State::Running)
            return true;
        if (m_cancel && m_cancel->load(std::memory_order_relaxed))
            m_state = State::Cancelled;
        else if (m_hasDeadline && std::chrono::steady_clock::now() >= m_deadline)
            m_state = State::TimedOut;
        return m_state != State::Running;
    }
    [[nodiscard]] bool cancelled() const { return m_state == State::Cancelled; }
    [[nodiscard]] bool timedOut() const { return m_state == State::TimedOut; }

private:
    enum class State {
        Running,
        Cancelled,
        TimedOut
    };
    const std::atomic<bool> *m_cancel = nullptr;
    // A flag and a plain time point, not a std::optional: GCC 12 warns (wrongly) that an inlined optional
    // time point may be read uninitialised.
    bool m_hasDeadline = false;
    std::chrono::steady_clock::time_point m_deadline{};
    State m_state = State::Running;
};

} // namespace ef
