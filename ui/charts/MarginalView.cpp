// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "charts/MarginalView.h"

#include "charts/MarginalChart.h"
#include "document/Document.h"

#include <QShowEvent>

namespace ef {

MarginalView::MarginalView(Document *document, QWidget *parent)
    : PlotWidget(parent), m_document(document), m_chart(new MarginalChart(this))
{
    setFrame(m_chart);
    setMinimumSize(280, 220);
    setInteractions(QCP::Interactions());
    connect(m_document, &Document::changed, this, &MarginalView::refresh); // the scenario or its split
}

void MarginalView::setTheme(const Theme &theme)
{
    m_chart->setTheme(theme);
    replot(QCustomPlot::rpQueuedReplot);
}

void MarginalView::showEvent(QShowEvent *event)
{
    PlotWidget::showEvent(event);
    refresh();
}

void MarginalView::refresh()
{
    if (!isVisible())
        return;
    m_chart->update(m_document->scenario(), m_document->result());
    replot(QCustomPlot::rpQueuedReplot);
}

} // namespace ef
