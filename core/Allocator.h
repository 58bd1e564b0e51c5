// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Allocation.h"
#include "Scenario.h"

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace ef {

class Interrupt;

/// The largest dynamic programme exactEffortsByDp() will run, in steps (≈ one second of work); a
/// curve evaluation counts as kDpEvaluationSteps steps.
inline constexpr double kExactWorkLimit = 1.5e9;
inline constexpr double kDpEvaluationSteps = 20;
/// The most memory exactEffortsByDp() will take for its choice table and its two rows, in bytes.
inline constexpr double kExactTableBytes = 64.0 * 1024 * 1024;
/// The most units greedy replays one by one (curves that are not all concave: ≈ one second).
inline constexpr Effort kGreedyReplayLimit = 20'000'000;
/// The longest expansion path kept (4 bytes a unit).
inline constexpr Effort kExpansionPathLimit = 10'000'000;

/// How a caller bounds one allocation.
struct AllocateOptions {
    /// Stop the exact search after this long and return the best split found, unproven (0 = none).
    /// Greedy and the dynamic programme ignore it (greedy is bounded by kGreedyReplayLimit).
    double timeLimitSeconds = 0;
    /// Polled regularly in every long loop (branch and bound, dynamic programme, greedy's heap replay);
    /// once it is true the call returns an AllocationResult with error "cancelled".
    const std::atomic<bool> *cancel = nullptr;
    /// Threads for work made of independent allocations (the samples of a growth path); 0 = one per core.
    /// A single allocation always runs on the calling thread.
    unsigned threads = 0;
};

/**
 * Why `total` units cannot be split among the scenario's projects within their minEffort/maxEffort,
 * or std::nullopt when they can.
 */
std::optional<std::string> feasibilityProblem(const Scenario &scenario, Effort total);

/**
 * Splits `total` units (the scenario's own total when omitted) with `method`, and evaluates every
 * project at its effort. Fails only when the bounds are infeasible, or when `exact` (or greedy on
 * curves that are not all concave, which replays every unit) would exceed its work limit.
 */
AllocationResult allocate(const Scenario &scenario, Method method = Method::Auto);
AllocationResult allocate(const Scenario &scenario, Effort total, Method method);
/// The same, within the options' time limit and cancel flag. Exact uses branch and bound
/// (exactEffortsByBranchAndBound); its Allocation carries bound, gap and proven.
AllocationResult allocate(const Scenario &scenario, Effort total, Method method, const AllocateOptions &options);

/// The most units compareWithGreedy() replays (greedy on curves that are not concave walks every unit).
inline constexpr Effort kGreedyComparisonLimit = 2'000'000;

/**
 * When `result` holds an exact split of a scenario whose curves are not all concave, fills its
 * greedyObjective with what greedy's split of the same total reaches (up to kGreedyComparisonLimit
 * units; beyond, or when cancelled, it stays empty). A no-op for all-concave scenarios, where greedy
 * is the optimum.
 */
void compareWithGreedy(const Scenario &scenario, AllocationResult &result, const AllocateOptions &options = {});

/**
 * When some project of `scenario` has a minimum above 0 or a maximum, fills result's freeObjective (and
 * freeProven) with the optimum of the same total with every bound cleared, found with `options` (so
 * within its time limit); a no-op otherwise, or when that allocation fails or is cancelled.
 */
void compareWithFree(const Scenario &scenario, AllocationResult &result, const AllocateOptions &options = {});

/**
 * The last free optimum compareWithFree() found, kept for the next call: while a red dot is dragged
 * only one project's bounds change, and the free problem (every curve and weight, the total) stays the
 * same, so each move would otherwise solve it again (an exact programme per move with S-curves).
 * One entry, keyed on the curves, the weights and the total; thread-safe.
 */
class FreeOptimumCache
{
public:
    struct Entry {
        double objective = 0;
        bool proven = true;
    };
    /// The stored optimum when `scenario`'s curves and weights and `total` are the stored ones.
    [[nodiscard]] std::optional<Entry> find(const Scenario &scenario, Effort total) const;
    void store(const Scenario &scenario, Effort total, Entry entry);
    /// How many find() calls were answered (for tests and the benchmark).
    [[nodiscard]] int hits() const;

private:
    using Key = std::vector<std::pair<Curve, double>>;
    static Key keyOf(const Scenario &scenario);
    mutable std::mutex m_mutex;
    std::optional<Key> m_key;
    Effort m_total = 0;
    Entry m_entry;
    mutable int m_hits = 0;
};

/// compareWithFree(), answered from `cache` when it holds this free problem, and storing what it finds.
void compareWithFree(const Scenario &scenario, AllocationResult &result, const AllocateOptions &options,
                     FreeOptimumCache &cache);

/**
 * MODEL.md's greedy split of `total` units: each unit to the largest weighted forward difference,
 * ties to the earliest project, within minEffort/maxEffort. When every curve is concave this runs a
 * search on the marginal-gain threshold (O(n log T) gain evaluations, independent of T in practice);
 * otherwise it replays the rule with a heap (O(T log n)). Either way the split is the rule's own.
 * Precondition: feasibilityProblem() is empty.
 */
std::vector<Effort> greedyEfforts(const Scenario &scenario, Effort total);

/**
 * greedyEfforts() for a scenario whose curves are all concave, with the threshold search started around
 * `hint`: the weighted gain of the last unit in a similar split (the Monte Carlo passes the point plan's).
 * The split is the same whatever the hint; a close one saves most of the search. A hint ≤ 0 or not
 * finite means none. Precondition: allConcave() and feasibilityProblem() is empty.
 */
std::vector<Effort> greedyConcaveEfforts(const Scenario &scenario, Effort total, double hint);

/// The greedy rule replayed unit by unit with a heap, for any curve shape. O(T log n).
std::vector<Effort> greedyEffortsByHeap(const Scenario &scenario, Effort total);

/**
 * The integer optimum of Σ w·f(x) with Σ x = total, for any curve shape, by dynamic programming:
 * O(n·T²) time, a choice table of one to four bytes a cell. The cross-check for the exact method on
 * small cases; allocate() does not use it. Among equally good splits it prefers more effort for
 * earlier projects. Returns std::nullopt with `error` set when the programme would exceed
 * kExactWorkLimit or kExactTableBytes (checked before anything is allocated), or when `interrupt`
 * stops it ("cancelled" or "time limit"). Precondition: feasibilityProblem() is empty.
 */
std::optional<std::vector<Effort>> exactEffortsByDp(const Scenario &scenario, Effort total,
                                                    std::string *error = nullptr, Interrupt *interrupt = nullptr);

/// The greedy expansion path up to `total` units from one run, or std::nullopt with `error` set when
/// it would be longer than kExpansionPathLimit. Precondition: feasible at `total`.
std::optional<ExpansionPath> expansionPath(const Scenario &scenario, Effort total, std::string *error = nullptr);

/// Accuracy, weighted value, marginal gain and stage of every project at the given efforts.
Allocation evaluate(const Scenario &scenario, const std::vector<Effort> &efforts, Method method);

} // namespace ef
