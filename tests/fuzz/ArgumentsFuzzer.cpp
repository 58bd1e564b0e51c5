// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// libFuzzer target for the command line's argument handling: NUL-separated argument lists through the
// option parser (with the "--" hint for names that start with a dash), the value parsers and the way
// file names are shown (build with the "fuzz" preset, clang).
//   ./build/fuzz/tests/fuzz/arguments-fuzzer -runs=1000000 tests/fuzz/arguments-corpus
#include "ArgumentsFuzzCheck.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    ef::fuzz::checkArguments(data, size);
    return 0;
}
