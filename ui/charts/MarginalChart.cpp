// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "charts/MarginalChart.h"

#include <qcustomplot.h>

#include <QFontMetricsF>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ef {

namespace {

/// The most points a gain curve is sampled at (every unit up to this many units).
constexpr Effort kMaxSamples = 400;
/// The most projects named in the legend.
constexpr std::size_t kMaxLegendProjects = 15;

/// A gain a logarithmic axis can show.
bool drawable(double gain)
{
    return gain > 0 && std::isfinite(gain);
}

} // namespace

MarginalChart::MarginalChart(QCustomPlot *plot) : ChartFrame(plot, title(), StageAxis::X)
{
    plot->xAxis->setLabel(tr("Effort (units)"));
    plot->yAxis->setLabel(tr("Weighted gain of the unit (log scale)"));
    plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
    plot->yAxis->setTicker(ticker);
    plot->yAxis->setNumberFormat(QStringLiteral("gb"));
    plot->yAxis->setNumberPrecision(0);
    useEffortTicks(plot->xAxis);

    plot->addLayer(QStringLiteral("dots"), plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    m_dots = new QCPCurve(plot->xAxis, plot->yAxis);
    m_dots->setLayer(QStringLiteral("dots"));
    m_dots->setLineStyle(QCPCurve::lsNone);
    m_dots->setName(tr("Optimal effort (last unit)"));
    m_dots->setSelectable(QCP::stNone);

    m_waterLine = new QCPItemStraightLine(plot);
    m_waterLine->setLayer(QStringLiteral("overlay"));
    m_waterLine->setSelectable(false);
    m_waterLabel = new QCPItemText(plot);
    m_waterLabel->setLayer(QStringLiteral("overlay"));
    m_waterLabel->position->setType(QCPItemPosition::ptAbsolute);
    m_waterLabel->setPadding(QMargins(3, 1, 3, 1));
    m_waterLabel->setClipToAxisRect(true);
    m_waterLabel->setSelectable(false);
    setTheme(theme());
}

QString MarginalChart::title()
{
    return tr("Why each dot stops here: the gain of every unit");
}

void MarginalChart::applyTheme()
{
    const Theme &t = theme();
    m_dots->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, t.dot, t.dot, width(t.dotSize)));
    m_dots->setPen(QPen(t.dot));
    m_waterLine->setPen(QPen(t.dot, width(1.5), Qt::DashLine));
    m_waterLabel->setFont(font(-1, true));
    m_waterLabel->setColor(t.foreground);
    m_waterLabel->setBrush(QBrush(t.labelBackground));
    m_waterLabel->setPen(QPen(t.dot));
    plot()->yAxis->setTickLabels(true);
}

void MarginalChart::redraw()
{
    update(m_scenario, m_result);
}

void MarginalChart::ensureCurveCount(std::size_t count)
{
    while (m_curves.size() < count) {
        auto *graph = new QCPGraph(plot()->xAxis, plot()->yAxis);
        graph->setSelectable(QCP::stNone);
        m_curves.push_back(graph);
    }
    while (m_curves.size() > count) {
        plot()->removeGraph(m_curves.back());
        m_curves.pop_back();
    }
}

void MarginalChart::update(const Scenario &scenario, const AllocationResult &result)
{
    m_scenario = scenario;
    m_result = result;
    const std::size_t n = scenario.projects.size();
    ensureCurveCount(n);
    setStages(scenario.stages);
    antialiasFor(n);

    std::vector<Effort> efforts(n, 0);
    const bool ok = result.ok() && result.allocation->projects.size() == n;
    if (ok)
        for (std::size_t i = 0; i < n; ++i)
            efforts[i] = result.allocation->projects[i].effort;
    m_summary = ok ? marginalSummary(scenario, efforts) : MarginalSummary{};

    // Efforts up to twice the largest optimal effort (the crossings sit in the left half), within the total.
    const Effort largest = efforts.empty() ? 0 : *std::max_element(efforts.begin(), efforts.end());
    const Effort xEnd = std::clamp<Effort>(2 * largest, std::min<Effort>(10, scenario.totalEffort),
                                           std::max<Effort>(scenario.totalEffort, 1));
    m_xMax = static_cast<double>(std::max<Effort>(xEnd, 1));
    const Effort step = std::max<Effort>(1, xEnd / kMaxSamples);

    double yMin = std::numeric_limits<double>::infinity();
    double yMax = 0;
    legend()->clearItems();
    for (std::size_t i = 0; i < n; ++i) {
        const Project &p = scenario.projects[i];
        QCPGraph *graph = m_curves[i];
        graph->setPen(QPen(theme().projectColor(i, p.color), width(n > 12 ? 1 : 2)));
        QVector<double> keys;
        QVector<double> values;
        for (Effort k = 1; k <= xEnd; k = (k == 1 && step > 1) ? step : k + step) {
            const double gain = p.curve.weightedGain(p.weight, k - 1); // the k-th unit
            if (!drawable(gain))
                continue;
            keys << static_cast<double>(k);
            values << gain;
        }
        // Where the view's range is wide, the drawn points still include both units around the dot.
        if (ok && efforts[i] >= 1) {
            for (const Effort k : {efforts[i], efforts[i] + 1}) {
                const double gain = p.curve.weightedGain(p.weight, k - 1);
                if (drawable(gain) && k <= xEnd) {
                    const auto at = std::lower_bound(keys.begin(), keys.end(), static_cast<double>(k));
                    if (at == keys.end() || *at != static_cast<double>(k)) {
                        values.insert(values.begin() + (at - keys.begin()), gain);
                        keys.insert(at, static_cast<double>(k));
                    }
                }
            }
        }
        for (const double v : values) {
            yMin = std::min(yMin, v);
            yMax = std::max(yMax, v);
        }
        graph->setData(keys, values, true);
        graph->setName(p.weight != 1 ? tr("%1 (×%2)").arg(QString::fromStdString(p.name), QLocale().toString(p.weight))
                                     : QString::fromStdString(p.name));
        if (i < kMaxLegendProjects)
            graph->addToLegend(legend());
    }

    QVector<double> dt;
    QVector<double> dx;
    QVector<double> dy;
    for (std::size_t i = 0; ok && i < n; ++i) {
        const std::optional<double> &last = m_summary.lastGain[i];
        if (last && drawable(*last)) {
            dt << static_cast<double>(dt.size());
            dx << static_cast<double>(efforts[i]);
            dy << *last;
        }
    }
    m_dots->setData(dt, dx, dy, true);
    m_dots->setVisible(!dx.isEmpty());
    m_dots->addToLegend(legend());

    const bool level = m_summary.waterLevel && drawable(*m_summary.waterLevel);
    m_waterLine->setVisible(level);
    m_waterLabel->setVisible(level);
    if (level) {
        const double L = *m_summary.waterLevel;
        m_waterLine->point1->setCoords(0, L);
        m_waterLine->point2->setCoords(1, L);
        m_waterLabel->setText(tr("water level %1").arg(QLocale().toString(L, 'g', 3)));
        yMin = std::min(yMin, L);
        yMax = std::max(yMax, L);
    }
    if (!std::isfinite(yMin) || yMax <= 0) {
        yMin = 1e-4;
        yMax = 1;
    }
    // At least two decades, the level away from the edges.
    m_yMin = std::min(yMin / 1.5, yMax / 100);
    m_yMax = yMax * 1.5;

    QString note;
    if (!result.ok())
        note = tr("No split: %1").arg(QString::fromStdString(result.error));
    else if (level)
        note = tr("Each unit goes where it gains most: every funded project's last unit gained at least the water "
                  "level, and no project's next unit would gain more");
    else if (!m_summary.lastGain.empty()
             && std::none_of(m_summary.lastGain.begin(), m_summary.lastGain.end(),
                             [](const std::optional<double> &g) { return g && std::isfinite(*g); }))
        note = tr("No water level yet: no project has more than a first unit (or its minimum)");
    else
        note = tr("No single water level: with S-curves the best split may fund a project through its flat start, "
                  "where its next unit would gain more than another's last");
    setSubtitle(note);
    if (autoRange())
        fitRanges();
}

void MarginalChart::fitRanges()
{
    plot()->xAxis->setRange(0, m_xMax * 1.03);
    plot()->yAxis->setRange(m_yMin, m_yMax);
}

void MarginalChart::placeLabels(std::vector<QRectF> &taken)
{
    Q_UNUSED(taken);
    if (!m_summary.waterLevel)
        return;
    const QRectF area = plot()->axisRect()->rect();
    const double y = plot()->yAxis->coordToPixel(*m_summary.waterLevel);
    m_waterLabel->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    m_waterLabel->position->setCoords(area.right() - 4, y - 3);
}

} // namespace ef
