// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "Fit.h"

#include "ScenarioFile.h"

#include <Eigen/Dense>

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <sstream>

namespace ef {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
/// The error of a fit stopped by its caller's cancel flag.
constexpr const char *kCancelled = "cancelled";

bool cancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}
constexpr double kMinB = 1e-12;          // the smallest rate or exponent the search considers
constexpr double kMinScale = 1e-9;       // the smallest learning-curve scale the search considers
constexpr int kMaxIterations = 500;      // Levenberg–Marquardt iterations before "did not converge"
constexpr std::size_t kGridPoints = 400; // observations the starting grid is evaluated on, at most

using Vector = Eigen::VectorXd;
using Matrix = Eigen::MatrixXd;

std::string shortNumber(double value)
{
    std::ostringstream out;
    out.precision(6);
    out << value;
    return out.str();
}

/// The non-linear parameters of a family, in the space the search works in: ln b, then the midpoint
/// (logistic) or ln s (learning). Bounds keep every point inside the family's domain.
struct Space {
    CurveFamily family;
    int dims;
    double lo[2];
    double hi[2];

    Curve curve(double a, const double *q) const
    {
        Curve c;
        c.family = family;
        c.a = a;
        c.b = std::exp(q[0]);
        if (family == CurveFamily::Logistic)
            c.midpoint = q[1];
        if (family == CurveFamily::Learning)
            c.scale = std::exp(q[1]);
        return c;
    }
    void clamp(double *q) const
    {
        for (int i = 0; i < dims; ++i)
            q[i] = std::clamp(q[i], lo[i], hi[i]);
    }
};

Space spaceFor(CurveFamily family)
{
    Space s{family, 1, {std::log(kMinB), 0}, {std::log(limits::maxB(family)), 0}};
    if (family == CurveFamily::Logistic) {
        s.dims = 2;
        s.lo[1] = 0;
        s.hi[1] = limits::kMaxMidpoint;
    } else if (family == CurveFamily::Learning) {
        s.dims = 2;
        s.lo[1] = std::log(kMinScale);
        s.hi[1] = std::log(limits::kMaxScale);
    }
    return s;
}

/// ∂f/∂(a, b, third parameter) at x: the columns of the Jacobian in the parameters as reported.
void gradient(const Curve &c, double x, double *out)
{
    const double a = c.a;
    const double b = c.b;
    out[2] = 0;
    switch (c.family) {
    case CurveFamily::Log:
        out[0] = std::log(b * x);
        out[1] = a / b;
        return;
    case CurveFamily::Log1p:
        out[0] = std::log1p(b * x);
        out[1] = a * x / (1 + b * x);
        return;
    case CurveFamily::Exp:
        out[0] = -std::expm1(-b * x);
        out[1] = a * x * std::exp(-b * x);
        return;
    case CurveFamily::Power:
        out[0] = x > 0 ? std::pow(x, b) : 0.0;
        out[1] = x > 0 ? a * std::pow(x, b) * std::log(x) : 0.0;
        return;
    case CurveFamily::Logistic: {
        const double m = c.midpoint;
        const auto sigma = [](double u) { return 1 / (1 + std::exp(-u)); };
        const auto slope = [&](double u) { return sigma(u) * sigma(-u); };
        const double u = b * (x - m);
        out[0] = sigma(u) - sigma(-b * m);
        out[1] = a * (slope(u) * (x - m) + slope(-b * m) * m);
        out[2] = a * b * (slope(-b * m) - slope(u));
        return;
    }
    case CurveFamily::Learning: {
        const double s = c.scale;
        const double l = std::log1p(x / s);
        const double tail = std::exp(-b * l); // (1 + x/s)^(−b)
        out[0] = -std::expm1(-b * l);
        out[1] = a * tail * l;
        out[2] = -a * b * x / (s * s) * tail / (1 + x / s);
        return;
    }
    }
}

struct Data {
    std::vector<double> x;
    std::vector<double> y;
};

double ssrOf(const Curve &c, const Data &d)
{
    double ssr = 0;
    for (std::size_t i = 0; i < d.x.size(); ++i) {
        const double r = d.y[i] - c.value(d.x[i]);
        ssr += r * r;
    }
    return ssr;
}

/// Variable projection: for fixed non-linear parameters the best a ≥ 0 in closed form; its SSR.
double projected(const Space &space, const double *q, const Data &d, double &a)
{
    const Curve unit = space.curve(1.0, q);
    double gy = 0;
    double gg = 0;
    for (std::size_t i = 0; i < d.x.size(); ++i) {
        const double g = unit.value(d.x[i]);
        gy += g * d.y[i];
        gg += g * g;
    }
    a = gg > 0 && gy > 0 ? gy / gg : 0.0;
    if (!std::isfinite(a))
        a = 0;
    return ssrOf(space.curve(a, q), d);
}

/// Levenberg–Marquardt on (a, q) from a start; returns false when it does not converge.
bool refine(const Space &space, const Data &d, double &a, double *q, double &ssr, const std::atomic<bool> *cancel)
{
    const int k = 1 + space.dims;
    const auto n = static_cast<Eigen::Index>(d.x.size());
    const auto evaluate = [&](double pa, const double *pq) { return ssrOf(space.curve(pa, pq), d); };
    ssr = evaluate(a, q);
    double lambda = 1e-3;
    for (int iteration = 0; iteration < kMaxIterations; ++iteration) {
        if (cancelled(cancel))
            return false;
        const Curve c = space.curve(a, q);
        Matrix jacobian(n, k);
        Vector residual(n);
        for (Eigen::Index i = 0; i < n; ++i) {
            const double x = d.x[static_cast<std::size_t>(i)];
            double g[3];
            gradient(c, x, g);
            jacobian(i, 0) = g[0];
            jacobian(i, 1) = g[1] * c.b; // ∂/∂ln b
            if (space.family == CurveFamily::Logistic)
                jacobian(i, 2) = g[2];
            else if (space.family == CurveFamily::Learning)
                jacobian(i, 2) = g[2] * c.scale; // ∂/∂ln s
            residual(i) = d.y[static_cast<std::size_t>(i)] - c.value(x);
        }
        if (!jacobian.allFinite() || !residual.allFinite())
            return false;
        const Matrix normal = jacobian.transpose() * jacobian;
        const Vector rhs = jacobian.transpose() * residual;
        const double biggest = std::max(normal.diagonal().maxCoeff(), 1e-300);
        bool improved = false;
        while (lambda < 1e16) {
            Matrix damped = normal;
            for (int j = 0; j < k; ++j)
                damped(j, j) += lambda * std::max(normal(j, j), 1e-12 * biggest);
            const Vector step = damped.ldlt().solve(rhs);
            if (!step.allFinite()) {
                lambda *= 10;
                continue;
            }
            double na = std::max(0.0, a + step(0));
            double nq[2] = {q[0] + step(1), space.dims > 1 ? q[1] + step(2) : 0.0};
            space.clamp(nq);
            const double nssr = evaluate(na, nq);
            if (std::isfinite(nssr) && nssr < ssr) {
                const double gain = ssr - nssr;
                const bool tinyStep = std::abs(na - a) <= 1e-13 * std::max(std::abs(a), 1e-300)
                    && std::abs(nq[0] - q[0]) <= 1e-13 * std::max(1.0, std::abs(q[0]))
                    && std::abs(nq[1] - q[1]) <= 1e-13 * std::max(1.0, std::abs(q[1]));
                a = na;
                q[0] = nq[0];
                q[1] = nq[1];
                ssr = nssr;
                lambda = std::max(lambda / 10, 1e-12);
                improved = true;
                if (gain <= 1e-15 * nssr || tinyStep)
                    return true;
                break;
            }
            lambda *= 10;
        }
        if (!improved)
            return true; // no step lowers the SSR: a (numerical) minimum
    }
    return false;
}

/// log: a·ln(b·x) = a·ln x + c with c = a·ln b, linear in (a, c): ordinary least squares.
std::string fitLog(const Data &d, Curve &curve)
{
    const auto n = static_cast<Eigen::Index>(d.x.size());
    Matrix design(n, 2);
    Vector y(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        if (!(d.x[static_cast<std::size_t>(i)] > 0))
            return "a log curve is −∞ at zero effort: every effort must be above 0";
        design(i, 0) = std::log(d.x[static_cast<std::size_t>(i)]);
        design(i, 1) = 1;
        y(i) = d.y[static_cast<std::size_t>(i)];
    }
    const Vector solution = design.colPivHouseholderQr().solve(y);
    const double a = solution(0);
    if (!(a > 0))
        return "the observations do not rise with effort: the log family would need a ≤ 0";
    const double b = std::exp(solution(1) / a);
    if (!(b >= kMinB && b <= limits::kMaxB))
        return "the fitted log curve's b (" + shortNumber(b) + ") is outside 1e-12…1e6";
    curve = Curve{CurveFamily::Log, a, b};
    return {};
}

/// The starting grid of a family's non-linear parameters for efforts up to `top`.
std::vector<std::array<double, 2>> grid(CurveFamily family, double top)
{
    std::vector<std::array<double, 2>> points;
    const auto logSpaced = [](double lo, double hi, int count, int i) {
        return std::log(lo) + (std::log(hi) - std::log(lo)) * i / (count - 1);
    };
    switch (family) {
    case CurveFamily::Log1p:
    case CurveFamily::Exp:
        for (int i = 0; i < 161; ++i)
            points.push_back({logSpaced(1e-4 / top, 1e4 / top, 161, i), 0});
        break;
    case CurveFamily::Power:
        for (int i = 0; i < 121; ++i)
            points.push_back({logSpaced(1e-3, 10, 121, i), 0});
        break;
    case CurveFamily::Logistic:
        for (int i = 0; i < 31; ++i)
            for (int j = 0; j <= 45; ++j)
                points.push_back({logSpaced(0.3 / top, 1000 / top, 31, i), top * j / 30.0});
        break;
    case CurveFamily::Learning:
        for (int i = 0; i < 36; ++i)
            for (int j = 0; j < 36; ++j)
                points.push_back({logSpaced(0.01, 10, 36, i), logSpaced(1e-4 * top, 1e2 * top, 36, j)});
        break;
    case CurveFamily::Log:
        break;
    }
    return points;
}

std::string fitNonLinear(const Data &d, CurveFamily family, Curve &curve, const std::atomic<bool> *cancel)
{
    const Space space = spaceFor(family);
    const double top = *std::max_element(d.x.begin(), d.x.end());
    struct Start {
        double ssr;
        double q[2];
    };
    // The grid only ranks starting points: on many observations an even subsample of them does that
    // as well at a fraction of the cost (the refinement below uses every point).
    Data coarse;
    const std::size_t stride = (d.x.size() + kGridPoints - 1) / kGridPoints;
    for (std::size_t i = 0; i < d.x.size(); i += stride) {
        coarse.x.push_back(d.x[i]);
        coarse.y.push_back(d.y[i]);
    }
    std::vector<Start> starts;
    for (const auto &point : grid(family, top)) {
        if (cancelled(cancel))
            return kCancelled;
        double q[2] = {point[0], point[1]};
        space.clamp(q);
        double a = 0;
        const double ssr = projected(space, q, coarse, a);
        if (std::isfinite(ssr))
            starts.push_back({ssr, {q[0], q[1]}});
    }
    if (starts.empty())
        return "no " + std::string(familyName(family)) + " curve could be evaluated on these observations";
    // Refine the best few starts: a valley can hold more than one basin.
    const std::size_t tries = std::min<std::size_t>(space.dims > 1 ? 4 : 2, starts.size());
    std::partial_sort(starts.begin(), starts.begin() + static_cast<std::ptrdiff_t>(tries), starts.end(),
                      [](const Start &l, const Start &r) { return l.ssr < r.ssr; });
    bool found = false;
    bool anyConverged = false;
    double bestSsr = 0;
    for (std::size_t t = 0; t < tries; ++t) {
        double q[2] = {starts[t].q[0], starts[t].q[1]};
        double a = 0;
        projected(space, q, d, a);
        double ssr = 0;
        if (!refine(space, d, a, q, ssr, cancel)) {
            if (cancelled(cancel))
                return kCancelled;
            continue;
        }
        anyConverged = true;
        // The best a for the final non-linear parameters (variable projection), if it is better still.
        double pa = 0;
        if (const double pssr = projected(space, q, d, pa); pssr <= ssr) {
            a = pa;
            ssr = pssr;
        }
        if (!found || ssr < bestSsr) {
            found = true;
            bestSsr = ssr;
            curve = space.curve(a, q);
        }
    }
    if (!anyConverged)
        return "the " + std::string(familyName(family)) + " fit did not converge";
    if (!(curve.a > 0))
        return "the observations do not rise with effort: the " + std::string(familyName(family))
            + " family would need a ≤ 0";
    if (curve.a > limits::kMaxA)
        return "the fitted " + std::string(familyName(family)) + " curve's a (" + shortNumber(curve.a)
            + ") is above the limit of 1e6";
    return {};
}

} // namespace

int parameterCount(CurveFamily family)
{
    return family == CurveFamily::Logistic || family == CurveFamily::Learning ? 3 : 2;
}

std::string observationProblem(const std::vector<Observation> &observations)
{
    if (observations.size() > static_cast<std::size_t>(limits::kMaxObservations))
        return std::to_string(observations.size()) + " observations; the limit is "
            + std::to_string(limits::kMaxObservations);
    for (std::size_t i = 0; i < observations.size(); ++i) {
        const Observation &o = observations[i];
        const std::string point = "observation " + std::to_string(i + 1) + ": ";
        if (!std::isfinite(o.effort))
            return point + "the effort is not a finite number";
        if (o.effort < 0)
            return point + "the effort is negative (" + shortNumber(o.effort) + ")";
        if (!std::isfinite(o.accuracy))
            return point + "the accuracy is not a finite number";
    }
    return {};
}

FitResult fitCurve(const std::vector<Observation> &observations, CurveFamily family, const std::atomic<bool> *cancel)
{
    FitResult result;
    result.points = observations.size();
    result.parameters = parameterCount(family);
    result.curve.family = family;
    if (std::string problem = observationProblem(observations); !problem.empty()) {
        result.error = std::move(problem);
        return result;
    }
    const auto p = static_cast<std::size_t>(result.parameters);
    const std::string name(familyName(family));
    if (observations.size() < p) {
        result.error = std::to_string(observations.size()) + " observation" + (observations.size() == 1 ? "" : "s")
            + "; the " + name + " family has " + std::to_string(p) + " parameters and needs at least "
            + std::to_string(p) + " points";
        return result;
    }
    Data d;
    std::set<double> distinct;
    for (const Observation &o : observations) {
        d.x.push_back(o.effort);
        d.y.push_back(o.accuracy);
        distinct.insert(o.effort);
    }
    if (distinct.size() < p) {
        result.error = "the observations have " + std::to_string(distinct.size()) + " different effort"
            + (distinct.size() == 1 ? "" : "s") + "; the " + name + " family needs at least " + std::to_string(p);
        return result;
    }

    Curve curve;
    std::string error = family == CurveFamily::Log ? fitLog(d, curve) : fitNonLinear(d, family, curve, cancel);
    if (!error.empty()) {
        result.error = std::move(error);
        return result;
    }
    result.curve = curve;

    const std::size_t n = d.x.size();
    double mean = 0;
    double biggest = 0;
    for (double y : d.y) {
        mean += y / static_cast<double>(n);
        biggest = std::max(biggest, std::abs(y));
    }
    double sst = 0;
    result.ssr = 0;
    result.residuals.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        result.residuals[i] = d.y[i] - curve.value(d.x[i]);
        result.ssr += result.residuals[i] * result.residuals[i];
        sst += (d.y[i] - mean) * (d.y[i] - mean);
    }
    if (!std::isfinite(result.ssr)) {
        result.error = "the " + name + " fit did not converge";
        return result;
    }
    result.r2 = sst > 0 ? 1 - result.ssr / sst : kNaN;
    const auto nd = static_cast<double>(n);
    const auto pd = static_cast<double>(p);
    const double floor = nd * std::pow(1e-10 * (biggest > 0 ? biggest : 1.0), 2);
    result.aicc = n > p + 1
        ? nd * std::log(std::max(result.ssr, floor) / nd) + 2 * pd + 2 * pd * (pd + 1) / (nd - pd - 1)
        : kNaN;

    // Standard errors: σ²·(JᵀJ)⁻¹ with σ² = SSR/(n − p), J the Jacobian in (a, b, midpoint|scale).
    if (n > p) {
        Matrix jacobian(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(p));
        for (std::size_t i = 0; i < n; ++i) {
            double g[3];
            gradient(curve, d.x[i], g);
            for (std::size_t j = 0; j < p; ++j)
                jacobian(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = g[j];
        }
        const Matrix normal = jacobian.transpose() * jacobian;
        const Eigen::FullPivLU<Matrix> lu(normal);
        if (jacobian.allFinite() && lu.isInvertible()) {
            const Matrix covariance = (result.ssr / (nd - pd)) * lu.inverse();
            const auto se = [&](Eigen::Index j) {
                const double v = covariance(j, j);
                return v >= 0 ? std::sqrt(v) : kNaN;
            };
            result.standardErrors.a = se(0);
            result.standardErrors.b = se(1);
            if (family == CurveFamily::Logistic)
                result.standardErrors.midpoint = se(2);
            if (family == CurveFamily::Learning)
                result.standardErrors.scale = se(2);
        }
    }
    return result;
}

FitResult fitBestCurve(const std::vector<Observation> &observations, const std::atomic<bool> *cancel)
{
    std::optional<FitResult> best;
    std::string firstError;
    for (CurveFamily family : kAllFamilies) {
        FitResult fit = fitCurve(observations, family, cancel);
        if (cancelled(cancel)) {
            FitResult stopped;
            stopped.points = observations.size();
            stopped.error = kCancelled;
            return stopped;
        }
        if (!fit.ok()) {
            if (firstError.empty())
                firstError = std::string(familyName(family)) + ": " + fit.error;
            continue;
        }
        if (std::isnan(fit.aicc))
            continue;
        if (!best || fit.aicc < best->aicc)
            best = std::move(fit);
    }
    if (best)
        return *best;
    FitResult failed;
    failed.points = observations.size();
    if (std::string problem = observationProblem(observations); !problem.empty())
        failed.error = std::move(problem);
    else if (observations.size() < 4)
        failed.error = std::to_string(observations.size()) + " observation" + (observations.size() == 1 ? "" : "s")
            + "; choosing a family by AICc needs at least 4 points (p + 2 for a 2-parameter curve)";
    else
        failed.error = "no family fits: " + firstError;
    return failed;
}

} // namespace ef
