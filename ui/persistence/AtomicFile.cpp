// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "persistence/AtomicFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

#include <cerrno>
#include <cstring>

#include <sys/stat.h>

namespace ef {

namespace {
/// The translation context of this file's messages.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(AtomicFile)
};
} // namespace

bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error, FileAccess access)
{
    // Only a regular file (or nothing) may be replaced: a device or a FIFO at `path` stays what it is.
    struct stat info { };
    if (::stat(QFile::encodeName(path).constData(), &info) == 0 && !S_ISREG(info.st_mode)) {
        if (error)
            *error = S_ISDIR(info.st_mode) ? Text::tr("it is a folder")
                                           : Text::tr("it is not a regular file (a device, FIFO or socket)");
        return false;
    }
    QSaveFile file(path);
    // No direct-write fallback: a folder we cannot create files in fails instead of writing in place.
    file.setDirectWriteFallback(false);
    const auto fail = [&](const QString &reason) {
        file.cancelWriting();
        if (error)
            *error = reason;
        return false;
    };
    // Unbuffered: every write reaches the file engine and reports what it really wrote. (Buffered,
    // Qt 6.4 takes a short write — a file size limit, a full disk — for progress, and commit()
    // then puts a truncated file in place.)
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return fail(file.errorString());
    // Private before the first byte: the content is never readable by others, not even briefly.
    if (access == FileAccess::Private && !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return fail(Text::tr("cannot make the file private: ") + file.errorString());
    qint64 done = 0;
    while (done < bytes.size()) {
        const qint64 written = file.write(bytes.constData() + done, bytes.size() - done);
        if (written <= 0)
            return fail(file.errorString());
        done += written;
    }
    if (file.size() != bytes.size()) // what the system holds, not what we think we wrote
        return fail(Text::tr("only %1 of %2 bytes could be written").arg(file.size()).arg(bytes.size()));
    // commit() flushes (a full disk often shows only here), syncs and renames over `path`.
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace ef
