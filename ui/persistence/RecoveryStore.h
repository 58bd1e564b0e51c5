// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Scenario.h"

#include <QDateTime>
#include <QString>

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
};

/// A recovery file left behind by a window whose process is gone (a crash, a kill).
struct RecoveryCandidate {
    QString path;                       ///< The recovery file.
    std::optional<RecoveryState> state; ///< Its content; empty when it cannot be read.
    QString error;                      ///< Why it cannot be read (when `state` is empty).
};

/**
 * Recovery files: one per open window, `recovery-<pid>-<n>.json` in recoveryDirectory(), written
 * atomically. A file whose process no longer runs was left by a crash and is offered on the next
 * start. The content: a small JSON envelope (format, version, pid, file path, preset, modified flag,
 * time) around the scenario file text that serializeScenario writes, so a recovered scenario goes
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

    /// Recovery files of processes that are gone (never one of this process's live windows), newest first.
    static std::vector<RecoveryCandidate> orphans();
    /// Reads one recovery file.
    static RecoveryCandidate read(const QString &path);
    /// The file bytes for `state` (exposed for tests).
    static QByteArray encode(const RecoveryState &state);

private:
    QString m_path;
};

} // namespace ef
