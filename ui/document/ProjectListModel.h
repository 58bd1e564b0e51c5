// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Scenario.h"
#include "charts/Theme.h"

#include <QAbstractListModel>
#include <QColor>

#include <vector>

namespace ef {

class Document;

/**
 * The document's projects as a list, one row per project in file (tie-breaking) order: the name with
 * the weight when it is not 1 ("Dynamic pricing  ×6"), the colour the chart draws it in as the
 * decoration, and a tool tip with the curve family, its formula and the parameters.
 *
 * The model follows the document by itself (Document::changed): rows are inserted or removed at the
 * end as the count changes, and dataChanged() is emitted only for rows whose project or colour changed,
 * so a slider drag repaints one row, not the list.
 */
class ProjectListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        ColorRole = Qt::UserRole + 1, ///< QColor: the project's colour (its own or the theme's automatic one).
        WeightRole,                   ///< double: the project's weight.
        NameRole,                     ///< QString: the name alone, without the weight.
    };

    explicit ProjectListModel(Document *document, QObject *parent = nullptr);

    /// The theme whose automatic colours projects without their own colour are shown in.
    void setTheme(const Theme &theme);
    [[nodiscard]] const Theme &theme() const { return m_theme; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;

    /// Brings the rows in step with the document; called on every Document::changed (cheap when
    /// nothing shown changed, so a caller may call it again to be sure of the order of updates).
    void refresh();
    /**
     * True while refresh() is inserting, removing or changing rows. A view's selection model moves
     * its current row when rows go, and an observer may want to tell that from a user's choice.
     */
    [[nodiscard]] bool isRefreshing() const { return m_refreshing; }

    /// A weight as shown beside the name: "×6", "×0.5"; empty for a weight of exactly 1.
    static QString weightText(double weight);
    /// The family in words ("Logarithmic", "S-curve (logistic)").
    static QString familyTitle(CurveFamily family);
    /// The family's f(x), as in the README's table ("a·ln(b·x)").
    static QString familyFormula(CurveFamily family);
    /// Title and formula in one line, for menus and combo boxes ("Logarithmic: a·ln(b·x)").
    static QString familyLabel(CurveFamily family);

private:
    struct Row {
        Project project;
        QColor color;
    };

    [[nodiscard]] QString toolTip(const Row &row) const;

    Document *m_document;
    Theme m_theme = Theme::dark();
    std::vector<Row> m_rows; ///< What the rows show: the document's projects as of the last refresh().
    bool m_refreshing = false;
};

} // namespace ef
