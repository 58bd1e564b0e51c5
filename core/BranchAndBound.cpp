// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "BranchAndBound.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <tuple>

namespace ef {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr Effort kNoCap = std::numeric_limits<Effort>::max();

/// The projects as the search sees them: values, gains and the root's effort intervals.
struct Problem {
    const Scenario &scenario;
    std::size_t n = 0;
    Effort total = 0;
    std::vector<Effort> lo;   ///< Root lower bounds (minEffort, +1 where f(minEffort) = −∞).
    std::vector<Effort> hi;   ///< Root upper bounds.
    std::vector<char> shaped; ///< The curve needs an envelope: not concave, and weighted.

    Problem(const Scenario &s, Effort t) : scenario(s), n(s.projects.size()), total(t), lo(n), hi(n), shaped(n)
    {
        Effort minSum = 0;
        for (std::size_t i = 0; i < n; ++i) {
            lo[i] = s.projects[i].minEffort;
            minSum += lo[i];
        }
        for (std::size_t i = 0; i < n; ++i) {
            const Project &p = s.projects[i];
            hi[i] = std::min(p.maxEffort.value_or(kNoCap), lo[i] + (total - minSum));
            shaped[i] = !p.curve.isConcave() && p.weight != 0 && p.curve.a != 0;
        }
    }

    [[nodiscard]] double value(std::size_t i, Effort k) const
    {
        const Project &p = scenario.projects[i];
        return p.weight == 0 || p.curve.a == 0 ? 0.0 : p.weight * p.curve.value(static_cast<double>(k));
    }
    [[nodiscard]] double gain(std::size_t i, Effort k) const
    {
        const Project &p = scenario.projects[i];
        return p.curve.weightedGain(p.weight, k);
    }
    /// Units k in [from, to) with gain ≥ threshold, on a range where gains do not increase.
    [[nodiscard]] Effort countFalling(std::size_t i, double threshold, Effort from, Effort to) const
    {
        const Project &p = scenario.projects[i];
        return p.curve.unitsWithGainAtLeast(p.weight, threshold, from, to);
    }
};

/**
 * The upper concave envelope of one project's integer points on [l, u]: the chord from l to the
 * tangent point t, then the curve itself. t = l when there is no chord (a concave curve, or an
 * S-curve already past its bend at l).
 */
struct Envelope {
    Effort l = 0;
    Effort u = 0;
    Effort t = 0;
    double valueAtL = 0;
    double slope = 0; ///< The chord's slope (its units' gain).
};

Envelope envelopeOf(const Problem &problem, std::size_t i, Effort l, Effort u)
{
    Envelope e{l, u, l, problem.value(i, l), 0.0};
    if (!problem.shaped[i] || u - l < 2)
        return e;
    // The chord from l rises while the next unit's gain reaches its slope. Gains rise then fall (the
    // S-curves and convex powers), so this holds up to the tangent point and never after; "reaches"
    // rather than "beats" carries the chord across flat stretches (gains that underflow to zero
    // before a steep step).
    const auto chordRises
        = [&](Effort t) { return problem.gain(i, t) * static_cast<double>(t - l) >= problem.value(i, t) - e.valueAtL; };
    Effort first = l + 1;
    Effort last = u; // the answer lies in [first, last]; u when the chord reaches the end
    while (first < last) {
        const Effort mid = first + (last - first) / 2;
        if (chordRises(mid))
            first = mid + 1;
        else
            last = mid;
    }
    if (first == l + 1)
        return e; // a one-unit chord is the curve itself
    e.t = first;
    e.slope = (problem.value(i, first) - e.valueAtL) / static_cast<double>(first - l);
    return e;
}

double envelopeValue(const Problem &problem, std::size_t i, const Envelope &e, Effort x)
{
    if (x < e.t)
        return e.valueAtL + e.slope * static_cast<double>(x - e.l);
    return problem.value(i, x);
}

/// Units above l whose envelope gain is at least `threshold`.
Effort envelopeCount(const Problem &problem, std::size_t i, const Envelope &e, double threshold)
{
    if (e.u <= e.l)
        return 0;
    if (threshold <= 0)
        return e.u - e.l;
    if (e.t > e.l) {
        if (!(e.slope >= threshold))
            return 0;
        return (e.t - e.l) + problem.countFalling(i, threshold, e.t, e.u);
    }
    return problem.countFalling(i, threshold, e.l, e.u);
}

/// True when the project's effort x lies strictly inside its envelope's chord.
bool insideChord(const Envelope &e, Effort x)
{
    return x > e.l && x < e.t;
}

/// The relaxation of one node: maximise Σ envelope(x) with Σ x = total inside the node's intervals.
struct Relaxed {
    std::vector<Effort> x; ///< An optimal point (whole units: the envelopes bend only at whole units).
    double bound = kInf;   ///< ≥ the relaxation's value, so ≥ every split's objective in the node.
    double lambda = 0;     ///< The marginal-gain threshold that splits it.
    bool interrupted = false;
    bool infeasible = false; ///< The node's intervals cannot hold the total.
};

/**
 * Solves the relaxation by the gain-threshold search. N(λ), the units whose envelope gain is ≥ λ,
 * falls as λ grows; the search narrows λ_lo < λ_hi with N(λ_lo) ≥ R > N(λ_hi), interpolating over the
 * ordered bit patterns of doubles. The point takes every unit of N(λ_hi) plus the rest of R in
 * project order from the units between. Lagrangian duality bounds the relaxation's value by
 * Σ env(x) + (λ_hi − λ_lo)·min(N(λ_lo) − R, R − N(λ_hi)): once that extra term is below rounding the
 * point's envelope value is the bound.
 */
Relaxed relax(const Problem &problem, const std::vector<Envelope> &env, double warmLambda, double scale,
              Interrupt *interrupt)
{
    const std::size_t n = problem.n;
    Relaxed r;
    r.x.resize(n);
    Effort base = 0;
    Effort room = 0;
    for (const Envelope &e : env) {
        base += e.l;
        room += e.u - e.l;
    }
    const Effort target = problem.total - base;
    if (target < 0 || room < target) {
        r.infeasible = true;
        r.bound = -kInf;
        return r;
    }

    std::vector<Effort> atLo(n), atHi(n), atMid(n);
    const auto countAt = [&](double threshold, std::vector<Effort> &counts) {
        Effort units = 0;
        for (std::size_t i = 0; i < n; ++i) {
            counts[i] = envelopeCount(problem, i, env[i], threshold);
            units += counts[i];
        }
        return units;
    };
    const auto finish = [&](const std::vector<Effort> &above, const std::vector<Effort> &atOrAbove, Effort countAbove,
                            double extra, double lambda) {
        Effort left = target - countAbove;
        double sum = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const Effort take = std::min(atOrAbove[i] - above[i], left);
            left -= take;
            r.x[i] = env[i].l + above[i] + take;
            sum += envelopeValue(problem, i, env[i], r.x[i]);
        }
        r.bound = sum + extra;
        r.lambda = lambda;
        return r;
    };
    const auto keyOf = [](double g) { return std::bit_cast<std::uint64_t>(g); };
    const auto fromKey = [](std::uint64_t key) { return std::bit_cast<double>(key); };

    if (target == 0) {
        std::fill(atLo.begin(), atLo.end(), 0);
        return finish(atLo, atLo, 0, 0, kInf);
    }
    std::uint64_t hiKey = keyOf(kInf);
    Effort countHi = countAt(kInf, atHi);
    if (countHi >= target) // only +∞ gains are needed (not after the search's −∞ lift; kept for safety)
        return finish(std::vector<Effort>(n), atHi, 0, 0, kInf);
    std::uint64_t loKey = keyOf(0.0);
    Effort countLo = countAt(0.0, atLo);

    bool bisect = false;
    int probes = 0;
    while (true) {
        if (countLo == target)
            return finish(atLo, atLo, target, 0, fromKey(loKey));
        const double lambdaLo = fromKey(loKey), lambdaHi = fromKey(hiKey);
        const double extra = std::isinf(lambdaHi)
            ? kInf
            : (lambdaHi - lambdaLo) * static_cast<double>(std::min(countLo - target, target - countHi));
        const std::uint64_t width = hiKey - loKey;
        if (extra <= 1e-15 * scale || width <= 1 || probes > 400)
            return finish(atHi, atLo, countHi, extra, lambdaLo);
        if (interrupt && interrupt->check()) {
            r.interrupted = true;
            return r;
        }
        std::uint64_t mid = loKey + width / 2;
        if (probes == 0 && warmLambda > 0 && std::isfinite(warmLambda)) {
            mid = keyOf(warmLambda);
        } else if (probes == 1 && warmLambda > 0 && std::isfinite(warmLambda)) {
            // Bracket the warm start closely: children relax almost like their parent.
            mid = loKey == keyOf(warmLambda) ? keyOf(warmLambda * (1 + 1e-6)) : keyOf(warmLambda * (1 - 1e-6));
        } else if (!bisect && countHi > 0 && loKey > 0) {
            // log N is close to linear in log λ (the bit pattern) for these curves.
            const double t = std::log(static_cast<double>(countLo) / static_cast<double>(target))
                / std::log(static_cast<double>(countLo) / static_cast<double>(countHi));
            mid = loKey + static_cast<std::uint64_t>(t * static_cast<double>(width));
        }
        mid = std::clamp(mid, loKey + 1, hiKey - 1);
        ++probes;
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
        bisect = probes > 2 && (hiKey - loKey) > width / 2; // interpolation did not halve it: bisect next
    }
}

/// A project's next unit for the repair heaps: the largest gain (or smallest, for removal) first.
struct HeapEntry {
    double gain;
    std::uint32_t index;
};

/**
 * Rounds a relaxed point to a split: every project inside its chord goes to the chord's end (`chosen`
 * to the end `up` names, the others to the nearer end), and the units this frees or takes are moved
 * by the greedy rule among the projects on their curves. Returns the split's objective, or −∞ when
 * the units cannot be placed.
 */
double roundAndRepair(const Problem &problem, const std::vector<Envelope> &env, std::vector<Effort> &x,
                      std::size_t chosen, bool up, Interrupt *interrupt)
{
    constexpr Effort kHeapMoveLimit = 1 << 16; // beyond this the caller re-solves instead (O(n log T))
    const std::size_t n = problem.n;
    std::vector<char> fixed(n);
    Effort freed = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Envelope &e = env[i];
        if (!insideChord(e, x[i]))
            continue;
        const bool toTop = i == chosen ? up : (e.t - x[i] < x[i] - e.l);
        const Effort y = toTop ? e.t : e.l;
        freed += x[i] - y;
        x[i] = y;
        fixed[i] = 1;
    }
    // Projects at their chord's start stay there: their next units are the worst buys.
    const auto movable = [&](std::size_t i) { return !fixed[i] && !(env[i].t > env[i].l && x[i] < env[i].t); };
    const auto floorOf = [&](std::size_t i) { return env[i].t > env[i].l ? env[i].t : env[i].l; };
    if (freed > kHeapMoveLimit || freed < -kHeapMoveLimit)
        return std::numeric_limits<double>::quiet_NaN();
    std::vector<HeapEntry> heap;
    if (freed > 0) {
        const auto later = [](const HeapEntry &p, const HeapEntry &q) {
            return p.gain < q.gain || (p.gain == q.gain && p.index > q.index);
        };
        for (std::size_t i = 0; i < n; ++i)
            if (movable(i) && x[i] < env[i].u)
                heap.push_back({problem.gain(i, x[i]), static_cast<std::uint32_t>(i)});
        std::make_heap(heap.begin(), heap.end(), later);
        for (; freed > 0; --freed) {
            if (heap.empty() || ((freed & 4095) == 0 && interrupt && interrupt->check()))
                return -kInf;
            std::pop_heap(heap.begin(), heap.end(), later);
            HeapEntry &top = heap.back();
            if (++x[top.index] < env[top.index].u) {
                top.gain = problem.gain(top.index, x[top.index]);
                std::push_heap(heap.begin(), heap.end(), later);
            } else {
                heap.pop_back();
            }
        }
    } else if (freed < 0) {
        const auto sooner = [](const HeapEntry &p, const HeapEntry &q) {
            return p.gain > q.gain || (p.gain == q.gain && p.index < q.index);
        };
        for (std::size_t i = 0; i < n; ++i)
            if (movable(i) && x[i] > floorOf(i))
                heap.push_back({problem.gain(i, x[i] - 1), static_cast<std::uint32_t>(i)});
        std::make_heap(heap.begin(), heap.end(), sooner);
        for (; freed < 0; ++freed) {
            if (heap.empty() || ((freed & 4095) == 0 && interrupt && interrupt->check()))
                return -kInf;
            std::pop_heap(heap.begin(), heap.end(), sooner);
            HeapEntry &top = heap.back();
            if (--x[top.index] > floorOf(top.index)) {
                top.gain = problem.gain(top.index, x[top.index] - 1);
                std::push_heap(heap.begin(), heap.end(), sooner);
            } else {
                heap.pop_back();
            }
        }
    }
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i)
        sum += problem.value(i, x[i]);
    return sum;
}

/// One narrowed interval of a node, relative to the root.
struct Change {
    std::uint32_t index;
    Effort l;
    Effort u;
};

struct Node {
    double key;    ///< An upper bound on the node (its parent's relaxation bound).
    double lambda; ///< The parent's threshold, to start the search from.
    std::vector<Change> changes;
};

bool lowerKey(const Node &p, const Node &q)
{
    return p.key < q.key;
}

/// Where every weighted log project needs a unit it cannot get, every split is −∞: any one will do.
std::optional<std::vector<Effort>> minusInfinitySplit(const Problem &problem)
{
    const std::size_t n = problem.n;
    Effort left = problem.total;
    for (std::size_t i = 0; i < n; ++i)
        left -= problem.lo[i];
    std::size_t needy = 0;
    bool stuck = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (problem.value(i, problem.lo[i]) == -kInf) {
            ++needy;
            stuck = stuck || problem.hi[i] == problem.lo[i];
        }
    }
    if (!stuck && static_cast<Effort>(needy) <= left)
        return std::nullopt;
    std::vector<Effort> x = problem.lo;
    for (std::size_t i = 0; i < n && left > 0; ++i) {
        if (problem.value(i, x[i]) == -kInf && x[i] < problem.hi[i]) {
            ++x[i];
            --left;
        }
    }
    for (std::size_t i = 0; i < n && left > 0; ++i) {
        const Effort take = std::min(problem.hi[i] - x[i], left);
        x[i] += take;
        left -= take;
    }
    return x;
}

double scaleOf(const Problem &problem)
{
    double scale = 0;
    for (std::size_t i = 0; i < problem.n; ++i)
        scale += std::max(std::abs(problem.value(i, problem.lo[i])), std::abs(problem.value(i, problem.hi[i])));
    return std::isfinite(scale) ? scale : std::numeric_limits<double>::max();
}

/// Raises the lower bound of every project at −∞ to one unit: every finite split gives it one.
void liftMinusInfinity(Problem &problem)
{
    for (std::size_t i = 0; i < problem.n; ++i)
        if (problem.value(i, problem.lo[i]) == -kInf)
            ++problem.lo[i];
}

std::vector<Envelope> rootEnvelopes(const Problem &problem)
{
    std::vector<Envelope> env(problem.n);
    for (std::size_t i = 0; i < problem.n; ++i)
        env[i] = envelopeOf(problem, i, problem.lo[i], problem.hi[i]);
    return env;
}

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

/// A project's neighbours among its look-alikes, in project order.
struct LookAlike {
    std::size_t previous = kNone;
    std::size_t next = kNone;
};

/**
 * Chains the S-shaped projects that cannot be told apart (same curve, weight and effort range).
 * Swapping two of them changes nothing, so some optimal split gives each at least as much as the
 * next in the chain, and the search only looks for such splits: without this, n look-alikes make
 * it try every subset of them.
 */
std::vector<LookAlike> lookAlikes(const Problem &problem)
{
    std::vector<LookAlike> chain(problem.n);
    std::map<std::tuple<int, double, double, double, double, Effort, Effort>, std::size_t> last;
    for (std::size_t i = 0; i < problem.n; ++i) {
        if (!problem.shaped[i])
            continue;
        const Project &p = problem.scenario.projects[i];
        const auto key = std::make_tuple(static_cast<int>(p.curve.family), p.curve.a, p.curve.b, p.curve.midpoint,
                                         p.weight, problem.lo[i], problem.hi[i]);
        const auto [it, inserted] = last.try_emplace(key, i);
        if (!inserted) {
            chain[it->second].next = i;
            chain[i].previous = it->second;
            it->second = i;
        }
    }
    return chain;
}

} // namespace

double envelopeBound(const Scenario &scenario, Effort total)
{
    Problem problem(scenario, total);
    if (minusInfinitySplit(problem))
        return -kInf;
    liftMinusInfinity(problem);
    return relax(problem, rootEnvelopes(problem), 0, scaleOf(problem), nullptr).bound;
}

ExactSearch exactEffortsByBranchAndBound(const Scenario &scenario, Effort total, Interrupt &interrupt,
                                         std::size_t nodeBudget, const std::vector<Effort> *start)
{
    ExactSearch out;
    if (interrupt.check() && interrupt.cancelled()) {
        out.cancelled = true;
        return out;
    }
    Problem problem(scenario, total);
    const std::size_t n = problem.n;
    if (auto split = minusInfinitySplit(problem)) {
        out.efforts = std::move(*split);
        out.objective = out.bound = -kInf;
        return out;
    }
    liftMinusInfinity(problem);
    const double scale = scaleOf(problem);
    const double tolerance = kExactRelativeGap * scale + std::numeric_limits<double>::min();

    std::vector<Envelope> env = rootEnvelopes(problem);
    const std::vector<LookAlike> lookAlike = lookAlikes(problem);
    const std::vector<Envelope> rootEnv = env;

    double incumbent = -kInf;
    const auto offer = [&](const std::vector<Effort> &x, double objective) {
        if (objective > incumbent || out.efforts.empty()) {
            incumbent = objective;
            out.efforts = x;
        }
    };
    if (start && start->size() == n) {
        double objective = 0;
        for (std::size_t i = 0; i < n; ++i)
            objective += problem.value(i, (*start)[i]);
        offer(*start, objective);
    }
    double settled = -kInf; // the largest bound of any node closed so far
    std::vector<Node> open;
    open.push_back({kInf, 0.0, {}});
    std::size_t openBytes = 0; // what the open nodes hold, as kExactOpenNodeBytes counts it
    const auto bytesOf = [](const Node &node) {
        constexpr std::size_t kAllocationOverhead = 32;
        return sizeof(Node) + node.changes.capacity() * sizeof(Change) + kAllocationOverhead;
    };
    std::vector<Effort> trial;
    bool first = true;

    while (!open.empty()) {
        // The root is always solved, so there is a split to return whatever happens next.
        if (!first && interrupt.check())
            break;
        if (out.nodes >= nodeBudget) {
            out.unprovenReason = "the exact search used its node budget before it could prove the split optimal";
            break;
        }
        std::pop_heap(open.begin(), open.end(), lowerKey);
        Node node = std::move(open.back());
        open.pop_back();
        openBytes -= bytesOf(node);
        if (node.key <= incumbent + tolerance) {
            settled = std::max(settled, node.key);
            open.clear(); // every other open node's key is lower still
            break;
        }
        for (const Change &c : node.changes)
            env[c.index] = envelopeOf(problem, c.index, c.l, c.u);
        const auto restore = [&] {
            for (const Change &c : node.changes)
                env[c.index] = rootEnv[c.index];
        };
        Relaxed r = relax(problem, env, node.lambda, scale, first ? nullptr : &interrupt);
        ++out.nodes;
        if (r.interrupted) {
            restore();
            open.push_back(std::move(node)); // still open: its key still bounds it
            std::push_heap(open.begin(), open.end(), lowerKey);
            break;
        }
        if (r.infeasible) {
            restore();
            continue;
        }
        r.bound = std::min(r.bound, node.key);
        double objective = 0;
        std::size_t worst = n;
        double worstGap = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const double v = problem.value(i, r.x[i]);
            objective += v;
            if (insideChord(env[i], r.x[i])) {
                const double gap = envelopeValue(problem, i, env[i], r.x[i]) - v;
                if (worst == n || gap > worstGap) {
                    worst = i;
                    worstGap = gap;
                }
            }
        }
        offer(r.x, objective);
        if (worst != n) {
            for (const bool up : {false, true}) {
                trial = r.x;
                double value = roundAndRepair(problem, env, trial, worst, up, first ? nullptr : &interrupt);
                if (std::isnan(value)) {
                    // Too many units to move one by one: fix the project at the chord's end and re-solve.
                    const Effort end = up ? env[worst].t : env[worst].l;
                    const Envelope saved = env[worst];
                    env[worst] = envelopeOf(problem, worst, end, end);
                    const Relaxed fixed = relax(problem, env, r.lambda, scale, nullptr);
                    env[worst] = saved;
                    if (fixed.infeasible)
                        continue;
                    trial = fixed.x;
                    value = 0;
                    for (std::size_t i = 0; i < n; ++i)
                        value += problem.value(i, trial[i]);
                }
                offer(trial, value);
            }
        }
        first = false;
        if (worst == n || r.bound <= incumbent + tolerance) {
            settled = std::max(settled, std::max(r.bound, objective));
            restore();
            continue;
        }
        // Branch on the project furthest inside its chord: below or at its relaxed effort, or above.
        // Among look-alikes the earlier one keeps at least as much as the later ones: "at most x"
        // caps the later look-alikes too, "more than x" lifts the earlier ones.
        const Envelope &e = env[worst];
        const Effort at = r.x[worst];
        for (const bool up : {false, true}) {
            Node next{r.bound, r.lambda, node.changes};
            bool empty = false;
            const auto narrow = [&](std::size_t i, Effort l, Effort u) {
                empty = empty || l > u;
                if (l == env[i].l && u == env[i].u)
                    return;
                for (Change &c : next.changes) {
                    if (c.index == i) {
                        c.l = l;
                        c.u = u;
                        return;
                    }
                }
                next.changes.push_back({static_cast<std::uint32_t>(i), l, u});
            };
            if (up) {
                narrow(worst, at + 1, e.u);
                for (std::size_t k = lookAlike[worst].previous; k != kNone; k = lookAlike[k].previous)
                    narrow(k, std::max(env[k].l, at + 1), env[k].u);
            } else {
                narrow(worst, e.l, at);
                for (std::size_t k = lookAlike[worst].next; k != kNone; k = lookAlike[k].next)
                    narrow(k, env[k].l, std::min(env[k].u, at));
            }
            if (empty)
                continue;
            openBytes += bytesOf(next);
            open.push_back(std::move(next));
            std::push_heap(open.begin(), open.end(), lowerKey);
        }
        restore();
        if (openBytes > kExactOpenNodeBytes) {
            out.unprovenReason = "the exact search reached its memory limit before it could prove the split optimal";
            break;
        }
    }

    if (interrupt.cancelled()) {
        out.cancelled = true;
        return out;
    }
    out.objective = incumbent;
    double bound = std::max(settled, incumbent);
    for (const Node &node : open)
        bound = std::max(bound, node.key);
    out.bound = bound;
    out.proven = bound - incumbent <= tolerance;
    if (out.proven)
        out.unprovenReason.clear();
    else if (out.unprovenReason.empty())
        out.unprovenReason = "the time limit stopped the exact search before it could prove the split optimal";
    return out;
}

} // namespace ef
