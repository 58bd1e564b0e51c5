// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// Replays every fuzz corpus and every input that once broke an invariant (tests/fuzz/regressions)
// through the fuzz invariants, in the normal test suite: the fuzzers' findings stay fixed.
//
// The invariant checks abort on a violation (that is what libFuzzer needs), so each input runs in a
// forked child: a violation, a crash or a hang fails this test with the input's name and the child's
// message, and the other inputs and tests still run. An empty or missing folder fails too.
#include "ArgumentsFuzzCheck.h"
#include "ScenarioFuzzCheck.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>

#include <chrono>
#include <csignal>
#include <functional>
#include <string>

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using Check = std::function<void(const std::uint8_t *, std::size_t)>;

/// What happened to one input in its child process.
struct Outcome {
    bool passed = false;
    std::string why; ///< The child's stderr, or how it ended.
};

Outcome runIsolated(const Check &check, const QByteArray &bytes, int timeoutMs = 20000)
{
    int fds[2];
    if (::pipe(fds) != 0)
        return {false, "pipe() failed"};
    const pid_t pid = ::fork();
    if (pid < 0)
        return {false, "fork() failed"};
    if (pid == 0) {
        // The child dies of its own signals: Catch2's handlers would report a second test run.
        for (const int signal : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL})
            std::signal(signal, SIG_DFL);
        ::dup2(fds[1], STDOUT_FILENO);
        ::dup2(fds[1], STDERR_FILENO);
        ::close(fds[0]);
        check(reinterpret_cast<const std::uint8_t *>(bytes.constData()), static_cast<std::size_t>(bytes.size()));
        ::_exit(0);
    }
    ::close(fds[1]);
    std::string output;
    bool closed = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (!closed && std::chrono::steady_clock::now() < deadline) {
        pollfd p{fds[0], POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0)
            continue;
        char buffer[4096];
        const ssize_t got = ::read(fds[0], buffer, sizeof buffer);
        if (got <= 0)
            closed = true;
        else if (output.size() < 8192)
            output.append(buffer, static_cast<std::size_t>(got));
    }
    ::close(fds[0]);
    if (!closed)
        ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!closed)
        return {false, "no answer within " + std::to_string(timeoutMs / 1000) + " s (a hang)"};
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return {true, {}};
    if (WIFSIGNALED(status))
        output += " [killed by signal " + std::to_string(WTERMSIG(status)) + "]";
    else
        output += " [exit code " + std::to_string(WEXITSTATUS(status)) + "]";
    return {false, output};
}

/// Replays every file in `directory` through `check`; returns how many were replayed.
int replay(const QString &directory, const Check &check)
{
    int replayed = 0;
    const QDir dir(directory);
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        REQUIRE(file.open(QIODevice::ReadOnly));
        const Outcome outcome = runIsolated(check, file.readAll());
        INFO(directory.toStdString() << "/" << name.toStdString() << ": " << outcome.why);
        CHECK(outcome.passed);
        ++replayed;
    }
    return replayed;
}

const Check kScenario = ef::fuzz::checkScenarioBytes;
const Check kArguments = ef::fuzz::checkArguments;
const Check kOptionValue = ef::fuzz::checkOptionValue;

} // namespace

TEST_CASE("the scenario fuzz corpus passes every invariant", "[fuzz]")
{
    CHECK(replay(QStringLiteral(EF_FUZZ_DIR "/corpus"), kScenario) >= 100);
}

TEST_CASE("inputs that once broke an invariant stay fixed", "[fuzz]")
{
    CHECK(replay(QStringLiteral(EF_FUZZ_DIR "/regressions"), kScenario) >= 1);
}

TEST_CASE("the command-line argument fuzz corpus passes every invariant", "[fuzz]")
{
    CHECK(replay(QStringLiteral(EF_FUZZ_DIR "/arguments-corpus"), kArguments) >= 100);
}

TEST_CASE("the option value fuzz corpus passes every invariant", "[fuzz]")
{
    CHECK(replay(QStringLiteral(EF_FUZZ_DIR "/option-value-corpus"), kOptionValue) >= 50);
}

TEST_CASE("a violated invariant fails the replay instead of aborting the test program", "[fuzz]")
{
    const Outcome violated
        = runIsolated([](const std::uint8_t *, std::size_t) { ef::fuzz::argumentViolated("planted violation"); }, {});
    CHECK_FALSE(violated.passed);
    CHECK(violated.why.find("fuzz invariant violated: planted violation") != std::string::npos);
    const Outcome hang = runIsolated([](const std::uint8_t *, std::size_t) { ::pause(); }, {}, 300);
    CHECK_FALSE(hang.passed);
    CHECK(hang.why.find("a hang") != std::string::npos);
    const Outcome fine = runIsolated([](const std::uint8_t *, std::size_t) {}, {});
    CHECK(fine.passed);
    // An empty folder replays nothing, which the tests above refuse (>= 1).
    QDir empty(QDir::temp().filePath(QStringLiteral("ef-empty-fuzz-dir")));
    empty.mkpath(QStringLiteral("."));
    CHECK(replay(empty.path(), kScenario) == 0);
    empty.removeRecursively();
}
