// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

// The broken scenario files in tests/data/bad with the location and reason each must be reported with.
// Shared by the loader's tests and the command line's end-to-end tests.

namespace ef::test {

struct BadFixture {
    const char *file;
    const char *location;
    const char *reason;
};

inline constexpr BadFixture kBadFixtures[] = {
    {"bad/b-zero.json", "projects[1].curve.b", "must be > 0"},
    {"bad/unknown-family.json", "projects[0].curve.family", "unknown family \"sqrt\""},
    {"bad/misspelt-weight.json", "projects[1]", "unknown key \"wieght\""},
    {"bad/newer-version.json", "version", "4 is newer than this Effort Frontier understands"},
    {"bad/truncated.json", "line 5, column 73", "not valid JSON"},
    {"bad/stages-not-increasing.json", "stages[2].from", "must be greater than the previous stage's (15)"},
    {"bad/min-above-max.json", "projects[0].maxEffort", "must be between minEffort (30)"},
    {"bad/huge-number.json", "line 5, column 75", "illegal number"},
    {"bad/logistic-without-midpoint.json", "projects[0].curve.midpoint", "missing"},
    {"bad/newer-version-new-key.json", "version", "4 is newer than this Effort Frontier understands"},
    {"bad/duplicate-weight.json", "projects[0]", "duplicate key \"weight\""},
    {"bad/observation-negative-effort.json", "projects[0].observations[1][0]",
     "the effort must be a finite number ≥ 0"},
    {"bad/observation-not-pair.json", "projects[0].observations[0]", "must be a pair [effort, accuracy]"},
    {"bad/learning-without-scale.json", "projects[0].curve.scale", "missing"},
    {"bad/uncertainty-outside-range.json", "projects[0].uncertainty.a", "[0.2, 0.3] must contain the value 0.1"},
    {"bad/uncertainty-not-a-pair.json", "projects[1].uncertainty.b", "must be [low, high], two numbers"},
    {"bad/uncertainty-b-zero.json", "projects[0].uncertainty.b", "low must be > 0"},
    {"bad/uncertainty-midpoint-on-log.json", "projects[0].uncertainty.midpoint",
     "only logistic curves have a midpoint"},
};

} // namespace ef::test
