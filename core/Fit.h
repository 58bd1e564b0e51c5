// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Curve.h"
#include "Observation.h"

#include <atomic>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace ef {

/// Standard errors of a fitted curve's parameters (NaN where they cannot be estimated: as many points as
/// parameters, or a singular Jacobian).
struct FitStandardErrors {
    double a = std::numeric_limits<double>::quiet_NaN();
    double b = std::numeric_limits<double>::quiet_NaN();
    double midpoint = std::numeric_limits<double>::quiet_NaN(); ///< Logistic only.
    double scale = std::numeric_limits<double>::quiet_NaN();    ///< Learning only.
};

/**
 * A least-squares fit of one curve family to observations, or why there is none (`error`, one line).
 * On failure the other fields mean nothing.
 */
struct FitResult {
    std::string error; ///< Empty on success.
    Curve curve;       ///< The fitted curve (valid for a scenario file).
    std::size_t points = 0;
    int parameters = 0; ///< p: 2, or 3 for logistic and learning.
    double ssr = 0;     ///< Σ residual².
    double r2 = 0;      ///< 1 − SSR/SST; NaN when every accuracy is the same (SST = 0).
    /// Small-sample Akaike criterion n·ln(SSR/n) + 2p + 2p(p+1)/(n−p−1), SSR floored at
    /// n·(10⁻¹⁰·max|y|)²; NaN when n − p − 1 ≤ 0.
    double aicc = 0;
    std::vector<double> residuals; ///< accuracy − f(effort), one per observation, in their order.
    FitStandardErrors standardErrors;

    [[nodiscard]] bool ok() const { return error.empty(); }
};

/// The number of parameters of `family` fitted by fitCurve: 2, or 3 for logistic and learning.
int parameterCount(CurveFamily family);

/// The first problem in `observations` for fitting (a negative or non-finite effort, a non-finite
/// accuracy, too many points), as one line naming the point (1-based); empty when there is none.
std::string observationProblem(const std::vector<Observation> &observations);

/**
 * Fits `family` to `observations` by least squares, respecting the parameter domains and file limits
 * (a ≥ 0, b > 0, power b ≤ 10, midpoint ≥ 0, scale > 0). log is solved exactly by ordinary least
 * squares; the others by variable projection (a grid over the non-linear parameters with the best `a`
 * in closed form) refined by Levenberg–Marquardt. Fails, with a plain message, on bad data, fewer
 * points (or distinct efforts) than parameters, data that do not rise with effort, a fit outside the
 * limits, or no convergence. Once `cancel` (may be null) is true the fit stops and fails with the error
 * "cancelled" (it is polled between grid points and Levenberg–Marquardt iterations).
 */
FitResult fitCurve(const std::vector<Observation> &observations, CurveFamily family,
                   const std::atomic<bool> *cancel = nullptr);

/// Fits every family and returns the one with the lowest AICc (ties: the earlier family in
/// kAllFamilies). Needs n ≥ p + 2 points for a family to be a candidate. `cancel` as for fitCurve.
FitResult fitBestCurve(const std::vector<Observation> &observations, const std::atomic<bool> *cancel = nullptr);

} // namespace ef
