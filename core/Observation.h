// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

namespace ef {

/// One measured point of a project's effort→accuracy curve: evidence a curve can be fitted to.
struct Observation {
    double effort = 0;   ///< Effort spent (≥ 0, real: half a unit is allowed).
    double accuracy = 0; ///< The accuracy measured at that effort (finite).

    friend bool operator==(const Observation &, const Observation &) = default;
};

} // namespace ef
