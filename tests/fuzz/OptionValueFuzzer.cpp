// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// libFuzzer target for the command line's value parsers: the first byte picks --size, --scale,
// --total, --method, --family, the export pixel bound, --samples or --seed, the rest is the value (build with
// the "fuzz" preset).
//   ./build/fuzz/tests/fuzz/option-value-fuzzer -runs=1000000 tests/fuzz/option-value-corpus
#include "ArgumentsFuzzCheck.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    ef::fuzz::checkOptionValue(data, size);
    return 0;
}
