// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "charts/ChartFrame.h"

#include "document/NumberFormat.h"

#include <qcustomplot.h>

#include <QFontMetricsF>

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace ef {

namespace {

/// The smallest point size a title is shrunk to before it is cut.
constexpr int kMinTitlePointSize = 8;
/// A subtitle shrinks to no less than this share of its normal size, nor below kMinSubtitlePointSize.
constexpr double kMinSubtitleShare = 0.75;
constexpr double kMinSubtitlePointSize = 7;
/// At most this many lines of subtitle; the rest is elided (the full text is the tooltip).
constexpr int kMaxSubtitleLines = 2;

/// `words` wrapped at spaces so that no line is wider than `target` (a word wider than it takes a line).
QStringList wrapWords(const QStringList &words, const QFontMetricsF &metrics, double target)
{
    QStringList out;
    QString line;
    for (const QString &word : words) {
        const QString candidate = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
        if (!line.isEmpty() && metrics.horizontalAdvance(candidate) > target) {
            out << line;
            line = word;
        } else {
            line = candidate;
        }
    }
    out << line;
    return out;
}

/// Ticks for an axis of whole units: labels with thousands separators ("1,000,000"), never fractions
/// of a unit, and as many as fit side by side (set from the axis's length after each layout).
class EffortTicker : public QCPAxisTicker
{
protected:
    double getTickStep(const QCPRange &range) override { return std::max(1.0, QCPAxisTicker::getTickStep(range)); }
    QString getTickLabel(double tick, const QLocale &, QChar, int) override
    {
        return format::units(static_cast<Effort>(std::llround(tick)));
    }
};

/// How many ticks of `axis` fit without their labels running together.
int fittingTickCount(QCPAxis *axis)
{
    const QFontMetricsF metrics(axis->tickLabelFont());
    const double widest = std::max(metrics.horizontalAdvance(format::units(static_cast<Effort>(axis->range().upper))),
                                   metrics.horizontalAdvance(format::units(static_cast<Effort>(axis->range().lower))));
    const bool horizontal = axis->orientation() == Qt::Horizontal;
    const double label = horizontal ? widest + 2.5 * metrics.height() : 3 * metrics.height();
    const double length = horizontal ? axis->axisRect()->width() : axis->axisRect()->height();
    return std::clamp(static_cast<int>(length / label), 2, 8);
}

} // namespace

ChartFrame::ChartFrame(QCustomPlot *plot, const QString &title, StageAxis stageAxis)
    : QObject(plot), m_plot(plot), m_stageAxis(stageAxis), m_titleText(title)
{
    m_plot->setNoAntialiasingOnDrag(false);
    m_plot->setAntialiasedElements(QCP::aeAll);
    m_plot->setAutoAddPlottableToLegend(false);
    m_plot->legend->setVisible(false);

    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->insertRow(0);
    m_title = new QCPTextElement(m_plot, title);
    m_subtitle = new QCPTextElement(m_plot, QString());
    m_plot->plotLayout()->addElement(0, 0, m_title);
    m_plot->plotLayout()->addElement(1, 0, m_subtitle);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    m_plot->plotLayout()->setRowSpacing(2);
    m_plot->xAxis->grid()->setVisible(true);
    m_plot->yAxis->grid()->setVisible(true);

    connect(m_plot, &QCustomPlot::afterLayout, this, [this] {
        bool changed = fitTitles();
        changed = fitLayout() || changed;
        for (QCPAxis *axis : m_effortAxes) {
            const int count = fittingTickCount(axis);
            if (axis->ticker()->tickCount() != count) {
                axis->ticker()->setTickCount(count);
                changed = true;
            }
        }
        if (changed) {
            // The titles changed size: lay out once more with them.
            for (const auto phase :
                 {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins, QCPLayoutElement::upLayout})
                m_plot->plotLayout()->update(phase);
        }
        std::vector<QRectF> taken;
        placeStageLabels(taken);
        placeLabels(taken);
    });
}

void ChartFrame::antialiasFor(std::size_t lineCount)
{
    // Profiled: 500 antialiased hairlines were most of a 25 ms drag step; aliased ones take a fraction.
    const bool many = m_onScreen && lineCount > 100;
    QCP::AntialiasedElements wanted(QCP::aeAll);
    if (many)
        wanted &= ~QCP::AntialiasedElements(QCP::aePlottables);
    if (m_plot->antialiasedElements() != wanted)
        m_plot->setAntialiasedElements(wanted);
}

void ChartFrame::useEffortTicks(QCPAxis *axis)
{
    axis->setTicker(QSharedPointer<QCPAxisTicker>(new EffortTicker));
    m_effortAxes.push_back(axis);
}

QCPLegend *ChartFrame::legend()
{
    if (!m_legend) {
        m_legend = m_plot->legend;
        m_legend->setVisible(true);
        m_plot->plotLayout()->addElement(3, 0, m_legend);
        m_legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
        m_legend->setWrap(3);
        m_legend->setRowSpacing(2);
        m_plot->plotLayout()->setRowStretchFactor(3, 0.001);
        applyFrameTheme();
    }
    return m_legend;
}

QFont ChartFrame::font(int delta, bool bold, bool italic) const
{
    QFont f = m_plot->font();
    f.setPointSizeF(std::max(6.0, (m_theme.basePointSize + delta) * m_scale));
    f.setBold(bold);
    f.setItalic(italic);
    return f;
}

void ChartFrame::setTheme(const Theme &theme)
{
    m_theme = theme;
    applyFrameTheme();
    applyTheme();
    redraw();
}

void ChartFrame::setScale(double scale)
{
    m_scale = std::clamp(scale, 0.25, 8.0);
    setTheme(m_theme);
}

void ChartFrame::applyFrameTheme()
{
    const Theme &theme = m_theme;
    m_plot->setBackground(QBrush(theme.background));
    m_plot->axisRect()->setBackground(QBrush(theme.plotBackground));
    QFont titleFont = font(theme.titlePointSize - theme.basePointSize, true);
    m_title->setFont(titleFont);
    m_title->setTextColor(theme.foreground);
    m_subtitle->setFont(font());
    m_subtitle->setTextColor(theme.foreground);

    const QPen axisPen(theme.foreground, width(1.2));
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setBasePen(axisPen);
        axis->setTickPen(axisPen);
        axis->setSubTickPen(axisPen);
        axis->setTickLabelColor(theme.foreground);
        axis->setLabelColor(theme.foreground);
        axis->setTickLabelFont(font());
        axis->setLabelFont(font(0, true));
        axis->setTickLengthIn(static_cast<int>(std::lround(width(5))));
        axis->setSubTickLengthIn(static_cast<int>(std::lround(width(2))));
        axis->setLabelPadding(static_cast<int>(std::lround(width(5))));
        axis->setTickLabelPadding(static_cast<int>(std::lround(width(5))));
        axis->grid()->setPen(QPen(theme.grid, width(1), Qt::SolidLine));
        axis->grid()->setSubGridVisible(false);
        axis->grid()->setZeroLinePen(Qt::NoPen);
    }
    if (m_legend) {
        m_legend->setBrush(QBrush(theme.background));
        m_legend->setBorderPen(Qt::NoPen);
        m_legend->setTextColor(theme.foreground);
        m_legend->setFont(font());
        m_legend->setIconSize(static_cast<int>(std::lround(width(28))), static_cast<int>(std::lround(width(14))));
        m_legend->setMargins(QMargins(10, 4, 10, 4) * m_scale);
        m_legend->setColumnSpacing(static_cast<int>(std::lround(width(18))));
    }
    for (std::size_t i = 0; i < m_stageBands.size(); ++i) {
        m_stageBands[i]->setPen(Qt::NoPen);
        m_stageBands[i]->setBrush(i % 2 == 1 ? QBrush(theme.stageBand) : QBrush(Qt::NoBrush));
    }
    for (QCPItemStraightLine *line : m_stageLines)
        line->setPen(QPen(theme.stageLine, width(1), Qt::DashLine));
    for (QCPItemText *label : m_stageLabels) {
        label->setFont(font(-1, false, true));
        label->setColor(theme.foreground);
        label->setBrush(Qt::NoBrush);
    }
}

void ChartFrame::setSubtitle(const QString &text)
{
    m_subtitleText = text;
    m_subtitle->setText(text);
}

QString ChartFrame::shownTitle() const
{
    return m_title->text();
}

double ChartFrame::titleRoom() const
{
    return m_plot->viewport().width() - 24 * m_scale;
}

bool ChartFrame::fitTitles()
{
    const double room = titleRoom();
    bool changed = false;
    // The title shrinks rather than being cut off on a narrow window or a small export.
    QFont probe = font(m_theme.titlePointSize - m_theme.basePointSize, true);
    while (probe.pointSizeF() > kMinTitlePointSize && QFontMetricsF(probe).horizontalAdvance(m_titleText) > room)
        probe.setPointSizeF(probe.pointSizeF() - 1);
    if (m_title->font() != probe) {
        m_title->setFont(probe);
        changed = true;
    }
    // Still too wide at the smallest size (a narrow side panel): the title wraps at spaces instead of
    // being cut off at both ends.
    QString title = m_titleText;
    if (const QFontMetricsF titleMetrics(probe); titleMetrics.horizontalAdvance(m_titleText) > room) {
        QStringList lines;
        QString line;
        for (const QString &word : m_titleText.split(QLatin1Char(' '))) {
            const QString candidate = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
            if (!line.isEmpty() && titleMetrics.horizontalAdvance(candidate) > room) {
                lines << line;
                line = word;
            } else {
                line = candidate;
            }
        }
        lines << line;
        title = lines.join(QLatin1Char('\n'));
    }
    if (m_title->text() != title) {
        m_title->setText(title);
        changed = true;
    }
    changed = fitSubtitle(room) || changed;
    return changed;
}

bool ChartFrame::fitSubtitle(double room)
{
    // Like the title, the subtitle shrinks first (to three quarters of its size at most, so it stays
    // readable), then wraps onto two lines at spaces (balanced: broken near the middle unless that costs
    // a line), then the second line is elided; its tooltip then shows all of it.
    const QFont normal = font();
    const double smallest
        = std::min(normal.pointSizeF(), std::max(normal.pointSizeF() * kMinSubtitleShare, kMinSubtitlePointSize));
    QFont probe = normal;
    while (probe.pointSizeF() > smallest && QFontMetricsF(probe).horizontalAdvance(m_subtitleText) > room)
        probe.setPointSizeF(std::max(smallest, probe.pointSizeF() - 0.5));
    const QFontMetricsF metrics(probe);
    const double full = metrics.horizontalAdvance(m_subtitleText);
    QString shown = m_subtitleText;
    bool elided = false;
    if (full > room) {
        const QStringList words = m_subtitleText.split(QLatin1Char(' '));
        QStringList lines = wrapWords(words, metrics, std::min(room, full / kMaxSubtitleLines + 1));
        if (lines.size() > kMaxSubtitleLines)
            lines = wrapWords(words, metrics, room);
        if (lines.size() > kMaxSubtitleLines) {
            // Too long even for two full lines: the rest joins the last line, which is elided.
            const QStringList rest = lines.mid(kMaxSubtitleLines - 1);
            lines = lines.mid(0, kMaxSubtitleLines - 1);
            lines << rest.join(QLatin1Char(' '));
        }
        const int width = static_cast<int>(std::floor(std::max(1.0, room)));
        for (QString &line : lines) {
            const QString cut = metrics.elidedText(line, Qt::ElideRight, width);
            elided = elided || cut != line;
            line = cut;
        }
        shown = lines.join(QLatin1Char('\n'));
    }
    m_subtitleElided = elided;
    bool changed = false;
    if (m_subtitle->font() != probe) {
        m_subtitle->setFont(probe);
        changed = true;
    }
    if (m_subtitle->text() != shown) {
        m_subtitle->setText(shown);
        changed = true;
    }
    return changed;
}

QString ChartFrame::shownSubtitle() const
{
    return m_subtitle->text();
}

QFont ChartFrame::subtitleFont() const
{
    return m_subtitle->font();
}

QRectF ChartFrame::subtitleRect() const
{
    return QRectF(m_subtitle->outerRect());
}

QString ChartFrame::subtitleToolTipAt(const QPointF &pos) const
{
    if (!m_subtitleElided || !subtitleRect().contains(pos))
        return {};
    return m_subtitleText;
}

void ChartFrame::setStages(const std::vector<Stage> &stages)
{
    if (stages == m_stages && !m_stageLabels.empty())
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
    m_stages = stages;

    const bool onX = m_stageAxis == StageAxis::X;
    for (std::size_t i = 0; i < stages.size(); ++i) {
        const double from = static_cast<double>(stages[i].from);
        if (onX) {
            const double to = i + 1 < stages.size() ? static_cast<double>(stages[i + 1].from) : 1e12;
            auto *band = new QCPItemRect(m_plot);
            band->setLayer(QStringLiteral("background"));
            band->topLeft->setTypeX(QCPItemPosition::ptPlotCoords);
            band->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
            band->bottomRight->setTypeX(QCPItemPosition::ptPlotCoords);
            band->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
            band->topLeft->setCoords(from, 0);
            band->bottomRight->setCoords(to, 1);
            band->setSelectable(false);
            m_stageBands.push_back(band);
        }
        if (stages[i].from > 0) {
            auto *line = new QCPItemStraightLine(m_plot);
            line->setLayer(QStringLiteral("grid"));
            line->point1->setCoords(onX ? from : 0, onX ? 0 : from);
            line->point2->setCoords(onX ? from : 1, onX ? 1 : from);
            line->setSelectable(false);
            m_stageLines.push_back(line);
        }
        // Names sit on the grid layer, under every curve and dot: they never hide data.
        auto *label = new QCPItemText(m_plot);
        label->setLayer(QStringLiteral("grid"));
        label->setText(QString::fromStdString(stages[i].name));
        label->position->setType(QCPItemPosition::ptAbsolute);
        label->setPositionAlignment(Qt::AlignLeft | (onX ? Qt::AlignTop : Qt::AlignBottom));
        label->setPadding(QMargins(2, 0, 2, 0));
        label->setClipToAxisRect(true);
        label->setSelectable(false);
        m_stageLabels.push_back(label);
    }
    applyFrameTheme();
}

QStringList ChartFrame::shownStageNames() const
{
    QStringList names;
    for (const QCPItemText *label : m_stageLabels)
        names << (label->visible() ? label->text() : QString());
    return names;
}

void ChartFrame::placeStageLabels(std::vector<QRectF> &taken)
{
    const QRectF area = m_plot->axisRect()->rect();
    if (m_stageAxis == StageAxis::X) {
        // Along the top, horizontal, inside each stage's band: elided to the band's width, or the
        // stage's number when not even that fits. A name is never silently dropped while its band is
        // on screen.
        for (std::size_t i = 0; i < m_stageLabels.size(); ++i) {
            QCPItemText *label = m_stageLabels[i];
            const double from = static_cast<double>(m_stages[i].from);
            const double to
                = i + 1 < m_stages.size() ? static_cast<double>(m_stages[i + 1].from) : m_plot->xAxis->range().upper;
            const double left = std::max(m_plot->xAxis->coordToPixel(from), area.left());
            const double right = std::min(m_plot->xAxis->coordToPixel(to), area.right());
            const QFontMetricsF metrics(label->font());
            const QString full = QString::fromStdString(m_stages[i].name);
            const double room = right - left - 6 * m_scale;
            QString text = metrics.elidedText(full, Qt::ElideRight, static_cast<int>(room));
            if (text.size() < 4 && text != full)
                text = QString::number(i + 1); // "1", "2", …: the tooltip and the table name it
            const double textWidth = metrics.horizontalAdvance(text) + 4;
            const bool visible = right > left && textWidth <= right - left;
            label->setText(text);
            label->setVisible(visible);
            label->position->setCoords(left + 3 * m_scale, area.top() + 3 * m_scale);
            if (visible)
                taken.emplace_back(left + 3 * m_scale, area.top() + 3 * m_scale, textWidth, metrics.height());
        }
        return;
    }
    // Effort on y: at the left, just above each line; hidden when above the visible range or too
    // close to the name below it to be read.
    double lastTop = area.bottom() + 1e9;
    for (std::size_t i = 0; i < m_stageLabels.size(); ++i) {
        QCPItemText *label = m_stageLabels[i];
        const double y = m_plot->yAxis->coordToPixel(static_cast<double>(m_stages[i].from)) - 1;
        const QFontMetricsF metrics(label->font());
        const double height = metrics.height();
        const bool visible = y - height >= area.top() && y <= lastTop;
        label->setVisible(visible);
        label->position->setCoords(area.left() + 4 * m_scale, y);
        if (visible) {
            lastTop = y - height;
            taken.emplace_back(area.left() + 4 * m_scale, y - height, metrics.horizontalAdvance(label->text()) + 4,
                               height);
        }
    }
}

void ChartFrame::resetView()
{
    m_autoRange = true;
    redraw();
}

QString ChartFrame::toolTipAt(const QPointF &pos) const
{
    Q_UNUSED(pos);
    return {};
}

} // namespace ef
