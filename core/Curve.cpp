// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "Curve.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ef {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

/// σ(y) − σ(x) for x < y, with σ the logistic function, without cancellation in either tail.
double sigmoidDifference(double x, double y)
{
    const double oneMinusExpMinusGap = -std::expm1(x - y); // 1 − e^(−(y−x))
    if (x >= 0) {
        const double ex = std::exp(-x);
        return ex * oneMinusExpMinusGap / ((1 + ex) * (1 + std::exp(-y)));
    }
    if (y <= 0) {
        const double ey = std::exp(y);
        return ey * oneMinusExpMinusGap / ((1 + ey) * (1 + std::exp(x)));
    }
    // The two values straddle 1/2: no catastrophic cancellation.
    return 1 / (1 + std::exp(-y)) - 1 / (1 + std::exp(-x));
}

/// Last k in [lo, hi) with pred(k) true, or lo − 1 when there is none; pred must be true then false.
/// Starts at `hint` and gallops, so a good hint costs two or three evaluations.
template<typename Pred> Effort lastTrue(Effort lo, Effort hi, Effort hint, Pred pred)
{
    hint = std::clamp(hint, lo - 1, hi - 1);
    Effort good;
    Effort bad;
    if (hint >= lo && !pred(hint)) {
        bad = hint;
        good = lo - 1;
        for (Effort step = 1;; step *= 2) {
            const Effort probe = bad - step;
            if (probe < lo)
                break;
            if (pred(probe)) {
                good = probe;
                break;
            }
            bad = probe;
        }
    } else {
        good = hint;
        bad = hi;
        for (Effort step = 1;; step *= 2) {
            const Effort probe = good + step;
            if (probe >= hi)
                break;
            if (!pred(probe)) {
                bad = probe;
                break;
            }
            good = probe;
        }
    }
    while (bad - good > 1) {
        const Effort mid = good + (bad - good) / 2;
        (pred(mid) ? good : bad) = mid;
    }
    return good;
}

/// Converts a real-valued estimate of an index to an Effort inside [lo, hi], NaN going to lo.
Effort clampEstimate(double estimate, Effort lo, Effort hi)
{
    if (!(estimate >= static_cast<double>(lo)))
        return lo;
    if (estimate >= static_cast<double>(hi))
        return hi;
    return static_cast<Effort>(std::floor(estimate));
}

} // namespace

std::string_view familyName(CurveFamily family)
{
    switch (family) {
    case CurveFamily::Log:
        return "log";
    case CurveFamily::Log1p:
        return "log1p";
    case CurveFamily::Exp:
        return "exp";
    case CurveFamily::Power:
        return "power";
    case CurveFamily::Logistic:
        return "logistic";
    case CurveFamily::Learning:
        return "learning";
    }
    return "log";
}

std::optional<CurveFamily> familyFromName(std::string_view name)
{
    for (CurveFamily family : kAllFamilies)
        if (familyName(family) == name)
            return family;
    return std::nullopt;
}

double Curve::value(double x) const
{
    if (a == 0)
        return 0;
    switch (family) {
    case CurveFamily::Log:
        return x > 0 ? a * std::log(b * x) : -kInf;
    case CurveFamily::Log1p:
        return a * std::log1p(b * x);
    case CurveFamily::Exp:
        return -a * std::expm1(-b * x);
    case CurveFamily::Power:
        return x > 0 ? a * std::pow(x, b) : 0.0;
    case CurveFamily::Logistic:
        return a / (1 + std::exp(-b * (x - midpoint))) - a / (1 + std::exp(b * midpoint));
    case CurveFamily::Learning:
        return -a * std::expm1(-b * std::log1p(x / scale)); // a·(1 − (1 + x/s)^(−b))
    }
    return 0;
}

double Curve::derivative(double x) const
{
    if (a == 0)
        return 0;
    switch (family) {
    case CurveFamily::Log:
        return x > 0 ? a / x : kInf;
    case CurveFamily::Log1p:
        return a * b / (1 + b * x);
    case CurveFamily::Exp:
        return a * b * std::exp(-b * x);
    case CurveFamily::Power:
        if (x > 0)
            return a * b * std::pow(x, b - 1);
        return b < 1 ? kInf : (b == 1 ? a : 0.0);
    case CurveFamily::Logistic: {
        const double e = std::exp(-std::abs(b * (x - midpoint)));
        return a * b * e / ((1 + e) * (1 + e));
    }
    case CurveFamily::Learning: // a·b/s·(1 + x/s)^(−b−1), in logs: b/s alone may overflow
        return std::exp(std::log(a) + std::log(b) - std::log(scale) - (b + 1) * std::log1p(x / scale));
    }
    return 0;
}

double Curve::forwardDifference(Effort k) const
{
    if (a == 0)
        return 0;
    const auto x = static_cast<double>(k);
    switch (family) {
    case CurveFamily::Log:
        return k == 0 ? kInf : a * std::log1p(1 / x);
    case CurveFamily::Log1p:
        return a * std::log1p(b / (1 + b * x));
    case CurveFamily::Exp:
        return (a * -std::expm1(-b)) * std::exp(-b * x);
    case CurveFamily::Power:
        if (k == 0 || b == 1)
            return a;
        return a * std::pow(x, b) * std::expm1(b * std::log1p(1 / x));
    case CurveFamily::Logistic:
        return a * sigmoidDifference(b * (x - midpoint), b * (x + 1 - midpoint));
    case CurveFamily::Learning:
        // a·(1 + k/s)^(−b)·(1 − ((s + k + 1)/(s + k))^(−b)), each factor without cancellation.
        return a * std::exp(-b * std::log1p(x / scale)) * -std::expm1(-b * std::log1p(1 / (scale + x)));
    }
    return 0;
}

double Curve::weightedGain(double weight, Effort k) const
{
    if (weight == 0 || a == 0)
        return 0;
    const double difference = forwardDifference(k);
    return std::isinf(difference) ? difference : weight * difference;
}

bool Curve::isConcave() const
{
    switch (family) {
    case CurveFamily::Log:
    case CurveFamily::Log1p:
    case CurveFamily::Exp:
    case CurveFamily::Learning:
        return true;
    case CurveFamily::Power:
        return b <= 1;
    case CurveFamily::Logistic:
        return midpoint == 0;
    }
    return false;
}

Effort Curve::unitsWithGainAtLeast(double weight, double threshold, Effort lo, Effort hi) const
{
    if (hi <= lo)
        return 0;
    if (threshold <= 0)
        return hi - lo; // gains of increasing curves are never negative
    // A real-valued guess at the last unit whose gain reaches the threshold, from the family's inverse.
    const double gainScale = weight * a; // the weighted gain is gainScale × (a unit-free difference)
    double estimate = static_cast<double>(lo);
    if (gainScale > 0 && std::isfinite(threshold)) {
        const double ratio = threshold / gainScale;
        switch (family) {
        case CurveFamily::Log:
            estimate = 1 / std::expm1(ratio);
            break;
        case CurveFamily::Log1p:
            estimate = (b / std::expm1(ratio) - 1) / b;
            break;
        case CurveFamily::Exp:
            estimate = std::log(-std::expm1(-b) / ratio) / b;
            break;
        case CurveFamily::Power:
            estimate = b == 1 ? (ratio <= 1 ? static_cast<double>(hi) : -1.0) : std::pow(ratio / b, 1 / (b - 1)) - 0.5;
            break;
        case CurveFamily::Logistic: {
            // The gain is about w·f'(k + ½) = w·a·b·σ(1 − σ) past the midpoint: solve σ(1 − σ) = q there.
            const double q = ratio / b;
            if (q >= 0.25) {
                estimate = midpoint - 0.5;
            } else {
                const double root = std::sqrt(1 - 4 * q);
                const double tail = 2 * q / (1 + root); // 1 − σ, without cancellation
                estimate = midpoint + (std::log1p(-tail) - std::log(tail)) / b - 0.5;
            }
            break;
        }
        case CurveFamily::Learning: {
            // The gain is about w·f'(k + ½) = w·a·(b/s)·(1 + (k + ½)/s)^(−b−1): solve for k, in logs.
            const double t = -(std::log(ratio) + std::log(scale) - std::log(b)) / (b + 1);
            estimate = scale * std::expm1(t) - 0.5;
            break;
        }
        }
    }
    const Effort hint = clampEstimate(estimate, lo - 1, hi - 1);
    const Effort last = lastTrue(lo, hi, hint, [&](Effort k) { return weightedGain(weight, k) >= threshold; });
    return last - lo + 1;
}

} // namespace ef
