// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Allocation.h"
#include "Scenario.h"
#include "charts/Theme.h"

#include <QFont>
#include <QObject>
#include <QPointF>
#include <QString>

#include <vector>

class QCPCurve;
class QCPGraph;
class QCPItemRect;
class QCPItemStraightLine;
class QCPItemText;
class QCPLegend;
class QCPTextElement;
class QCustomPlot;

namespace ef {

/**
 * The chart's set-up on a QCustomPlot, shared by the window and by every export (one drawing path):
 * one curve per project in its colour, the optimal points as one red scatter plottable with effort
 * labels, the lifecycle stages as shaded bands with names, a title, a legend below the axes.
 *
 * update() reuses the plottables and items it made before; it never replots by itself. The owner
 * calls QCustomPlot::replot (queued on screen, immediate for files).
 */
class Chart : public QObject
{
    Q_OBJECT

public:
    /// Sets up `plot` (owned by the caller; this object becomes its child).
    explicit Chart(QCustomPlot *plot);

    /// Applies colours, fonts and pens to everything on the plot.
    void setTheme(const Theme &theme);
    [[nodiscard]] const Theme &theme() const { return m_theme; }

    /// Shows `scenario` and its allocation `result` (dots hidden when the result is an error).
    void update(const Scenario &scenario, const AllocationResult &result);

    /// When on (the default), every update() fits the axes: effort 0 … the budget (which covers the
    /// largest allocation) plus a margin; accuracy from just below the lowest value at one unit to
    /// just above the highest. Zooming or panning by hand turns it off; resetView() turns it on.
    void setAutoRange(bool on);
    [[nodiscard]] bool autoRange() const { return m_autoRange; }
    /// Back to the automatic ranges.
    void resetView();

    /// A description of the dot or curve under the pixel `pos` (empty when none is near).
    [[nodiscard]] QString toolTipAt(const QPointF &pos) const;

    /// The red-dot plottable (one point per project, in project order).
    [[nodiscard]] QCPCurve *dots() const { return m_dots; }
    /// The curve of project `index`.
    [[nodiscard]] QCPGraph *curve(std::size_t index) const { return m_curves.at(index); }
    [[nodiscard]] std::size_t curveCount() const { return m_curves.size(); }

    /// The most projects the chart (and so the window and --export) shows: beyond a few hundred
    /// curves a chart is unreadable and every redraw slow. --allocate takes up to the file limit.
    static constexpr std::size_t kMaxProjects = 500;
    /// Projects named in the legend; further ones are drawn but listed only in the results table.
    static constexpr std::size_t kMaxLegendProjects = 15;
    /// Projects whose dots carry an effort label; beyond it labels would only cover each other.
    static constexpr std::size_t kMaxLabelledDots = 40;
    /// Why `scenario` is too large for the chart, or an empty string when it is not.
    static QString sizeProblem(const Scenario &scenario);

    /// The title drawn above the axes.
    static QString title();
    /// Pens, fonts and grid of `plot`'s x and y axes in `theme` (shared with the growth view).
    static void styleAxes(QCustomPlot *plot, const Theme &theme, const QFont &base);

private:
    void ensureProjectCount(std::size_t count);
    void rebuildStages();
    void applyThemeToItems();
    void fitRanges();
    [[nodiscard]] double autoEffortRange() const;
    void placeLabels();
    /// Fits the titles and the legend's columns to the current width; true when something changed.
    bool fitToWidth();
    [[nodiscard]] QString describe(std::size_t project, Effort effort) const;

    QCustomPlot *m_plot;
    Theme m_theme = Theme::dark();
    QCPTextElement *m_title = nullptr;
    QCPTextElement *m_subtitle = nullptr;
    QCPLegend *m_legend = nullptr;
    std::vector<QCPGraph *> m_curves;
    QCPCurve *m_dots = nullptr;
    std::vector<QCPItemText *> m_dotLabels;
    std::vector<QCPItemRect *> m_stageBands;
    std::vector<QCPItemStraightLine *> m_stageLines;
    std::vector<QCPItemText *> m_stageLabels;
    std::vector<Stage> m_shownStages;
    Scenario m_scenario;
    AllocationResult m_result;
    bool m_autoRange = true;
    bool m_updating = false;
};

} // namespace ef
