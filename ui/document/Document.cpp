// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "document/Document.h"

#include "Allocator.h"
#include "document/ScenarioCommand.h"

namespace ef {

Document::Document(QObject *parent) : QObject(parent)
{
    connect(&m_undo, &QUndoStack::cleanChanged, this, &Document::fileStateChanged);
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
    m_result = allocate(m_scenario, m_scenario.totalEffort, Method::Auto);
}

} // namespace ef
