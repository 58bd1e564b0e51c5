// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "document/Document.h"

#include "Allocator.h"
#include "document/ScenarioCommand.h"

#include "ScenarioFile.h"

#include <QLocale>

#include <algorithm>

namespace ef {

Document::Document(QObject *parent) : QObject(parent)
{
    connect(&m_undo, &QUndoStack::cleanChanged, this, &Document::fileStateChanged);
    connect(&m_service, &AllocationService::allocationReady, this,
            [this](quint64, const AllocationResult &result) { allocationReady(result); });
    connect(&m_service, &AllocationService::monteCarloReady, this, [this](quint64, const MonteCarloResult &result) {
        m_monteCarlo = result;
        emit changed();
    });
    reallocate();
}

Document::~Document()
{
    // Observers may already be gone: the history's clean-up must not reach them.
    m_undo.blockSignals(true);
    blockSignals(true);
}

void Document::edit(const QString &text, const std::function<void(Scenario &)> &change, int mergeKey)
{
    Scenario after = m_scenario;
    change(after);
    for (Project &p : after.projects) // a value dragged out of its uncertainty range takes the range along
        widenRangesToValues(p);
    if (after == m_scenario)
        return;
    m_undo.push(new ScenarioCommand(this, m_scenario, std::move(after), text, mergeKey, currentGesture()));
}

void Document::beginGesture()
{
    ++m_gesture;
    m_gestureOpen = true;
}

void Document::endGesture()
{
    m_gestureOpen = false;
}

void Document::replace(Scenario scenario, const QString &filePath)
{
    m_undo.clear();
    m_baseline.clear();
    m_scenario = std::move(scenario);
    m_filePath = filePath;
    reallocate();
    m_undo.setClean();
    emit replaced();
    emit changed();
    emit fileStateChanged();
}

void Document::restore(Scenario scenario, const QString &filePath, bool modified)
{
    m_undo.clear();
    m_baseline.clear();
    m_scenario = std::move(scenario);
    m_filePath = filePath;
    reallocate();
    if (modified)
        m_undo.resetClean(); // no step of the (empty) history is the saved state
    else
        m_undo.setClean();
    emit replaced();
    emit changed();
    emit fileStateChanged();
}

void Document::markSaved(const QString &filePath)
{
    m_filePath = filePath;
    m_undo.setClean();
    emit fileStateChanged();
}

void Document::applyScenario(const Scenario &scenario)
{
    m_scenario = scenario;
    reallocate();
    // A baseline whose snapshot went away with the edit (or its undo) is cleared.
    if (!m_baseline.isEmpty() && !m_scenario.snapshot(m_baseline.toStdString())) {
        m_baseline.clear();
        emit baselineChanged();
    }
    emit changed();
}

bool Document::pinSnapshot(const QString &name, QString *error)
{
    auto fail = [&](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return fail(tr("A snapshot needs a name."));
    if (m_scenario.snapshot(trimmed.toStdString()))
        return fail(tr("There is already a snapshot named “%1”.").arg(trimmed));
    if (m_updating || !m_result.ok())
        return fail(tr("There is no allocation to pin: %1").arg(QString::fromStdString(m_result.error)));
    if (m_scenario.snapshots.size() >= static_cast<std::size_t>(limits::kMaxSnapshots))
        return fail(tr("A scenario holds at most %1 snapshots; remove one first.").arg(limits::kMaxSnapshots));
    Snapshot snapshot;
    snapshot.name = trimmed.toStdString();
    snapshot.totalEffort = m_scenario.totalEffort;
    snapshot.projects = m_scenario.projects;
    snapshot.stages = m_scenario.stages;
    for (const ProjectAllocation &project : m_result.allocation->projects)
        snapshot.efforts.push_back(project.effort);
    edit(tr("Pin snapshot “%1”").arg(trimmed), [&](Scenario &s) { s.snapshots.push_back(snapshot); });
    return true;
}

bool Document::removeSnapshot(const QString &name)
{
    const std::string key = name.toStdString();
    if (!m_scenario.snapshot(key))
        return false;
    edit(tr("Remove snapshot “%1”").arg(name), [&](Scenario &s) {
        std::erase_if(s.snapshots, [&](const Snapshot &snapshot) { return snapshot.name == key; });
    });
    return true;
}

bool Document::recallSnapshot(const QString &name)
{
    const Snapshot *snapshot = m_scenario.snapshot(name.toStdString());
    if (!snapshot)
        return false;
    const Snapshot copy = *snapshot;
    edit(tr("Recall snapshot “%1”").arg(name), [&](Scenario &s) {
        s.totalEffort = copy.totalEffort;
        s.projects = copy.projects;
        s.stages = copy.stages;
    });
    return true;
}

QString Document::suggestedSnapshotName() const
{
    const QString base = tr("Budget %1").arg(QLocale().toString(static_cast<qlonglong>(m_scenario.totalEffort)));
    QString name = base;
    for (int k = 2; m_scenario.snapshot(name.toStdString()); ++k)
        name = QStringLiteral("%1 (%2)").arg(base).arg(k);
    return name;
}

const Snapshot *Document::baseline() const
{
    return m_baseline.isEmpty() ? nullptr : m_scenario.snapshot(m_baseline.toStdString());
}

void Document::setBaseline(const QString &name)
{
    const QString wanted = m_scenario.snapshot(name.toStdString()) ? name : QString();
    if (wanted == m_baseline)
        return;
    m_baseline = wanted;
    emit baselineChanged();
    emit changed();
}

void Document::reallocate()
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    m_inReallocate = true;
    m_service.requestAllocation(m_scenario); // a cheap answer arrives (allocationReady) before this returns
    m_inReallocate = false;
    requestMonteCarlo();
    if (m_updating) {
        // Long work: keep the last good split on screen, on the new curves, until the answer comes.
        if (m_result.ok() && m_result.allocation->projects.size() == m_scenario.projects.size()) {
            std::vector<Effort> efforts;
            for (const ProjectAllocation &project : m_result.allocation->projects)
                efforts.push_back(project.effort);
            m_result.allocation = evaluate(m_scenario, efforts, m_result.allocation->method);
        } else {
            m_result = AllocationResult{std::nullopt, "computing the allocation…"};
        }
    }
    if (m_updating != wasUpdating)
        emit updatingChanged(m_updating);
}

void Document::requestMonteCarlo()
{
    const bool uncertain = std::any_of(m_scenario.projects.begin(), m_scenario.projects.end(),
                                       [](const Project &p) { return !p.uncertainty.empty(); });
    if (!uncertain) {
        m_service.cancelMonteCarlo();
        m_monteCarlo.reset();
        return;
    }
    if (m_monteCarlo && m_monteCarlo->projects.size() != m_scenario.projects.size())
        m_monteCarlo.reset(); // its rows would belong to other projects
    m_service.requestMonteCarlo(m_scenario);
}

void Document::allocationReady(const AllocationResult &result)
{
    m_result = result;
    m_updating = false;
    if (m_inReallocate)
        return; // a cheap answer: reallocate()'s caller emits changed()
    // A late answer: show it.
    emit updatingChanged(false);
    emit changed();
}

bool Document::isLocked(std::size_t index) const
{
    if (index >= m_scenario.projects.size())
        return false;
    const Project &p = m_scenario.projects[index];
    return p.maxEffort && *p.maxEffort == p.minEffort;
}

void Document::lockEffort(std::size_t index, Effort effort, const QString &text)
{
    if (index >= m_scenario.projects.size())
        return;
    const Project &p = m_scenario.projects[index];
    if (!isLocked(index))
        m_boundsBeforeLock[index] = BoundsBeforeLock{p.name, p.minEffort, p.maxEffort};
    edit(text, [index, effort](Scenario &s) {
        Project &project = s.projects.at(index);
        project.minEffort = effort;
        project.maxEffort = effort;
    });
}

bool Document::unlockEffort(std::size_t index, const QString &text)
{
    if (!isLocked(index))
        return false;
    Effort minEffort = 0;
    std::optional<Effort> maxEffort;
    if (const auto found = m_boundsBeforeLock.find(index);
        found != m_boundsBeforeLock.end() && found->second.name == m_scenario.projects[index].name) {
        minEffort = found->second.minEffort;
        maxEffort = found->second.maxEffort;
    }
    m_boundsBeforeLock.erase(index);
    edit(text, [index, minEffort, maxEffort](Scenario &s) {
        Project &project = s.projects.at(index);
        project.minEffort = minEffort;
        project.maxEffort = maxEffort;
    });
    return true;
}

} // namespace ef
