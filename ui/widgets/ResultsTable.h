// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "charts/Theme.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace ef {

class Document;

/**
 * The allocation as a table — effort, share of the budget, accuracy, weighted marginal gain and
 * stage for every project — and the objective below it. Observes the Document.
 */
class ResultsTable : public QWidget
{
    Q_OBJECT

public:
    /// Column indices of the table.
    enum Column {
        ProjectColumn,
        EffortColumn,
        ShareColumn,
        AccuracyColumn,
        GainColumn,
        StageColumn,
        ColumnCount
    };

    explicit ResultsTable(Document *document, QWidget *parent = nullptr);

    void setTheme(const Theme &theme);
    [[nodiscard]] QTableWidget *table() const { return m_table; }
    /// The objective line under the table.
    [[nodiscard]] QString objectiveText() const;

private:
    void refresh();

    Document *m_document;
    Theme m_theme = Theme::dark();
    QTableWidget *m_table;
    QLabel *m_objective;
};

} // namespace ef
