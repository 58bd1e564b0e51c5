// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

// A sweep of one parameter for animated exports: "total=0:300", "weight[Dynamic pricing]=1:6",
// "a[NAME]=lo:hi", "b[NAME]=lo:hi".

#include "Scenario.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ef {

/// One parameter swept linearly from `from` to `to` over the frames of an animation.
struct Sweep {
    enum class Parameter {
        Total,  ///< The total effort (whole units; each frame rounds to the nearest unit).
        Weight, ///< A project's weight (≥ 0).
        A,      ///< A project's curve parameter a (≥ 0).
        B,      ///< A project's curve parameter b (> 0).
    };
    Parameter parameter = Parameter::Total;
    std::string project;          ///< The project's name (not for Total).
    std::size_t projectIndex = 0; ///< Set by bindSweep().
    double from = 0;
    double to = 0;

    /// The swept value at frame `frame` of `frames` (≥ 2): from at 0, to at frames − 1, linear between.
    [[nodiscard]] double valueAt(int frame, int frames) const;
    /// "total", "weight[NAME]", ...: the parameter as written.
    [[nodiscard]] std::string label() const;
};

/// A parsed sweep, or what is wrong with the text (one line).
struct SweepParse {
    std::optional<Sweep> sweep;
    std::string error;
};

/**
 * Reads PARAM=LO:HI where PARAM is `total`, or `weight[NAME]`, `a[NAME]`, `b[NAME]` with NAME a
 * project's exact name (everything between the first '[' and the ']' before the last '='; brackets
 * inside NAME are fine). LO and HI are numbers in the C locale (1, 0.5, 2e-3); HI may be below LO.
 * Checks the syntax and the parameter's domain (total: whole units 0…1,000,000,000; weight and a ≥ 0;
 * b > 0; all finite), not the project: see bindSweep().
 */
SweepParse parseSweep(std::string_view text);

/// Finds the sweep's project in `scenario` (sets projectIndex); an error message when it has none.
std::string bindSweep(Sweep &sweep, const Scenario &scenario);

/// `scenario` with the swept parameter set to its value at `frame` of `frames` (the sweep bound to it).
Scenario sweepFrame(const Scenario &scenario, const Sweep &sweep, int frame, int frames);

} // namespace ef
