// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

// Runs the real effort-frontier executable in a chosen environment, failing the test on a hang or a crash.

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

#include <functional>

namespace ef::test {

struct ProgramRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// Runs effort-frontier with `arguments`; `adjust` edits a copy of this process's environment first.
inline ProgramRun runProgram(const QStringList &arguments,
                             const std::function<void(QProcessEnvironment &)> &adjust = {})
{
    constexpr int kTimeoutMs = 30'000;
    if (QCoreApplication::instance() == nullptr) {
        static int argc = 1;
        static char name[] = "app_tests";
        static char *argv[] = {name, nullptr};
        static QCoreApplication app(argc, argv);
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (adjust)
        adjust(environment);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(QStringLiteral(EF_EXECUTABLE), arguments);
    INFO("effort-frontier " << arguments.join(QLatin1Char(' ')).toStdString());
    REQUIRE(process.waitForStarted(kTimeoutMs));
    if (!process.waitForFinished(kTimeoutMs)) {
        process.kill();
        process.waitForFinished(kTimeoutMs);
        FAIL("effort-frontier did not finish within 30 s");
    }
    ProgramRun result;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    INFO("stderr: " << result.err.toStdString());
    REQUIRE(process.exitStatus() == QProcess::NormalExit); // a crash or an abort (SIGABRT) fails here
    result.exitCode = process.exitCode();
    return result;
}

} // namespace ef::test
