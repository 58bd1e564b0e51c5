// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Observation.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace ef {

/// The largest observations file read (--fit): 1 MiB holds far more than limits::kMaxObservations rows.
inline constexpr qint64 kMaxObservationFileBytes = 1024 * 1024;

/// Observations read from a two-column CSV, or the first problem in it.
struct ObservationCsvResult {
    std::vector<Observation> observations;
    QString error; ///< One line: "line N: reason" (or the reason for the file as a whole); empty when ok.

    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

/**
 * Parses effort,accuracy rows. An optional header (a first line whose fields are not numbers) is
 * skipped; fields are separated by commas, semicolons or tabs (the first line's separator, in that order
 * of preference: tab, then semicolon, then comma); CRLF and a UTF-8 byte order mark are accepted; blank
 * lines are skipped. Refuses a missing or extra column, a field that is not a finite number, a negative
 * effort, more than limits::kMaxObservations rows, and more than kMaxObservationFileBytes bytes.
 */
ObservationCsvResult parseObservationCsv(const QByteArray &bytes);

/// Reads and parses an observations file given by its native path; errors are "file: line N: reason".
/// Refuses directories, FIFOs, devices and files over the size limit without blocking on them.
ObservationCsvResult loadObservationCsv(const QByteArray &nativePath);

} // namespace ef
