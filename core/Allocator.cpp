// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "Allocator.h"

#include "BranchAndBound.h"
#include "Interrupt.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>

namespace ef {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr Effort kNoCap = std::numeric_limits<Effort>::max();
/// Exact starts from greedy's split when replaying it costs at most this many units (≈ 50 ms).
constexpr Effort kGreedySeedLimit = 1'000'000;

/// Per-project effort bounds for one budget: every project starts at lo[i] and may grow to hi[i].
struct Bounds {
    std::vector<Effort> lo;
    std::vector<Effort> hi;
    Effort remaining = 0; ///< Units left to hand out after every project got its minimum.
};

Bounds boundsFor(const Scenario &scenario, Effort total)
{
    Bounds bounds;
    const std::size_t n = scenario.projects.size();
    bounds.lo.resize(n);
    bounds.hi.resize(n);
    Effort minSum = 0;
    for (std::size_t i = 0; i < n; ++i) {
        bounds.lo[i] = scenario.projects[i].minEffort;
        minSum += bounds.lo[i];
    }
    bounds.remaining = total - minSum;
    for (std::size_t i = 0; i < n; ++i) {
        const Effort cap = scenario.projects[i].maxEffort.value_or(kNoCap);
        bounds.hi[i] = std::min(cap, bounds.lo[i] + bounds.remaining); // nobody can use more than all
    }
    return bounds;
}

/// A project's next unit in the greedy order: higher gain first, ties to the earlier project.
struct HeapEntry {
    double gain;
    std::uint32_t index;
};

/// std heap comparator: true when `x` should leave the heap after `y`.
bool comesLater(const HeapEntry &x, const HeapEntry &y)
{
    return x.gain < y.gain || (x.gain == y.gain && x.index > y.index);
}

/// Hands out `units` units from `efforts` by the greedy rule, calling onUnit(project) for each.
/// Returns false when `interrupt` stopped it first.
template<typename OnUnit>
bool greedyFrom(const Scenario &scenario, const std::vector<Effort> &hi, std::vector<Effort> &efforts, Effort units,
                OnUnit onUnit, Interrupt *interrupt = nullptr)
{
    std::vector<HeapEntry> heap;
    heap.reserve(efforts.size());
    for (std::size_t i = 0; i < efforts.size(); ++i) {
        if (efforts[i] < hi[i]) {
            const Project &p = scenario.projects[i];
            heap.push_back({p.curve.weightedGain(p.weight, efforts[i]), static_cast<std::uint32_t>(i)});
        }
    }
    std::make_heap(heap.begin(), heap.end(), comesLater);
    for (Effort u = 0; u < units && !heap.empty(); ++u) {
        if ((u & 0xffff) == 0xffff && interrupt && interrupt->check())
            return false;
        std::pop_heap(heap.begin(), heap.end(), comesLater);
        HeapEntry &top = heap.back();
        const Effort now = ++efforts[top.index];
        onUnit(top.index);
        if (now < hi[top.index]) {
            const Project &p = scenario.projects[top.index];
            top.gain = p.curve.weightedGain(p.weight, now);
            std::push_heap(heap.begin(), heap.end(), comesLater);
        } else {
            heap.pop_back();
        }
    }
    return true;
}

/// Takes back `units` units from `efforts` in the reverse of the greedy order (the last unit handed
/// out first): lowest gain first, among equal gains the later project.
void greedyUndo(const Scenario &scenario, const std::vector<Effort> &lo, std::vector<Effort> &efforts, Effort units)
{
    // Here "comes later" is inverted: the entry to remove first sits on top.
    const auto removeLater = [](const HeapEntry &x, const HeapEntry &y) { return comesLater(y, x); };
    std::vector<HeapEntry> heap;
    heap.reserve(efforts.size());
    for (std::size_t i = 0; i < efforts.size(); ++i) {
        if (efforts[i] > lo[i]) {
            const Project &p = scenario.projects[i];
            heap.push_back({p.curve.weightedGain(p.weight, efforts[i] - 1), static_cast<std::uint32_t>(i)});
        }
    }
    std::make_heap(heap.begin(), heap.end(), removeLater);
    for (Effort u = 0; u < units && !heap.empty(); ++u) {
        std::pop_heap(heap.begin(), heap.end(), removeLater);
        HeapEntry &top = heap.back();
        const Effort now = --efforts[top.index];
        if (now > lo[top.index]) {
            const Project &p = scenario.projects[top.index];
            top.gain = p.curve.weightedGain(p.weight, now - 1);
            std::push_heap(heap.begin(), heap.end(), removeLater);
        } else {
            heap.pop_back();
        }
    }
}

/**
 * Greedy for concave curves by a search on the gain threshold G.
 *
 * With non-increasing gains the rule hands out units in the order (gain desc, project asc, unit asc),
 * so its split of R units is "every unit whose gain beats the R-th largest, plus that gain's ties in
 * project order". N(G), the number of units with gain ≥ G, costs O(n) closed-form inversions. The
 * search narrows a bracket [G_lo, G_hi] with N(G_lo) ≥ R > N(G_hi) (interpolating, with bisection as a
 * fallback, over the ordered bit patterns of doubles) until one end is within `slack` units of R; a heap
 * then replays or undoes those last few units exactly. If the bracket shrinks to two adjacent doubles
 * first (many equal gains), G_lo is the R-th gain itself and its ties are dealt in project order.
 */
std::vector<Effort> greedyByThreshold(const Scenario &scenario, const Bounds &bounds, double hint = 0)
{
    const std::size_t n = scenario.projects.size();
    const Effort target = bounds.remaining;
    if (target == 0)
        return bounds.lo;

    const auto countAt = [&](double threshold, std::vector<Effort> &efforts) {
        Effort units = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const Project &p = scenario.projects[i];
            const Effort taken = p.curve.unitsWithGainAtLeast(p.weight, threshold, bounds.lo[i], bounds.hi[i]);
            efforts[i] = bounds.lo[i] + taken;
            units += taken;
        }
        return units;
    };
    // Doubles in [0, +∞] are ordered like their bit patterns.
    const auto keyOf = [](double g) { return std::bit_cast<std::uint64_t>(g); };
    const auto fromKey = [](std::uint64_t key) { return std::bit_cast<double>(key); };

    std::vector<Effort> atLo(n), atHi(n), atMid(n);
    std::uint64_t hiKey = keyOf(kInf);
    Effort countHi = countAt(kInf, atHi); // the +∞ gains of log curves at zero effort
    const auto dealTies
        = [&](const std::vector<Effort> &above, const std::vector<Effort> &atOrAbove, Effort countAbove) {
              std::vector<Effort> efforts(n);
              Effort left = target - countAbove;
              for (std::size_t i = 0; i < n; ++i) {
                  const Effort take = std::min(atOrAbove[i] - above[i], left);
                  efforts[i] = above[i] + take;
                  left -= take;
              }
              return efforts;
          };
    if (countHi >= target)
        return dealTies(bounds.lo, atHi, 0);

    std::uint64_t loKey = keyOf(0.0);
    Effort countLo = -1;
    if (hint > 0 && std::isfinite(hint)) {
        // A warm start (a similar scenario's last gain): bracket the threshold around the hint, widening
        // by factors of 1.25, 1.56, 2.4, ... at most five times; otherwise the search starts from [0, +∞].
        double factor = 1.25;
        double g = hint;
        Effort count = countAt(g, atMid);
        const bool above = count >= target; // the hint is a lower end: search upwards
        for (int step = 0; step < 6; ++step) {
            if (count >= target) {
                loKey = keyOf(g);
                countLo = count;
                std::swap(atLo, atMid);
                if (!above)
                    break;
            } else {
                hiKey = keyOf(g);
                countHi = count;
                std::swap(atHi, atMid);
                if (above)
                    break;
            }
            if (step == 5)
                break;
            g = above ? g * factor : g / factor;
            factor *= factor;
            if (!std::isfinite(g) || !(g > 0))
                break;
            count = countAt(g, atMid);
        }
    }
    if (countLo < 0)
        countLo = countAt(0.0, atLo); // every unit: feasibility guarantees ≥ target
    const Effort slack = std::max<Effort>(static_cast<Effort>(n), 16);
    bool bisect = false;
    while (true) {
        if (countLo - target <= slack) {
            greedyUndo(scenario, bounds.lo, atLo, countLo - target);
            return atLo;
        }
        if (target - countHi <= slack) {
            greedyFrom(scenario, bounds.hi, atHi, target - countHi, [](std::uint32_t) {});
            return atHi;
        }
        const std::uint64_t width = hiKey - loKey;
        if (width <= 1)
            return dealTies(atHi, atLo, countHi);
        std::uint64_t mid = loKey + width / 2;
        if (!bisect && countHi > 0 && loKey > 0) {
            // log N is close to linear in log G (the bit pattern) for the concave families.
            const double t = std::log(static_cast<double>(countLo) / static_cast<double>(target))
                / std::log(static_cast<double>(countLo) / static_cast<double>(countHi));
            mid = loKey + static_cast<std::uint64_t>(t * static_cast<double>(width));
        }
        mid = std::clamp(mid, loKey + 1, hiKey - 1);
        const Effort countMid = countAt(fromKey(mid), atMid);
        if (countMid >= target) {
            loKey = mid;
            countLo = countMid;
            std::swap(atLo, atMid);
        } else {
            hiKey = mid;
            countHi = countMid;
            std::swap(atHi, atMid);
        }
        bisect = (hiKey - loKey) > width / 2; // interpolation did not halve the bracket: bisect next
    }
}

/**
 * Greedy for concave curves, faithful to the unit-by-unit rule also where the computed gains are flat
 * to the last bits. There rounding makes a gain sequence wobble by an ulp or two instead of falling,
 * and the rule (a heap that takes the best head) follows the wobbles, which no count by threshold can
 * see. So when many units sit within 1e-12 (relative) of the last unit's gain, and they are not all
 * exactly equal, the units above that band are counted by threshold and the band is replayed by the
 * heap, as the rule does (at most kGreedyReplayLimit units; beyond that the ties are dealt in project
 * order).
 */
std::vector<Effort> greedyConcave(const Scenario &scenario, const Bounds &bounds, Interrupt *interrupt = nullptr,
                                  double hint = 0)
{
    std::vector<Effort> efforts = greedyByThreshold(scenario, bounds, hint);
    const std::size_t n = scenario.projects.size();
    double last = kInf; // the gain of the last unit handed out
    for (std::size_t i = 0; i < n; ++i) {
        if (efforts[i] > bounds.lo[i]) {
            const Project &p = scenario.projects[i];
            last = std::min(last, p.curve.weightedGain(p.weight, efforts[i] - 1));
        }
    }
    if (!(last > 0) || std::isinf(last))
        return efforts;
    const double above = last * (1 + 1e-12);
    const double below = last * (1 - 1e-12);
    std::vector<Effort> start(n);
    Effort countAbove = 0;
    Effort band = 0;
    bool allEqual = true;
    for (std::size_t i = 0; i < n; ++i) {
        const Project &p = scenario.projects[i];
        const Effort over = p.curve.unitsWithGainAtLeast(p.weight, above, bounds.lo[i], bounds.hi[i]);
        const Effort within = p.curve.unitsWithGainAtLeast(p.weight, below, bounds.lo[i], bounds.hi[i]) - over;
        start[i] = bounds.lo[i] + over;
        countAbove += over;
        band += within;
        if (within > 0)
            allEqual = allEqual && p.curve.weightedGain(p.weight, start[i]) == last
                && p.curve.weightedGain(p.weight, start[i] + within - 1) == last;
    }
    const Effort toReplay = bounds.remaining - countAbove;
    if (band <= static_cast<Effort>(n) + 16 || allEqual || toReplay < 0 || toReplay > kGreedyReplayLimit)
        return efforts;
    greedyFrom(
        scenario, bounds.hi, start, toReplay, [](std::uint32_t) {}, interrupt);
    return start;
}

} // namespace

std::optional<std::string> feasibilityProblem(const Scenario &scenario, Effort total)
{
    if (total < 0)
        return "the total effort must not be negative";
    if (scenario.projects.empty())
        return total == 0 ? std::nullopt : std::optional<std::string>("there are no projects to give effort to");
    Effort minSum = 0;
    Effort maxSum = 0;
    bool allCapped = true;
    for (const Project &p : scenario.projects) {
        if (p.minEffort < 0)
            return "project \"" + p.name + "\": minEffort must not be negative";
        if (p.maxEffort && *p.maxEffort < p.minEffort)
            return "project \"" + p.name + "\": maxEffort is below minEffort";
        minSum += p.minEffort;
        if (p.maxEffort)
            maxSum += *p.maxEffort;
        else
            allCapped = false;
    }
    if (minSum > total)
        return "the projects' minEffort add up to " + std::to_string(minSum) + " units, more than the total effort of "
            + std::to_string(total);
    if (allCapped && maxSum < total)
        return "the projects' maxEffort add up to " + std::to_string(maxSum) + " units, less than the total effort of "
            + std::to_string(total);
    return std::nullopt;
}

std::vector<Effort> greedyEffortsByHeap(const Scenario &scenario, Effort total)
{
    const Bounds bounds = boundsFor(scenario, total);
    std::vector<Effort> efforts = bounds.lo;
    greedyFrom(scenario, bounds.hi, efforts, bounds.remaining, [](std::uint32_t) {});
    return efforts;
}

std::vector<Effort> greedyConcaveEfforts(const Scenario &scenario, Effort total, double hint)
{
    return greedyConcave(scenario, boundsFor(scenario, total), nullptr, hint);
}

std::vector<Effort> greedyEfforts(const Scenario &scenario, Effort total)
{
    if (!scenario.allConcave())
        return greedyEffortsByHeap(scenario, total);
    return greedyConcave(scenario, boundsFor(scenario, total));
}

namespace {

/// The dynamic programme's rows after the sizes are checked, with choices of type Choice.
template<typename Choice>
std::optional<std::vector<Effort>> runDp(const Scenario &scenario, Effort total, const Bounds &bounds,
                                         const std::vector<Effort> &low, const std::vector<Effort> &high,
                                         Interrupt *interrupt)
{
    const std::size_t n = scenario.projects.size();
    const auto weightedValue = [&](std::size_t i, Effort k) {
        const Project &p = scenario.projects[i];
        return p.weight == 0 ? 0.0 : p.weight * p.curve.value(static_cast<double>(k));
    };
    // best[t - low[i]]: the best Σ w·f over projects 0..i using t units in all.
    std::vector<double> best(static_cast<std::size_t>(high[0] - low[0] + 1));
    for (Effort t = low[0]; t <= high[0]; ++t)
        best[static_cast<std::size_t>(t - low[0])] = weightedValue(0, t);
    // choice[offset[i] + t - low[i]]: units given to project i (above its minimum) in that best split.
    std::vector<std::size_t> offset(n);
    std::size_t cells = 0;
    for (std::size_t i = 1; i < n; ++i) {
        offset[i] = cells;
        cells += static_cast<std::size_t>(high[i] - low[i] + 1);
    }
    std::vector<Choice> choice(cells);
    std::vector<double> next;
    Effort steps = 0;
    for (std::size_t i = 1; i < n; ++i) {
        const Effort lo = bounds.lo[i], hi = bounds.hi[i];
        const Effort prevLow = low[i - 1], prevHigh = high[i - 1];
        const auto span = static_cast<std::size_t>(high[i] - low[i] + 1);
        next.assign(span, -kInf);
        Choice *pick = choice.data() + offset[i];
        // Until a candidate beats −∞, the split keeps the smallest feasible share for project i.
        for (Effort t = low[i]; t <= high[i]; ++t)
            pick[t - low[i]] = static_cast<Choice>(std::max(lo, t - prevHigh) - lo);
        for (Effort k = lo; k <= hi; ++k) {
            const Effort from = std::max(low[i], k + prevLow);
            const Effort to = std::min(high[i], k + prevHigh);
            if (from > to)
                continue;
            steps += to - from + 1;
            if (steps > (1 << 22)) {
                steps = 0;
                if (interrupt && interrupt->check())
                    return std::nullopt;
            }
            const double vk = weightedValue(i, k);
            const auto shareAboveMin = static_cast<Choice>(k - lo);
            double *out = next.data() + (from - low[i]);
            Choice *outPick = pick + (from - low[i]);
            const double *in = best.data() + (from - k - prevLow);
            const Effort count = to - from + 1;
            for (Effort j = 0; j < count; ++j) {
                const double candidate = in[j] + vk;
                if (candidate > out[j]) { // strict: ties keep the smaller share for the later project
                    out[j] = candidate;
                    outPick[j] = shareAboveMin;
                }
            }
        }
        best.swap(next);
    }

    std::vector<Effort> efforts(n);
    Effort t = total;
    for (std::size_t i = n - 1; i > 0; --i) {
        efforts[i] = bounds.lo[i] + static_cast<Effort>(choice[offset[i] + static_cast<std::size_t>(t - low[i])]);
        t -= efforts[i];
    }
    efforts[0] = t;
    return efforts;
}

} // namespace

namespace {

/// What the dynamic programme would take, counted before it takes anything.
struct DpCost {
    std::vector<Effort> low, high; ///< Feasible budgets after projects 0..i: [low[i], high[i]].
    double work = 0;               ///< Steps, a curve evaluation counting kDpEvaluationSteps.
    double bytes = 0;              ///< Choice table plus two rows of doubles.
    int choiceBytes = 4;           ///< Bytes per cell of the choice table.

    [[nodiscard]] bool fits() const { return work <= kExactWorkLimit && bytes <= kExactTableBytes; }
};

DpCost dpCost(const Scenario &scenario, Effort total, const Bounds &bounds)
{
    // Everything the programme allocates is counted here: the choice table (cells after the first
    // project), two rows of doubles, and one curve evaluation per share of every project.
    const std::size_t n = scenario.projects.size();
    DpCost cost;
    cost.low.resize(n);
    cost.high.resize(n);
    double cells = 0;
    double widestRow = 0;
    Effort widestShare = 0;
    for (std::size_t i = 0; i < n; ++i) {
        cost.low[i] = (i ? cost.low[i - 1] : 0) + bounds.lo[i];
        cost.high[i] = std::min(total, (i ? cost.high[i - 1] : 0) + bounds.hi[i]);
        if (i + 1 == n)
            cost.low[i] = cost.high[i] = total; // only the full budget matters for the last project
        const double span = static_cast<double>(cost.high[i] - cost.low[i] + 1);
        const double shares = static_cast<double>(bounds.hi[i] - bounds.lo[i] + 1);
        if (i > 0)
            cells += span;
        widestRow = std::max(widestRow, span);
        widestShare = std::max(widestShare, bounds.hi[i] - bounds.lo[i]);
        cost.work += span * shares + kDpEvaluationSteps * shares;
    }
    cost.choiceBytes = widestShare <= 0xff ? 1 : (widestShare <= 0xffff ? 2 : 4);
    cost.bytes = cells * cost.choiceBytes + 2 * widestRow * static_cast<double>(sizeof(double));
    return cost;
}

} // namespace

std::optional<std::vector<Effort>> exactEffortsByDp(const Scenario &scenario, Effort total, std::string *error,
                                                    Interrupt *interrupt)
{
    const std::size_t n = scenario.projects.size();
    if (n == 0)
        return std::vector<Effort>{};
    const Bounds bounds = boundsFor(scenario, total);
    const DpCost cost = dpCost(scenario, total, bounds);
    const std::vector<Effort> &low = cost.low;
    const std::vector<Effort> &high = cost.high;
    const double work = cost.work;
    const double bytes = cost.bytes;
    const int choiceBytes = cost.choiceBytes;

    if (work > kExactWorkLimit || bytes > kExactTableBytes) {
        if (error)
            *error = "the dynamic programme would need about " + std::to_string(static_cast<long long>(work))
                + " steps and " + std::to_string(static_cast<long long>(bytes / (1024 * 1024))) + " MB for "
                + std::to_string(n) + " projects and " + std::to_string(total) + " units (limits "
                + std::to_string(static_cast<long long>(kExactWorkLimit)) + " steps, "
                + std::to_string(static_cast<long long>(kExactTableBytes / (1024 * 1024)))
                + " MB); use fewer units or projects, or the exact method";
        return std::nullopt;
    }
    std::optional<std::vector<Effort>> efforts;
    if (choiceBytes == 1)
        efforts = runDp<std::uint8_t>(scenario, total, bounds, low, high, interrupt);
    else if (choiceBytes == 2)
        efforts = runDp<std::uint16_t>(scenario, total, bounds, low, high, interrupt);
    else
        efforts = runDp<std::uint32_t>(scenario, total, bounds, low, high, interrupt);
    if (!efforts && error)
        *error = interrupt && interrupt->cancelled() ? "cancelled" : "time limit";
    return efforts;
}

std::optional<ExpansionPath> expansionPath(const Scenario &scenario, Effort total, std::string *error)
{
    const Bounds bounds = boundsFor(scenario, total);
    if (bounds.remaining > kExpansionPathLimit) {
        if (error)
            *error = "the expansion path is limited to " + std::to_string(kExpansionPathLimit) + " units";
        return std::nullopt;
    }
    ExpansionPath path;
    path.base = bounds.lo;
    path.order.reserve(static_cast<std::size_t>(std::max<Effort>(bounds.remaining, 0)));
    std::vector<Effort> efforts = bounds.lo;
    greedyFrom(scenario, bounds.hi, efforts, bounds.remaining, [&](std::uint32_t i) { path.order.push_back(i); });
    return path;
}

std::vector<Effort> ExpansionPath::effortsAt(Effort budget) const
{
    std::vector<Effort> efforts = base;
    const Effort start = std::accumulate(base.begin(), base.end(), Effort{0});
    const Effort units = std::clamp<Effort>(budget - start, 0, static_cast<Effort>(order.size()));
    for (Effort u = 0; u < units; ++u)
        ++efforts[order[static_cast<std::size_t>(u)]];
    return efforts;
}

Allocation evaluate(const Scenario &scenario, const std::vector<Effort> &efforts, Method method)
{
    Allocation allocation;
    allocation.method = method;
    allocation.projects.reserve(efforts.size());
    for (std::size_t i = 0; i < efforts.size(); ++i) {
        const Project &p = scenario.projects[i];
        ProjectAllocation pa;
        pa.effort = efforts[i];
        pa.accuracy = p.curve.value(static_cast<double>(pa.effort));
        pa.value = p.weight == 0 ? 0.0 : p.weight * pa.accuracy;
        pa.marginal = p.curve.weightedGain(p.weight, pa.effort);
        pa.stage = scenario.stageIndexFor(pa.effort);
        // A project at −∞ (a weighted log curve given nothing) makes the whole plan −∞, whatever
        // another project's value is: never +∞ + −∞ = NaN.
        if (allocation.objective != -std::numeric_limits<double>::infinity())
            allocation.objective
                = pa.value == -std::numeric_limits<double>::infinity() ? pa.value : allocation.objective + pa.value;
        allocation.totalEffort += pa.effort;
        allocation.projects.push_back(pa);
    }
    return allocation;
}

AllocationResult allocate(const Scenario &scenario, Method method)
{
    return allocate(scenario, scenario.totalEffort, method);
}

AllocationResult allocate(const Scenario &scenario, Effort total, Method method)
{
    return allocate(scenario, total, method, AllocateOptions{});
}

AllocationResult allocate(const Scenario &scenario, Effort total, Method method, const AllocateOptions &options)
{
    AllocationResult result;
    if (auto problem = feasibilityProblem(scenario, total)) {
        result.error = *problem;
        return result;
    }
    const bool concave = scenario.allConcave();
    if (method == Method::Auto)
        method = concave ? Method::Greedy : Method::Exact;
    if (method == Method::Greedy && !concave && boundsFor(scenario, total).remaining > kGreedyReplayLimit) {
        result.error = "greedy on curves that are not all concave hands out units one by one, and "
            + std::to_string(total) + " units is above its limit of " + std::to_string(kGreedyReplayLimit)
            + "; use fewer units";
        return result;
    }
    if (method == Method::Greedy) {
        std::vector<Effort> efforts;
        Interrupt cancel(0, options.cancel); // greedy's replays are bounded; only a cancel stops them
        const Bounds bounds = boundsFor(scenario, total);
        if (concave) {
            efforts = greedyConcave(scenario, bounds, &cancel);
        } else {
            efforts = bounds.lo;
            greedyFrom(
                scenario, bounds.hi, efforts, bounds.remaining, [](std::uint32_t) {}, &cancel);
        }
        if (cancel.cancelled()) {
            result.error = "cancelled";
            return result;
        }
        Allocation allocation = evaluate(scenario, efforts, method);
        allocation.bound = allocation.objective;
        if (!concave) {
            // What greedy may lose at most: the concave-envelope bound on the optimum.
            allocation.bound = std::max(allocation.objective, envelopeBound(scenario, total));
            allocation.gap = allocation.bound == allocation.objective ? 0.0 : allocation.bound - allocation.objective;
            allocation.proven
                = allocation.gap <= kExactRelativeGap * std::abs(allocation.bound) + std::numeric_limits<double>::min();
            if (!allocation.proven)
                allocation.unprovenReason = "greedy is not guaranteed optimal on curves that are not concave";
        }
        result.allocation = std::move(allocation);
        return result;
    }
    Interrupt interrupt(options.timeLimitSeconds, options.cancel);
    // Branch and bound settles nearly every case in a few nodes. Where it does not (many look-alike
    // S-curves make it try many subsets) and the dynamic programme is affordable, that finishes it.
    const DpCost dp = dpCost(scenario, total, boundsFor(scenario, total));
    const auto n = static_cast<double>(std::max<std::size_t>(scenario.projects.size(), 1));
    const std::size_t nodeBudget = dp.fits() ? static_cast<std::size_t>(std::clamp(dp.work / (n * 200), 64.0, 1e6))
                                             : static_cast<std::size_t>(-1);
    // Greedy's split, where its replay is cheap, is the split to beat: exact is never worse, even
    // when a time limit stops it early.
    std::optional<std::vector<Effort>> greedy;
    if (boundsFor(scenario, total).remaining <= kGreedySeedLimit)
        greedy = concave ? greedyConcave(scenario, boundsFor(scenario, total)) : greedyEffortsByHeap(scenario, total);
    ExactSearch search
        = exactEffortsByBranchAndBound(scenario, total, interrupt, nodeBudget, greedy ? &*greedy : nullptr);
    if (search.cancelled) {
        result.error = "cancelled";
        return result;
    }
    if (!search.proven && dp.fits() && !interrupt.timedOut()) {
        std::string error;
        if (auto efforts = exactEffortsByDp(scenario, total, &error, &interrupt)) {
            Allocation allocation = evaluate(scenario, *efforts, Method::Exact);
            allocation.bound = allocation.objective;
            result.allocation = std::move(allocation);
            return result;
        }
        if (interrupt.cancelled()) {
            result.error = "cancelled";
            return result;
        }
        search.unprovenReason = "the time limit stopped the exact search before it could prove the split optimal";
    }
    Allocation allocation = evaluate(scenario, search.efforts, Method::Exact);
    allocation.bound = std::max(search.bound, allocation.objective);
    allocation.gap = allocation.bound == allocation.objective ? 0.0 : allocation.bound - allocation.objective;
    allocation.proven = search.proven;
    allocation.unprovenReason = search.unprovenReason;
    result.allocation = std::move(allocation);
    return result;
}

void compareWithGreedy(const Scenario &scenario, AllocationResult &result, const AllocateOptions &options)
{
    if (!result.ok() || scenario.allConcave() || result.allocation->totalEffort > kGreedyComparisonLimit)
        return;
    const AllocationResult greedy = allocate(scenario, result.allocation->totalEffort, Method::Greedy, options);
    if (greedy.ok())
        result.allocation->greedyObjective = greedy.allocation->objective;
}

namespace {

void compareWithFree(const Scenario &scenario, AllocationResult &result, const AllocateOptions &options,
                     FreeOptimumCache *cache)
{
    const bool bounded = std::any_of(scenario.projects.begin(), scenario.projects.end(),
                                     [](const Project &p) { return p.minEffort > 0 || p.maxEffort.has_value(); });
    if (!result.ok() || !bounded)
        return;
    const Effort total = result.allocation->totalEffort;
    if (cache)
        if (const std::optional<FreeOptimumCache::Entry> known = cache->find(scenario, total)) {
            result.allocation->freeObjective = known->objective;
            result.allocation->freeProven = known->proven;
            return;
        }
    Scenario unbounded = scenario;
    for (Project &p : unbounded.projects) {
        p.minEffort = 0;
        p.maxEffort.reset();
    }
    const AllocationResult free = allocate(unbounded, total, Method::Auto, options);
    if (!free.ok())
        return; // failed or cancelled: nothing to keep either
    result.allocation->freeObjective = free.allocation->objective;
    result.allocation->freeProven = free.allocation->proven;
    if (cache)
        cache->store(scenario, total, {free.allocation->objective, free.allocation->proven});
}

} // namespace

void compareWithFree(const Scenario &scenario, AllocationResult &result, const AllocateOptions &options)
{
    compareWithFree(scenario, result, options, nullptr);
}

void compareWithFree(const Scenario &scenario, AllocationResult &result, const AllocateOptions &options,
                     FreeOptimumCache &cache)
{
    compareWithFree(scenario, result, options, &cache);
}

FreeOptimumCache::Key FreeOptimumCache::keyOf(const Scenario &scenario)
{
    Key key;
    key.reserve(scenario.projects.size());
    for (const Project &p : scenario.projects)
        key.emplace_back(p.curve, p.weight);
    return key;
}

std::optional<FreeOptimumCache::Entry> FreeOptimumCache::find(const Scenario &scenario, Effort total) const
{
    const Key key = keyOf(scenario);
    const std::lock_guard lock(m_mutex);
    if (!m_key || m_total != total || *m_key != key)
        return std::nullopt;
    ++m_hits;
    return m_entry;
}

void FreeOptimumCache::store(const Scenario &scenario, Effort total, Entry entry)
{
    Key key = keyOf(scenario);
    const std::lock_guard lock(m_mutex);
    m_key = std::move(key);
    m_total = total;
    m_entry = entry;
}

int FreeOptimumCache::hits() const
{
    const std::lock_guard lock(m_mutex);
    return m_hits;
}

std::string_view methodName(Method method)
{
    switch (method) {
    case Method::Auto:
        return "auto";
    case Method::Greedy:
        return "greedy";
    case Method::Exact:
        return "exact";
    }
    return "auto";
}

std::optional<Method> methodFromName(std::string_view name)
{
    for (Method m : {Method::Auto, Method::Greedy, Method::Exact})
        if (methodName(m) == name)
            return m;
    return std::nullopt;
}

} // namespace ef
