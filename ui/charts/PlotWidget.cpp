// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "charts/PlotWidget.h"

#include "charts/ChartFrame.h"

#include <QHelpEvent>
#include <QToolTip>

namespace ef {

PlotWidget::PlotWidget(QWidget *parent) : QCustomPlot(parent)
{
    setMouseTracking(true);
    // Profiled: stroking the wide antialiased curves with joins was a third of a replot; on screen
    // they are drawn as separate segments (square caps hide the joins). Exports keep the joins.
    setPlottingHint(QCP::phFastPolylines, true);
    // The plot paints every pixel: nothing behind it needs repainting first.
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void PlotWidget::setFrame(ChartFrame *frame)
{
    m_frame = frame;
    m_frame->setOnScreen(true);
}

void PlotWidget::resetView()
{
    if (m_frame)
        m_frame->resetView();
    replot(QCustomPlot::rpQueuedReplot);
}

bool PlotWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_frame) {
        auto *help = static_cast<QHelpEvent *>(event);
        QString text = m_frame->toolTipAt(help->pos());
        if (text.isEmpty()) // an elided subtitle shows all of itself
            text = m_frame->subtitleToolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QCustomPlot::event(event);
}

void PlotWidget::wheelEvent(QWheelEvent *event)
{
    if (m_frame && interactions().testFlag(QCP::iRangeZoom))
        m_frame->setAutoRange(false);
    QCustomPlot::wheelEvent(event);
}

void PlotWidget::mousePressEvent(QMouseEvent *event)
{
    if (m_frame && event->button() == Qt::LeftButton && interactions().testFlag(QCP::iRangeDrag))
        m_frame->setAutoRange(false);
    QCustomPlot::mousePressEvent(event);
}

} // namespace ef
