// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

// Helpers for the "nothing lost" tests: files, waiting on the event loop, the child process.

#include "Presets.h"
#include "ScenarioFile.h"
#include "UiTestSupport.h" // presetScenario, readBytes

#include <QByteArray>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTest>

#include <catch2/catch.hpp>

#include <functional>

namespace ef::test {

inline QByteArray fileBytes(const Scenario &scenario)
{
    const std::string text = serializeScenario(scenario);
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

/// Writes `bytes` in place (truncate and write), as a simple editor does.
inline void writeInPlace(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

/// Writes `bytes` to a new file and renames it over `path`, as careful editors do.
inline void replaceByRename(const QString &path, const QByteArray &bytes)
{
    const QString temp = path + QStringLiteral(".editor-tmp");
    writeInPlace(temp, bytes);
    REQUIRE(std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(path).constData()) == 0);
}

/// Runs the event loop until `done()` or `ms` pass; returns `done()`.
inline bool waitUntil(const std::function<bool()> &done, int ms = 10000)
{
    QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(20);
    }
    return true;
}

/// The file names in `dir` (no "." / "..").
inline QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

/// The child-process helper (tests/ui/UiTestHelper.cpp), with `recoveryDir` as its EF_RECOVERY_DIR.
inline void startHelper(QProcess &process, const QStringList &arguments, const QString &recoveryDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("EF_RECOVERY_DIR"), recoveryDir);
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(QStringLiteral(EF_UI_HELPER), arguments);
    REQUIRE(process.waitForStarted(10000));
}

/// Reads the child's stdout until a line starting with `prefix` arrives; returns that line.
inline QString waitForLine(QProcess &process, const QString &prefix, int ms = 30000)
{
    QDeadlineTimer deadline(ms);
    QByteArray seen;
    while (!deadline.hasExpired()) {
        while (process.canReadLine()) {
            const QString line = QString::fromUtf8(process.readLine()).trimmed();
            seen += line.toUtf8() + '\n';
            if (line.startsWith(prefix))
                return line;
        }
        if (process.state() == QProcess::NotRunning)
            break;
        process.waitForReadyRead(100);
    }
    FAIL("the helper never said \"" << prefix.toStdString() << "\"; stdout: " << seen.toStdString()
                                    << " stderr: " << process.readAllStandardError().toStdString());
    return {};
}

/// Sets an environment variable for the scope, restoring the previous value afterwards.
class ScopedEnv
{
public:
    ScopedEnv(const char *name, const QString &value)
        : m_name(name), m_had(qEnvironmentVariableIsSet(name)), m_old(qgetenv(name))
    {
        qputenv(name, value.toLocal8Bit());
    }
    ~ScopedEnv()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }
    ScopedEnv(const ScopedEnv &) = delete;
    ScopedEnv &operator=(const ScopedEnv &) = delete;

private:
    const char *m_name;
    bool m_had;
    QByteArray m_old;
};

} // namespace ef::test
