// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Growth.h"
#include "Scenario.h"
#include "charts/PlotWidget.h"

#include <vector>

namespace ef {

class Document;
class GrowthChart;
struct Theme;

/**
 * The growth view on screen: a PlotWidget showing GrowthChart for a Document. The path is computed
 * from sampled budgets by the document's AllocationService, off the UI thread, with the same method
 * as the chart (exact where a curve is not concave), so the two panels always agree. While a new path
 * is on its way the last one stays, marked as updating; while hidden the view asks for nothing and
 * catches up when shown.
 */
class GrowthView : public PlotWidget
{
    Q_OBJECT

public:
    explicit GrowthView(Document *document, QWidget *parent = nullptr);

    [[nodiscard]] GrowthChart *chart() const { return m_chart; }
    void setTheme(const Theme &theme);

    /// The line of project `index` (key: budget in units, value: that project's effort).
    [[nodiscard]] QCPGraph *line(std::size_t index) const;
    [[nodiscard]] std::size_t lineCount() const;
    /// The vertical marker at the current total.
    [[nodiscard]] QCPItemStraightLine *marker() const;
    /// True when the lines show a growth path for the current projects and total.
    [[nodiscard]] bool pathShown() const;
    /// The line under the title: what is drawn, or why nothing is.
    [[nodiscard]] QString subtitle() const;
    /// The path shown (possibly the previous one while updating).
    [[nodiscard]] const GrowthPath &path() const { return m_path; }
    /// True while a new path is being computed.
    [[nodiscard]] bool isUpdating() const { return m_requested; }

    /// The title drawn above the axes.
    static QString title();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void refresh();

    Document *m_document;
    GrowthChart *m_chart;
    GrowthPath m_path;
    /// What the path was last asked for: it depends on the projects and the total only.
    std::vector<Project> m_pathProjects;
    Effort m_pathTotal = -1;
    std::vector<Stage> m_pathStages; ///< The stage-entry marks depend on the stages too.
    quint64 m_generation = 0;
    Effort m_shownTotal = -1;         ///< The total the marker was last drawn at.
    std::vector<Stage> m_shownStages; ///< The stages last drawn.
    bool m_requested = false;
};

} // namespace ef
