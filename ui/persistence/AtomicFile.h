// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include <QByteArray>
#include <QString>

namespace ef {

/// Who may read a file written by writeFileAtomically.
enum class FileAccess {
    /// The mode of the file it replaces (a new file: 0666 less the umask).
    Keep,
    /// Owner only (0600): backups of unsaved work, whatever the scenario file's mode.
    Private,
};

/**
 * Writes `bytes` to `path` all or nothing: into a temporary file next to it (QSaveFile), which
 * replaces `path` only once every byte is written and flushed. A crash, a kill or a full disk part
 * way leaves the previous file untouched and removes the temporary file (except on a hard kill,
 * which can leave it behind, never in place of `path`). Returns false with `error` set (the
 * system's reason) on failure.
 *
 * What the replaced file keeps: its permission bits (or 0600 with FileAccess::Private). What it
 * does not: its owner and group (the new file belongs to whoever saves) and its hard links (other
 * names keep the old content), because the new content is a new file renamed into place.
 * A `path` that exists but is not a regular file (a device such as /dev/full, a FIFO) is refused:
 * renaming over it would replace the device node.
 */
bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error = nullptr,
                         FileAccess access = FileAccess::Keep);

} // namespace ef
