// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "document/ScenarioCommand.h"

#include "document/Document.h"

namespace ef {

ScenarioCommand::ScenarioCommand(Document *document, Scenario before, Scenario after, const QString &text, int mergeKey,
                                 quint64 gesture)
    : QUndoCommand(text), m_document(document), m_before(std::move(before)), m_after(std::move(after)),
      m_mergeKey(mergeKey), m_gesture(gesture)
{ }

void ScenarioCommand::undo()
{
    m_document->applyScenario(m_before);
}

void ScenarioCommand::redo()
{
    m_document->applyScenario(m_after);
}

int ScenarioCommand::id() const
{
    // Only edits inside a gesture merge; QUndoStack never merges commands with id -1.
    return m_gesture != 0 ? m_mergeKey : -1;
}

bool ScenarioCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ScenarioCommand *>(other);
    if (next->m_gesture != m_gesture || next->m_mergeKey != m_mergeKey)
        return false;
    m_after = next->m_after;
    // A drag that ends where it started leaves nothing to undo.
    setObsolete(m_after == m_before);
    return true;
}

} // namespace ef
