// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Allocation.h"
#include "Scenario.h"
#include "WaterLevel.h"
#include "charts/ChartFrame.h"

#include <vector>

class QCPCurve;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;

namespace ef {

/**
 * The marginal view, on the shared ChartFrame: why each red dot stops where it does. For every project
 * the weighted gain of its k-th unit, w·(f(k) − f(k − 1)), against the effort k; the water level (the
 * gain at which the optimal split equalises, see MarginalSummary) as a horizontal line; and a red dot on
 * each curve at the project's optimal effort, where its last unit gained at least the water level and
 * its next would gain at most that.
 *
 * The gain axis is logarithmic: gains fall like a/k, so on a linear axis every curve past its first few
 * units would lie flat on zero and the crossings could not be told apart; on a log axis the curves of
 * projects whose a differ tenfold are parallel and the level cuts each of them visibly. Gains that a
 * log axis cannot show (0: a weight or an a of 0; +∞: a log curve's first unit) are left out.
 */
class MarginalChart : public ChartFrame
{
    Q_OBJECT

public:
    explicit MarginalChart(QCustomPlot *plot);

    /// Shows `scenario` with the split of `result` (curves only, and the subtitle saying why, when it failed).
    void update(const Scenario &scenario, const AllocationResult &result);

    /// The gain curve of project `index` (key: effort k in units, value: the gain of unit k).
    [[nodiscard]] QCPGraph *curve(std::size_t index) const { return m_curves.at(index); }
    [[nodiscard]] std::size_t curveCount() const { return m_curves.size(); }
    /// The red dots, in project order: key the project's effort, value its last unit's gain (projects
    /// with a gain a log axis can show).
    [[nodiscard]] QCPCurve *dots() const { return m_dots; }
    /// The water level's line (hidden where the level is undefined).
    [[nodiscard]] QCPItemStraightLine *waterLine() const { return m_waterLine; }
    [[nodiscard]] const MarginalSummary &summary() const { return m_summary; }

    /// The title drawn above the axes.
    static QString title();

protected:
    void applyTheme() override;
    void fitRanges() override;
    void placeLabels(std::vector<QRectF> &taken) override;
    void redraw() override;

private:
    void ensureCurveCount(std::size_t count);

    std::vector<QCPGraph *> m_curves;
    QCPCurve *m_dots = nullptr;
    QCPItemStraightLine *m_waterLine = nullptr;
    QCPItemText *m_waterLabel = nullptr;
    Scenario m_scenario;
    AllocationResult m_result;
    MarginalSummary m_summary;
    double m_xMax = 10;
    double m_yMin = 1e-4;
    double m_yMax = 1;
};

} // namespace ef
