// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "MonteCarlo.h"

#include "Allocator.h"
#include "Parallel.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <mutex>

namespace ef {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

/// splitmix64's output function: a bijection of 64-bit words that scatters nearby inputs.
std::uint64_t mix(std::uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/// Sebastiano Vigna's splitmix64 generator.
class SplitMix64
{
public:
    explicit SplitMix64(std::uint64_t state) : m_state(state) { }
    std::uint64_t next()
    {
        m_state += 0x9e3779b97f4a7c15ULL;
        return mix(m_state);
    }
    /// Uniform on [0, 1), 53 random bits.
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
    std::uint64_t m_state;
};

double uniformIn(const ParameterRange &r, double u)
{
    if (r.low == r.high)
        return r.low;
    return std::clamp(r.low + u * (r.high - r.low), r.low, r.high);
}

double logUniformIn(const ParameterRange &r, double u)
{
    if (r.low == r.high)
        return r.low;
    return std::clamp(r.low * std::exp(u * std::log(r.high / r.low)), r.low, r.high);
}

/// Σ w·f at `efforts`, summed exactly as evaluate() sums its objective (same order, −∞ never NaN).
double objectiveOf(const Scenario &scenario, const std::vector<Effort> &efforts)
{
    double objective = 0;
    for (std::size_t i = 0; i < efforts.size() && objective != -kInf; ++i) {
        const Project &p = scenario.projects[i];
        const double value = p.weight == 0 ? 0.0 : p.weight * p.curve.value(static_cast<double>(efforts[i]));
        objective = value == -kInf ? value : objective + value;
    }
    return objective;
}

/// The weighted gain of the last unit greedy handed out in `efforts` (its water level), or 0.
double lastGain(const Scenario &scenario, const std::vector<Effort> &efforts)
{
    double last = kInf;
    for (std::size_t i = 0; i < efforts.size(); ++i) {
        const Project &p = scenario.projects[i];
        if (efforts[i] > p.minEffort)
            last = std::min(last, p.curve.weightedGain(p.weight, efforts[i] - 1));
    }
    return std::isfinite(last) ? last : 0.0;
}

/// Optimal minus planned, never negative (rounding), +∞ when only the plan is −∞.
double regretOf(double optimal, double planned)
{
    if (planned == optimal || optimal == -kInf)
        return 0;
    if (planned == -kInf)
        return kInf;
    return std::max(0.0, optimal - planned);
}

void appendNumber(std::string &out, double value)
{
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    if (ec == std::errc())
        out.append(buffer, end);
}

} // namespace

std::string sampleProblem(std::int64_t samples, std::size_t projects)
{
    if (samples < 1 || samples > kMaxSamples)
        return "the number of draws must be between 1 and " + std::to_string(kMaxSamples);
    if (static_cast<double>(samples) * static_cast<double>(projects) > static_cast<double>(kMaxSampleCells))
        return std::to_string(samples) + " draws of " + std::to_string(projects)
            + " projects is more than the limit of " + std::to_string(kMaxSampleCells) + " draws x projects";
    return {};
}

std::vector<DrawnParameters> drawParameters(const Scenario &scenario, std::uint64_t seed, std::uint64_t d)
{
    SplitMix64 rng(mix(seed ^ mix(d + 0x632be59bd9b4e019ULL)));
    std::vector<DrawnParameters> drawn(scenario.projects.size());
    for (std::size_t i = 0; i < drawn.size(); ++i) {
        const Project &p = scenario.projects[i];
        const Uncertainty &u = p.uncertainty;
        // Always four numbers per project: one project's ranges never shift another's draws.
        const double ua = rng.unit(), ub = rng.unit(), um = rng.unit(), uw = rng.unit();
        drawn[i].a = u.a ? uniformIn(*u.a, ua) : p.curve.a;
        drawn[i].b = u.b ? logUniformIn(*u.b, ub) : p.curve.b;
        drawn[i].midpoint = u.midpoint ? uniformIn(*u.midpoint, um) : p.curve.midpoint;
        drawn[i].weight = u.weight ? uniformIn(*u.weight, uw) : p.weight;
    }
    return drawn;
}

MonteCarloResult monteCarlo(const Scenario &scenario, const MonteCarloOptions &options)
{
    MonteCarloResult result;
    result.samples = options.samples;
    result.seed = options.seed;
    const std::size_t n = scenario.projects.size();
    if (std::string problem = sampleProblem(options.samples, n); !problem.empty()) {
        result.error = std::move(problem);
        return result;
    }
    AllocateOptions allocateOptions;
    allocateOptions.cancel = options.cancel;
    if (options.pointEfforts.size() == n) {
        result.pointEfforts = options.pointEfforts;
    } else {
        const AllocationResult point = allocate(scenario, scenario.totalEffort, options.method, allocateOptions);
        if (!point.ok()) {
            result.error = point.error;
            return result;
        }
        for (const ProjectAllocation &pa : point.allocation->projects)
            result.pointEfforts.push_back(pa.effort);
    }
    if (auto problem = feasibilityProblem(scenario, scenario.totalEffort)) {
        result.error = *problem;
        return result;
    }
    // Draws whose curves are all concave take greedy's threshold search directly (what allocate() runs
    // for them), warm-started at the point plan's water level: the same split, in a fraction of the steps.
    const bool greedyWhenConcave = options.method == Method::Auto || options.method == Method::Greedy;
    const double hint = scenario.allConcave() ? lastGain(scenario, result.pointEfforts) : 0.0;
    // Each draw's hint follows Σ w·a: for log curves the water level is about Σ w·a / T.
    const auto scaleOf = [n](const auto &weightTimesA) {
        double sum = 0;
        for (std::size_t i = 0; i < n; ++i)
            sum += weightTimesA(i);
        return sum;
    };
    const double pointScale
        = scaleOf([&](std::size_t i) { return scenario.projects[i].weight * scenario.projects[i].curve.a; });

    const auto samples = static_cast<std::size_t>(options.samples);
    result.efforts.assign(samples * n, 0);
    if (options.keepParameters)
        result.parameters.assign(samples * n, DrawnParameters{});
    std::vector<double> regrets(samples, 0.0);

    std::atomic<bool> stop{false};
    std::mutex errorMutex;
    std::size_t errorDraw = samples; // the earliest draw that failed, for a message that does not depend on timing
    std::string drawError;

    // Each thread's own copy of the scenario, its curves and weights overwritten by every draw it runs.
    const auto makeLocal = [&] {
        Scenario local;
        local.totalEffort = scenario.totalEffort;
        local.projects = scenario.projects;
        local.stages = scenario.stages;
        return local;
    };
    const auto runDraw = [&](Scenario &local, std::size_t d) {
        if (options.cancel && options.cancel->load(std::memory_order_relaxed)) {
            stop.store(true, std::memory_order_relaxed);
            return;
        }
        const std::vector<DrawnParameters> drawn = drawParameters(scenario, options.seed, d);
        for (std::size_t i = 0; i < n; ++i) {
            Project &p = local.projects[i];
            p.curve.a = drawn[i].a;
            p.curve.b = drawn[i].b;
            p.curve.midpoint = drawn[i].midpoint;
            p.weight = drawn[i].weight;
        }
        double objective = 0;
        if (greedyWhenConcave && local.allConcave()) {
            const double drawScale = scaleOf([&](std::size_t i) { return drawn[i].weight * drawn[i].a; });
            const double drawHint = pointScale > 0 && drawScale > 0 ? hint * (drawScale / pointScale) : hint;
            const std::vector<Effort> efforts = greedyConcaveEfforts(local, local.totalEffort, drawHint);
            std::copy(efforts.begin(), efforts.end(), result.efforts.begin() + static_cast<std::ptrdiff_t>(d * n));
            objective = objectiveOf(local, efforts);
        } else {
            const AllocationResult own = allocate(local, local.totalEffort, options.method, allocateOptions);
            if (!own.ok()) {
                const std::lock_guard lock(errorMutex);
                if (d < errorDraw) {
                    errorDraw = d;
                    drawError = own.error;
                }
                stop.store(true, std::memory_order_relaxed);
                return;
            }
            for (std::size_t i = 0; i < n; ++i)
                result.efforts[d * n + i] = own.allocation->projects[i].effort;
            objective = own.allocation->objective;
        }
        if (options.keepParameters)
            std::copy(drawn.begin(), drawn.end(), result.parameters.begin() + static_cast<std::ptrdiff_t>(d * n));
        regrets[d] = regretOf(objective, objectiveOf(local, result.pointEfforts));
    };
    parallelForWithState(samples, options.threads, makeLocal, runDraw, &stop);

    if (options.cancel && options.cancel->load()) {
        result = MonteCarloResult{};
        result.error = "cancelled";
        return result;
    }
    if (errorDraw < samples) {
        result.efforts.clear();
        result.parameters.clear();
        result.error
            = drawError == "cancelled" ? drawError : "draw " + std::to_string(errorDraw + 1) + ": " + drawError;
        return result;
    }

    // Summaries, in draw order: the same numbers whatever thread ran which draw.
    result.projects.assign(n, MonteCarloProject{});
    std::vector<Effort> column(samples);
    const auto rank = [&](double q) {
        const auto k = static_cast<std::size_t>(std::ceil(q * static_cast<double>(samples)));
        return std::clamp<std::size_t>(k, 1, samples) - 1;
    };
    for (std::size_t i = 0; i < n; ++i) {
        MonteCarloProject &mp = result.projects[i];
        mp.stageProbabilities.assign(scenario.stages.size(), 0.0);
        for (std::size_t d = 0; d < samples; ++d) {
            column[d] = result.efforts[d * n + i];
            for (std::size_t s = 0; s < scenario.stages.size(); ++s)
                if (column[d] >= scenario.stages[s].from)
                    mp.stageProbabilities[s] += 1;
        }
        for (double &p : mp.stageProbabilities)
            p /= static_cast<double>(samples);
        const auto quantile = [&](double q) {
            const auto at = column.begin() + static_cast<std::ptrdiff_t>(rank(q));
            std::nth_element(column.begin(), at, column.end());
            return *at;
        };
        mp.p5 = quantile(0.05);
        mp.p50 = quantile(0.50);
        mp.p95 = quantile(0.95);
    }
    double regretSum = 0;
    for (std::size_t d = 0; d < samples; ++d) {
        std::size_t top = 0;
        for (std::size_t i = 1; i < n; ++i)
            if (result.efforts[d * n + i] > result.efforts[d * n + top])
                top = i;
        if (n > 0)
            result.projects[top].topProbability += 1;
        regretSum += regrets[d];
    }
    for (MonteCarloProject &mp : result.projects)
        mp.topProbability /= static_cast<double>(samples);
    result.expectedRegret = regretSum / static_cast<double>(samples);
    return result;
}

std::string drawsCsv(const Scenario &scenario, const MonteCarloResult &result)
{
    std::string out = "draw,project,a,b,midpoint,weight,effort\n";
    const std::size_t n = scenario.projects.size();
    for (std::size_t d = 0; d < static_cast<std::size_t>(result.samples); ++d) {
        for (std::size_t i = 0; i < n; ++i) {
            const DrawnParameters &p = result.parameters[d * n + i];
            out += std::to_string(d + 1);
            out += ",\"";
            for (const char c : scenario.projects[i].name) {
                if (c == '"')
                    out += '"';
                out += c;
            }
            out += "\",";
            appendNumber(out, p.a);
            out += ',';
            appendNumber(out, p.b);
            out += ',';
            if (scenario.projects[i].curve.family == CurveFamily::Logistic)
                appendNumber(out, p.midpoint);
            out += ',';
            appendNumber(out, p.weight);
            out += ',';
            out += std::to_string(result.efforts[d * n + i]);
            out += '\n';
        }
    }
    return out;
}

} // namespace ef
