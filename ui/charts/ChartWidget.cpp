// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "charts/ChartWidget.h"

#include "charts/Chart.h"
#include "document/Document.h"

#include <QHelpEvent>
#include <QToolTip>

namespace ef {

ChartWidget::ChartWidget(Document *document, QWidget *parent)
    : QCustomPlot(parent), m_document(document), m_chart(new Chart(this))
{
    setMinimumSize(480, 360);
    setMouseTracking(true);
    // Profiled: stroking the wide antialiased curves with joins was a third of a replot; on screen
    // they are drawn as separate segments (square caps hide the joins). Exports keep the joins.
    setPlottingHint(QCP::phFastPolylines, true);
    // The plot paints every pixel: nothing behind it needs repainting first.
    setAttribute(Qt::WA_OpaquePaintEvent);
    connect(m_document, &Document::changed, this, &ChartWidget::refresh);
    refresh();
}

void ChartWidget::setTheme(const Theme &theme)
{
    m_chart->setTheme(theme);
    replot(QCustomPlot::rpQueuedReplot);
}

void ChartWidget::resetView()
{
    m_chart->resetView();
    replot(QCustomPlot::rpQueuedReplot);
}

void ChartWidget::refresh()
{
    m_chart->update(m_document->scenario(), m_document->result());
    replot(QCustomPlot::rpQueuedReplot);
}

bool ChartWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = m_chart->toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QCustomPlot::event(event);
}

void ChartWidget::wheelEvent(QWheelEvent *event)
{
    m_chart->setAutoRange(false);
    QCustomPlot::wheelEvent(event);
}

void ChartWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        m_chart->setAutoRange(false);
    QCustomPlot::mousePressEvent(event);
}

} // namespace ef
