// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Scenario.h"

#include <QByteArray>
#include <QDateTime>
#include <QLockFile>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace ef {

/// The working state of one window, as written to its recovery file.
struct RecoveryState {
    Scenario scenario;
    QString filePath;     ///< The file the scenario came from (empty for a preset or a new scenario).
    QString presetName;   ///< The preset it came from, when it has no file.
    bool modified = true; ///< Whether it had unsaved edits.
    QDateTime savedAt;    ///< When the recovery file was written (UTC).
    /// SHA-256 of the file on disk as this window last knew it (loaded, saved, or acknowledged as
    /// changed by someone else); empty without a file. A restore compares it with the disk.
    QByteArray baseHash;
};

/// A recovery file left behind by a window whose process is gone (a crash, a kill).
struct RecoveryCandidate {
    QString path;                       ///< The recovery file.
    std::optional<RecoveryState> state; ///< Its content; empty when it cannot be read.
    QString error;                      ///< Why it cannot be read (when `state` is empty).
};

/**
 * Recovery files: one per open window, `recovery-<uuid>.json` in recoveryDirectory() (a folder only
 * the user can enter), written atomically and readable by the owner only (0600). While a window
 * lives it holds `recovery-<uuid>.json.lock` (QLockFile: pid, host name and application name), so a
 * recovery file is left by a crash exactly when its lock can be taken: its process is gone, or its
 * pid now belongs to another program (pids are reused, in containers especially), or it was written
 * on this host before a reboot. Such files are offered on the next start. The content: a small JSON
 * envelope (format, version, file path, preset, modified flag, time, hash of the file it was based
 * on) around the scenario file text that serializeScenario writes, so a recovered scenario goes
 * through the same validation as any file.
 */
class RecoveryStore
{
public:
    /// Claims a fresh recovery file name for this window (nothing is written yet).
    RecoveryStore();
    ~RecoveryStore();
    RecoveryStore(const RecoveryStore &) = delete;
    RecoveryStore &operator=(const RecoveryStore &) = delete;

    /// Where recovery files live: $EF_RECOVERY_DIR when set, otherwise
    /// QStandardPaths::AppLocalDataLocation + "/recovery".
    static QString recoveryDirectory();

    /// This window's recovery file.
    [[nodiscard]] const QString &path() const { return m_path; }
    /// Writes `state` atomically; false with `error` set on failure.
    bool write(const RecoveryState &state, QString *error = nullptr);
    /// Deletes this window's recovery file (clean exit, saved, discarded).
    void remove();

    /// Recovery files whose lock can be taken (never a live window's, of this process or another), newest
    /// first.
    static std::vector<RecoveryCandidate> orphans();
    /// Reads one recovery file.
    static RecoveryCandidate read(const QString &path);
    /// The file bytes for `state` (exposed for tests).
    static QByteArray encode(const RecoveryState &state);

    /// The lock file that marks `recoveryPath` as in use by a live window.
    static QString lockPath(const QString &recoveryPath);

private:
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace ef
