// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "charts/Chart.h"

#include <qcustomplot.h>

#include <QFontMetricsF>
#include <QScopedValueRollback>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ef {

namespace {

constexpr int kSamples = 240;
/// Above this many projects the curves are drawn 1 px wide: 50 thick curves are a blur, and a hairline
/// is stroked by Qt's fast path (profiled: wide antialiased strokes were most of a 50-project replot).
constexpr std::size_t kThinCurvesAbove = 12;
const QString kStageLayer = QStringLiteral("background");

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

} // namespace

Chart::Chart(QCustomPlot *plot) : QObject(plot), m_plot(plot)
{
    m_plot->setNoAntialiasingOnDrag(false);
    m_plot->setAntialiasedElements(QCP::aeAll);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);

    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->insertRow(0);
    m_title = new QCPTextElement(m_plot, title());
    m_subtitle = new QCPTextElement(m_plot, QString());
    m_plot->plotLayout()->addElement(0, 0, m_title);
    m_plot->plotLayout()->addElement(1, 0, m_subtitle);

    // The legend goes below the axes, in columns, so it never hides a curve or a dot.
    m_legend = m_plot->legend;
    m_legend->setVisible(true);
    m_plot->plotLayout()->addElement(3, 0, m_legend);
    m_legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_legend->setWrap(3);
    m_legend->setMargins(QMargins(10, 4, 10, 4));
    m_legend->setRowSpacing(2);
    m_legend->setColumnSpacing(18);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    m_plot->plotLayout()->setRowStretchFactor(3, 0.001);
    m_plot->plotLayout()->setRowSpacing(2);

    m_plot->xAxis->setLabel(QStringLiteral("Effort (units)"));
    m_plot->yAxis->setLabel(QStringLiteral("Accuracy"));
    m_plot->yAxis->setTickLabels(false); // the reference look: shape matters, not the accuracy scale
    m_plot->xAxis->grid()->setVisible(true);
    m_plot->yAxis->grid()->setVisible(true);
    m_plot->xAxis->ticker()->setTickCount(8);

    // Legend entries are added by hand: only the first kMaxLegendProjects curves get one.
    m_plot->setAutoAddPlottableToLegend(false);
    m_dots = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
    m_dots->addToLegend(m_legend);
    m_dots->setName(QStringLiteral("Optimal effort"));
    m_dots->setLineStyle(QCPCurve::lsNone);
    // Above every curve, also those added later.
    m_plot->addLayer(QStringLiteral("dots"), m_plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    m_dots->setLayer(QStringLiteral("dots"));
    // Stage names sit above the curves on a translucent box, below the dots.
    m_plot->addLayer(QStringLiteral("stageLabels"), m_plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);

    connect(m_plot, &QCustomPlot::afterLayout, this, [this] {
        if (fitToWidth()) {
            // Titles or legend columns changed: lay out once more with them.
            for (const auto phase :
                 {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins, QCPLayoutElement::upLayout})
                m_plot->plotLayout()->update(phase);
        }
        placeLabels();
    });
    // Zoomed or panned by hand: sample the curves again for the new view.
    auto resample = [this] {
        if (!m_updating && !m_autoRange)
            update(m_scenario, m_result);
    };
    connect(m_plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, resample);
    connect(m_plot->yAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, resample);
    setTheme(m_theme);
}

QString Chart::title()
{
    return QStringLiteral("Effort vs returns in ML Projects (optimal points highlighted)");
}

QString Chart::sizeProblem(const Scenario &scenario)
{
    if (scenario.projects.size() <= kMaxProjects)
        return {};
    return QStringLiteral("the scenario has %1 projects; the chart shows at most %2 (use --allocate for larger ones)")
        .arg(scenario.projects.size())
        .arg(kMaxProjects);
}

void Chart::styleAxes(QCustomPlot *plot, const Theme &theme, const QFont &base)
{
    QFont labelFont = base;
    labelFont.setBold(true);
    const QPen axisPen(theme.foreground, 1.2);
    for (QCPAxis *axis : {plot->xAxis, plot->yAxis}) {
        axis->setBasePen(axisPen);
        axis->setTickPen(axisPen);
        axis->setSubTickPen(axisPen);
        axis->setTickLabelColor(theme.foreground);
        axis->setLabelColor(theme.foreground);
        axis->setTickLabelFont(base);
        axis->setLabelFont(labelFont);
        axis->grid()->setPen(QPen(theme.grid, 1, Qt::SolidLine));
        axis->grid()->setSubGridVisible(false);
        axis->grid()->setZeroLinePen(Qt::NoPen);
    }
}

void Chart::setTheme(const Theme &theme)
{
    m_theme = theme;
    QFont base = m_plot->font();
    base.setPointSize(theme.basePointSize);
    QFont titleFont = base;
    titleFont.setPointSize(theme.titlePointSize);
    titleFont.setBold(true);
    QFont subtitleFont = base;
    subtitleFont.setPointSize(std::max(8, theme.basePointSize));

    m_plot->setBackground(QBrush(theme.background));
    m_plot->axisRect()->setBackground(QBrush(theme.plotBackground));
    m_title->setFont(titleFont);
    m_title->setTextColor(theme.foreground);
    m_subtitle->setFont(subtitleFont);
    m_subtitle->setTextColor(theme.foreground);

    styleAxes(m_plot, theme, base);

    m_legend->setBrush(QBrush(theme.background));
    m_legend->setBorderPen(Qt::NoPen);
    m_legend->setTextColor(theme.foreground);
    m_legend->setFont(base);
    m_legend->setIconSize(28, 14);

    m_dots->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, theme.dot, theme.dot, theme.dotSize));
    m_dots->setPen(QPen(theme.dot));
    applyThemeToItems();
    update(m_scenario, m_result);
}

void Chart::applyThemeToItems()
{
    QFont labelFont = m_plot->font();
    labelFont.setPointSize(m_theme.basePointSize);
    labelFont.setBold(true);
    for (QCPItemText *label : m_dotLabels) {
        label->setFont(labelFont);
        label->setColor(m_theme.foreground);
        label->setBrush(QBrush(m_theme.labelBackground));
    }
    QFont stageFont = m_plot->font();
    stageFont.setPointSize(m_theme.basePointSize);
    stageFont.setItalic(true);
    for (QCPItemText *label : m_stageLabels) {
        label->setFont(stageFont);
        label->setColor(m_theme.foreground);
        label->setBrush(QBrush(m_theme.labelBackground));
    }
    for (std::size_t i = 0; i < m_stageBands.size(); ++i) {
        m_stageBands[i]->setPen(Qt::NoPen);
        m_stageBands[i]->setBrush(i % 2 == 1 ? QBrush(m_theme.stageBand) : QBrush(Qt::NoBrush));
    }
    for (QCPItemStraightLine *line : m_stageLines)
        line->setPen(QPen(m_theme.stageLine, 1, Qt::DashLine));
}

void Chart::ensureProjectCount(std::size_t count)
{
    const bool created = m_curves.size() < count;
    while (m_curves.size() < count) {
        auto *graph = new QCPGraph(m_plot->xAxis, m_plot->yAxis);
        graph->setAdaptiveSampling(true);
        if (m_curves.size() < kMaxLegendProjects)
            graph->addToLegend(m_legend);
        m_curves.push_back(graph);
        auto *label = new QCPItemText(m_plot);
        label->setLayer(QStringLiteral("overlay"));
        label->position->setType(QCPItemPosition::ptAbsolute);
        label->setPositionAlignment(Qt::AlignCenter);
        label->setPadding(QMargins(3, 0, 3, 0));
        label->setClipToAxisRect(true);
        m_dotLabels.push_back(label);
    }
    if (created)
        applyThemeToItems();
    while (m_curves.size() > count) {
        m_plot->removeGraph(m_curves.back());
        m_curves.pop_back();
        m_plot->removeItem(m_dotLabels.back());
        m_dotLabels.pop_back();
    }
    // Keep the red dots' legend entry after the curves'.
    if (m_legend->hasItemWithPlottable(m_dots)) {
        m_legend->removeItem(m_legend->itemWithPlottable(m_dots));
        m_dots->addToLegend(m_legend);
    }
}

void Chart::rebuildStages()
{
    if (m_shownStages == m_scenario.stages)
        return;
    for (QCPItemRect *band : m_stageBands)
        m_plot->removeItem(band);
    for (QCPItemStraightLine *line : m_stageLines)
        m_plot->removeItem(line);
    for (QCPItemText *label : m_stageLabels)
        m_plot->removeItem(label);
    m_stageBands.clear();
    m_stageLines.clear();
    m_stageLabels.clear();

    const auto &stages = m_scenario.stages;
    for (std::size_t i = 0; i < stages.size(); ++i) {
        const double from = static_cast<double>(stages[i].from);
        const double to = i + 1 < stages.size() ? static_cast<double>(stages[i + 1].from) : 1e12;
        auto *band = new QCPItemRect(m_plot);
        band->setLayer(kStageLayer);
        band->topLeft->setTypeX(QCPItemPosition::ptPlotCoords);
        band->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
        band->bottomRight->setTypeX(QCPItemPosition::ptPlotCoords);
        band->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
        band->topLeft->setCoords(from, 0);
        band->bottomRight->setCoords(to, 1);
        band->setSelectable(false);
        m_stageBands.push_back(band);

        if (stages[i].from > 0) {
            auto *line = new QCPItemStraightLine(m_plot);
            line->setLayer(QStringLiteral("grid"));
            line->point1->setCoords(from, 0);
            line->point2->setCoords(from, 1);
            line->setSelectable(false);
            m_stageLines.push_back(line);
        }

        auto *label = new QCPItemText(m_plot);
        label->setLayer(QStringLiteral("stageLabels"));
        label->setText(QString::fromStdString(stages[i].name));
        label->position->setType(QCPItemPosition::ptAbsolute);
        // Rotated to read downwards along the band's left edge, so narrow early bands still fit.
        label->setRotation(90);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        label->setPadding(QMargins(2, 1, 2, 1));
        label->setClipToAxisRect(true);
        label->setSelectable(false);
        m_stageLabels.push_back(label);
    }
    m_shownStages = m_scenario.stages;
    applyThemeToItems();
}

void Chart::update(const Scenario &scenario, const AllocationResult &result)
{
    const QScopedValueRollback<bool> updating(m_updating, true);
    // Names set again only when they changed: fitToWidth() may have shortened them for the legend,
    // and resetting them on every update made every replot lay the plot out twice (profiled).
    std::vector<bool> renamed(scenario.projects.size(), true);
    for (std::size_t i = 0; i < renamed.size() && i < m_scenario.projects.size() && i < m_curves.size(); ++i)
        renamed[i] = scenario.projects[i].name != m_scenario.projects[i].name;
    m_scenario = scenario;
    m_result = result;
    const std::size_t n = scenario.projects.size();
    ensureProjectCount(n);
    rebuildStages();

    QVector<double> ts, dx, dy;
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
        QString subtitle = QStringLiteral("%1 · budget %2 units · objective %3")
                               .arg(QString::fromStdString(scenario.name), QString::number(allocation.totalEffort),
                                    formatNumber(allocation.objective));
        if (n > kMaxLegendProjects)
            subtitle += QStringLiteral(" · legend: first %1 of %2 projects").arg(kMaxLegendProjects).arg(n);
        m_subtitle->setText(subtitle);
    } else {
        for (QCPItemText *label : m_dotLabels)
            label->setVisible(false);
        m_subtitle->setText(QStringLiteral("%1 · budget %2 units · no allocation: %3")
                                .arg(QString::fromStdString(scenario.name), QString::number(scenario.totalEffort),
                                     QString::fromStdString(result.error)));
    }
    m_dots->setData(ts, dx, dy, true);
    m_dots->setVisible(!dx.isEmpty());
    if (m_autoRange)
        fitRanges();

    // Every curve family rises with effort, so each curve is sampled from where it enters the visible
    // accuracy range (found by bisection) to the right edge: nothing is drawn below the axis even
    // where clipping is not available (SVG), and the log curve's −∞ at 0 never reaches the plot.
    const double xMax = std::max(autoEffortRange(), m_plot->xAxis->range().upper);
    const double yLow = m_plot->yAxis->range().lower;
    // About one sample per 3 px of plot width (denser where the curves bend), at most kSamples, and
    // half as many when there are many curves (drawn thin): stroking the segments is most of a replot.
    const int byWidth = std::clamp(m_plot->axisRect()->width() / 3, 80, kSamples);
    const int samples = n > kThinCurvesAbove ? byWidth / 2 : byWidth;
    QVector<double> xs(samples), ys(samples);
    for (std::size_t i = 0; i < n; ++i) {
        const Project &project = scenario.projects[i];
        QCPGraph *graph = m_curves[i];
        if (renamed[i])
            graph->setName(QString::fromStdString(project.name));
        graph->setPen(QPen(m_theme.projectColor(i, project.color), n > kThinCurvesAbove ? 1.0 : m_theme.curveWidth));
        double start = xMax * 1e-6;
        if (!(project.curve.value(start) >= yLow)) {
            double below = start;
            double above = xMax;
            if (project.curve.value(above) >= yLow) {
                for (int step = 0; step < 60; ++step) {
                    const double middle = 0.5 * (below + above);
                    (project.curve.value(middle) >= yLow ? above : below) = middle;
                }
                start = above;
            }
        }
        // Denser near the start, where curves bend most.
        for (int k = 0; k < samples; ++k) {
            const double t = static_cast<double>(k) / (samples - 1);
            xs[k] = start + (xMax - start) * t * t;
            const double y = project.curve.value(xs[k]);
            ys[k] = std::isfinite(y) ? y : std::numeric_limits<double>::quiet_NaN();
        }
        graph->setData(xs, ys, true);
    }
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
    m_plot->xAxis->setRange(0, xMax);
    // Extra room at the top for the effort labels above the highest dots.
    m_plot->yAxis->setRange(lo - span * 0.08, hi + span * 0.14);
}

void Chart::setAutoRange(bool on)
{
    m_autoRange = on;
}

void Chart::resetView()
{
    m_autoRange = true;
    update(m_scenario, m_result);
}

bool Chart::fitToWidth()
{
    const double width = m_plot->viewport().width();
    bool changed = false;
    // Titles shrink (down to 8 pt) rather than being cut off on a narrow window or a small export.
    auto fit = [&](QCPTextElement *element, int preferred) {
        QFont probe = element->font();
        int size = preferred;
        probe.setPointSize(size);
        while (size > 8 && QFontMetricsF(probe).horizontalAdvance(element->text()) > width - 24) {
            --size;
            probe.setPointSize(size);
        }
        if (element->font().pointSize() != size) {
            element->setFont(probe);
            changed = true;
        }
    };
    fit(m_title, m_theme.titlePointSize);
    fit(m_subtitle, m_theme.basePointSize);

    // As many legend columns (at most three) as fit side by side; when even two do not fit, two
    // columns with long project names shortened (…) rather than one tall column.
    const QFontMetricsF metrics(m_legend->font());
    const double overhead = m_legend->iconSize().width() + m_legend->iconTextPadding() + 12;
    const double spacing = m_legend->columnSpacing();
    const double room = width - m_legend->margins().left() - m_legend->margins().right();
    double widest = metrics.horizontalAdvance(m_dots->name());
    for (const Project &project : m_scenario.projects)
        widest = std::max(widest, metrics.horizontalAdvance(QString::fromStdString(project.name)));
    int columns = std::clamp(static_cast<int>((room + spacing) / (widest + overhead + spacing)), 1, 3);
    double textRoom = widest + 1;
    if (columns == 1 && room >= 2 * (overhead + 120) + spacing) {
        columns = 2;
        textRoom = (room - spacing) / 2 - overhead;
    }
    for (std::size_t i = 0; i < m_curves.size() && i < m_scenario.projects.size(); ++i) {
        const QString full = QString::fromStdString(m_scenario.projects[i].name);
        const QString shown = metrics.elidedText(full, Qt::ElideRight, static_cast<int>(textRoom));
        if (m_curves[i]->name() != shown) {
            m_curves[i]->setName(shown);
            changed = true;
        }
    }
    if (m_legend->wrap() != columns) {
        m_legend->setWrap(columns);
        m_legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
        changed = true;
    }
    return changed;
}

void Chart::placeLabels()
{
    const QRectF area = m_plot->axisRect()->rect();
    std::vector<QRectF> taken; // what an effort label must not cover: dots, stage names, other labels

    // Stage names: just right of each stage's start, reading downwards from the top; hidden when the
    // band on screen is too narrow to hold the text or starts outside the visible range.
    for (std::size_t i = 0; i < m_stageLabels.size(); ++i) {
        QCPItemText *label = m_stageLabels[i];
        const double from = static_cast<double>(m_shownStages[i].from);
        const double to = i + 1 < m_shownStages.size() ? static_cast<double>(m_shownStages[i + 1].from)
                                                       : m_plot->xAxis->range().upper;
        const double left = std::max(m_plot->xAxis->coordToPixel(from), area.left());
        const double right = std::min(m_plot->xAxis->coordToPixel(to), area.right());
        const QFontMetricsF metrics(label->font());
        const double thickness = metrics.height() + 4;
        const bool visible = right - left >= thickness + 2;
        label->setVisible(visible);
        label->position->setCoords(left + 3, area.top() + 6);
        if (visible)
            taken.emplace_back(left + 3, area.top() + 6, thickness, metrics.horizontalAdvance(label->text()) + 4);
    }

    struct Dot {
        std::size_t index;
        QPointF pixel;
    };
    std::vector<Dot> dots;
    const double radius = m_theme.dotSize / 2;
    for (auto it = m_dots->data()->constBegin(); it != m_dots->data()->constEnd(); ++it) {
        const auto index = static_cast<std::size_t>(it->t);
        if (index >= m_dotLabels.size())
            continue;
        const QPointF pixel(m_plot->xAxis->coordToPixel(it->key), m_plot->yAxis->coordToPixel(it->value));
        dots.push_back({index, pixel});
        taken.emplace_back(pixel.x() - radius - 1, pixel.y() - radius - 1, 2 * radius + 2, 2 * radius + 2);
    }

    if (m_curves.size() > kMaxLabelledDots)
        return; // labels hidden: too many to place without covering each other

    // Effort labels: above the dot when free, otherwise the first free place around it (right, left,
    // the diagonals, below, then further up), so crowded dots keep readable, unambiguous labels.
    const QFontMetricsF metrics(m_dotLabels.empty() ? m_plot->font() : m_dotLabels.front()->font());
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
    const double gain = p.curve.weightedGain(p.weight, effort);
    return QStringLiteral("<b>%1</b><br>Effort: %2 units<br>Accuracy: %3<br>Weighted marginal gain: %4<br>Stage: %5")
        .arg(QString::fromStdString(p.name).toHtmlEscaped(), QString::number(effort), formatNumber(accuracy),
             formatNumber(gain), QString::fromStdString(m_scenario.stageNameFor(effort)).toHtmlEscaped());
}

QString Chart::toolTipAt(const QPointF &pos) const
{
    const double reach = std::max(8.0, m_theme.dotSize);
    if (m_dots->visible()) {
        for (auto it = m_dots->data()->constBegin(); it != m_dots->data()->constEnd(); ++it) {
            const QPointF dot(m_plot->xAxis->coordToPixel(it->key), m_plot->yAxis->coordToPixel(it->value));
            if (QLineF(dot, pos).length() <= reach) {
                const auto index = static_cast<std::size_t>(it->t);
                return QStringLiteral("<i>Optimal allocation</i><br>")
                    + describe(index, static_cast<Effort>(std::llround(it->key)));
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
    const double x = m_plot->xAxis->pixelToCoord(pos.x());
    return describe(found, static_cast<Effort>(std::max(0.0, std::round(x))));
}

} // namespace ef
