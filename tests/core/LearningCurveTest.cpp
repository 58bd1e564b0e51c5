// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// The learning-curve family a·(1 − (1 + x/s)^(−b)): values against hand computation, its power-law tail,
// and the allocators on it against the naive loop and the dynamic programme.
#include "Allocator.h"
#include "Curve.h"
#include "NaiveGreedy.h"
#include "RandomScenario.h"
#include "ScenarioFile.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>

using namespace ef;

namespace {
Curve learning(double a, double b, double s)
{
    Curve c{CurveFamily::Learning, a, b, 0.0};
    c.scale = s;
    return c;
}
} // namespace

TEST_CASE("learning curve: hand-computed values, f(0) = 0, concave", "[curve][learning]")
{
    const Curve c = learning(0.8, 0.5, 10);
    CHECK(familyName(CurveFamily::Learning) == "learning");
    CHECK(familyFromName("learning") == CurveFamily::Learning);
    CHECK(c.value(0) == 0);
    CHECK(c.value(30) == Approx(0.4));                        // 0.8·(1 − 4^(−1/2))
    CHECK(c.derivative(30) == Approx(0.005));                 // 0.8·0.5/10·4^(−3/2)
    CHECK(c.forwardDifference(30) == Approx(0.004908161340)); // 0.8·(4^(−1/2) − 4.1^(−1/2))
    CHECK(c.derivative(0) == Approx(0.04));                   // a·b/s
    CHECK(c.isConcave());
    CHECK(learning(1, 1e-6, 1e-9).isConcave());
    CHECK(learning(0, 2, 5).value(100) == 0);
}

TEST_CASE("learning curve: far past s it is c − k·x^(−β), and large-x gains keep their digits", "[curve][learning]")
{
    const double a = 1;
    const double beta = 0.5;
    const double s = 10;
    const Curve c = learning(a, beta, s);
    // Hestness et al.: c = a, k = a·s^β.
    const double x = 1e8;
    CHECK(c.value(x) == Approx(a - a * std::pow(s, beta) * std::pow(x, -beta)).epsilon(1e-6));
    // f(10⁹ + 1) − f(10⁹) to 50 digits (Python decimal): 4.999999921250001034e-14. The literal
    // subtraction of two values near 1 keeps about 3 of these digits; the closed form keeps them all.
    CHECK(c.forwardDifference(1'000'000'000) == Approx(4.999999921250001034e-14).epsilon(1e-12));
    CHECK(c.value(5) == Approx(0.183503419072274).epsilon(1e-13)); // 1 − 1.5^(−1/2)
}

TEST_CASE("learning curve: unitsWithGainAtLeast counts exactly what a scan counts", "[curve][learning]")
{
    std::mt19937_64 rng(20261128);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int trial = 0; trial < 300; ++trial) {
        const Curve c = learning(std::pow(10.0, 4 * unit(rng) - 2), std::pow(10.0, 3 * unit(rng) - 2),
                                 std::pow(10.0, 6 * unit(rng) - 3));
        const double weight = std::pow(10.0, 2 * unit(rng) - 1);
        const Effort lo = static_cast<Effort>(unit(rng) * 50);
        const Effort hi = lo + 1 + static_cast<Effort>(unit(rng) * 400);
        const double threshold
            = c.weightedGain(weight, lo + static_cast<Effort>(unit(rng) * static_cast<double>(hi - lo + 20)));
        Effort scanned = 0;
        for (Effort k = lo; k < hi; ++k)
            scanned += c.weightedGain(weight, k) >= threshold ? 1 : 0;
        INFO("a=" << c.a << " b=" << c.b << " s=" << c.scale << " lo=" << lo << " hi=" << hi);
        CHECK(c.unitsWithGainAtLeast(weight, threshold, lo, hi) == scanned);
    }
}

TEST_CASE("allocators on learning curves match the naive loop and the dynamic programme", "[allocator][learning]")
{
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int trial = 0; trial < 200; ++trial) {
        Scenario s;
        s.name = "learning";
        s.totalEffort = 1 + static_cast<Effort>(unit(rng) * 120);
        const int n = 1 + static_cast<int>(unit(rng) * 5);
        for (int i = 0; i < n; ++i) {
            Project p;
            p.name = "L";
            p.name += std::to_string(i);
            p.curve = learning(0.1 + unit(rng), 0.05 + 2 * unit(rng), 0.5 + 40 * unit(rng));
            p.weight = 0.2 + 3 * unit(rng);
            s.projects.push_back(p);
        }
        REQUIRE_FALSE(validateScenario(s, QStringLiteral("test")));
        const AllocationResult greedy = allocate(s, Method::Greedy);
        REQUIRE(greedy.ok());
        const std::vector<Effort> naive = test::naiveGreedy(s, s.totalEffort);
        for (std::size_t i = 0; i < naive.size(); ++i)
            CHECK(greedy.allocation->projects[i].effort == naive[i]);
        const auto dp = exactEffortsByDp(s, s.totalEffort);
        REQUIRE(dp);
        const double best = evaluate(s, *dp, Method::Exact).objective;
        CHECK(greedy.allocation->objective == Approx(best).epsilon(1e-12));
        const AllocationResult exact = allocate(s, s.totalEffort, Method::Exact);
        REQUIRE(exact.ok());
        CHECK(exact.allocation->objective == Approx(best).epsilon(1e-12));
    }
}
