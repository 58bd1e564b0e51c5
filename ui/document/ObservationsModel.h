// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Observation.h"

#include <QAbstractTableModel>
#include <QString>

#include <vector>

namespace ef {

class Document;

/**
 * One project's observations — (effort, accuracy) rows — as an editable table over the Document.
 *
 * Every change (a cell edit, added or removed rows, a paste, an import) is one undo step through
 * Document::edit(). Bad input is refused, with one specific sentence in lastError() and refused(),
 * and changes nothing: text that is not a number, NaN or infinity, a negative effort, more than
 * limits::kMaxObservations rows. The table follows the document (undo, redo, files).
 */
class ObservationsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        EffortColumn,
        AccuracyColumn,
        ColumnCount
    };

    explicit ObservationsModel(Document *document, QObject *parent = nullptr);

    /// Shows project `index` (-1: none).
    void setProject(int index);
    [[nodiscard]] int project() const { return m_project; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    /// Takes a number (or its text) for a cell; refuses bad values (see the class comment).
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    /// Appends one row after the last: one unit more effort than the last row (0 in an empty table), at
    /// the accuracy the project's curve gives there, for the user to overwrite.
    bool appendRow();
    /// Removes `rows` (any order, duplicates ignored) as one step.
    bool removeRowsAt(const std::vector<int> &rows);
    /**
     * Pasted text: two columns (tab-, semicolon- or comma-separated, as a spreadsheet copies them),
     * with an optional header line, appended as one step. A single number (one cell copied) replaces
     * the cell `target` when it is valid.
     */
    bool paste(const QString &text, const QModelIndex &target = {});
    /// Where imported rows go: after the project's rows, or instead of them.
    enum class Placement {
        Append,
        Replace
    };
    /// Appends the observations of a CSV file (core/ObservationCsv), or replaces the project's with them,
    /// as one step. A refused file changes nothing either way.
    bool importCsv(const QString &path, Placement placement = Placement::Append);

    /// Why the last refused change was refused (empty after a change that went through).
    [[nodiscard]] const QString &lastError() const { return m_lastError; }
    /// What the last successful paste or import did ("Added 25 observations from data.csv.").
    [[nodiscard]] const QString &lastNote() const { return m_lastNote; }

    /// A number parsed from what a user typed: the C locale ("0.5"), or the user's locale ("0,5").
    static bool parseNumber(const QString &text, double &value);

signals:
    /// A change was refused; `message` says why (also lastError()).
    void refused(const QString &message);

private:
    [[nodiscard]] const std::vector<Observation> *observations() const;
    [[nodiscard]] QString projectName() const;
    bool refuse(const QString &message);
    bool append(const std::vector<Observation> &rows, const QString &undoText, const QString &note,
                Placement placement = Placement::Append);
    void documentChanged();

    Document *m_document;
    int m_project = -1;
    int m_rows = 0; ///< The row count the views know.
    QString m_lastError;
    QString m_lastNote;
};

} // namespace ef
