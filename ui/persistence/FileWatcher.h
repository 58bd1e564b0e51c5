// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include <QByteArray>
#include <QFileSystemWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

namespace ef {

/**
 * Notices when the open file is changed on disk by someone else.
 *
 * Watches the file and its folder (editors and QSaveFile replace files by renaming a new one over
 * them, which drops the file from a plain watch; the folder watch re-adds it). Changes are
 * settled for a moment (a writer may take several steps), then the content is compared with the
 * last content this window read or wrote: our own saves and touches that leave the bytes alone
 * are not reported.
 */
class FileWatcher : public QObject
{
    Q_OBJECT

public:
    explicit FileWatcher(QObject *parent = nullptr);

    /// Watches `path`, whose content as this window knows it is `knownContent`. Empty: stop.
    void watch(const QString &path, const QByteArray &knownContent);
    /// Records `content` as what the file now holds as far as this window knows (after a save, or
    /// after the user chose to keep their version), so it is not reported.
    void setKnownContent(const QByteArray &content);
    [[nodiscard]] const QString &path() const { return m_path; }
    /// SHA-256 of the content this window knows the file to hold (see setKnownContent).
    [[nodiscard]] const QByteArray &knownHash() const { return m_knownHash; }
    /// The hash knownHash() uses, of any content.
    static QByteArray contentHash(const QByteArray &content);
    /// How long changes settle before the file is compared (default 250 ms).
    void setSettleDelay(int ms) { m_settle.setInterval(ms); }
    /// Compares now instead of after the settle delay.
    void checkNow();

signals:
    /// The file now holds something other than what this window read or wrote.
    void changedOnDisk(const QString &path);
    /// The file is gone (deleted or moved away).
    void removedOnDisk(const QString &path);

private:
    void rearm();

    QFileSystemWatcher m_watcher;
    QTimer m_settle;
    QString m_path;
    QByteArray m_knownHash;
    bool m_missingReported = false;
};

} // namespace ef
