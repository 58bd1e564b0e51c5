// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "charts/Chart.h"

#include "ScenarioFile.h"
#include "document/NumberFormat.h"
#include "document/ProjectListModel.h"

#include <qcustomplot.h>

#include <QFontMetricsF>
#include <QLocale>
#include <QScopedValueRollback>

#include <functional>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ef {

namespace {

/// A project's name in the legend: with its weight when that is not 1 ("Dynamic pricing (×6)").
QString legendName(const Project &project)
{
    const QString name = QString::fromStdString(project.name);
    const QString weight = ProjectListModel::weightText(project.weight);
    return weight.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, weight);
}

constexpr int kSamples = 240;
/// Above this many projects the curves are drawn 1 px wide: 50 thick curves are a blur, and a hairline
/// is stroked by Qt's fast path (profiled: wide antialiased strokes were most of a 50-project replot).
constexpr std::size_t kThinCurvesAbove = 12;
/// Above this many projects curves get a fixed, small number of samples.
constexpr std::size_t kManyCurves = 100;

QString formatNumber(double value, int precision = 4)
{
    if (std::isnan(value)) // +∞ − ∞: a power curve's overflow next to a log curve at 0 units
        return QStringLiteral("undefined");
    if (std::isinf(value))
        return value < 0 ? QStringLiteral("−∞") : QStringLiteral("+∞");
    return QString::number(value, 'g', precision);
}

/// Effort at which the curves are evaluated for the bottom of the automatic range: one unit, or a
/// tenth of the range when the range is shorter than that.
double lowEffort(double xMax)
{
    return std::min(1.0, xMax / 10);
}

/// View ▸ Weighted Value: `scenario` with each curve multiplied by its project's weight. Every family is
/// linear in its scale a, so w·f is the curve with a·w; observations are scaled alike.
Scenario weightedView(const Scenario &scenario)
{
    Scenario weighted = scenario;
    for (Project &p : weighted.projects) {
        p.curve.a *= p.weight;
        for (Observation &o : p.observations)
            o.accuracy *= p.weight;
    }
    return weighted;
}

/// `result` with each project's accuracy multiplied by its weight (0 where the weight is 0, as the curve).
AllocationResult weightedView(const AllocationResult &result, const Scenario &scenario)
{
    AllocationResult weighted = result;
    if (weighted.allocation)
        for (std::size_t i = 0; i < weighted.allocation->projects.size() && i < scenario.projects.size(); ++i) {
            double &accuracy = weighted.allocation->projects[i].accuracy;
            const double weight = scenario.projects[i].weight;
            accuracy = weight == 0 ? 0.0 : weight * accuracy;
        }
    return weighted;
}

} // namespace

Chart::Chart(QCustomPlot *plot) : ChartFrame(plot, title(), StageAxis::X)
{
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->xAxis->setLabel(tr("Effort (units)"));
    plot->yAxis->setLabel(valueAxisTitle(false));
    plot->yAxis->setTickLabels(false); // the reference look: shape matters, not the accuracy scale
    useEffortTicks(plot->xAxis);

    m_dots = new QCPCurve(plot->xAxis, plot->yAxis);
    m_dots->addToLegend(legend());
    m_dots->setName(tr("Optimal effort"));
    m_dots->setLineStyle(QCPCurve::lsNone);
    // Above every curve, also those added later.
    plot->addLayer(QStringLiteral("dots"), plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    m_dots->setLayer(QStringLiteral("dots"));
    // The baseline's ghosts: faded curves under the live ones, hollow dots beside the red ones.
    plot->addLayer(QStringLiteral("ghosts"), plot->layer(QStringLiteral("main")), QCustomPlot::limBelow);
    m_ghostDots = new QCPCurve(plot->xAxis, plot->yAxis);
    m_ghostDots->setLayer(QStringLiteral("dots"));
    m_ghostDots->setLineStyle(QCPCurve::lsNone);
    m_ghostDots->setVisible(false);
    // The Monte Carlo's p5–p95 efforts: a capped bar through each red dot, on invisible centres.
    m_whiskerCentres = new QCPCurve(plot->xAxis, plot->yAxis);
    m_whiskerCentres->setLineStyle(QCPCurve::lsNone);
    m_whiskerCentres->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssNone));
    m_whiskerCentres->setVisible(false);
    m_whiskers = new QCPErrorBars(plot->xAxis, plot->yAxis);
    m_whiskers->setLayer(QStringLiteral("dots"));
    m_whiskers->setErrorType(QCPErrorBars::etKeyError);
    m_whiskers->setDataPlottable(m_whiskerCentres);
    m_whiskers->setSymbolGap(0);
    m_whiskers->setVisible(false);
    // The team's plan: rings joined to the red dots by thin lines.
    m_planJoins = new QCPCurve(plot->xAxis, plot->yAxis);
    m_planJoins->setLayer(QStringLiteral("dots"));
    m_planJoins->setVisible(false);
    m_planRings = new QCPCurve(plot->xAxis, plot->yAxis);
    m_planRings->setLayer(QStringLiteral("dots"));
    m_planRings->setLineStyle(QCPCurve::lsNone);
    m_planRings->setName(tr("Team's plan"));
    m_planRings->setVisible(false);

    // Zoomed or panned by hand: sample the curves again for the new view.
    auto resample = [this] {
        if (!m_updating && !autoRange())
            redraw();
    };
    connect(plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, resample);
    connect(plot->yAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, resample);
    setTheme(theme());
}

QString Chart::title()
{
    return tr("Effort vs returns in ML Projects (optimal points highlighted)");
}

QString Chart::sizeProblem(const Scenario &scenario)
{
    if (scenario.projects.size() <= limits::kMaxChartProjects)
        return {};
    return tr("the scenario has %1 projects; the chart shows at most %2 (use --allocate for larger ones)")
        .arg(scenario.projects.size())
        .arg(limits::kMaxChartProjects);
}

void Chart::applyTheme()
{
    const Theme &t = theme();
    m_dots->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, t.dot, t.dot, width(t.dotSize)));
    m_dots->setPen(QPen(t.dot));
    // In the text colour: the baseline's ghosts are the red hollow circles.
    m_planRings->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(t.foreground, width(2)), Qt::NoBrush, width(t.dotSize + 6)));
    m_planRings->setPen(QPen(t.foreground));
    m_planJoins->setPen(QPen(t.foreground, width(1), Qt::DashLine));
    m_whiskers->setPen(QPen(t.dot, width(2), Qt::SolidLine, Qt::FlatCap));
    m_whiskers->setWhiskerWidth(width(t.dotSize));
    m_ghostDots->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(t.dot, width(2)), Qt::NoBrush, width(t.dotSize + 2)));
    m_ghostDots->setPen(QPen(t.dot));
    const QFont labelFont = font(0, true);
    for (QCPItemText *label : m_dotLabels) {
        label->setFont(labelFont);
        label->setColor(t.foreground);
        label->setBrush(QBrush(t.labelBackground));
    }
}

void Chart::redraw()
{
    // What update() was given last: the weighted view keeps it apart from what it draws.
    if (m_shownWeighted)
        update(m_input, m_inputResult, m_updatingResult);
    else
        update(m_scenario, m_result, m_updatingResult);
}

void Chart::ensureProjectCount(std::size_t count)
{
    const bool created = m_curves.size() < count;
    while (m_curves.size() < count) {
        auto *graph = new QCPGraph(plot()->xAxis, plot()->yAxis);
        graph->setAdaptiveSampling(true);
        if (m_curves.size() < kMaxLegendProjects)
            graph->addToLegend(legend());
        m_curves.push_back(graph);
        auto *label = new QCPItemText(plot());
        label->setLayer(QStringLiteral("overlay"));
        label->position->setType(QCPItemPosition::ptAbsolute);
        label->setPositionAlignment(Qt::AlignCenter);
        label->setPadding(QMargins(3, 0, 3, 0));
        label->setClipToAxisRect(true);
        m_dotLabels.push_back(label);
    }
    if (created)
        applyTheme();
    while (m_curves.size() > count) {
        plot()->removeGraph(m_curves.back());
        m_curves.pop_back();
        plot()->removeItem(m_dotLabels.back());
        m_dotLabels.pop_back();
    }
    // Keep the red dots' legend entry after the curves'.
    if (legend()->hasItemWithPlottable(m_dots)) {
        legend()->removeItem(legend()->itemWithPlottable(m_dots));
        m_dots->addToLegend(legend());
    }
}

void Chart::update(const Scenario &input, const AllocationResult &inputResult, bool updating)
{
    const QScopedValueRollback<bool> busy(m_updating, true);
    // View ▸ Weighted Value: everything below draws w·f instead of f.
    std::optional<Scenario> weightedScenario;
    std::optional<AllocationResult> weightedResult;
    if (m_weighted) {
        weightedScenario = weightedView(input);
        weightedResult = weightedView(inputResult, input);
        m_input = input;
        m_inputResult = inputResult;
    }
    m_shownWeighted = m_weighted;
    const Scenario &scenario = weightedScenario ? *weightedScenario : input;
    const AllocationResult &result = weightedResult ? *weightedResult : inputResult;
    // Names set again only when they changed: fitToWidth() may have shortened them for the legend,
    // and resetting them on every update made every replot lay the plot out twice (profiled).
    std::vector<bool> renamed(scenario.projects.size(), true);
    for (std::size_t i = 0; i < renamed.size() && i < m_scenario.projects.size() && i < m_curves.size(); ++i)
        renamed[i] = scenario.projects[i].name != m_scenario.projects[i].name
            || scenario.projects[i].weight != m_scenario.projects[i].weight; // the legend shows the weight
    m_scenario = scenario;
    m_result = result;
    m_updatingResult = updating;
    const std::size_t n = scenario.projects.size();
    ensureProjectCount(n);
    setStages(scenario.stages);
    antialiasFor(n);

    QVector<double> ts, dx, dy;
    QString subtitle;
    if (result.ok()) {
        const Allocation &allocation = *result.allocation;
        for (std::size_t i = 0; i < n && i < allocation.projects.size(); ++i) {
            const ProjectAllocation &pa = allocation.projects[i];
            if (!std::isfinite(pa.accuracy)) {
                m_dotLabels[i]->setVisible(false);
                continue;
            }
            ts << static_cast<double>(i);
            dx << static_cast<double>(pa.effort);
            dy << pa.accuracy;
            m_dotLabels[i]->setText(QString::number(pa.effort));
            m_dotLabels[i]->setVisible(n <= kMaxLabelledDots);
        }
        subtitle = tr("%1 · budget %2 units · objective %3")
                       .arg(QString::fromStdString(scenario.name), QString::number(allocation.totalEffort),
                            formatNumber(allocation.objective));
        if (n > kMaxLegendProjects)
            subtitle += tr(" · legend: first %1 of %2 projects").arg(kMaxLegendProjects).arg(n);
    } else {
        for (QCPItemText *label : m_dotLabels)
            label->setVisible(false);
        subtitle = tr("%1 · budget %2 units · no allocation: %3")
                       .arg(QString::fromStdString(scenario.name), QString::number(scenario.totalEffort),
                            QString::fromStdString(result.error));
    }
    m_dots->setData(ts, dx, dy, true);
    m_dots->setVisible(!dx.isEmpty());
    {
        // The Monte Carlo's spread: p5–p95 of the effort, at the dot's accuracy.
        QVector<double> wt, wx, wy, minus, plus;
        for (std::size_t i = 0; result.ok() && m_spread.size() == n && i < n && i < result.allocation->projects.size();
             ++i) {
            const ProjectAllocation &pa = result.allocation->projects[i];
            const MonteCarloProject &spread = m_spread[i];
            if (!std::isfinite(pa.accuracy) || (spread.p5 == pa.effort && spread.p95 == pa.effort))
                continue;
            wt << static_cast<double>(i);
            wx << static_cast<double>(pa.effort);
            wy << pa.accuracy;
            minus << static_cast<double>(std::max<Effort>(0, pa.effort - spread.p5));
            plus << static_cast<double>(std::max<Effort>(0, spread.p95 - pa.effort));
        }
        m_whiskerCentres->setData(wt, wx, wy, true);
        m_whiskers->setData(minus, plus);
        m_whiskers->setVisible(!wx.isEmpty());
        // Said where a slide's reader looks first: what the bars are.
        if (m_whiskers->visible())
            subtitle += tr(" · bars: effort p5–p95 over %1 draws").arg(QLocale().toString(m_spreadSamples));
    }
    if (result.ok() && updating)
        subtitle += tr(" · updating…");
    setSubtitle(subtitle);
    {
        // The team's plan: a ring on each planned effort, joined to the optimum's dot.
        QVector<double> rt, rx, ry, jt, jx, jy;
        for (std::size_t i = 0; result.ok() && i < n && i < result.allocation->projects.size(); ++i) {
            const Project &p = scenario.projects[i];
            const ProjectAllocation &pa = result.allocation->projects[i];
            const double accuracy = p.planned ? p.curve.value(static_cast<double>(*p.planned)) : 0.0;
            if (!p.planned || !std::isfinite(accuracy))
                continue;
            rt << static_cast<double>(i);
            rx << static_cast<double>(*p.planned);
            ry << accuracy;
            if (*p.planned != pa.effort && std::isfinite(pa.accuracy)) {
                const double nan = std::numeric_limits<double>::quiet_NaN();
                jt << static_cast<double>(jt.size()) << static_cast<double>(jt.size() + 1)
                   << static_cast<double>(jt.size() + 2);
                jx << static_cast<double>(*p.planned) << static_cast<double>(pa.effort) << nan;
                jy << accuracy << pa.accuracy << nan;
            }
        }
        m_planRings->setData(rt, rx, ry, true);
        m_planRings->setVisible(!rx.isEmpty());
        m_planJoins->setData(jt, jx, jy, true);
        m_planJoins->setVisible(!jx.isEmpty());
        if (!rx.isEmpty() && !legend()->hasItemWithPlottable(m_planRings))
            m_planRings->addToLegend(legend());
        else if (rx.isEmpty() && legend()->hasItemWithPlottable(m_planRings))
            m_planRings->removeFromLegend(legend());
    }
    if (autoRange())
        fitRanges();

    // Every curve family rises with effort, so each curve is sampled from where it enters the visible
    // accuracy range (found by bisection) to the right edge: nothing is drawn below the axis even
    // where clipping is not available (SVG), and the log curve's −∞ at 0 never reaches the plot.
    const double xMax = std::max(autoEffortRange(), plot()->xAxis->range().upper);
    const double yLow = plot()->yAxis->range().lower;
    // About one sample per 3 px of plot width (denser where the curves bend), at most kSamples, and
    // half as many when there are many curves (drawn thin): stroking the segments is most of a replot.
    const int byWidth = std::clamp(plot()->axisRect()->width() / 3, 80, kSamples);
    // Hundreds of hairlines: a few dozen samples each still look smooth and cost a fraction to stroke.
    const int samples = n > kManyCurves ? 40 : n > kThinCurvesAbove ? byWidth / 2 : byWidth;
    QVector<double> xs(samples), ys(samples);
    const auto sample = [&](const Curve &curve) {
        double start = xMax * 1e-6;
        if (!(curve.value(start) >= yLow)) {
            double below = start;
            double above = xMax;
            if (curve.value(above) >= yLow) {
                for (int step = 0; step < 60; ++step) {
                    const double middle = 0.5 * (below + above);
                    (curve.value(middle) >= yLow ? above : below) = middle;
                }
                start = above;
            }
        }
        // Denser near the start, where curves bend most.
        for (int k = 0; k < samples; ++k) {
            const double t = static_cast<double>(k) / (samples - 1);
            xs[k] = start + (xMax - start) * t * t;
            const double y = curve.value(xs[k]);
            ys[k] = std::isfinite(y) ? y : std::numeric_limits<double>::quiet_NaN();
        }
    };
    for (std::size_t i = 0; i < n; ++i) {
        const Project &project = scenario.projects[i];
        QCPGraph *graph = m_curves[i];
        if (renamed[i])
            graph->setName(legendName(project));
        const QColor color = theme().projectColor(i, project.color);
        graph->setPen(QPen(color, width(n > kThinCurvesAbove ? 1.0 : theme().curveWidth)));
        // The effort label framed in the project's colour: in a cluster of dots each number says whose it is.
        m_dotLabels[i]->setPen(QPen(color, width(1.5)));
        sample(project.curve);
        graph->setData(xs, ys, true);
    }
    updateObservations(scenario);
    updateGhosts(sample, xs, ys);
}

void Chart::setUncertainty(const MonteCarloResult *result)
{
    m_spread.clear();
    if (!result || !result->ok())
        return;
    m_spread = result->projects;
    m_spreadSamples = result->samples;
}

void Chart::setAccuracyNumbers(bool on)
{
    plot()->yAxis->setTickLabels(on);
}

bool Chart::accuracyNumbers() const
{
    return plot()->yAxis->tickLabels();
}

QString Chart::valueAxisTitle(bool weighted)
{
    return weighted ? tr("Weighted value (weight × accuracy)") : tr("Accuracy");
}

void Chart::setWeighted(bool on)
{
    if (on == m_weighted)
        return;
    m_weighted = on;
    plot()->yAxis->setLabel(valueAxisTitle(on));
    setAutoRange(true); // values up to weight times larger: a hand zoom would show the wrong part
    redraw();
}

QCPGraph *Chart::observationMarks(std::size_t index) const
{
    return index < m_observationMarks.size() ? m_observationMarks[index] : nullptr;
}

void Chart::updateObservations(const Scenario &scenario)
{
    // Markers only for projects that have evidence: scatter markers are the expensive part of a replot.
    const std::size_t n = scenario.projects.size();
    for (std::size_t i = n; i < m_observationMarks.size(); ++i)
        if (m_observationMarks[i])
            plot()->removeGraph(m_observationMarks[i]);
    m_observationMarks.resize(n, nullptr);
    for (std::size_t i = 0; i < n; ++i) {
        const Project &project = scenario.projects[i];
        QCPGraph *&marks = m_observationMarks[i];
        if (project.observations.empty()) {
            if (marks)
                plot()->removeGraph(marks);
            marks = nullptr;
            continue;
        }
        if (!marks) {
            marks = new QCPGraph(plot()->xAxis, plot()->yAxis);
            marks->setLineStyle(QCPGraph::lsNone);
            marks->setLayer(QStringLiteral("dots"));
        }
        const QColor color = theme().projectColor(i, project.color);
        marks->setPen(QPen(color));
        // A ring in the project's colour, filled with the plot's background so it reads on its own curve.
        marks->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(color, width(2)),
                                               QBrush(theme().plotBackground), width(theme().dotSize * 0.75)));
        QVector<double> ox;
        QVector<double> oy;
        for (const Observation &o : project.observations) {
            ox << o.effort;
            oy << o.accuracy;
        }
        marks->setData(ox, oy);
    }
}

void Chart::setBaseline(const Snapshot *snapshot)
{
    if (snapshot)
        m_baseline = *snapshot;
    else
        m_baseline.reset();
}

void Chart::updateGhosts(const std::function<void(const Curve &)> &sample, const QVector<double> &xs,
                         const QVector<double> &ys)
{
    const std::size_t count = m_baseline ? m_baseline->projects.size() : 0;
    while (m_ghostCurves.size() < count) {
        auto *graph = new QCPGraph(plot()->xAxis, plot()->yAxis);
        graph->setLayer(QStringLiteral("ghosts"));
        graph->setSelectable(QCP::stNone);
        graph->setAdaptiveSampling(true);
        m_ghostCurves.push_back(graph);
    }
    while (m_ghostCurves.size() > count) {
        plot()->removeGraph(m_ghostCurves.back());
        m_ghostCurves.pop_back();
    }
    while (m_ghostLinks.size() > 0) {
        plot()->removeItem(m_ghostLinks.back());
        m_ghostLinks.pop_back();
    }
    QVector<double> gt, gx, gy;
    if (m_baseline) {
        // Each ghost in the colour of the live project with its name (its own place's colour when gone).
        for (std::size_t i = 0; i < count; ++i) {
            const Project &old = m_baseline->projects[i];
            std::size_t live = m_scenario.projects.size();
            for (std::size_t j = 0; j < m_scenario.projects.size(); ++j)
                if (m_scenario.projects[j].name == old.name) {
                    live = j;
                    break;
                }
            QColor color = live < m_scenario.projects.size()
                ? theme().projectColor(live, m_scenario.projects[live].color)
                : theme().projectColor(i, old.color);
            color.setAlphaF(0.45f);
            m_ghostCurves[i]->setPen(QPen(color, width(1.5), Qt::DashLine));
            Curve oldCurve = old.curve;
            if (m_shownWeighted) // View ▸ Weighted Value: the baseline's own weights
                oldCurve.a *= old.weight;
            sample(oldCurve);
            m_ghostCurves[i]->setData(xs, ys, true);
            const double effort = static_cast<double>(m_baseline->efforts[i]);
            const double accuracy = oldCurve.value(effort);
            if (!std::isfinite(accuracy))
                continue;
            gt << static_cast<double>(i);
            gx << effort;
            gy << accuracy;
            // A thin arrow from the ghost to the live dot shows where the project moved.
            if (live < m_scenario.projects.size() && m_result.ok() && live < m_result.allocation->projects.size()
                && m_scenario.projects.size() <= kMaxLabelledDots) {
                const ProjectAllocation &now = m_result.allocation->projects[live];
                if (std::isfinite(now.accuracy) && (now.effort != m_baseline->efforts[i] || now.accuracy != accuracy)) {
                    auto *link = new QCPItemLine(plot());
                    link->setLayer(QStringLiteral("ghosts"));
                    link->setSelectable(false);
                    link->start->setCoords(effort, accuracy);
                    link->end->setCoords(static_cast<double>(now.effort), now.accuracy);
                    QColor linkColor = theme().dot;
                    linkColor.setAlphaF(0.6f);
                    link->setPen(QPen(linkColor, width(1.2), Qt::DotLine));
                    link->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, width(8), width(10)));
                    m_ghostLinks.push_back(link);
                }
            }
        }
        m_ghostDots->setName(tr("Baseline “%1”").arg(QString::fromStdString(m_baseline->name)));
    }
    m_ghostDots->setData(gt, gx, gy, true);
    m_ghostDots->setVisible(m_baseline.has_value());
    if (m_baseline && !legend()->hasItemWithPlottable(m_ghostDots))
        m_ghostDots->addToLegend(legend());
    else if (!m_baseline && legend()->hasItemWithPlottable(m_ghostDots))
        m_ghostDots->removeFromLegend(legend());
}

double Chart::autoEffortRange() const
{
    // The whole budget, unless it dwarfs every allocation (many projects sharing a large budget):
    // then three times the largest allocation, and at least through the last stage's start.
    const double budget = std::max(10.0, static_cast<double>(m_scenario.totalEffort));
    double largest = 0;
    if (m_result.ok())
        for (const ProjectAllocation &pa : m_result.allocation->projects)
            largest = std::max(largest, static_cast<double>(pa.effort));
    const double lastStage = m_scenario.stages.empty() ? 0.0 : static_cast<double>(m_scenario.stages.back().from);
    const double wanted = std::max({10.0, 3 * largest, lastStage * 1.15});
    return std::min(budget, wanted) * 1.06;
}

void Chart::fitRanges()
{
    const double xMax = autoEffortRange();
    const double low = lowEffort(xMax);
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    for (const Project &project : m_scenario.projects) {
        const double atLow = project.curve.value(low);
        const double atHigh = project.curve.value(xMax);
        if (std::isfinite(atLow))
            lo = std::min(lo, atLow);
        if (std::isfinite(atHigh))
            hi = std::max(hi, atHigh);
    }
    for (auto it = m_dots->data()->constBegin(); it != m_dots->data()->constEnd(); ++it) {
        lo = std::min(lo, it->value);
        hi = std::max(hi, it->value);
    }
    if (!std::isfinite(lo) || !std::isfinite(hi)) {
        lo = 0;
        hi = 1;
    }
    double span = hi - lo;
    if (span < 1e-9)
        span = std::max(0.1, std::abs(hi) * 0.2);
    plot()->xAxis->setRange(0, xMax);
    // Extra room at the top for the stage names and the effort labels above the highest dots.
    plot()->yAxis->setRange(lo - span * 0.08, hi + span * 0.2);
}

bool Chart::fitLayout()
{
    const double viewWidth = plot()->viewport().width();
    LegendFit fit;
    fit.projects.reserve(m_scenario.projects.size());
    for (const Project &project : m_scenario.projects)
        fit.projects.emplace_back(project.name, project.weight);
    fit.width = viewWidth;
    fit.font = legend()->font().toString();
    fit.dots = m_dots->name();
    if (fit == m_legendFit && m_curves.size() >= m_scenario.projects.size())
        return false; // the same names in the same room: the legend already shows them
    m_legendFit = std::move(fit);
    bool changed = false;
    // As many legend columns (at most three) as fit side by side; when even two do not fit, two
    // columns with long project names shortened (…) rather than one tall column.
    const QFontMetricsF metrics(legend()->font());
    const double overhead = legend()->iconSize().width() + legend()->iconTextPadding() + 12;
    const double spacing = legend()->columnSpacing();
    const double room = viewWidth - legend()->margins().left() - legend()->margins().right();
    double widest = metrics.horizontalAdvance(m_dots->name());
    for (const Project &project : m_scenario.projects)
        widest = std::max(widest, metrics.horizontalAdvance(legendName(project)));
    int columns = std::clamp(static_cast<int>((room + spacing) / (widest + overhead + spacing)), 1, 3);
    double textRoom = widest + 1;
    if (columns == 1 && room >= 2 * (overhead + 120) + spacing) {
        columns = 2;
        textRoom = (room - spacing) / 2 - overhead;
    }
    for (std::size_t i = 0; i < m_curves.size() && i < m_scenario.projects.size(); ++i) {
        const QString full = legendName(m_scenario.projects[i]);
        const QString shown = metrics.elidedText(full, Qt::ElideRight, static_cast<int>(textRoom));
        if (m_curves[i]->name() != shown) {
            m_curves[i]->setName(shown);
            changed = true;
        }
    }
    if (legend()->wrap() != columns) {
        legend()->setWrap(columns);
        legend()->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
        changed = true;
    }
    return changed;
}

void Chart::placeLabels(std::vector<QRectF> &taken)
{
    const QRectF area = plot()->axisRect()->rect();
    struct Dot {
        std::size_t index;
        QPointF pixel;
    };
    std::vector<Dot> dots;
    const double radius = width(theme().dotSize) / 2;
    for (auto it = m_dots->data()->constBegin(); it != m_dots->data()->constEnd(); ++it) {
        const auto index = static_cast<std::size_t>(it->t);
        if (index >= m_dotLabels.size())
            continue;
        const QPointF pixel(plot()->xAxis->coordToPixel(it->key), plot()->yAxis->coordToPixel(it->value));
        dots.push_back({index, pixel});
        taken.emplace_back(pixel.x() - radius - 1, pixel.y() - radius - 1, 2 * radius + 2, 2 * radius + 2);
    }

    if (m_curves.size() > kMaxLabelledDots)
        return; // labels hidden: too many to place without covering each other

    // Effort labels: above the dot when free, otherwise the first free place around it (right, left,
    // the diagonals, below, then further up), so crowded dots keep readable, unambiguous labels.
    const QFontMetricsF metrics(m_dotLabels.empty() ? plot()->font() : m_dotLabels.front()->font());
    for (const Dot &dot : dots) {
        QCPItemText *label = m_dotLabels[dot.index];
        const double w = metrics.horizontalAdvance(label->text()) + 6;
        const double h = metrics.height();
        const double x = dot.pixel.x();
        const double y = dot.pixel.y();
        const double gap = radius + 2;
        const QRectF candidates[] = {
            {x - w / 2, y - gap - h, w, h},     // above
            {x + gap, y - h / 2, w, h},         // right
            {x - gap - w, y - h / 2, w, h},     // left
            {x + gap * 0.7, y - gap - h, w, h}, // above right
            {x - gap * 0.7 - w, y - gap - h, w, h},
            {x - w / 2, y + gap, w, h}, // below
            {x + gap * 0.7, y + gap * 0.7, w, h},
            {x - gap * 0.7 - w, y + gap * 0.7, w, h},
            {x - w / 2, y - gap - 2 * h, w, h}, // further up
        };
        auto free = [&](const QRectF &rect) {
            return area.contains(rect) && std::none_of(taken.begin(), taken.end(), [&](const QRectF &other) {
                       return other.intersects(rect);
                   });
        };
        const QRectF *chosen = std::find_if(std::begin(candidates), std::end(candidates), free);
        if (chosen == std::end(candidates)) {
            chosen = std::find_if(std::begin(candidates), std::end(candidates),
                                  [&](const QRectF &rect) { return area.contains(rect); });
            if (chosen == std::end(candidates))
                chosen = &candidates[0];
        }
        taken.push_back(*chosen);
        label->position->setCoords(chosen->center());
    }
}

QString Chart::describe(std::size_t project, Effort effort) const
{
    const Project &p = m_scenario.projects.at(project);
    const double accuracy = p.curve.value(static_cast<double>(effort));
    // Weighted, the curve drawn is already w·f: its own gain is the weighted gain.
    const double gain = p.curve.weightedGain(m_shownWeighted ? 1.0 : p.weight, effort);
    const QString text = m_shownWeighted
        ? tr("<b>%1</b><br>Effort: %2 units<br>Weighted value: %3<br>Weighted marginal gain: %4<br>Stage: %5")
        : tr("<b>%1</b><br>Effort: %2 units<br>Accuracy: %3<br>Weighted marginal gain: %4<br>Stage: %5");
    return text.arg(QString::fromStdString(p.name).toHtmlEscaped(), QString::number(effort), formatNumber(accuracy),
                    formatNumber(gain), QString::fromStdString(m_scenario.stageNameFor(effort)).toHtmlEscaped());
}

QString Chart::describeSpread(std::size_t project) const
{
    if (m_spread.size() != m_scenario.projects.size() || project >= m_spread.size())
        return {};
    const MonteCarloProject &spread = m_spread[project];
    QString text = tr("<br><i>Over %1 Monte Carlo draws</i><br>Effort p5–p95: %2–%3 units (median %4)<br>"
                      "Gets the most effort in %5 of draws")
                       .arg(m_spreadSamples)
                       .arg(spread.p5)
                       .arg(spread.p95)
                       .arg(spread.p50)
                       .arg(format::percent(spread.topProbability));
    QStringList reached;
    for (std::size_t s = 0; s < spread.stageProbabilities.size() && s < m_scenario.stages.size(); ++s)
        if (spread.stageProbabilities[s] > 0 && m_scenario.stages[s].from > 0)
            reached << tr("%1 %2").arg(QString::fromStdString(m_scenario.stages[s].name).toHtmlEscaped(),
                                       format::percent(spread.stageProbabilities[s]));
    if (!reached.isEmpty())
        text += tr("<br>Reaches: %1").arg(reached.join(QStringLiteral(", ")));
    return text;
}

QString Chart::toolTipAt(const QPointF &pos) const
{
    const double reach = std::max(8.0, width(theme().dotSize));
    if (m_dots->visible()) {
        for (auto it = m_dots->data()->constBegin(); it != m_dots->data()->constEnd(); ++it) {
            const QPointF dot(plot()->xAxis->coordToPixel(it->key), plot()->yAxis->coordToPixel(it->value));
            if (QLineF(dot, pos).length() <= reach) {
                const auto index = static_cast<std::size_t>(it->t);
                return tr("<i>Optimal allocation</i><br>") + describe(index, static_cast<Effort>(std::llround(it->key)))
                    + describeSpread(index)
                    + tr("<br><i>Drag along the curve to lock its effort; double-click to release the lock.</i>");
            }
        }
    }
    double best = 7;
    std::size_t found = m_curves.size();
    for (std::size_t i = 0; i < m_curves.size() && i < m_scenario.projects.size(); ++i) {
        const double distance = m_curves[i]->selectTest(pos, false);
        if (distance >= 0 && distance < best) {
            best = distance;
            found = i;
        }
    }
    if (found == m_curves.size())
        return {};
    const double x = plot()->xAxis->pixelToCoord(pos.x());
    return describe(found, static_cast<Effort>(std::max(0.0, std::round(x))));
}

} // namespace ef
