// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "charts/GrowthView.h"

#include "charts/Chart.h"

#include "Allocator.h"
#include "document/Document.h"

#include <QFontMetricsF>
#include <QShowEvent>

#include <algorithm>
#include <numeric>

namespace ef {

namespace {

/// The most points drawn per line: the path is walked unit by unit, but sampled for drawing (about
/// one point per two pixels on a typical width; every drawn point is exact).
constexpr Effort kMaxSamples = 200;
/// Above this many projects the lines are drawn 1 px wide: easier to tell apart, and a hairline is
/// stroked by Qt's fast path (profiled: wide antialiased strokes were most of a 50-project replot).
constexpr std::size_t kThinLinesAbove = 12;
/// The longest path drawn when the curves are not all concave: greedy then replays every unit with a
/// heap (about 0.1 s a million units), too slow to repeat on every edit beyond this.
constexpr Effort kReplayLimit = 1'000'000;

QString units(Effort value)
{
    return QLocale(QLocale::English).toString(static_cast<qlonglong>(value));
}

} // namespace

GrowthView::GrowthView(Document *document, QWidget *parent) : QCustomPlot(parent), m_document(document)
{
    setMinimumSize(360, 280);
    setNoAntialiasingOnDrag(false);
    setAntialiasedElements(QCP::aePlottables | QCP::aeItems);
    setPlottingHint(QCP::phFastPolylines, true);
    setAttribute(Qt::WA_OpaquePaintEvent); // the plot paints every pixel

    plotLayout()->insertRow(0);
    plotLayout()->insertRow(0);
    m_title = new QCPTextElement(this, title());
    m_subtitle = new QCPTextElement(this, QString());
    plotLayout()->addElement(0, 0, m_title);
    plotLayout()->addElement(1, 0, m_subtitle);
    plotLayout()->setRowStretchFactor(0, 0.001);
    plotLayout()->setRowStretchFactor(1, 0.001);
    plotLayout()->setRowSpacing(2);

    xAxis->setLabel(QStringLiteral("Total budget (units)"));
    yAxis->setLabel(QStringLiteral("Effort in the optimal split (units)"));
    xAxis->grid()->setVisible(true);
    yAxis->grid()->setVisible(true);
    xAxis->ticker()->setTickCount(6);
    yAxis->ticker()->setTickCount(6);

    m_marker = new QCPItemStraightLine(this);
    m_marker->setLayer(QStringLiteral("overlay"));
    m_marker->setSelectable(false);
    m_markerLabel = new QCPItemText(this);
    m_markerLabel->setLayer(QStringLiteral("overlay"));
    m_markerLabel->position->setType(QCPItemPosition::ptAbsolute);
    m_markerLabel->setPadding(QMargins(3, 1, 3, 1));
    m_markerLabel->setClipToAxisRect(true);
    m_markerLabel->setSelectable(false);

    connect(this, &QCustomPlot::afterLayout, this, [this] {
        if (fitTitles()) {
            // The titles changed size: lay out once more with them.
            for (const auto phase :
                 {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins, QCPLayoutElement::upLayout})
                plotLayout()->update(phase);
        }
        placeLabels();
    });
    connect(m_document, &Document::changed, this, &GrowthView::refresh);
    setTheme(m_theme);
}

QString GrowthView::title()
{
    return QStringLiteral("How the optimal split grows with the budget");
}

QString GrowthView::subtitle() const
{
    return m_subtitleText;
}

bool GrowthView::fitTitles()
{
    const double room = viewport().width() - 16;
    bool changed = false;
    // The title shrinks (down to 9 pt) rather than being cut off beside the chart.
    QFont probe = m_title->font();
    int size = m_titlePointSize;
    probe.setPointSize(size);
    while (size > 9 && QFontMetricsF(probe).horizontalAdvance(m_title->text()) > room)
        probe.setPointSize(--size);
    if (m_title->font().pointSize() != size) {
        m_title->setFont(probe);
        changed = true;
    }
    // The subtitle goes on two lines, broken at the space nearest its middle, when one is too narrow.
    QString shown = m_subtitleText;
    if (QFontMetricsF(m_subtitle->font()).horizontalAdvance(shown) > room) {
        const auto middle = shown.size() / 2;
        const auto before = shown.lastIndexOf(QLatin1Char(' '), middle);
        const auto after = shown.indexOf(QLatin1Char(' '), middle);
        const auto at = before < 0 ? after : after < 0 ? before : (middle - before <= after - middle ? before : after);
        if (at > 0)
            shown[at] = QLatin1Char('\n');
    }
    if (m_subtitle->text() != shown) {
        m_subtitle->setText(shown);
        changed = true;
    }
    return changed;
}

void GrowthView::setTheme(const Theme &theme)
{
    m_theme = theme;
    QFont base = font();
    base.setPointSize(theme.basePointSize);
    QFont titleFont = base;
    m_titlePointSize = std::max(theme.basePointSize + 1, theme.titlePointSize - 2);
    titleFont.setPointSize(m_titlePointSize);
    titleFont.setBold(true);
    QFont subtitleFont = base;
    subtitleFont.setPointSize(std::max(8, theme.basePointSize - 1));

    setBackground(QBrush(theme.background));
    axisRect()->setBackground(QBrush(theme.plotBackground));
    m_title->setFont(titleFont);
    m_title->setTextColor(theme.foreground);
    m_subtitle->setFont(subtitleFont);
    m_subtitle->setTextColor(theme.foreground);
    Chart::styleAxes(this, theme, base);
    applyThemeToItems();
    m_pathTotal = -1; // new pens for the lines
    refresh();
    replot(QCustomPlot::rpQueuedReplot);
}

void GrowthView::applyThemeToItems()
{
    QFont stageFont = font();
    stageFont.setPointSize(std::max(8, m_theme.basePointSize - 1));
    stageFont.setItalic(true);
    for (QCPItemText *label : m_stageLabels) {
        label->setFont(stageFont);
        label->setColor(m_theme.foreground);
        label->setBrush(QBrush(m_theme.labelBackground));
    }
    for (QCPItemStraightLine *line : m_stageLines)
        line->setPen(QPen(m_theme.stageLine, 1, Qt::DashLine));
    m_marker->setPen(QPen(m_theme.dot, 1.5, Qt::DashDotLine));
    QFont markerFont = font();
    markerFont.setPointSize(std::max(8, m_theme.basePointSize - 1));
    markerFont.setBold(true);
    m_markerLabel->setFont(markerFont);
    m_markerLabel->setColor(m_theme.foreground);
    m_markerLabel->setBrush(QBrush(m_theme.labelBackground));
    m_markerLabel->setPen(QPen(m_theme.dot));
}

void GrowthView::showEvent(QShowEvent *event)
{
    QCustomPlot::showEvent(event);
    if (m_dirty)
        refresh();
}

void GrowthView::refresh()
{
    // Hidden: nothing to draw; catch up when shown.
    if (!isVisible()) {
        m_dirty = true;
        return;
    }
    m_dirty = false;
    rebuild();
    replot(QCustomPlot::rpQueuedReplot);
}

void GrowthView::ensureLineCount(std::size_t count)
{
    while (m_lines.size() < count) {
        auto *graph = new QCPGraph(xAxis, yAxis);
        graph->setAdaptiveSampling(true);
        graph->setSelectable(QCP::stNone);
        m_lines.push_back(graph);
    }
    while (m_lines.size() > count) {
        removeGraph(m_lines.back());
        m_lines.pop_back();
    }
}

void GrowthView::rebuildStages()
{
    const Scenario &scenario = m_document->scenario();
    if (m_shownStages == scenario.stages)
        return;
    for (QCPItemStraightLine *line : m_stageLines)
        removeItem(line);
    for (QCPItemText *label : m_stageLabels)
        removeItem(label);
    m_stageLines.clear();
    m_stageLabels.clear();
    for (const Stage &stage : scenario.stages) {
        auto *line = new QCPItemStraightLine(this);
        line->setLayer(QStringLiteral("grid"));
        line->point1->setCoords(0, static_cast<double>(stage.from));
        line->point2->setCoords(1, static_cast<double>(stage.from));
        line->setSelectable(false);
        line->setVisible(stage.from > 0); // the axis is the line of the first stage
        m_stageLines.push_back(line);

        auto *label = new QCPItemText(this);
        label->setLayer(QStringLiteral("overlay"));
        label->setText(QString::fromStdString(stage.name));
        label->position->setType(QCPItemPosition::ptAbsolute);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        label->setPadding(QMargins(2, 0, 2, 0));
        label->setClipToAxisRect(true);
        label->setSelectable(false);
        m_stageLabels.push_back(label);
    }
    m_shownStages = scenario.stages;
    applyThemeToItems();
}

void GrowthView::rebuild()
{
    const Scenario &scenario = m_document->scenario();
    const std::size_t n = scenario.projects.size();
    ensureLineCount(n);
    rebuildStages();
    for (std::size_t i = 0; i < n; ++i)
        m_lines[i]->setPen(QPen(m_theme.projectColor(i, scenario.projects[i].color), n > kThinLinesAbove ? 1 : 2));

    const Effort total = scenario.totalEffort;
    m_marker->point1->setCoords(static_cast<double>(total), 0);
    m_marker->point2->setCoords(static_cast<double>(total), 1);
    m_markerLabel->setText(QStringLiteral("budget %1").arg(units(total)));

    const bool samePath = m_pathTotal == total && m_pathProjects == scenario.projects;
    if (!samePath) {
        m_pathProjects = scenario.projects;
        m_pathTotal = total;
        m_pathShown = false;
        std::optional<ExpansionPath> path;
        QString note;
        if (const std::optional<std::string> problem = feasibilityProblem(scenario, total)) {
            note = QStringLiteral("No allocation: %1").arg(QString::fromStdString(*problem));
        } else if (!scenario.allConcave() && total > kReplayLimit) {
            note
                = QStringLiteral("Not drawn above %1 units when a curve is not concave: type a smaller total to see it")
                      .arg(units(kReplayLimit));
        } else {
            std::string error;
            path = expansionPath(scenario, total, &error);
            if (!path)
                note = QStringLiteral("Not drawn above %1 units of budget: type a smaller total to see it")
                           .arg(units(kExpansionPathLimit));
        }

        double yMax = 10;
        if (path) {
            // Walk the path unit by unit, keeping every `step`-th budget (and the last) for drawing.
            const Effort start = std::accumulate(path->base.begin(), path->base.end(), Effort{0});
            const auto count = static_cast<Effort>(path->order.size());
            const Effort step = std::max<Effort>(1, (count + kMaxSamples - 1) / kMaxSamples);
            const std::size_t samples = static_cast<std::size_t>(count / step) + 2;
            std::vector<QVector<double>> keys(n), values(n);
            for (std::size_t i = 0; i < n; ++i) {
                keys[i].reserve(static_cast<qsizetype>(samples));
                values[i].reserve(static_cast<qsizetype>(samples));
            }
            std::vector<Effort> efforts = path->base;
            auto record = [&](Effort budget) {
                for (std::size_t i = 0; i < n; ++i) {
                    keys[i].push_back(static_cast<double>(budget));
                    values[i].push_back(static_cast<double>(efforts[i]));
                }
            };
            record(start);
            for (Effort u = 0; u < count; ++u) {
                ++efforts[path->order[static_cast<std::size_t>(u)]];
                if ((u + 1) % step == 0 || u + 1 == count)
                    record(start + u + 1);
            }
            for (std::size_t i = 0; i < n; ++i) {
                m_lines[i]->setData(keys[i], values[i], true);
                yMax = std::max(yMax, static_cast<double>(efforts[i]));
            }
            m_pathShown = true;
            note = scenario.allConcave()
                ? QStringLiteral(
                    "Each project's effort in the optimal split at every budget · red line: the current total")
                : QStringLiteral("Greedy's path: the curves are not all concave, so it is not the exact optimum");
        }
        for (QCPGraph *line : m_lines)
            line->setVisible(m_pathShown);
        m_subtitleText = note;
        m_subtitle->setText(note);
        xAxis->setRange(0, std::max(10.0, static_cast<double>(total) * 1.03));
        yAxis->setRange(0, yMax * 1.08);
    }
}

void GrowthView::placeLabels()
{
    const QRectF area = axisRect()->rect();
    // Stage names: at the left, just above their line; hidden when above the visible range or too
    // close to the previous name to be read.
    double lastTop = area.bottom() + 1e9; // the top of the name placed last (the one below)
    for (std::size_t i = 0; i < m_stageLabels.size(); ++i) {
        QCPItemText *label = m_stageLabels[i];
        const double y = yAxis->coordToPixel(static_cast<double>(m_shownStages[i].from)) - 1;
        const double height = QFontMetricsF(label->font()).height();
        const bool visible = y - height >= area.top() && y <= lastTop;
        label->setVisible(visible);
        label->position->setCoords(area.left() + 4, y);
        if (visible)
            lastTop = y - height;
    }
    // The marker's label: at the top, right of the line when there is room, otherwise left of it.
    const double x = xAxis->coordToPixel(static_cast<double>(m_document->scenario().totalEffort));
    const double width = QFontMetricsF(m_markerLabel->font()).horizontalAdvance(m_markerLabel->text()) + 8;
    const bool right = x + 4 + width <= area.right();
    m_markerLabel->setPositionAlignment((right ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignTop);
    m_markerLabel->position->setCoords(right ? x + 4 : x - 4, area.top() + 4);
}

} // namespace ef
