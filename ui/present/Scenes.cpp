// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "present/Scenes.h"

#include "Presets.h"
#include "ScenarioFile.h"
#include "document/NumberFormat.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ef {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(Scenes)
};

double lerp(double a, double b, double t)
{
    return a + (b - a) * t;
}

/// Rates and scales span orders of magnitude: move them geometrically when both are positive.
double lerpPositive(double a, double b, double t)
{
    if (a > 0 && b > 0 && std::isfinite(a) && std::isfinite(b))
        return std::exp(lerp(std::log(a), std::log(b), t));
    return lerp(a, b, t);
}

Effort lerpEffort(Effort a, Effort b, double t)
{
    return static_cast<Effort>(std::llround(lerp(static_cast<double>(a), static_cast<double>(b), t)));
}

} // namespace

QString presetCaption(const QString &name)
{
    if (name == QLatin1String("startup"))
        return Text::tr("A startup with 100 units: every project gets a share, none reaches research-frontier "
                        "work.");
    if (name == QLatin1String("growth"))
        return Text::tr("The same projects at 300 units: the top project climbs towards SotA research while the "
                        "others barely move.");
    if (name == QLatin1String("ml-first"))
        return Text::tr("Dynamic pricing weighted 6×: one project dominates, and the rest share what is left.");
    if (name == QLatin1String("deep-learning-bet"))
        return Text::tr("An S-curve: the deep-learning bet pays off only past a threshold, so it gets all or "
                        "nothing.");
    return {};
}

std::vector<Scene> presenterScenes(const Scenario &current, const QString &currentTitle)
{
    std::vector<Scene> scenes;
    Scenario working = current;
    working.snapshots.clear();
    // An unedited preset is not shown twice: the working state is that preset's scene.
    QString presetShown;
    for (const QString &name : presetNames())
        if (LoadResult preset = loadPreset(name); preset.ok() && *preset.scenario == working)
            presetShown = name;
    const QString caption = presetShown.isEmpty()
        ? Text::tr("The plan as it stands: %1 units.").arg(format::units(current.totalEffort))
        : presetCaption(presetShown);
    scenes.push_back({presetShown.isEmpty() ? currentTitle : presetShown, caption, std::move(working)});
    for (const Snapshot &snapshot : current.snapshots)
        scenes.push_back({Text::tr("Snapshot “%1”").arg(QString::fromStdString(snapshot.name)),
                          Text::tr("Pinned at %1 units.").arg(format::units(snapshot.totalEffort)),
                          snapshot.toScenario()});
    for (const QString &name : presetNames()) {
        if (name == presetShown)
            continue;
        LoadResult loaded = loadPreset(name);
        if (loaded.ok())
            scenes.push_back({name, presetCaption(name), std::move(*loaded.scenario)});
    }
    return scenes;
}

Effort nudgedTotal(Effort total, bool up)
{
    total = std::max<Effort>(total, 0);
    if (!up && total == 0)
        return 0;
    // The step of the range the move goes into: 10 below 200, 50 below 1,000, then 1, 2 or 5 × 10^k at
    // about a tenth of the total.
    const Effort from = up ? total : total - 1;
    Effort step = 10;
    if (from >= 1000) {
        const double tenth = static_cast<double>(from) / 10;
        const double power = std::pow(10.0, std::floor(std::log10(tenth)));
        const double mantissa = tenth / power;
        step = static_cast<Effort>(power * (mantissa >= 5 ? 5 : mantissa >= 2 ? 2 : 1));
    } else if (from >= 200) {
        step = 50;
    }
    if (up)
        return (total / step + 1) * step;
    return std::max<Effort>((from / step) * step, 0);
}

double easeInOut(double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return t * t * (3 - 2 * t);
}

bool canTween(const Scenario &from, const Scenario &to)
{
    if (from.projects.size() != to.projects.size())
        return false;
    for (std::size_t i = 0; i < from.projects.size(); ++i)
        if (from.projects[i].name != to.projects[i].name)
            return false;
    return true;
}

TweenFrame tween(const Scenario &from, const AllocationResult &fromSplit, const Scenario &to,
                 const AllocationResult &toSplit, double t)
{
    if (t >= 1 || !canTween(from, to) || !fromSplit.ok() || !toSplit.ok())
        return {to, toSplit};
    t = std::max(t, 0.0);
    TweenFrame frame{to, toSplit};
    Scenario &s = frame.scenario;
    s.totalEffort = lerpEffort(from.totalEffort, to.totalEffort, t);
    for (std::size_t i = 0; i < s.projects.size(); ++i) {
        const Project &a = from.projects[i];
        Project &p = s.projects[i];
        p.weight = lerp(a.weight, p.weight, t);
        if (a.curve.family == p.curve.family) {
            p.curve.a = lerp(a.curve.a, p.curve.a, t);
            p.curve.b = lerpPositive(a.curve.b, p.curve.b, t);
            p.curve.midpoint = lerp(a.curve.midpoint, p.curve.midpoint, t);
        }
    }
    Allocation &split = *frame.result.allocation;
    const Allocation &start = *fromSplit.allocation;
    split.totalEffort = s.totalEffort;
    double objective = 0;
    for (std::size_t i = 0; i < split.projects.size() && i < start.projects.size(); ++i) {
        const Project &p = s.projects[i];
        ProjectAllocation &pa = split.projects[i];
        pa.effort = lerpEffort(start.projects[i].effort, pa.effort, t);
        pa.accuracy = p.curve.value(static_cast<double>(pa.effort));
        pa.value = p.weight == 0 ? 0 : p.weight * pa.accuracy;
        pa.marginal = p.curve.weightedGain(p.weight, pa.effort);
        pa.stage = s.stageIndexFor(pa.effort);
        objective += pa.value;
    }
    split.objective = std::isnan(objective) ? -std::numeric_limits<double>::infinity() : objective;
    split.bound = split.objective;
    split.gap = 0;
    split.greedyObjective.reset();
    return frame;
}

} // namespace ef
