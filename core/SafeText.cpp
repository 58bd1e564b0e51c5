// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "SafeText.h"

namespace ef {

namespace {

QString escape(char32_t codePoint)
{
    return QStringLiteral("\\u%1").arg(static_cast<uint>(codePoint), 4, 16, QLatin1Char('0'));
}

/// Appends `codePoint` to `out`, escaped when unsafe.
void appendCodePoint(QString &out, char32_t codePoint)
{
    if (isUnsafeCodePoint(codePoint))
        out += escape(codePoint);
    else
        out += QString::fromUcs4(&codePoint, 1);
}

/// Length of the valid UTF-8 sequence at `i` (and its code point), or 0 when the byte there does not
/// start one (overlong forms, surrogates and values past U+10FFFF are invalid).
int utf8Sequence(const QByteArray &bytes, qsizetype i, char32_t &codePoint)
{
    const auto byte = [&](qsizetype k) { return static_cast<unsigned char>(bytes[k]); };
    const unsigned char lead = byte(i);
    int length = 0;
    char32_t minimum = 0;
    if (lead < 0x80) {
        codePoint = lead;
        return 1;
    }
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        minimum = 0x80;
        codePoint = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        minimum = 0x800;
        codePoint = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        minimum = 0x10000;
        codePoint = lead & 0x07;
    } else {
        return 0;
    }
    if (i + length > bytes.size())
        return 0;
    for (int k = 1; k < length; ++k) {
        const unsigned char next = byte(i + k);
        if ((next & 0xC0) != 0x80)
            return 0;
        codePoint = (codePoint << 6) | (next & 0x3F);
    }
    if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        return 0;
    return length;
}

} // namespace

bool isUnsafeCodePoint(char32_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
}

bool hasUnsafeText(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            ++i; // a pair: a character outside the BMP, none of which is unsafe
            continue;
        }
        if (c.isSurrogate() || isUnsafeCodePoint(c.unicode()))
            return true;
    }
    return false;
}

QString escapedForMessage(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            out += c;
            out += text[++i];
        } else if (c.isSurrogate()) {
            out += escape(c.unicode()); // a lone surrogate: shown, never turned into "?"
        } else {
            appendCodePoint(out, c.unicode());
        }
    }
    return out;
}

QString displayFileName(const QByteArray &nativeName)
{
    QString out;
    for (qsizetype i = 0; i < nativeName.size();) {
        char32_t codePoint = 0;
        const int length = utf8Sequence(nativeName, i, codePoint);
        if (length == 0) {
            out += QStringLiteral("\\x%1").arg(static_cast<unsigned char>(nativeName[i]), 2, 16, QLatin1Char('0'));
            ++i;
            continue;
        }
        appendCodePoint(out, codePoint);
        i += length;
    }
    return out;
}

} // namespace ef
