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
#include <QSet>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace ef {

namespace {
/// The translation context of this file's messages.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(RecoveryStore)
};
} // namespace

namespace {

const QString kFormat = QStringLiteral("effort-frontier-recovery");
constexpr int kVersion = 1;
/// Recovery files are small (a scenario file is at most 16 MiB); refuse anything bigger.
constexpr qint64 kMaxRecoveryBytes = qint64{20} * 1024 * 1024;

QMutex g_mutex;
QSet<QString> g_livePaths; ///< Recovery files of this process's open windows.

/// A lock that never goes stale by age: a window may stay open for weeks. QLockFile still takes it
/// over when its process is gone, or its pid now runs another program, or the machine rebooted.
std::unique_ptr<QLockFile> makeLock(const QString &recoveryPath)
{
    auto lock = std::make_unique<QLockFile>(RecoveryStore::lockPath(recoveryPath));
    lock->setStaleLockTime(0);
    return lock;
}

} // namespace

RecoveryStore::RecoveryStore()
{
    QMutexLocker lock(&g_mutex);
    m_path = QDir(recoveryDirectory())
                 .absoluteFilePath(
                     QStringLiteral("recovery-%1.json").arg(QUuid::createUuid().toString(QUuid::WithoutBraces)));
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
    root.insert(QStringLiteral("pid"), QCoreApplication::applicationPid()); // for people; the lock decides
    root.insert(QStringLiteral("filePath"), state.filePath);
    root.insert(QStringLiteral("preset"), state.presetName);
    root.insert(QStringLiteral("modified"), state.modified);
    root.insert(QStringLiteral("savedAt"), state.savedAt.toUTC().toString(Qt::ISODateWithMs));
    root.insert(QStringLiteral("baseSha256"), QString::fromLatin1(state.baseHash.toHex()));
    root.insert(QStringLiteral("scenario"), QString::fromStdString(serializeScenario(state.scenario)));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool RecoveryStore::write(const RecoveryState &state, QString *error)
{
    const QString dir = QFileInfo(m_path).absolutePath();
    const bool existed = QFileInfo(dir).isDir();
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = Text::tr("cannot create the folder %1").arg(QDir::toNativeSeparators(dir));
        return false;
    }
    if (!existed) // backups of unsaved work are for their owner only
        QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (!m_lock) {
        m_lock = makeLock(m_path);
        if (!m_lock->tryLock(0)) {
            m_lock.reset();
            if (error)
                *error = Text::tr("cannot lock %1").arg(QDir::toNativeSeparators(lockPath(m_path)));
            return false;
        }
    }
    return writeFileAtomically(m_path, encode(state), error, FileAccess::Private);
}

void RecoveryStore::remove()
{
    if (QFileInfo::exists(m_path))
        QFile::remove(m_path);
    m_lock.reset(); // unlocks and deletes the lock file
}

QString RecoveryStore::lockPath(const QString &recoveryPath)
{
    return recoveryPath + QStringLiteral(".lock");
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
        return fail(Text::tr("the file is too large"));
    const QByteArray bytes = file.readAll();
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (doc.isNull() || !doc.isObject())
        return fail(Text::tr("not valid JSON (%1)").arg(parseError.errorString()));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != kFormat)
        return fail(Text::tr("not an Effort Frontier recovery file"));
    if (root.value(QStringLiteral("version")).toInt(-1) != kVersion)
        return fail(Text::tr("written by another version of Effort Frontier"));
    const QJsonValue scenarioText = root.value(QStringLiteral("scenario"));
    if (!scenarioText.isString())
        return fail(Text::tr("the scenario is missing"));
    LoadResult loaded = parseScenario(scenarioText.toString().toUtf8(), QStringLiteral("scenario"));
    if (!loaded.ok())
        return fail(loaded.error.message());
    RecoveryState state;
    state.scenario = std::move(*loaded.scenario);
    state.filePath = root.value(QStringLiteral("filePath")).toString();
    state.presetName = root.value(QStringLiteral("preset")).toString();
    state.modified = root.value(QStringLiteral("modified")).toBool(true);
    state.savedAt = QDateTime::fromString(root.value(QStringLiteral("savedAt")).toString(), Qt::ISODateWithMs);
    state.baseHash = QByteArray::fromHex(root.value(QStringLiteral("baseSha256")).toString().toLatin1());
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
    std::vector<std::pair<QDateTime, QString>> found;
    for (const QFileInfo &info : dir.entryInfoList({QStringLiteral("recovery-*.json")}, QDir::Files)) {
        const QString path = info.absoluteFilePath();
        if (live.contains(path))
            continue; // an open window of this process
        // Taking the lock proves no live window owns the file (QLockFile removes a stale lock first).
        const std::unique_ptr<QLockFile> lock = makeLock(path);
        if (!lock->tryLock(0))
            continue;
        lock->unlock();
        found.emplace_back(info.lastModified(), path);
    }
    std::sort(found.begin(), found.end(), [](const auto &x, const auto &y) { return x.first > y.first; });
    std::vector<RecoveryCandidate> result;
    for (const auto &entry : found)
        result.push_back(read(entry.second));
    return result;
}

} // namespace ef
