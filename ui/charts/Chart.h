// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Allocation.h"
#include "MonteCarlo.h"
#include "Scenario.h"
#include "charts/ChartFrame.h"

#include <QPointF>
#include <QString>
#include <QVector>

#include <functional>
#include <optional>

#include <string>
#include <utility>
#include <vector>

class QCPCurve;
class QCPErrorBars;
class QCPGraph;
class QCPItemLine;
class QCPItemText;

namespace ef {

/**
 * The accuracy chart, on the shared ChartFrame: one curve per project in its colour, the optimal points
 * as one red scatter plottable with effort labels, and a legend below the axes. Used by the window and
 * by every export (one drawing path).
 *
 * update() reuses the plottables and items it made before; it never replots by itself. The owner
 * calls QCustomPlot::replot (queued on screen, immediate for files).
 */
class Chart : public ChartFrame
{
    Q_OBJECT

public:
    /// Sets up `plot` (owned by the caller; this object becomes its child).
    explicit Chart(QCustomPlot *plot);

    /// Shows `scenario` and its allocation `result` (dots hidden when the result is an error). While
    /// `updating`, the dots are the last good split on the new curves and the subtitle says so.
    void update(const Scenario &scenario, const AllocationResult &result, bool updating = false);

    /// Draws `snapshot` (nullptr: none) as ghosts from the next update(): its curves faded and dashed,
    /// its dots hollow, with an arrow from each ghost dot to the live one that moved.
    void setBaseline(const Snapshot *snapshot);
    /**
     * Draws, from the next update(), a p5–p95 whisker through each red dot (a horizontal bar at the
     * dot's accuracy, capped at both ends so a short spread still shows beside the dot) from `result`
     * (nullptr, an error or another project count: none), and adds the spread and the stage
     * probabilities to the dots' tooltips. Copied.
     */
    void setUncertainty(const MonteCarloResult *result);
    /// The whiskers: error bars along the effort axis on whiskerCentres(); point k of both is one
    /// project's, errorMinus = effort − p5 and errorPlus = p95 − effort. A project whose draws all give
    /// its dot's effort has none. Hidden when there are none.
    [[nodiscard]] QCPErrorBars *whiskers() const { return m_whiskers; }
    /// Where the whiskers are centred: t = the project's index, key = its effort, value = its dot's y.
    [[nodiscard]] QCPCurve *whiskerCentres() const { return m_whiskerCentres; }
    /// The baseline's hollow dots (one point per baseline project).
    [[nodiscard]] QCPCurve *ghostDots() const { return m_ghostDots; }
    [[nodiscard]] std::size_t ghostCurveCount() const { return m_ghostCurves.size(); }

    [[nodiscard]] QString toolTipAt(const QPointF &pos) const override;

    /// Numbers on the accuracy axis (off by default: the reference look, where the shapes matter).
    void setAccuracyNumbers(bool on);
    [[nodiscard]] bool accuracyNumbers() const;

    /// Weighted value (View ▸ Weighted Value): from the next update() every curve, dot, ring, ghost,
    /// whisker and observation is drawn at weight × accuracy, and the y axis says so. Off by default.
    void setWeighted(bool on);
    [[nodiscard]] bool weighted() const { return m_weighted; }
    /// The y axis title for either mode: "Accuracy" or "Weighted value (weight × accuracy)".
    static QString valueAxisTitle(bool weighted);

    /// The red-dot plottable (one point per project, in project order).
    [[nodiscard]] QCPCurve *dots() const { return m_dots; }
    /// The team's plan: a ring at each planned effort on its curve (t: project index), and thin lines
    /// joining each ring to the project's red dot (pairs of points separated by NaN gaps).
    [[nodiscard]] QCPCurve *planRings() const { return m_planRings; }
    [[nodiscard]] QCPCurve *planJoins() const { return m_planJoins; }
    /// The curve of project `index`.
    [[nodiscard]] QCPGraph *curve(std::size_t index) const { return m_curves.at(index); }
    [[nodiscard]] std::size_t curveCount() const { return m_curves.size(); }
    /// The effort label of project `index`'s dot.
    [[nodiscard]] QCPItemText *dotLabel(std::size_t index) const { return m_dotLabels.at(index); }
    /// The observation markers of project `index` (small circles in its colour), or nullptr when it has
    /// no observations.
    [[nodiscard]] QCPGraph *observationMarks(std::size_t index) const;

    /// Projects named in the legend; further ones are drawn but listed only in the results table.
    static constexpr std::size_t kMaxLegendProjects = 15;
    /// Projects whose dots carry an effort label; beyond it labels would only cover each other.
    static constexpr std::size_t kMaxLabelledDots = 40;
    /// Why `scenario` is too large for the chart, or an empty string when it is not.
    static QString sizeProblem(const Scenario &scenario);

    /// The title drawn above the axes.
    static QString title();

protected:
    void applyTheme() override;
    void fitRanges() override;
    void placeLabels(std::vector<QRectF> &taken) override;
    void redraw() override;
    bool fitLayout() override;

private:
    void ensureProjectCount(std::size_t count);
    void updateObservations(const Scenario &scenario);
    void updateGhosts(const std::function<void(const Curve &)> &sample, const QVector<double> &xs,
                      const QVector<double> &ys);
    [[nodiscard]] double autoEffortRange() const;
    [[nodiscard]] QString describe(std::size_t project, Effort effort) const;

    std::vector<QCPGraph *> m_curves;
    QCPCurve *m_dots = nullptr;
    std::vector<QCPItemText *> m_dotLabels;
    std::vector<QCPGraph *> m_observationMarks; ///< Per project; nullptr where it has no observations.
    QCPCurve *m_ghostDots = nullptr;
    QCPCurve *m_planRings = nullptr;
    QCPCurve *m_planJoins = nullptr;
    QCPCurve *m_whiskerCentres = nullptr;
    QCPErrorBars *m_whiskers = nullptr;
    std::vector<MonteCarloProject> m_spread; ///< Per project; empty: no whiskers.
    int m_spreadSamples = 0;
    /// The Monte Carlo's lines for project `project`'s dot tooltip (empty without a Monte Carlo).
    [[nodiscard]] QString describeSpread(std::size_t project) const;
    std::vector<QCPGraph *> m_ghostCurves;
    std::vector<QCPItemLine *> m_ghostLinks;
    std::optional<Snapshot> m_baseline;
    Scenario m_scenario;
    AllocationResult m_result;
    bool m_updatingResult = false;
    bool m_updating = false;
    /// What fitLayout() last fitted the legend to (names, weights, width, font, the dots' entry): with
    /// 500 projects measuring and shortening every name took 7 ms of each replot.
    struct LegendFit {
        std::vector<std::pair<std::string, double>> projects;
        double width = -1;
        QString font;
        QString dots;
        friend bool operator==(const LegendFit &, const LegendFit &) = default;
    };
    LegendFit m_legendFit;
    bool m_weighted = false;
    bool m_shownWeighted = false; ///< Whether the last update() drew weighted values.
    Scenario m_input;             ///< What update() was given (m_scenario is what is drawn: weighted or not).
    AllocationResult m_inputResult;
};

} // namespace ef
