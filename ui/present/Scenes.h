// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

// What presenter mode steps through, and the states it shows between two of them. Widget-free.

#include "Allocation.h"
#include "Scenario.h"

#include <QString>

#include <vector>

namespace ef {

/// One step of a presentation: a whole state with a title and a caption for the room.
struct Scene {
    QString title;   ///< e.g. "startup" or "Snapshot “Budget 100”".
    QString caption; ///< One or two sentences saying what the room should see.
    Scenario scenario;
};

/// The one-line caption of a built-in preset (empty for an unknown name).
QString presetCaption(const QString &name);

/**
 * The scenes of a presentation of `current` (titled `currentTitle`): the current state first, then
 * each of its snapshots in the order pinned, then the built-in presets.
 */
std::vector<Scene> presenterScenes(const Scenario &current, const QString &currentTitle);

/**
 * The next "round" total effort above (`up`) or below `total`: steps of 10 up to 200, 50 up to 1,000,
 * then 1, 2 or 5 times a power of ten at about a tenth of the total. Never below 0.
 */
Effort nudgedTotal(Effort total, bool up);

/// t eased in and out (smoothstep), so the dots start and stop gently; 0 → 0, 1 → 1.
double easeInOut(double t);

/**
 * The state shown a fraction `t` (0…1) of the way from scene `from` (split `fromSplit`) to scene `to`
 * (split `toSplit`), so the room sees the dots travel: when both have the same projects (same count
 * and names) the total, each curve's parameters and weight and each effort move linearly (efforts
 * rounded to whole units) and every dot sits on its moving curve. Otherwise — or when either split is
 * missing — there is nothing to interpolate and the result is `to` itself. At t = 1 it is exactly `to`.
 */
struct TweenFrame {
    Scenario scenario;
    AllocationResult result;
};
TweenFrame tween(const Scenario &from, const AllocationResult &fromSplit, const Scenario &to,
                 const AllocationResult &toSplit, double t);

/// True when tween() can interpolate between the two scenarios (same project count and names).
bool canTween(const Scenario &from, const Scenario &to);

} // namespace ef
