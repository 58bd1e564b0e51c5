// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Allocation.h"
#include "Scenario.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace ef {

/// The most draws one Monte Carlo run takes (--samples).
inline constexpr int kMaxSamples = 100'000;
/// The most draws × projects one run keeps (the efforts of every draw, and their parameters).
inline constexpr std::int64_t kMaxSampleCells = 4'000'000;
/// The seed when none is given (--seed).
inline constexpr std::uint64_t kDefaultSeed = 1;

/// How to run the Monte Carlo.
struct MonteCarloOptions {
    int samples = 1000; ///< Number of draws, 1 to kMaxSamples.
    std::uint64_t seed = kDefaultSeed;
    Method method = Method::Auto; ///< Used for the point plan and for every draw.
    unsigned threads = 0;         ///< Worker threads; 0 = std::thread::hardware_concurrency().
    bool keepParameters = true;   ///< Keep every draw's a, b, midpoint and weight (for the CSV).
    /// The plan whose regret is measured, one effort per project; empty: allocate the scenario's own
    /// values with `method` (a caller that already has the point plan passes it).
    std::vector<Effort> pointEfforts;
    /// Polled before every draw and inside every allocation; once true the run returns "cancelled".
    const std::atomic<bool> *cancel = nullptr;
};

/// One project's parameters in one draw.
struct DrawnParameters {
    double a = 0;
    double b = 0;
    double midpoint = 0;
    double weight = 0;
};

/// What the draws say about one project.
struct MonteCarloProject {
    /// Effort quantiles by nearest rank: with the draws' efforts sorted e₁ ≤ … ≤ e_N, the q-quantile
    /// is e_k with k = ⌈q·N⌉ (at least 1). Always an effort some draw gave.
    Effort p5 = 0;
    Effort p50 = 0;
    Effort p95 = 0;
    /// Per stage of the scenario: the share of draws whose effort reaches it (effort ≥ its `from`).
    std::vector<double> stageProbabilities;
    /// The share of draws in which this project gets the most effort (ties to the earliest project).
    double topProbability = 0;
};

/// The outcome of a Monte Carlo run, or why there is none.
struct MonteCarloResult {
    std::string error; ///< Empty on success; "cancelled", or the allocation error of a draw.
    int samples = 0;
    std::uint64_t seed = 0;
    std::vector<Effort> pointEfforts; ///< The point plan (the scenario's own values), per project.
    std::vector<MonteCarloProject> projects;
    /**
     * The mean over draws of (objective of the draw's own split − objective of the point plan on the
     * draw's curves): what planning on the point values costs, on average, if the draws are the truth.
     * ≥ 0; +∞ when the point plan gives a weighted log curve nothing in some draw.
     */
    double expectedRegret = 0;
    /// Raw draws, row-major: efforts[d·n + i] is project i's effort in draw d.
    std::vector<Effort> efforts;
    /// Same layout; empty unless options.keepParameters.
    std::vector<DrawnParameters> parameters;

    [[nodiscard]] bool ok() const { return error.empty(); }
};

/// Why `samples` draws of `projects` projects cannot be run, or an empty string.
std::string sampleProblem(std::int64_t samples, std::size_t projects);

/**
 * Draw `d`'s parameters for every project: each range of Project::uncertainty drawn independently
 * (uniform for a, midpoint and weight; log-uniform for b), the point value where there is no range.
 * The generator is splitmix64 seeded from (seed, d) alone, and four numbers are drawn per project
 * whether or not it is uncertain, so a draw never depends on the thread that runs it, nor on other
 * projects' ranges.
 */
std::vector<DrawnParameters> drawParameters(const Scenario &scenario, std::uint64_t seed, std::uint64_t d);

/**
 * Runs `options.samples` draws of the scenario's uncertain parameters, allocates each with
 * `options.method` on all cores, and summarises them. The result is the same, byte for byte, for any
 * thread count. The scenario is only read. The point plan is allocated first; its error (infeasible
 * bounds, a problem too big) is the run's error.
 */
MonteCarloResult monteCarlo(const Scenario &scenario, const MonteCarloOptions &options = {});

/**
 * The raw draws as CSV, one row per draw × project: draw (1…N), project (its name, quoted), a, b,
 * midpoint (empty for curves without one), weight, effort. Numbers in their shortest round-trip form.
 * Precondition: `result` is ok and kept its parameters.
 */
std::string drawsCsv(const Scenario &scenario, const MonteCarloResult &result);

} // namespace ef
