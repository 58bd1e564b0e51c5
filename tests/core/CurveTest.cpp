// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// Curve maths against values computed by hand (a calculator, not this code).
#include "Curve.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <random>

using namespace ef;

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
Curve curve(CurveFamily family, double a, double b, double midpoint = 0)
{
    return Curve{family, a, b, midpoint};
}
} // namespace

TEST_CASE("family names round-trip and unknown names are refused", "[curve]")
{
    for (CurveFamily family : kAllFamilies)
        CHECK(familyFromName(familyName(family)) == family);
    CHECK(familyName(CurveFamily::Log1p) == "log1p");
    CHECK_FALSE(familyFromName("Log").has_value());
    CHECK_FALSE(familyFromName("").has_value());
}

TEST_CASE("log curve: a·ln(b·x), −∞ at zero, gain independent of b", "[curve]")
{
    const Curve c = curve(CurveFamily::Log, 0.1, 2.0);
    CHECK(c.value(1) == Approx(0.0693147181));  // 0.1·ln 2
    CHECK(c.value(50) == Approx(0.4605170186)); // 0.1·ln 100
    CHECK(c.value(0) == -kInf);
    CHECK(c.derivative(2) == Approx(0.05));
    CHECK(c.forwardDifference(0) == kInf);
    CHECK(c.forwardDifference(1) == Approx(0.0693147181));  // 0.1·ln(2/1)
    CHECK(c.forwardDifference(33) == Approx(0.0029852963)); // 0.1·ln(34/33)
    CHECK(c.weightedGain(6, 33) == Approx(6 * 0.0029852963));
    CHECK(c.weightedGain(2, 0) == kInf);
    CHECK(c.weightedGain(0, 0) == 0); // weight 0: never +∞·0 = NaN
    const Curve other = curve(CurveFamily::Log, 0.1, 1000.0);
    for (Effort k = 1; k < 200; ++k)
        CHECK(other.forwardDifference(k) == c.forwardDifference(k));
    CHECK(curve(CurveFamily::Log, 0, 2).value(0) == 0); // a = 0 is the zero curve
}

TEST_CASE("log1p, exp and power curves match hand-computed values", "[curve]")
{
    const Curve l = curve(CurveFamily::Log1p, 2, 0.5);
    CHECK(l.value(0) == 0);
    CHECK(l.value(3) == Approx(1.8325814637));             // 2·ln 2.5
    CHECK(l.forwardDifference(1) == Approx(0.5753641449)); // 2·ln(2/1.5)
    CHECK(l.derivative(2) == Approx(0.5));                 // 2·0.5/(1+1)

    const Curve e = curve(CurveFamily::Exp, 1, 0.1);
    CHECK(e.value(0) == 0);
    CHECK(e.value(10) == Approx(0.6321205588));            // 1 − e^−1
    CHECK(e.forwardDifference(0) == Approx(0.0951625820)); // 1 − e^−0.1
    CHECK(e.forwardDifference(10) == Approx(0.0350084));   // e^−1 − e^−1.1
    CHECK(e.derivative(0) == Approx(0.1));

    const Curve p = curve(CurveFamily::Power, 2, 0.5);
    CHECK(p.value(4) == Approx(4));
    CHECK(p.value(0) == 0);
    CHECK(p.forwardDifference(0) == Approx(2));
    CHECK(p.forwardDifference(3) == Approx(0.5358983849)); // 2·(2 − √3)
    CHECK(p.derivative(4) == Approx(0.5));
    CHECK(p.derivative(0) == kInf);
    CHECK(curve(CurveFamily::Power, 3, 1).forwardDifference(12345) == 3); // linear: constant gains
}

TEST_CASE("logistic curve is zero at zero and S-shaped around its midpoint", "[curve]")
{
    const Curve s = curve(CurveFamily::Logistic, 1, 1, 2);
    CHECK(s.value(0) == 0);
    CHECK(s.value(2) == Approx(0.3807970780));             // 0.5 − 1/(1+e²)
    CHECK(s.forwardDifference(1) == Approx(0.2310585786)); // σ(0) − σ(−1)
    CHECK(s.derivative(2) == Approx(0.25));
    // Far tails keep full relative precision instead of cancelling to 0.
    CHECK(s.forwardDifference(60) == Approx(std::exp(-58.0) * (1 - std::exp(-1.0))).epsilon(1e-9));
    CHECK(s.forwardDifference(60) > s.forwardDifference(61));
}

TEST_CASE("concavity by family and parameters", "[curve]")
{
    CHECK(curve(CurveFamily::Log, 1, 1).isConcave());
    CHECK(curve(CurveFamily::Log1p, 1, 1).isConcave());
    CHECK(curve(CurveFamily::Exp, 1, 1).isConcave());
    CHECK(curve(CurveFamily::Power, 1, 0.5).isConcave());
    CHECK(curve(CurveFamily::Power, 1, 1).isConcave());
    CHECK_FALSE(curve(CurveFamily::Power, 1, 1.5).isConcave());
    CHECK(curve(CurveFamily::Logistic, 1, 1, 0).isConcave());
    CHECK_FALSE(curve(CurveFamily::Logistic, 1, 1, 10).isConcave());
}

TEST_CASE("forward difference equals f(k+1) − f(k) where the subtraction is accurate", "[curve]")
{
    const Curve curves[] = {curve(CurveFamily::Log, 0.3, 4),     curve(CurveFamily::Log1p, 1.5, 0.2),
                            curve(CurveFamily::Exp, 2, 0.05),    curve(CurveFamily::Power, 0.7, 0.6),
                            curve(CurveFamily::Power, 0.7, 1.4), curve(CurveFamily::Logistic, 1, 0.3, 20)};
    for (const Curve &c : curves) {
        for (Effort k = 1; k <= 60; ++k) {
            const double literal = c.value(static_cast<double>(k + 1)) - c.value(static_cast<double>(k));
            INFO(familyName(c.family) << " k=" << k);
            CHECK(c.forwardDifference(k) == Approx(literal).epsilon(1e-9).margin(1e-15));
        }
    }
}

TEST_CASE("gains of concave curves never increase, even at ten million units", "[curve]")
{
    const Curve curves[]
        = {curve(CurveFamily::Log, 0.3, 4), curve(CurveFamily::Log1p, 1.5, 0.2), curve(CurveFamily::Exp, 2, 1e-6),
           curve(CurveFamily::Power, 0.7, 0.6), curve(CurveFamily::Logistic, 1, 1e-6, 0)};
    for (const Curve &c : curves) {
        for (Effort start : {Effort{0}, Effort{1000}, Effort{9'999'000}}) {
            double previous = c.weightedGain(1.5, start);
            for (Effort k = start + 1; k < start + 1000; ++k) {
                const double gain = c.weightedGain(1.5, k);
                INFO(familyName(c.family) << " k=" << k);
                REQUIRE(gain <= previous);
                REQUIRE(gain >= 0);
                previous = gain;
            }
        }
    }
}

TEST_CASE("unitsWithGainAtLeast counts exactly what a scan counts", "[curve]")
{
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> unit(0, 1);
    const Curve curves[] = {curve(CurveFamily::Log, 0.3, 4),     curve(CurveFamily::Log1p, 1.5, 0.2),
                            curve(CurveFamily::Exp, 2, 0.01),    curve(CurveFamily::Power, 0.7, 0.6),
                            curve(CurveFamily::Power, 0.7, 1.0), curve(CurveFamily::Logistic, 1, 0.05, 0)};
    for (const Curve &c : curves) {
        for (int trial = 0; trial < 200; ++trial) {
            const Effort lo = std::uniform_int_distribution<Effort>(0, 50)(rng);
            const Effort hi = lo + std::uniform_int_distribution<Effort>(0, 400)(rng);
            const double weight = 0.5 + unit(rng) * 3;
            // Thresholds drawn from real gains (exact ties) and in between.
            const Effort probe = std::uniform_int_distribution<Effort>(0, 450)(rng);
            const double threshold
                = trial % 2 ? c.weightedGain(weight, probe) : c.weightedGain(weight, probe) * (0.5 + unit(rng));
            Effort scanned = 0;
            for (Effort k = lo; k < hi; ++k)
                scanned += c.weightedGain(weight, k) >= threshold ? 1 : 0;
            INFO(familyName(c.family) << " lo=" << lo << " hi=" << hi << " threshold=" << threshold);
            CHECK(c.unitsWithGainAtLeast(weight, threshold, lo, hi) == scanned);
        }
        CHECK(c.unitsWithGainAtLeast(1, kInf, 0, 10) == (c.family == CurveFamily::Log ? 1 : 0));
        CHECK(c.unitsWithGainAtLeast(1, 0, 3, 10) == 7);
    }
}
