// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "persistence/RecoveryStore.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

namespace ef {

class Document;

/**
 * Keeps a window's recovery file up to date: shortly after the document changes (debounced, so a
 * slider drag costs one write after it settles, and at most every maxDelay() during an endless
 * burst) it writes the working state atomically; when the document becomes unmodified (saved,
 * discarded, undone back to the saved state) or the window closes cleanly it deletes the file.
 */
class Autosave : public QObject
{
    Q_OBJECT

public:
    /// `presetName` tells which preset the document came from (for the title after a restore).
    Autosave(Document *document, std::function<QString()> presetName, QObject *parent = nullptr);
    /// Deletes the recovery file: only a process that dies without unwinding leaves one behind.
    ~Autosave() override;

    static constexpr int kDefaultDelayMs = 1500;
    static constexpr int kDefaultMaxDelayMs = 10000;

    /// Quiet time after the last change before writing.
    void setDelay(int ms);
    [[nodiscard]] int delay() const { return m_delayMs; }
    /// Longest wait for a write while changes keep coming.
    void setMaxDelay(int ms) { m_maxDelayMs = ms; }
    /// Where the hash of the file version the edits are based on comes from (RecoveryState::baseHash):
    /// a restore after a crash compares it with the file on disk.
    void setBaseHash(std::function<QByteArray()> baseHash) { m_baseHash = std::move(baseHash); }

    /// This window's recovery file.
    [[nodiscard]] QString recoveryPath() const { return m_store.path(); }
    /// Writes now if a write is pending.
    void flush();
    /// Deletes the recovery file and forgets any pending write (clean exit, document discarded).
    void discard();
    /// Number of recovery files written so far.
    [[nodiscard]] int writeCount() const { return m_writes; }
    [[nodiscard]] bool isPending() const { return m_timer.isActive(); }

signals:
    /// A recovery file was written.
    void written(const QString &path);
    /// Writing the recovery file failed (`reason` from the system); edits go on, unprotected.
    void failed(const QString &reason);

private:
    void documentChanged();
    void write();

    Document *m_document;
    std::function<QString()> m_presetName;
    std::function<QByteArray()> m_baseHash;
    RecoveryStore m_store;
    QTimer m_timer;
    QElapsedTimer m_firstPending;
    int m_delayMs = kDefaultDelayMs;
    int m_maxDelayMs = kDefaultMaxDelayMs;
    int m_writes = 0;
    bool m_failedReported = false;
};

} // namespace ef
