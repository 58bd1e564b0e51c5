// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

// Catch2 prints QString and QByteArray values in failed assertions as quoted text.

#include <QByteArray>
#include <QString>

#include <catch2/catch.hpp>

#include <string>

namespace Catch {
template<> struct StringMaker<QString> {
    static std::string convert(const QString &text) { return '"' + text.toStdString() + '"'; }
};
template<> struct StringMaker<QByteArray> {
    static std::string convert(const QByteArray &bytes) { return '"' + bytes.toStdString() + '"'; }
};
} // namespace Catch
