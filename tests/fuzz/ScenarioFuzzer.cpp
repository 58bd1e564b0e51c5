// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// libFuzzer target for the scenario loader and the allocators (build with the "fuzz" preset, clang).
//   ./build/fuzz/tests/fuzz/scenario-fuzzer -runs=1000000 tests/fuzz/corpus
#include "ScenarioFuzzCheck.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    ef::fuzz::checkScenarioBytes(data, size);
    return 0;
}
