// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Curve.h"
#include "Observation.h"
#include "Uncertainty.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ef {

/// One ML project competing for effort.
struct Project {
    std::string name;
    Curve curve;
    double weight = 1.0;             ///< Importance (≥ 0): what a point of its accuracy is worth.
    Effort minEffort = 0;            ///< Every allocator gives at least this many units.
    std::optional<Effort> maxEffort; ///< When set, no allocator gives more than this.
    std::string color;               ///< "#rrggbb", or empty for the theme's colour cycle.
    /// Measured (effort, accuracy) points, in the order given: the evidence a curve can be fitted to.
    std::vector<Observation> observations;
    Uncertainty uncertainty;       ///< Ranges of a, b, midpoint and weight for the Monte Carlo (none: exact).
    std::optional<Effort> planned; ///< The team's own plan for this project (units), when it has one.

    friend bool operator==(const Project &, const Project &) = default;
};

/// A lifecycle stage, reached once a project's effort is at least `from` units.
struct Stage {
    std::string name;
    Effort from = 0;

    friend bool operator==(const Stage &, const Stage &) = default;
};

/// The default stages of MODEL.md: 0, 5, 15, 40 and 90 units.
std::vector<Stage> defaultStages();

struct Scenario;

/**
 * A named copy of a whole state — budget, projects, stages — and the split it had, pinned to be
 * compared against later ("what did we have at 100 units?"). Saved in the scenario file.
 */
struct Snapshot {
    std::string name;
    Effort totalEffort = 0;
    std::vector<Project> projects;
    std::vector<Stage> stages;
    std::vector<Effort> efforts; ///< The split when pinned, one per project (Σ = totalEffort).

    /// The state as a scenario of its own (named after the snapshot, without snapshots).
    [[nodiscard]] Scenario toScenario() const;

    friend bool operator==(const Snapshot &, const Snapshot &) = default;
};

/// A whole what-if: the budget, the projects (in order) and the stages, and the snapshots pinned.
struct Scenario {
    std::string name;
    Effort totalEffort = 100;
    std::vector<Project> projects;
    std::vector<Stage> stages = defaultStages();
    std::vector<Snapshot> snapshots; ///< Pinned states, in the order pinned.

    /// The snapshot named `name`, or nullptr.
    [[nodiscard]] const Snapshot *snapshot(const std::string &snapshotName) const;

    /// Index into `stages` of the last stage whose `from` ≤ effort (0 when none applies).
    [[nodiscard]] std::size_t stageIndexFor(Effort effort) const;
    /// Name of that stage ("" when there are no stages).
    [[nodiscard]] const std::string &stageNameFor(Effort effort) const;
    /// True when every project's curve is concave (greedy is then optimal).
    [[nodiscard]] bool allConcave() const;

    friend bool operator==(const Scenario &, const Scenario &) = default;
};

} // namespace ef
