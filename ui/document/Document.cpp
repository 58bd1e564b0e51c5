// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "document/Document.h"

#include "Allocator.h"
#include "document/ScenarioCommand.h"

namespace ef {

Document::Document(QObject *parent) : QObject(parent)
{
    connect(&m_undo, &QUndoStack::cleanChanged, this, &Document::fileStateChanged);
    connect(&m_service, &AllocationService::allocationReady, this,
            [this](quint64, const AllocationResult &result) { allocationReady(result); });
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
    emit changed();
}

void Document::reallocate()
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    m_inReallocate = true;
    m_service.requestAllocation(m_scenario); // a cheap answer arrives (allocationReady) before this returns
    m_inReallocate = false;
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

} // namespace ef
