// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace ef {

/// Effort is counted in whole units (think engineer-weeks).
using Effort = std::int64_t;

/// The effort→accuracy curve families of MODEL.md.
enum class CurveFamily {
    Log,      ///< a·ln(b·x); −∞ at x = 0. The reference model.
    Log1p,    ///< a·ln(1 + b·x); f(0) = 0.
    Exp,      ///< a·(1 − e^(−b·x)); saturates at a.
    Power,    ///< a·x^b; concave for b ≤ 1.
    Logistic, ///< a/(1 + e^(−b(x − m))) − a/(1 + e^(b·m)); S-shaped, f(0) = 0.
    Learning, ///< a·(1 − (1 + x/s)^(−b)); a power-law learning curve rising to a, f(0) = 0.
};

/// The family's name as written in scenario files ("log", "log1p", ...).
std::string_view familyName(CurveFamily family);
/// Parses a family name; std::nullopt when unknown.
std::optional<CurveFamily> familyFromName(std::string_view name);
/// All families, in the order of MODEL.md.
inline constexpr CurveFamily kAllFamilies[] = {CurveFamily::Log,   CurveFamily::Log1p,    CurveFamily::Exp,
                                               CurveFamily::Power, CurveFamily::Logistic, CurveFamily::Learning};

/**
 * One effort→accuracy curve f(x).
 *
 * Parameters are plain data; validity (a ≥ 0, b > 0, midpoint ≥ 0, scale > 0, all finite) is checked by
 * ScenarioFile and by the editors, not here. With a = 0 the curve is identically zero (including the
 * log family at x = 0, where 0·ln(0) is taken as 0).
 *
 * The forward difference f(k+1) − f(k) is computed in closed form (log1p/expm1), mathematically equal
 * to the difference but free of the cancellation that the literal subtraction suffers at large k. The
 * greedy allocators, the naive reference loop and the tests all use this one definition.
 */
struct Curve {
    CurveFamily family = CurveFamily::Log;
    double a = 0.1;        ///< Scale (≥ 0): how much accuracy the project can buy.
    double b = 1.0;        ///< Rate (> 0): how fast effort turns into accuracy.
    double midpoint = 0.0; ///< Logistic only: the effort at the S-curve's steepest point (≥ 0).
    double scale = 1.0;    ///< Learning only: the effort scale s (> 0) where the power-law tail begins; 1 otherwise.

    /// f(x) for a real effort x ≥ 0. −∞ for the log family at x = 0 (when a > 0).
    [[nodiscard]] double value(double x) const;
    /// f'(x) for x ≥ 0 (+∞ for the log family at 0 when a > 0).
    [[nodiscard]] double derivative(double x) const;
    /// f(k+1) − f(k) for a whole number of units k ≥ 0; +∞ where f(k) = −∞.
    [[nodiscard]] double forwardDifference(Effort k) const;
    /// Weighted marginal gain of unit k+1: w·(f(k+1) − f(k)). Zero whenever w = 0 or a = 0,
    /// +∞ where f(k) = −∞ and w > 0.
    [[nodiscard]] double weightedGain(double weight, Effort k) const;

    /**
     * True when f is concave on [0, ∞) for these parameters, so that its forward differences never
     * increase and the greedy split is optimal: log, log1p, exp and learning always; power for b ≤ 1;
     * logistic only with midpoint 0.
     */
    [[nodiscard]] bool isConcave() const;

    /**
     * For a concave curve: how many units k in [lo, hi) have weightedGain(weight, k) ≥ threshold.
     * Uses the family's closed-form inverse as a first guess and corrects it with a few evaluations,
     * so the answer is exact for the computed gains. Requires gains that do not increase on [lo, hi):
     * isConcave(), or the falling part of an S-curve (past its steepest unit).
     */
    [[nodiscard]] Effort unitsWithGainAtLeast(double weight, double threshold, Effort lo, Effort hi) const;

    friend bool operator==(const Curve &, const Curve &) = default;
};

} // namespace ef
