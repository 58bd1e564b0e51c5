// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ef {

/**
 * A small streaming JSON writer that keeps keys in the order written (QJsonObject sorts them), writes
 * doubles in their shortest round-trip form and non-finite doubles as null. Pretty-prints with
 * `indent` spaces per level (0: one line).
 */
class JsonWriter
{
public:
    explicit JsonWriter(int indent = 2) : m_indent(indent) { }

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(std::string_view name);

    void value(std::string_view text);
    void value(const char *text) { value(std::string_view(text)); }
    void value(double number);
    void value(std::int64_t number);
    void value(std::uint64_t number);
    void value(bool flag);
    void null();

    /// The document written so far, with a trailing newline once the outermost value is closed.
    [[nodiscard]] const std::string &text() const { return m_out; }

private:
    void beforeValue();
    void newline();
    void raw(std::string_view text);

    struct Level {
        bool object;
        int count;
    };
    std::string m_out;
    std::vector<Level> m_levels;
    bool m_afterKey = false;
    int m_indent;
};

} // namespace ef
