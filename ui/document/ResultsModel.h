// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "charts/Theme.h"

#include <QAbstractTableModel>
#include <QString>

#include <vector>

namespace ef {

class Document;

/**
 * The allocation of the document as a table model: one row per project with its effort, share of the
 * budget, accuracy, weighted marginal gain and stage. When the document has a baseline snapshot, three
 * more columns compare with it — the effort's change, the weighted value's change and the stage the
 * project had — with projects matched by name (a project the baseline lacks is "new").
 *
 * Observes the document and tells its views once per change, as one range, so a 500-row table costs
 * one pass, not one per cell.
 */
class ResultsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    /// Column indices.
    enum Column {
        ProjectColumn,
        EffortColumn,
        ShareColumn,
        AccuracyColumn,
        LastGainColumn, ///< The weighted gain of the project's last unit (why it stops here).
        GainColumn,     ///< The weighted gain its next unit would add.
        StageColumn,
        PlannedColumn,       ///< The team's planned effort; editable (empty: no plan for the project).
        DeltaEffortColumn,   ///< Only with a baseline.
        DeltaValueColumn,    ///< Only with a baseline.
        BaselineStageColumn, ///< Only with a baseline.
        ColumnCount
    };
    /// Columns shown without a baseline.
    static constexpr int kPlainColumns = DeltaEffortColumn;

    /// The shown index of the "p5–p95" column (the Monte Carlo's effort spread, in units; its tooltip
    /// lists how often the project reaches each stage): after the last plain or baseline column, present
    /// only while the document has a Monte Carlo result; -1 when absent.
    [[nodiscard]] int spreadColumn() const;
    /// The shown index of the "P(top)" column (the share of Monte Carlo draws in which the project gets
    /// the most effort, in %): the last column, after spreadColumn(); -1 when absent.
    [[nodiscard]] int topProbabilityColumn() const;

    explicit ResultsModel(Document *document, QObject *parent = nullptr);

    /// The colours of the name column's swatches.
    void setTheme(const Theme &theme);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    /// The Planned column is editable: a whole number of units ≥ 0, or nothing to drop the plan.
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    /// Sets a project's planned effort as one undoable edit; false for text that is not a whole number ≥ 0.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    /// The text of a cell (as shown).
    [[nodiscard]] QString text(int row, int column) const;
    /// The objective line: Σ weight·accuracy, the budget and the method, and the difference from the baseline.
    [[nodiscard]] const QString &objectiveText() const { return m_objective; }

signals:
    /// The rows and the objective line follow the document again (after the dataChanged() of the cells
    /// that changed, or a reset).
    void refreshed();

private:
    struct Row {
        QString cells[ColumnCount + 2]; ///< Then p5–p95 and P(top).
        QColor color;
    };
    void refresh();
    /// The p5–p95 cell's tooltip of `row`: its spread and the stage probabilities.
    [[nodiscard]] QString spreadToolTip(int row) const;
    /// The cell index behind shown column `column`.
    [[nodiscard]] int cellIndex(int column) const;
    static constexpr int kSpreadCell = ColumnCount;
    static constexpr int kTopCell = ColumnCount + 1;

    Document *m_document;
    Theme m_theme = Theme::dark();
    std::vector<Row> m_rows;
    bool m_compare = false;
    bool m_top = false;
    QString m_objective;
};

} // namespace ef
