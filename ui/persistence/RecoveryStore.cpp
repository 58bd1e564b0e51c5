// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "persistence/RecoveryStore.h"

#include "ScenarioFile.h"
#include "persistence/AtomicFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>

#include <algorithm>
#include <cerrno>

#include <signal.h>
#include <unistd.h>

namespace ef {

namespace {

const QString kFormat = QStringLiteral("effort-frontier-recovery");
constexpr int kVersion = 1;
/// Recovery files are small (a scenario file is at most 16 MiB); refuse anything bigger.
constexpr qint64 kMaxRecoveryBytes = qint64{20} * 1024 * 1024;

QMutex g_mutex;
int g_counter = 0;
QSet<QString> g_livePaths; ///< Recovery files of this process's open windows.

/// True while process `pid` exists (or we cannot tell: then it is not ours to take).
bool processRunning(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (::kill(static_cast<pid_t>(pid), 0) == 0)
        return true;
    return errno != ESRCH;
}

const QRegularExpression &namePattern()
{
    static const QRegularExpression pattern(QStringLiteral("^recovery-(\\d+)-(\\d+)\\.json$"));
    return pattern;
}

} // namespace

RecoveryStore::RecoveryStore()
{
    QMutexLocker lock(&g_mutex);
    m_path = QDir(recoveryDirectory())
                 .absoluteFilePath(
                     QStringLiteral("recovery-%1-%2.json").arg(QCoreApplication::applicationPid()).arg(++g_counter));
    g_livePaths.insert(m_path);
}

RecoveryStore::~RecoveryStore()
{
    QMutexLocker lock(&g_mutex);
    g_livePaths.remove(m_path);
}

QString RecoveryStore::recoveryDirectory()
{
    const QString overridden = qEnvironmentVariable("EF_RECOVERY_DIR");
    if (!overridden.isEmpty())
        return QDir::cleanPath(overridden);
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/recovery");
}

QByteArray RecoveryStore::encode(const RecoveryState &state)
{
    QJsonObject root;
    root.insert(QStringLiteral("format"), kFormat);
    root.insert(QStringLiteral("version"), kVersion);
    root.insert(QStringLiteral("pid"), QCoreApplication::applicationPid());
    root.insert(QStringLiteral("filePath"), state.filePath);
    root.insert(QStringLiteral("preset"), state.presetName);
    root.insert(QStringLiteral("modified"), state.modified);
    root.insert(QStringLiteral("savedAt"), state.savedAt.toUTC().toString(Qt::ISODateWithMs));
    root.insert(QStringLiteral("scenario"), QString::fromStdString(serializeScenario(state.scenario)));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool RecoveryStore::write(const RecoveryState &state, QString *error)
{
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = QStringLiteral("cannot create the folder %1").arg(QDir::toNativeSeparators(dir));
        return false;
    }
    return writeFileAtomically(m_path, encode(state), error);
}

void RecoveryStore::remove()
{
    if (QFileInfo::exists(m_path))
        QFile::remove(m_path);
}

RecoveryCandidate RecoveryStore::read(const QString &path)
{
    RecoveryCandidate candidate;
    candidate.path = path;
    const auto fail = [&](const QString &why) {
        candidate.error = why;
        return candidate;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.errorString());
    if (file.size() > kMaxRecoveryBytes)
        return fail(QStringLiteral("the file is too large"));
    const QByteArray bytes = file.readAll();
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (doc.isNull() || !doc.isObject())
        return fail(QStringLiteral("not valid JSON (%1)").arg(parseError.errorString()));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != kFormat)
        return fail(QStringLiteral("not an Effort Frontier recovery file"));
    if (root.value(QStringLiteral("version")).toInt(-1) != kVersion)
        return fail(QStringLiteral("written by another version of Effort Frontier"));
    const QJsonValue scenarioText = root.value(QStringLiteral("scenario"));
    if (!scenarioText.isString())
        return fail(QStringLiteral("the scenario is missing"));
    LoadResult loaded = parseScenario(scenarioText.toString().toUtf8(), QStringLiteral("scenario"));
    if (!loaded.ok())
        return fail(loaded.error.message());
    RecoveryState state;
    state.scenario = std::move(*loaded.scenario);
    state.filePath = root.value(QStringLiteral("filePath")).toString();
    state.presetName = root.value(QStringLiteral("preset")).toString();
    state.modified = root.value(QStringLiteral("modified")).toBool(true);
    state.savedAt = QDateTime::fromString(root.value(QStringLiteral("savedAt")).toString(), Qt::ISODateWithMs);
    if (!state.savedAt.isValid())
        state.savedAt = QFileInfo(path).lastModified();
    candidate.state = std::move(state);
    return candidate;
}

std::vector<RecoveryCandidate> RecoveryStore::orphans()
{
    const QDir dir(recoveryDirectory());
    QSet<QString> live;
    {
        QMutexLocker lock(&g_mutex);
        live = g_livePaths;
    }
    const qint64 self = QCoreApplication::applicationPid();
    std::vector<std::pair<QDateTime, QString>> found;
    for (const QFileInfo &info : dir.entryInfoList({QStringLiteral("recovery-*.json")}, QDir::Files)) {
        const QRegularExpressionMatch match = namePattern().match(info.fileName());
        if (!match.hasMatch())
            continue;
        const qint64 pid = match.captured(1).toLongLong();
        const QString path = info.absoluteFilePath();
        // Our own process's files are orphans only when no open window owns them (a reused pid).
        if (pid == self ? live.contains(path) : processRunning(pid))
            continue;
        found.emplace_back(info.lastModified(), path);
    }
    std::sort(found.begin(), found.end(), [](const auto &x, const auto &y) { return x.first > y.first; });
    std::vector<RecoveryCandidate> result;
    for (const auto &entry : found)
        result.push_back(read(entry.second));
    return result;
}

} // namespace ef
