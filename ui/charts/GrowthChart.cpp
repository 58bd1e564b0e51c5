// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "charts/GrowthChart.h"

#include <qcustomplot.h>

#include <QFontMetricsF>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace ef {

namespace {

/// Above this many projects the lines are drawn 1 px wide: easier to tell apart, and a hairline is
/// stroked by Qt's fast path (profiled: wide antialiased strokes were most of a 50-project replot).
constexpr std::size_t kThinLinesAbove = 12;

QString units(Effort value)
{
    return QLocale().toString(static_cast<qlonglong>(value));
}

} // namespace

GrowthChart::GrowthChart(QCustomPlot *plot) : ChartFrame(plot, title(), StageAxis::Y)
{
    plot->xAxis->setLabel(tr("Total budget (units)"));
    plot->yAxis->setLabel(tr("Effort in the optimal split (units)"));
    useEffortTicks(plot->xAxis);
    useEffortTicks(plot->yAxis);

    m_marker = new QCPItemStraightLine(plot);
    m_marker->setLayer(QStringLiteral("overlay"));
    m_marker->setSelectable(false);
    m_markerLabel = new QCPItemText(plot);
    m_markerLabel->setLayer(QStringLiteral("overlay"));
    m_markerLabel->position->setType(QCPItemPosition::ptAbsolute);
    m_markerLabel->setPadding(QMargins(3, 1, 3, 1));
    m_markerLabel->setClipToAxisRect(true);
    m_markerLabel->setSelectable(false);
    setTheme(theme());
}

QString GrowthChart::title()
{
    return tr("How the optimal split grows with the budget");
}

void GrowthChart::applyTheme()
{
    const Theme &t = theme();
    m_marker->setPen(QPen(t.dot, width(1.5), Qt::DashDotLine));
    m_markerLabel->setFont(font(-1, true));
    m_markerLabel->setColor(t.foreground);
    m_markerLabel->setBrush(QBrush(t.labelBackground));
    m_markerLabel->setPen(QPen(t.dot));
}

void GrowthChart::redraw()
{
    update(m_scenario, m_path, m_updatingPath);
}

void GrowthChart::ensureLineCount(std::size_t count)
{
    while (m_lines.size() < count) {
        auto *graph = new QCPGraph(plot()->xAxis, plot()->yAxis);
        graph->setAdaptiveSampling(true);
        graph->setSelectable(QCP::stNone);
        m_lines.push_back(graph);
    }
    while (m_lines.size() > count) {
        plot()->removeGraph(m_lines.back());
        m_lines.pop_back();
    }
}

void GrowthChart::update(const Scenario &scenario, const GrowthPath &path, bool updating)
{
    m_scenario = scenario;
    m_path = path;
    m_updatingPath = updating;
    const std::size_t n = scenario.projects.size();
    ensureLineCount(n);
    setStages(scenario.stages);
    antialiasFor(n);
    for (std::size_t i = 0; i < n; ++i)
        m_lines[i]->setPen(
            QPen(theme().projectColor(i, scenario.projects[i].color), width(n > kThinLinesAbove ? 1 : 2)));

    const Effort total = scenario.totalEffort;
    m_marker->point1->setCoords(static_cast<double>(total), 0);
    m_marker->point2->setCoords(static_cast<double>(total), 1);
    m_markerLabel->setText(tr("budget %1").arg(units(total)));

    m_pathShown = path.ok() && !path.efforts.empty() && path.efforts.front().size() == n;
    m_yMax = 10;
    if (m_pathShown) {
        const auto samples = static_cast<qsizetype>(path.budgets.size());
        QVector<double> keys(samples);
        for (qsizetype k = 0; k < samples; ++k)
            keys[k] = static_cast<double>(path.budgets[static_cast<std::size_t>(k)]);
        for (std::size_t i = 0; i < n; ++i) {
            QVector<double> values(samples);
            for (qsizetype k = 0; k < samples; ++k) {
                values[k] = static_cast<double>(path.efforts[static_cast<std::size_t>(k)][i]);
                m_yMax = std::max(m_yMax, values[k]);
            }
            m_lines[i]->setData(keys, values, true);
        }
    }
    for (QCPGraph *line : m_lines)
        line->setVisible(m_pathShown);

    updateJumps();
    updateStageMarks();
    QString note;
    if (!path.error.empty())
        note = tr("No growth path: %1").arg(QString::fromStdString(path.error));
    else if (!m_pathShown)
        note = tr("Computing the growth path…");
    else if (scenario.allConcave())
        note = tr("Each project's effort in the optimal split at %1 budgets · red line: the current total")
                   .arg(path.budgets.size());
    else if (path.jumps.empty())
        note = tr("Exact optimum at %1 budgets (the curves are not all concave) · red line: the current total")
                   .arg(path.budgets.size());
    else
        note = tr("Exact optimum at %1 budgets · dotted: where the split jumps, as a project suddenly becomes "
                  "worth funding")
                   .arg(path.budgets.size());
    if (!m_stageMarks.empty())
        note += scenario.projects.size() > kStageEntryAllProjects
            ? tr(" · ◆ the top %1 enter a stage").arg(kStageEntryTopProjects)
            : tr(" · ◆ enters a stage");
    if (updating && m_pathShown)
        note += tr(" · updating…");
    setSubtitle(note);
    if (autoRange())
        fitRanges();
}

QString GrowthChart::jumpLabel(std::size_t index) const
{
    return m_jumpTexts.at(index);
}

void GrowthChart::updateJumps()
{
    for (QCPItemStraightLine *line : m_jumpLines)
        plot()->removeItem(line);
    for (QCPItemText *label : m_jumpLabels)
        plot()->removeItem(label);
    m_jumpLines.clear();
    m_jumpLabels.clear();
    m_jumpTexts.clear();
    if (!m_pathShown)
        return;
    for (const GrowthJump &jump : m_path.jumps) {
        if (m_jumpLines.size() == kMaxJumpMarks || jump.gainer >= m_scenario.projects.size())
            break;
        const QColor color = theme().projectColor(jump.gainer, m_scenario.projects[jump.gainer].color);
        auto *line = new QCPItemStraightLine(plot());
        line->setLayer(QStringLiteral("grid"));
        line->setSelectable(false);
        line->point1->setCoords(static_cast<double>(jump.budget), 0);
        line->point2->setCoords(static_cast<double>(jump.budget), 1);
        line->setPen(QPen(color, width(1.5), Qt::DotLine));
        m_jumpLines.push_back(line);

        Effort given = 0;
        for (const auto &[project, units] : jump.givers)
            given += units;
        auto *label = new QCPItemText(plot());
        label->setLayer(QStringLiteral("overlay"));
        label->setSelectable(false);
        label->setClipToAxisRect(true);
        label->position->setType(QCPItemPosition::ptAbsolute);
        label->setPadding(QMargins(3, 1, 3, 1));
        label->setFont(font(-1, true));
        label->setColor(theme().foreground);
        label->setBrush(QBrush(theme().labelBackground));
        label->setPen(QPen(color));
        const QString name = QString::fromStdString(m_scenario.projects[jump.gainer].name);
        label->setText(
            given > 0 ? tr("at %1: %2 +%3, others −%4").arg(units(jump.budget), name, units(jump.gained), units(given))
                      : tr("at %1: %2 +%3").arg(units(jump.budget), name, units(jump.gained)));
        m_jumpTexts.push_back(label->text());
        m_jumpLabels.push_back(label);
    }
}

void GrowthChart::updateStageMarks()
{
    for (QCPGraph *graph : m_stageMarkGraphs)
        plot()->removeGraph(graph);
    m_stageMarkGraphs.clear();
    m_stageMarks.clear();
    if (!m_pathShown)
        return;
    for (const StageEntry &entry : m_path.stageEntries)
        if (entry.project < m_scenario.projects.size() && entry.stage < m_scenario.stages.size())
            m_stageMarks.push_back(entry);
    const std::size_t n = m_scenario.projects.size();
    for (std::size_t i = 0; i < n; ++i) {
        QVector<double> keys;
        QVector<double> values;
        for (const StageEntry &entry : m_stageMarks)
            if (entry.project == i) {
                keys.push_back(static_cast<double>(entry.budget));
                values.push_back(static_cast<double>(m_scenario.stages[entry.stage].from));
            }
        if (keys.isEmpty())
            continue;
        // A diamond in the project's colour, ringed in the plot's background so it stands off the lines.
        auto *graph = new QCPGraph(plot()->xAxis, plot()->yAxis);
        graph->setSelectable(QCP::stNone);
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(theme().plotBackground, width(1.5)),
                                               QBrush(theme().projectColor(i, m_scenario.projects[i].color)),
                                               width(10)));
        graph->setData(keys, values, true);
        m_stageMarkGraphs.push_back(graph);
    }
}

QPointF GrowthChart::stageMarkPoint(std::size_t index) const
{
    const StageEntry &entry = m_stageMarks.at(index);
    return {static_cast<double>(entry.budget), static_cast<double>(m_scenario.stages.at(entry.stage).from)};
}

QString GrowthChart::toolTipAt(const QPointF &pos) const
{
    double best = 8.0; // pixels
    QString text;
    for (std::size_t k = 0; k < m_stageMarks.size(); ++k) {
        const QPointF at = stageMarkPoint(k);
        const double dx = plot()->xAxis->coordToPixel(at.x()) - pos.x();
        const double dy = plot()->yAxis->coordToPixel(at.y()) - pos.y();
        const double distance = std::hypot(dx, dy);
        if (distance > best)
            continue;
        best = distance;
        const StageEntry &entry = m_stageMarks[k];
        text = tr("%1 enters “%2” (%3 units) at a budget of %4")
                   .arg(QString::fromStdString(m_scenario.projects[entry.project].name),
                        QString::fromStdString(m_scenario.stages[entry.stage].name),
                        units(m_scenario.stages[entry.stage].from), units(entry.budget));
    }
    return text;
}

void GrowthChart::fitRanges()
{
    const double total = static_cast<double>(m_scenario.totalEffort);
    const double pathEnd = m_path.budgets.empty() ? 0.0 : static_cast<double>(m_path.budgets.back());
    plot()->xAxis->setRange(0, std::max({10.0, total, pathEnd}) * 1.03);
    plot()->yAxis->setRange(0, m_yMax * 1.08);
}

void GrowthChart::placeLabels(std::vector<QRectF> &taken)
{
    Q_UNUSED(taken);
    const QRectF area = plot()->axisRect()->rect();
    // The marker's label: at the top, right of the line when there is room, otherwise left of it.
    const double x = plot()->xAxis->coordToPixel(static_cast<double>(m_scenario.totalEffort));
    const double labelWidth = QFontMetricsF(m_markerLabel->font()).horizontalAdvance(m_markerLabel->text()) + 8;
    const bool right = x + 4 + labelWidth <= area.right();
    m_markerLabel->setPositionAlignment((right ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignTop);
    m_markerLabel->position->setCoords(right ? x + 4 : x - 4, area.top() + 4);
    // Jump labels: stacked below the marker's, beside their line (left of it when it is near the right).
    double y = area.top() + 8 + QFontMetricsF(m_markerLabel->font()).height();
    for (std::size_t i = 0; i < m_jumpLabels.size(); ++i) {
        QCPItemText *label = m_jumpLabels[i];
        const double jx = plot()->xAxis->coordToPixel(static_cast<double>(m_path.jumps[i].budget));
        // Elided to the axes' width on a narrow panel (the full text is its tooltip-free fallback).
        const QFontMetricsF metrics(label->font());
        label->setText(metrics.elidedText(m_jumpTexts[i], Qt::ElideMiddle, std::max(40.0, area.width() - 16)));
        const double w = metrics.horizontalAdvance(label->text()) + 8;
        // Beside the line when it fits there, otherwise as far as it must go to stay inside the axes.
        double left = jx + 4 + w <= area.right() ? jx + 4 : jx - 4 - w;
        left = std::clamp(left, area.left() + 2, std::max(area.left() + 2, area.right() - w - 2));
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->position->setCoords(left, y);
        y += QFontMetricsF(label->font()).height() + 4;
    }
}

} // namespace ef
