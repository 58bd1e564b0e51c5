// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "Allocator.h"

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
template<typename OnUnit>
void greedyFrom(const Scenario &scenario, const std::vector<Effort> &hi, std::vector<Effort> &efforts, Effort units,
                OnUnit onUnit)
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
std::vector<Effort> greedyByThreshold(const Scenario &scenario, const Bounds &bounds)
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
    Effort countLo = countAt(0.0, atLo); // every unit: feasibility guarantees ≥ target
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

std::vector<Effort> greedyEfforts(const Scenario &scenario, Effort total)
{
    if (!scenario.allConcave())
        return greedyEffortsByHeap(scenario, total);
    return greedyByThreshold(scenario, boundsFor(scenario, total));
}

std::optional<std::vector<Effort>> exactEfforts(const Scenario &scenario, Effort total, std::string *error)
{
    const std::size_t n = scenario.projects.size();
    if (n == 0)
        return std::vector<Effort>{};
    const Bounds bounds = boundsFor(scenario, total);

    // Feasible budgets after projects 0..i form the interval [low[i], high[i]].
    std::vector<Effort> low(n), high(n);
    double work = 0;
    double cells = 0;
    for (std::size_t i = 0; i < n; ++i) {
        low[i] = (i ? low[i - 1] : 0) + bounds.lo[i];
        high[i] = std::min(total, (i ? high[i - 1] : 0) + bounds.hi[i]);
        if (i + 1 == n)
            low[i] = high[i] = total; // only the full budget matters for the last project
        const double span = static_cast<double>(high[i] - low[i] + 1);
        cells += span;
        work += span * static_cast<double>(bounds.hi[i] - bounds.lo[i] + 1);
    }
    if (work > kExactWorkLimit || cells > kExactTableLimit) {
        if (error)
            *error = "the exact method would need about " + std::to_string(static_cast<long long>(work)) + " steps for "
                + std::to_string(n) + " projects and " + std::to_string(total) + " units (limit "
                + std::to_string(static_cast<long long>(kExactWorkLimit))
                + "); use fewer units or projects, or the greedy method";
        return std::nullopt;
    }

    const auto weightedValue = [&](std::size_t i, Effort k) {
        const Project &p = scenario.projects[i];
        return p.weight == 0 ? 0.0 : p.weight * p.curve.value(static_cast<double>(k));
    };
    // best[t - low[i]]: the best Σ w·f over projects 0..i using t units in all.
    std::vector<double> best(static_cast<std::size_t>(high[0] - low[0] + 1));
    for (Effort t = low[0]; t <= high[0]; ++t)
        best[static_cast<std::size_t>(t - low[0])] = weightedValue(0, t);
    // choice[i][t - low[i]]: units given to project i (above its minimum) in that best split.
    std::vector<std::vector<std::uint32_t>> choice(n);
    std::vector<double> next;
    std::vector<double> values;
    for (std::size_t i = 1; i < n; ++i) {
        const Effort lo = bounds.lo[i], hi = bounds.hi[i];
        const Effort prevLow = low[i - 1], prevHigh = high[i - 1];
        values.resize(static_cast<std::size_t>(hi - lo + 1));
        for (Effort k = lo; k <= hi; ++k)
            values[static_cast<std::size_t>(k - lo)] = weightedValue(i, k);
        const auto span = static_cast<std::size_t>(high[i] - low[i] + 1);
        next.assign(span, -kInf);
        std::vector<std::uint32_t> &pick = choice[i];
        pick.resize(span);
        // Until a candidate beats −∞, the split keeps the smallest feasible share for project i.
        for (Effort t = low[i]; t <= high[i]; ++t)
            pick[static_cast<std::size_t>(t - low[i])] = static_cast<std::uint32_t>(std::max(lo, t - prevHigh) - lo);
        for (Effort k = lo; k <= hi; ++k) {
            const Effort from = std::max(low[i], k + prevLow);
            const Effort to = std::min(high[i], k + prevHigh);
            if (from > to)
                continue;
            const double vk = values[static_cast<std::size_t>(k - lo)];
            const auto shareAboveMin = static_cast<std::uint32_t>(k - lo);
            double *out = next.data() + (from - low[i]);
            std::uint32_t *outPick = pick.data() + (from - low[i]);
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
        efforts[i] = bounds.lo[i] + choice[i][static_cast<std::size_t>(t - low[i])];
        t -= efforts[i];
    }
    efforts[0] = t;
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
    AllocationResult result;
    if (auto problem = feasibilityProblem(scenario, total)) {
        result.error = *problem;
        return result;
    }
    if (method == Method::Auto)
        method = scenario.allConcave() ? Method::Greedy : Method::Exact;
    if (method == Method::Greedy && !scenario.allConcave()
        && boundsFor(scenario, total).remaining > kGreedyReplayLimit) {
        result.error = "greedy on curves that are not all concave hands out units one by one, and "
            + std::to_string(total) + " units is above its limit of " + std::to_string(kGreedyReplayLimit)
            + "; use fewer units";
    } else if (method == Method::Greedy) {
        result.allocation = evaluate(scenario, greedyEfforts(scenario, total), method);
    } else if (auto efforts = exactEfforts(scenario, total, &result.error)) {
        result.allocation = evaluate(scenario, *efforts, method);
    }
    return result;
}

AllocationResult allocate(const Scenario &scenario, Effort total, Method method, const AllocateOptions &options)
{
    if (options.cancel && options.cancel->load(std::memory_order_relaxed))
        return {std::nullopt, "cancelled"};
    return allocate(scenario, total, method);
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
