// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// Least-squares fits of every curve family: known parameters recovered from exact and noisy points,
// AICc's choice of family, standard errors against the textbook regression formula, and refusals.
#include "Fit.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <cmath>
#include <limits>
#include <random>

using namespace ef;

namespace {

Curve curve(CurveFamily family, double a, double b, double third = 0)
{
    Curve c{family, a, b, family == CurveFamily::Logistic ? third : 0.0};
    if (family == CurveFamily::Learning)
        c.scale = third;
    return c;
}

/// The generating curves: plausible accuracies over 1…100 units.
const Curve kTruth[] = {
    curve(CurveFamily::Log, 0.1, 2),
    curve(CurveFamily::Log1p, 0.15, 0.2),
    curve(CurveFamily::Exp, 0.9, 0.04),
    curve(CurveFamily::Power, 0.05, 0.4),
    curve(CurveFamily::Logistic, 0.8, 0.15, 40),
    curve(CurveFamily::Learning, 0.9, 0.6, 15),
};

/// 50 points at efforts 2, 4, …, 100, with Gaussian noise of standard deviation `noise`.
std::vector<Observation> sample(const Curve &c, double noise, std::uint64_t seed = 1)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> gauss(0.0, 1.0);
    std::vector<Observation> points;
    for (int i = 1; i <= 50; ++i) {
        const double x = 2.0 * i;
        points.push_back({x, c.value(x) + (noise > 0 ? noise * gauss(rng) : 0.0)});
    }
    return points;
}

double third(const Curve &c)
{
    return c.family == CurveFamily::Logistic ? c.midpoint : (c.family == CurveFamily::Learning ? c.scale : 0.0);
}

double thirdError(const FitResult &fit)
{
    return fit.curve.family == CurveFamily::Logistic ? fit.standardErrors.midpoint : fit.standardErrors.scale;
}

} // namespace

TEST_CASE("fits recover every family's parameters from exact points (relative error 1e-6)", "[fit]")
{
    for (const Curve &truth : kTruth) {
        INFO(std::string(familyName(truth.family)));
        const FitResult fit = fitCurve(sample(truth, 0), truth.family);
        REQUIRE(fit.ok());
        CHECK(fit.curve.family == truth.family);
        CHECK(fit.curve.a == Approx(truth.a).epsilon(1e-6));
        CHECK(fit.curve.b == Approx(truth.b).epsilon(1e-6));
        CHECK(third(fit.curve) == Approx(third(truth)).epsilon(1e-6).margin(1e-12));
        CHECK(fit.r2 == Approx(1).epsilon(1e-10));
        CHECK(fit.points == 50);
        CHECK(fit.residuals.size() == 50);
    }
}

TEST_CASE("fits recover every family from noisy points (noise 0.005, seed 1)", "[fit]")
{
    // Tolerances: each parameter within 4 of its standard errors of the truth (a 4σ band: a fixed seed
    // makes this deterministic, and a fit whose errors were wrong would miss it), and the fitted curve
    // within 0.01 of the true one everywhere on 2…100 (noise is 0.005).
    for (const Curve &truth : kTruth) {
        INFO(std::string(familyName(truth.family)));
        const FitResult fit = fitCurve(sample(truth, 0.005), truth.family);
        REQUIRE(fit.ok());
        INFO("a=" << fit.curve.a << "±" << fit.standardErrors.a << " b=" << fit.curve.b << "±" << fit.standardErrors.b
                  << " third=" << third(fit.curve) << "±" << thirdError(fit));
        CHECK(std::abs(fit.curve.a - truth.a) <= 4 * fit.standardErrors.a);
        CHECK(std::abs(fit.curve.b - truth.b) <= 4 * fit.standardErrors.b);
        if (truth.family == CurveFamily::Logistic || truth.family == CurveFamily::Learning)
            CHECK(std::abs(third(fit.curve) - third(truth)) <= 4 * thirdError(fit));
        for (double x = 2; x <= 100; x += 0.5)
            CHECK(std::abs(fit.curve.value(x) - truth.value(x)) < 0.01);
        CHECK(fit.r2 > 0.98);
    }
}

TEST_CASE("auto picks the generating family by AICc on clear cases", "[fit]")
{
    for (const Curve &truth : kTruth) {
        INFO(std::string(familyName(truth.family)));
        const FitResult best = fitBestCurve(sample(truth, 0.002, 42));
        REQUIRE(best.ok());
        CHECK(best.curve.family == truth.family);
    }
}

TEST_CASE("R², AICc and standard errors follow their formulas", "[fit]")
{
    const std::vector<Observation> points = sample(kTruth[0], 0.01, 3);
    const FitResult fit = fitCurve(points, CurveFamily::Log);
    REQUIRE(fit.ok());
    const double n = 50;
    const double p = 2;
    double ssr = 0;
    double mean = 0;
    double meanLog = 0;
    for (const Observation &o : points) {
        mean += o.accuracy / n;
        meanLog += std::log(o.effort) / n;
    }
    double sst = 0;
    double sxx = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double r = points[i].accuracy - fit.curve.value(points[i].effort);
        CHECK(fit.residuals[i] == Approx(r).margin(1e-15));
        ssr += r * r;
        sst += (points[i].accuracy - mean) * (points[i].accuracy - mean);
        sxx += (std::log(points[i].effort) - meanLog) * (std::log(points[i].effort) - meanLog);
    }
    CHECK(fit.ssr == Approx(ssr));
    CHECK(fit.r2 == Approx(1 - ssr / sst));
    CHECK(fit.aicc == Approx(n * std::log(ssr / n) + 2 * p + 2 * p * (p + 1) / (n - p - 1)));
    // a is the slope of accuracy on ln(effort): the textbook se(slope) = sqrt(σ²/Sxx), σ² = SSR/(n − 2).
    CHECK(fit.standardErrors.a == Approx(std::sqrt(ssr / (n - p) / sxx)));
    CHECK(std::isnan(fit.standardErrors.midpoint));
    CHECK(std::isnan(fit.standardErrors.scale));

    // n − p − 1 = 0: AICc is undefined; n = p: no standard errors.
    const std::vector<Observation> three(points.begin(), points.begin() + 3);
    const FitResult small = fitCurve(three, CurveFamily::Exp);
    REQUIRE(small.ok());
    CHECK(std::isnan(small.aicc));
    const FitResult exact = fitCurve(three, CurveFamily::Learning);
    REQUIRE(exact.ok());
    CHECK(std::isnan(exact.standardErrors.a));
}

TEST_CASE("bad observations are refused with a plain message", "[fit]")
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<Observation> negative = {{1, 0.1}, {-2, 0.2}, {3, 0.3}};
    FitResult fit = fitCurve(negative, CurveFamily::Exp);
    CHECK_FALSE(fit.ok());
    CHECK(fit.error == "observation 2: the effort is negative (-2)");
    fit = fitBestCurve(negative);
    CHECK(fit.error == "observation 2: the effort is negative (-2)");

    fit = fitCurve({{1, 0.1}, {2, nan}, {3, 0.3}}, CurveFamily::Power);
    CHECK(fit.error == "observation 2: the accuracy is not a finite number");
    fit = fitCurve({{nan, 0.1}, {2, 0.2}}, CurveFamily::Power);
    CHECK(fit.error == "observation 1: the effort is not a finite number");

    fit = fitCurve({{1, 0.1}}, CurveFamily::Exp);
    CHECK(fit.error == "1 observation; the exp family has 2 parameters and needs at least 2 points");
    fit = fitCurve({{1, 0.1}, {2, 0.2}}, CurveFamily::Learning);
    CHECK(fit.error == "2 observations; the learning family has 3 parameters and needs at least 3 points");
    fit = fitCurve({{5, 0.1}, {5, 0.2}, {5, 0.3}}, CurveFamily::Log1p);
    CHECK(fit.error == "the observations have 1 different effort; the log1p family needs at least 2");
    fit = fitCurve({{0, 0.1}, {5, 0.2}, {9, 0.3}}, CurveFamily::Log);
    CHECK(fit.error == "a log curve is −∞ at zero effort: every effort must be above 0");
    fit = fitCurve({{1, -0.1}, {2, -0.2}, {3, -0.3}, {4, -0.4}}, CurveFamily::Exp); // best a would be < 0
    CHECK(fit.error == "the observations do not rise with effort: the exp family would need a ≤ 0");
    fit = fitBestCurve({{1, 0.1}, {2, 0.2}, {3, 0.25}});
    CHECK(fit.error
          == "3 observations; choosing a family by AICc needs at least 4 points (p + 2 for a 2-parameter "
             "curve)");
}

TEST_CASE("a raised cancel flag stops a fit with the error \"cancelled\"", "[fit][cancel]")
{
    std::vector<Observation> points;
    const Curve truth = curve(CurveFamily::Logistic, 0.8, 0.1, 40);
    for (int x = 1; x <= 100; ++x)
        points.push_back({static_cast<double>(x), truth.value(x)});
    std::atomic<bool> cancel{true};
    for (CurveFamily family : {CurveFamily::Exp, CurveFamily::Power, CurveFamily::Logistic, CurveFamily::Learning}) {
        const FitResult stopped = fitCurve(points, family, &cancel);
        CHECK(stopped.error == "cancelled");
    }
    const FitResult best = fitBestCurve(points, &cancel);
    CHECK(best.error == "cancelled");
    CHECK(best.points == 100);
    // Not raised: the same fit goes through.
    cancel = false;
    const FitResult fitted = fitCurve(points, CurveFamily::Logistic, &cancel);
    REQUIRE(fitted.ok());
    CHECK(fitted.curve.midpoint == Approx(40).epsilon(1e-6));
}
