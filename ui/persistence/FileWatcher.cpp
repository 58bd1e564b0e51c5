// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "persistence/FileWatcher.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace ef {

namespace {

QByteArray hashOf(const QByteArray &content)
{
    return QCryptographicHash::hash(content, QCryptographicHash::Sha256);
}

} // namespace

FileWatcher::FileWatcher(QObject *parent) : QObject(parent)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(250);
    connect(&m_settle, &QTimer::timeout, this, &FileWatcher::checkNow);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { m_settle.start(); });
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] {
        // A rename over the file, a deletion or a re-creation; other files in the folder too, but the
        // content comparison filters those out.
        m_settle.start();
    });
}

void FileWatcher::watch(const QString &path, const QByteArray &knownContent)
{
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    m_settle.stop();
    m_path = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    m_knownHash = hashOf(knownContent);
    m_missingReported = false;
    rearm();
}

QByteArray FileWatcher::contentHash(const QByteArray &content)
{
    return hashOf(content);
}

void FileWatcher::setKnownContent(const QByteArray &content)
{
    m_knownHash = hashOf(content);
    m_missingReported = false;
    rearm();
}

void FileWatcher::rearm()
{
    if (m_path.isEmpty())
        return;
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!m_watcher.directories().contains(dir) && QFileInfo(dir).isDir())
        m_watcher.addPath(dir);
    if (!m_watcher.files().contains(m_path) && QFileInfo(m_path).isFile())
        m_watcher.addPath(m_path);
}

void FileWatcher::checkNow()
{
    m_settle.stop();
    if (m_path.isEmpty())
        return;
    rearm();
    QFile file(m_path);
    if (!QFileInfo(m_path).isFile() || !file.open(QIODevice::ReadOnly)) {
        if (!m_missingReported && !QFileInfo::exists(m_path)) {
            m_missingReported = true;
            emit removedOnDisk(m_path);
        }
        return;
    }
    m_missingReported = false;
    const QByteArray hash = hashOf(file.readAll());
    if (hash == m_knownHash)
        return;
    // Report each distinct content once: whatever the answer, this content is now known.
    m_knownHash = hash;
    emit changedOnDisk(m_path);
}

} // namespace ef
