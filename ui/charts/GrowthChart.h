// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Growth.h"
#include "Scenario.h"
#include "charts/ChartFrame.h"

#include <vector>

class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;

namespace ef {

/**
 * The growth view, on the shared ChartFrame: how the optimal split grows with the budget. One line per
 * project (its effort in the optimal split at each sampled budget, in the project's colour), the
 * lifecycle stage thresholds as dashed horizontal lines with their names, and a red marker at the
 * current total. It shows MODEL.md's story: breadth first, then the top project pushed towards SotA.
 */
class GrowthChart : public ChartFrame
{
    Q_OBJECT

public:
    explicit GrowthChart(QCustomPlot *plot);

    /**
     * Shows `path` for `scenario` (lines hidden and the subtitle saying why when it failed). While
     * `updating`, `path` is the last good one and the subtitle says that a new one is on its way.
     */
    void update(const Scenario &scenario, const GrowthPath &path, bool updating = false);

    /// The line of project `index` (key: budget in units, value: that project's effort).
    [[nodiscard]] QCPGraph *line(std::size_t index) const { return m_lines.at(index); }
    [[nodiscard]] std::size_t lineCount() const { return m_lines.size(); }
    /// The vertical marker at the current total.
    [[nodiscard]] QCPItemStraightLine *marker() const { return m_marker; }
    /// The marks of the path's jumps (a line and a label each, at most kMaxJumpMarks).
    [[nodiscard]] std::size_t jumpMarkCount() const { return m_jumpLines.size(); }
    [[nodiscard]] QString jumpLabel(std::size_t index) const;
    static constexpr std::size_t kMaxJumpMarks = 8;
    /// The stage-entry marks drawn (a diamond on the stage's line at the budget where a project enters
    /// it: GrowthPath::stageEntries, for all projects when few, else the top ones at the total).
    [[nodiscard]] const std::vector<StageEntry> &stageMarks() const { return m_stageMarks; }
    /// Where mark `index` is drawn (key: budget, value: the stage's `from`).
    [[nodiscard]] QPointF stageMarkPoint(std::size_t index) const;
    /// "Churn prediction enters 'Using DL' at 120 units" for the mark near `pos`.
    [[nodiscard]] QString toolTipAt(const QPointF &pos) const override;
    /// True when the lines show a growth path (false: infeasible, failed or not computed yet).
    [[nodiscard]] bool pathShown() const { return m_pathShown; }

    /// The title drawn above the axes.
    static QString title();

protected:
    void applyTheme() override;
    void fitRanges() override;
    void placeLabels(std::vector<QRectF> &taken) override;
    void redraw() override;

private:
    void ensureLineCount(std::size_t count);
    void updateJumps();
    void updateStageMarks();

    std::vector<QCPGraph *> m_lines;
    QCPItemStraightLine *m_marker = nullptr;
    QCPItemText *m_markerLabel = nullptr;
    std::vector<QCPItemStraightLine *> m_jumpLines;
    std::vector<QCPItemText *> m_jumpLabels;
    std::vector<QString> m_jumpTexts;          ///< The labels in full (shown elided when narrow).
    std::vector<QCPGraph *> m_stageMarkGraphs; ///< One scatter graph per marked project.
    std::vector<StageEntry> m_stageMarks;
    Scenario m_scenario;
    GrowthPath m_path;
    bool m_updatingPath = false;
    bool m_pathShown = false;
    double m_yMax = 10;
};

} // namespace ef
