// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include <QByteArray>
#include <QString>

namespace ef {

/**
 * True for a code point that must never reach a terminal or a one-line message raw: C0 and C1
 * control characters (including NEL, U+0085), DEL, the line and paragraph separators U+2028 and
 * U+2029, and the bidirectional embedding, override and isolate controls (U+202A–U+202E,
 * U+2066–U+2069), which can make text read differently from what it is.
 */
bool isUnsafeCodePoint(char32_t codePoint);

/// True when `text` holds an unsafe code point (see isUnsafeCodePoint) or a lone UTF-16 surrogate.
bool hasUnsafeText(const QString &text);

/**
 * `text` for a one-line message: every unsafe code point and every lone surrogate written as a
 * visible escape (\u0085, \u202e, \ud800); everything else unchanged.
 */
QString escapedForMessage(const QString &text);

/**
 * A file name given as bytes (as the system holds it), for messages: valid UTF-8 decoded, every
 * byte that is not part of valid UTF-8 shown as \xNN, and unsafe code points escaped.
 */
QString displayFileName(const QByteArray &nativeName);

} // namespace ef
