// effort-frontier-bench: times the core calls and the command line against the targets of the speed
// issue and prints one row per target. Build in Release. Figures, not assertions: machines are shared.
//
//   cmake --preset release && cmake --build --preset release --target effort-frontier-bench
//   ./build/release/tests/bench/effort-frontier-bench

#include "Allocator.h"
#include "NaiveGreedy.h"
#include "RandomScenario.h"
#include "ScenarioFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

using namespace ef;

namespace {

struct Timing {
    double median = 0;
    double p95 = 0;
};

/// Runs `work` `runs` times (after one warm-up) and returns the median and 95th percentile in ms.
Timing timeIt(int runs, const std::function<void()> &work)
{
    work();
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * static_cast<double>(ms.size())))]; };
    return {at(0.5), at(0.95)};
}

int g_failures = 0;

void row(const char *what, const char *target, const std::string &measured, bool met)
{
    std::printf("| %-62s | %-18s | %-28s | %-4s |\n", what, target, measured.c_str(), met ? "met" : "MISS");
    g_failures += met ? 0 : 1;
}

std::string fmt(const char *format, double a, double b = 0)
{
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, format, a, b);
    return buffer;
}

Scenario concaveScenario(int projects, Effort total, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    return test::randomScenario(rng, total, {projects, projects});
}

/// Wall time of one run of the command line, in ms; -1 when it fails.
double timeCommand(const QString &program, const QStringList &arguments)
{
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForFinished(120'000) || process.exitCode() != 0)
        return -1;
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::printf("| %-62s | %-18s | %-28s | %-4s |\n", "what", "target", "measured", "");
    std::printf("|%s|%s|%s|%s|\n", std::string(64, '-').c_str(), std::string(20, '-').c_str(),
                std::string(30, '-').c_str(), std::string(6, '-').c_str());

    {
        const Scenario s = concaveScenario(10'000, 10'000'000, 1);
        const Timing t = timeIt(15, [&] { (void)allocate(s, Method::Auto); });
        row("allocation, 10,000 concave projects, 10,000,000 units", "<= 50 ms",
            fmt("median %.1f ms, p95 %.1f ms", t.median, t.p95), t.p95 <= 50);
    }
    {
        const Scenario s = concaveScenario(100, 100'000, 2);
        std::vector<Effort> fast, naive;
        const Timing tf = timeIt(50, [&] { fast = greedyEfforts(s, 100'000); });
        const Timing tn = timeIt(3, [&] { naive = test::naiveGreedy(s, 100'000); });
        const double ratio = tn.median / tf.median;
        row("greedy vs naive loop, 100 projects, 100,000 units", ">= 1000x",
            fmt("%.0fx (%.3f ms vs ", ratio, tf.median) + fmt("%.0f ms)", tn.median) + (fast == naive ? "" : " SPLIT DIFFERS"),
            ratio >= 1000 && fast == naive);
    }
    {
        std::mt19937_64 rng(3);
        Scenario s = test::randomScenario(rng, 2000, {20, 20, false});
        for (std::size_t i = 0; i < s.projects.size(); i += 2) { // half of them S-curves
            s.projects[i].curve = Curve{CurveFamily::Logistic, 1.0, 0.05, 100.0 + 10.0 * static_cast<double>(i)};
        }
        const Timing t = timeIt(10, [&] { (void)allocate(s, Method::Exact); });
        row("exact allocation with S-curves, 20 projects, 2,000 units", "<= 100 ms",
            fmt("median %.1f ms, p95 %.1f ms", t.median, t.p95), t.p95 <= 100);
    }
    {
        const Scenario s = concaveScenario(50, 5000, 4);
        const Timing t = timeIt(200, [&] { (void)expansionPath(s, 5000).value(); });
        row("expansion path, 50 projects, 5,000 units", "<= 2 ms", fmt("median %.3f ms, p95 %.3f ms", t.median, t.p95),
            t.p95 <= 2);
    }
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("big.json"));
        Scenario s = concaveScenario(10'000, 10'000'000, 5);
        s.name = "bench";
        QFile out(file);
        const std::string json = serializeScenario(s);
        const bool written = out.open(QIODevice::WriteOnly) &&
                             out.write(json.data(), static_cast<qint64>(json.size())) == static_cast<qint64>(json.size());
        out.close();
        const QString exe = QStringLiteral(EF_EXECUTABLE);
        std::vector<double> full, zero;
        for (int i = 0; i < 7 && written; ++i) {
            full.push_back(timeCommand(exe, {QStringLiteral("--allocate"), file}));
            zero.push_back(timeCommand(exe, {QStringLiteral("--allocate"), file, QStringLiteral("--total"), QStringLiteral("0")}));
        }
        std::sort(full.begin(), full.end());
        std::sort(zero.begin(), zero.end());
        const bool ok = written && !full.empty() && full.front() > 0 && zero.front() > 0;
        const double ratio = ok ? full[full.size() / 2] / zero[zero.size() / 2] : 0;
        row("--allocate on that scenario vs --total 0 (10,000 projects)", "<= 2x",
            ok ? fmt("%.2fx (%.0f ms vs ", ratio, full[full.size() / 2]) + fmt("%.0f ms)", zero[zero.size() / 2]) : "failed to run",
            ok && ratio <= 2);
    }
    std::printf("\n%d target(s) missed\n", g_failures);
    return g_failures == 0 ? 0 : 1;
}
