// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

// Runs the real effort-frontier executable in a chosen environment, failing the test on a hang or a crash.

#include <catch2/catch.hpp>

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
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

/// For runProgram's `adjust`: no display at all, not even the offscreen platform.
inline void withoutDisplay(QProcessEnvironment &environment)
{
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
}

/// The one JSON object a successful run (exit 0, nothing on stderr) printed on stdout.
inline QJsonObject jsonObjectOf(const ProgramRun &run)
{
    INFO("stderr: " << run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK(run.err.isEmpty());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    REQUIRE(document.isObject());
    return document.object();
}

/// Everything in the file at `path` (it must open): what a run wrote.
inline QByteArray readBytes(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

} // namespace ef::test
