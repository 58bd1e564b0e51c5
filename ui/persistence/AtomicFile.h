// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include <QByteArray>
#include <QString>

namespace ef {

/**
 * Writes `bytes` to `path` all or nothing: into a temporary file next to it (QSaveFile), which
 * replaces `path` only once every byte is written and flushed. A crash, a kill or a full disk part
 * way leaves the previous file untouched and removes the temporary file (except on a hard kill,
 * which can leave it behind, never in place of `path`). Returns false with `error` set (the
 * system's reason) on failure.
 */
bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error = nullptr);

} // namespace ef
