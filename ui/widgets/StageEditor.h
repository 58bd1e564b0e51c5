// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Scenario.h"

#include <QDialog>

#include <optional>
#include <vector>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace ef {

class Document;

/**
 * Edit ▸ Stages…: the lifecycle stages of the document's scenario as a table (name, the effort the
 * stage starts at), with Add and Remove. Apply (or OK) replaces the stages as one undoable step
 * through Document::edit(); the chart's bands, the table's stage column and the growth view's marks
 * follow. An invalid list is refused with a message that names the offending row: at least one stage,
 * names non-empty and unique, the first starting at 0, each later one strictly above the one before.
 */
class StageEditor : public QDialog
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        FromColumn,
    };

    explicit StageEditor(Document *document, QWidget *parent = nullptr);

    /// The stages as typed (names trimmed); std::nullopt when a threshold is not a whole number.
    [[nodiscard]] std::optional<std::vector<Stage>> stages() const;
    /// Why the stages as typed cannot be applied (empty when they can).
    [[nodiscard]] QString problem() const;
    /// The reasons of problem() for `stages` (empty when they are fine), without a document.
    [[nodiscard]] static QString problemOf(const std::vector<Stage> &stages);

    /// Applies the stages as typed (one undo step); false, with the message shown, when refused.
    bool apply();
    /// Shows the document's stages again (discarding what was typed).
    void reload();

    [[nodiscard]] QTableWidget *table() const { return m_table; }
    [[nodiscard]] QPushButton *addButton() const { return m_add; }
    [[nodiscard]] QPushButton *removeButton() const { return m_remove; }
    [[nodiscard]] QPushButton *applyButton() const;
    [[nodiscard]] QPushButton *okButton() const;
    /// The message under the table: the problem, or what Apply will do.
    [[nodiscard]] QString messageText() const;

    /// Adds a stage below the selected row (or at the end), starting above its neighbour.
    void addStage();
    /// Removes the selected stage (not the last one left).
    void removeStage();

private:
    void setRows(const std::vector<Stage> &stages);
    void validate();
    void scenarioChanged();

    Document *m_document;
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    std::vector<Stage> m_loaded; ///< The stages last shown from (or applied to) the document.
};

} // namespace ef
