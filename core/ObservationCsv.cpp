// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "ObservationCsv.h"

#include "SafeText.h"
#include "ScenarioFile.h"

#include <QList>

#include <cerrno>
#include <cmath>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ef {

namespace {

/// A field for a message: cut to 40 characters and quoted (escaped later, as the whole line is).
QString shownField(const QByteArray &field)
{
    const QString text = QString::fromUtf8(field);
    return QLatin1Char('"') + text.left(40) + (text.size() > 40 ? QStringLiteral("…") : QString()) + QLatin1Char('"');
}

bool toNumber(const QByteArray &field, double &out)
{
    bool ok = false;
    out = field.toDouble(&ok);
    return ok;
}

} // namespace

ObservationCsvResult parseObservationCsv(const QByteArray &bytes)
{
    ObservationCsvResult result;
    const auto fail = [&](qsizetype line, const QString &reason) {
        result.observations.clear();
        result.error = line > 0 ? QStringLiteral("line %1: %2").arg(line).arg(reason) : reason;
        return result;
    };
    if (bytes.size() > kMaxObservationFileBytes)
        return fail(0,
                    QStringLiteral("the file is larger than the limit of %1 MiB").arg(kMaxObservationFileBytes >> 20));
    QByteArray text = bytes.startsWith("\xEF\xBB\xBF") ? bytes.mid(3) : bytes;
    const QList<QByteArray> lines = text.split('\n');
    char separator = 0;
    bool first = true;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const qsizetype lineNumber = i + 1;
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        if (separator == 0)
            separator = line.contains('\t') ? '\t' : (line.contains(';') ? ';' : ',');
        const QList<QByteArray> fields = line.split(separator);
        const bool header = first;
        first = false;
        double effort = 0;
        double accuracy = 0;
        if (header && !toNumber(fields[0].trimmed(), effort))
            continue; // a header line, "effort,accuracy": its first field is not a number
        if (fields.size() != 2)
            return fail(lineNumber,
                        QStringLiteral("expected 2 columns (effort and accuracy), found %1").arg(fields.size()));
        for (int column = 0; column < 2; ++column) {
            const QByteArray field = fields[column].trimmed();
            double value = 0;
            const char *what = column == 0 ? "effort" : "accuracy";
            if (field.isEmpty())
                return fail(lineNumber, QStringLiteral("the %1 is missing").arg(QLatin1String(what)));
            if (!toNumber(field, value))
                return fail(lineNumber,
                            QStringLiteral("the %1 %2 is not a number").arg(QLatin1String(what), shownField(field)));
            if (!std::isfinite(value))
                return fail(
                    lineNumber,
                    QStringLiteral("the %1 %2 is not a finite number").arg(QLatin1String(what), shownField(field)));
        }
        toNumber(fields[0].trimmed(), effort);
        toNumber(fields[1].trimmed(), accuracy);
        if (effort < 0)
            return fail(lineNumber, QStringLiteral("the effort %1 is negative").arg(shownField(fields[0].trimmed())));
        if (result.observations.size() >= static_cast<std::size_t>(limits::kMaxObservations))
            return fail(lineNumber,
                        QStringLiteral("more than %1 data points; that is the limit").arg(limits::kMaxObservations));
        result.observations.push_back(Observation{effort, accuracy});
    }
    if (result.observations.empty())
        return fail(0, QStringLiteral("no data points (expected lines of effort,accuracy)"));
    return result;
}

ObservationCsvResult loadObservationCsv(const QByteArray &nativePath)
{
    ObservationCsvResult result;
    const QString source = displayFileName(nativePath);
    const auto fail = [&](const QString &reason) {
        result.error = source + QStringLiteral(": ") + reason;
        return result;
    };
    if (nativePath.isEmpty() || nativePath.contains('\0'))
        return fail(QStringLiteral("no such file"));
    // Open without blocking, then look at what was opened (as the scenario loader does).
    int fd = -1;
    do
        fd = ::open(nativePath.constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    while (fd < 0 && errno == EINTR);
    if (fd < 0)
        return fail(errno == ENOENT
                        ? QStringLiteral("no such file")
                        : QStringLiteral("cannot be opened: ") + QString::fromLocal8Bit(std::strerror(errno)));
    QByteArray bytes;
    QString problem;
    struct stat info { };
    if (::fstat(fd, &info) != 0)
        problem = QStringLiteral("cannot be read: ") + QString::fromLocal8Bit(std::strerror(errno));
    else if (S_ISDIR(info.st_mode))
        problem = QStringLiteral("is a directory, not a data file");
    else if (!S_ISREG(info.st_mode))
        problem = QStringLiteral("is not a regular file");
    else if (info.st_size > kMaxObservationFileBytes)
        problem = QStringLiteral("the file has %1 bytes, more than the limit of %2 MiB")
                      .arg(static_cast<qint64>(info.st_size))
                      .arg(kMaxObservationFileBytes >> 20);
    char buffer[64 * 1024];
    while (problem.isEmpty() && bytes.size() <= kMaxObservationFileBytes) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            problem = QStringLiteral("cannot be read: ") + QString::fromLocal8Bit(std::strerror(errno));
        if (got <= 0)
            break;
        bytes.append(buffer, static_cast<qsizetype>(got));
    }
    ::close(fd);
    if (!problem.isEmpty())
        return fail(problem);
    result = parseObservationCsv(bytes);
    if (!result.ok())
        result.error = source + QStringLiteral(": ") + result.error;
    return result;
}

} // namespace ef
