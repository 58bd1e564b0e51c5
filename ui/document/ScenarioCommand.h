// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Scenario.h"

#include <QUndoCommand>

namespace ef {

class Document;

/**
 * One undoable edit: the scenario before and after (scenarios are small value types, so a swap of
 * whole states covers every property with one class). Commands with the same merge key made in the
 * same gesture merge, so one slider drag is one undo step.
 */
class ScenarioCommand : public QUndoCommand
{
public:
    ScenarioCommand(Document *document, Scenario before, Scenario after, const QString &text, int mergeKey,
                    quint64 gesture);

    void undo() override;
    void redo() override;
    [[nodiscard]] int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    Document *m_document;
    Scenario m_before;
    Scenario m_after;
    int m_mergeKey;
    quint64 m_gesture;
};

} // namespace ef
