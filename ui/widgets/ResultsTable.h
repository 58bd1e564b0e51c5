// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "charts/Theme.h"
#include "document/ResultsModel.h"

#include <QTimer>
#include <QWidget>

class QTableView;

namespace ef {

class Document;
class SettledLabel;

/**
 * The allocation as a table — a view of ResultsModel: effort, share of the budget, accuracy,
 * weighted marginal gain and stage for every project, and the differences from the baseline snapshot
 * when there is one — with the objective below it.
 */
class ResultsTable : public QWidget
{
    Q_OBJECT

public:
    /// How long the table must be still before every column is fitted to its contents exactly.
    static constexpr int kFitColumnsDelayMs = 250;

    /// Column indices of the table (those of ResultsModel).
    using Column = ResultsModel::Column;
    static constexpr int ProjectColumn = ResultsModel::ProjectColumn;
    static constexpr int EffortColumn = ResultsModel::EffortColumn;
    static constexpr int ShareColumn = ResultsModel::ShareColumn;
    static constexpr int AccuracyColumn = ResultsModel::AccuracyColumn;
    static constexpr int GainColumn = ResultsModel::GainColumn;
    static constexpr int StageColumn = ResultsModel::StageColumn;

    explicit ResultsTable(Document *document, QWidget *parent = nullptr);

    void setTheme(const Theme &theme);
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] ResultsModel *model() const { return m_model; }
    /// The text of a cell as shown.
    [[nodiscard]] QString cellText(int row, int column) const { return m_model->text(row, column); }
    /// The objective line under the table.
    [[nodiscard]] QString objectiveText() const;

    /// Puts the table on the clipboard as tab-separated text and HTML (TableCopy): the selected rows,
    /// or every row when none is selected (or when `allRows`). Ctrl+C on the table does this too.
    void copyToClipboard(bool allRows = false);

    /// Fits every column to its contents now (normally done once the table has been still a moment).
    void fitColumns();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    void widenFor(const QModelIndex &topLeft, const QModelIndex &bottomRight);

    Document *m_document;
    Theme m_theme = Theme::dark();
    ResultsModel *m_model;
    QTableView *m_table;
    SettledLabel *m_objective;
    QTimer m_fitColumns;
};

} // namespace ef
