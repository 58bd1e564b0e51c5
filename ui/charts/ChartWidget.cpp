// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "charts/ChartWidget.h"

#include "charts/Chart.h"
#include "charts/DotDrag.h"
#include "document/Document.h"

namespace ef {

ChartWidget::ChartWidget(Document *document, QWidget *parent)
    : PlotWidget(parent), m_document(document), m_chart(new Chart(this)), m_dotDrag(new DotDrag(this, document))
{
    setFrame(m_chart);
    setMinimumSize(320, 240);
    connect(m_document, &Document::changed, this, &ChartWidget::refresh);
    connect(m_document, &Document::replaced, this, [this] { m_chart->setAutoRange(true); });
    refresh();
}

void ChartWidget::setTheme(const Theme &theme)
{
    m_chart->setTheme(theme);
    replot(QCustomPlot::rpQueuedReplot);
}

void ChartWidget::refresh()
{
    const Scenario &scenario = m_document->scenario();
    if (scenario.totalEffort != m_shownTotal) {
        // A new total moves every dot: a stray zoom would hide them.
        m_chart->setAutoRange(true);
        m_shownTotal = scenario.totalEffort;
    }
    m_chart->setBaseline(m_document->baseline());
    m_chart->setUncertainty(m_document->monteCarlo());
    m_chart->update(scenario, m_document->result(), m_document->isUpdating());
    replot(QCustomPlot::rpQueuedReplot);
}

} // namespace ef
