// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "JsonWriter.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using ef::JsonWriter;

TEST_CASE("JSON writer keeps key order, escapes strings and writes non-finite numbers as null", "[json]")
{
    JsonWriter w(0);
    w.beginObject();
    w.key("z");
    w.value(std::int64_t{3});
    w.key("a \"quoted\"\n");
    w.value("back\\slash\t\x01");
    w.key("list");
    w.beginArray();
    w.value(0.1);
    w.value(std::numeric_limits<double>::infinity());
    w.value(std::nan(""));
    w.value(-1e-300);
    w.value(true);
    w.null();
    w.endArray();
    w.key("empty");
    w.beginObject();
    w.endObject();
    w.endObject();
    CHECK(w.text()
          == R"({"z":3,"a \"quoted\"\n":"back\\slash\t\u0001","list":[0.1,null,null,-1e-300,true,null],"empty":{}})");
}

TEST_CASE("JSON writer pretty-prints with the requested indent", "[json]")
{
    JsonWriter w(2);
    w.beginObject();
    w.key("a");
    w.beginArray();
    w.value(std::int64_t{1});
    w.endArray();
    w.endObject();
    CHECK(w.text() == "{\n  \"a\": [\n    1\n  ]\n}\n");
}
