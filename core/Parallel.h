// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace ef {

/**
 * Calls work(state, k) for every k in [0, count) on up to `threads` threads (0: one per core), the
 * calling thread included, each taking the next k as it finishes one (so uneven items balance). Each
 * thread first makes its own scratch `state` with makeState() and hands it to every item it runs (a
 * copy to modify per item without copying it per item). Stops handing out items once `stop` (if given)
 * is raised; items already started finish. `work` must be safe to call concurrently for different k.
 */
template<typename MakeState, typename Work>
void parallelForWithState(std::size_t count, unsigned threads, MakeState &&makeState, Work &&work,
                          const std::atomic<bool> *stop = nullptr)
{
    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, count));
    std::atomic<std::size_t> next{0};
    const auto worker = [&] {
        auto state = makeState();
        for (;;) {
            if (stop && stop->load(std::memory_order_relaxed))
                return;
            const std::size_t k = next.fetch_add(1, std::memory_order_relaxed);
            if (k >= count)
                return;
            work(state, k);
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    worker();
    for (std::thread &t : pool)
        t.join();
}

/// parallelFor with no per-thread state: calls work(k) for every k in [0, count), as above.
template<typename Work>
void parallelFor(std::size_t count, unsigned threads, Work &&work, const std::atomic<bool> *stop = nullptr)
{
    parallelForWithState(
        count, threads, [] { return 0; }, [&work](int, std::size_t k) { work(k); }, stop);
}

} // namespace ef
