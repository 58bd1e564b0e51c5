// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Allocation.h"
#include "Scenario.h"
#include "charts/Theme.h"

#include <qcustomplot.h>

#include <vector>

namespace ef {

class Document;

/**
 * How the optimal split grows with the budget: the core's expansion path drawn as one line per
 * project (its effort at every budget 0…T, in the project's colour), the lifecycle stage thresholds as
 * horizontal dashed lines with their names, and a vertical marker at the current total. It shows
 * MODEL.md's story: breadth first, then the top project pushed towards SotA research.
 *
 * Observes the Document like the chart does; while hidden it only notes that it is out of date and
 * catches up when shown. Above kExpansionPathLimit units (a million when a curve is not concave: greedy
 * then replays every unit), or when the bounds are infeasible, the lines are hidden and the subtitle
 * says why. For curves that are not all concave the path is greedy's, not the exact optimum, and the
 * subtitle says so.
 */
class GrowthView : public QCustomPlot
{
    Q_OBJECT

public:
    explicit GrowthView(Document *document, QWidget *parent = nullptr);

    void setTheme(const Theme &theme);

    /// The line of project `index` (key: budget in units, value: that project's effort).
    [[nodiscard]] QCPGraph *line(std::size_t index) const { return m_lines.at(index); }
    [[nodiscard]] std::size_t lineCount() const { return m_lines.size(); }
    /// The vertical marker at the current total.
    [[nodiscard]] QCPItemStraightLine *marker() const { return m_marker; }
    /// True when the lines show an expansion path (false: infeasible or too long; see subtitle()).
    [[nodiscard]] bool pathShown() const { return m_pathShown; }
    /// The line under the title: what is drawn, or why nothing is.
    [[nodiscard]] QString subtitle() const;

    /// The title drawn above the axes.
    static QString title();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refresh();
    void rebuild();
    void ensureLineCount(std::size_t count);
    void rebuildStages();
    void applyThemeToItems();
    void placeLabels();
    /// Fits the title and subtitle to the width; true when something changed.
    bool fitTitles();

    Document *m_document;
    Theme m_theme = Theme::dark();
    QCPTextElement *m_title = nullptr;
    QCPTextElement *m_subtitle = nullptr;
    QString m_subtitleText; ///< The subtitle on one line (it may be shown on two).
    int m_titlePointSize = 13;
    std::vector<QCPGraph *> m_lines;
    std::vector<QCPItemStraightLine *> m_stageLines;
    std::vector<QCPItemText *> m_stageLabels;
    std::vector<Stage> m_shownStages;
    QCPItemStraightLine *m_marker = nullptr;
    QCPItemText *m_markerLabel = nullptr;
    /// What the lines were last computed for: the path depends on the projects and the total only.
    std::vector<Project> m_pathProjects;
    Effort m_pathTotal = -1;
    bool m_pathShown = false;
    bool m_dirty = true;
};

} // namespace ef
