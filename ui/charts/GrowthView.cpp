// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "charts/GrowthView.h"

#include "charts/GrowthChart.h"
#include "document/Document.h"

#include <QShowEvent>

namespace ef {

GrowthView::GrowthView(Document *document, QWidget *parent)
    : PlotWidget(parent), m_document(document), m_chart(new GrowthChart(this))
{
    setFrame(m_chart);
    setMinimumSize(280, 220);
    setInteractions(QCP::Interactions());
    connect(m_document, &Document::changed, this, &GrowthView::refresh);
    connect(m_document->service(), &AllocationService::growthReady, this,
            [this](quint64 generation, const GrowthPath &path) {
                if (generation != m_generation)
                    return;
                m_requested = false;
                m_path = path;
                m_chart->update(m_document->scenario(), m_path, false);
                replot(QCustomPlot::rpQueuedReplot);
            });
    // A coarse first path while an S-curve scenario's full one is computed: drawn, still marked updating.
    connect(m_document->service(), &AllocationService::growthProgress, this,
            [this](quint64 generation, const GrowthPath &path) {
                if (generation != m_generation || !m_requested)
                    return;
                m_path = path;
                m_chart->update(m_document->scenario(), m_path, true);
                replot(QCustomPlot::rpQueuedReplot);
            });
}

QString GrowthView::title()
{
    return GrowthChart::title();
}

void GrowthView::setTheme(const Theme &theme)
{
    m_chart->setTheme(theme);
    replot(QCustomPlot::rpQueuedReplot);
}

QCPGraph *GrowthView::line(std::size_t index) const
{
    return m_chart->line(index);
}

std::size_t GrowthView::lineCount() const
{
    return m_chart->lineCount();
}

QCPItemStraightLine *GrowthView::marker() const
{
    return m_chart->marker();
}

bool GrowthView::pathShown() const
{
    return m_chart->pathShown() && !m_requested;
}

QString GrowthView::subtitle() const
{
    return m_chart->subtitle();
}

void GrowthView::showEvent(QShowEvent *event)
{
    PlotWidget::showEvent(event);
    refresh();
}

void GrowthView::hideEvent(QHideEvent *event)
{
    PlotWidget::hideEvent(event);
    if (m_requested) {
        // Nobody will look at it: stop the work, and ask again when shown.
        m_document->service()->cancelGrowth();
        m_requested = false;
        m_pathTotal = -1;
    }
}

void GrowthView::refresh()
{
    if (!isVisible())
        return;
    const Scenario &scenario = m_document->scenario();
    if (m_pathTotal != scenario.totalEffort || m_pathProjects != scenario.projects || m_pathStages != scenario.stages) {
        // Until the new path arrives, the old one's stage entries may belong to other stages: none shown.
        if (m_pathStages != scenario.stages)
            m_path.stageEntries.clear();
        m_pathTotal = scenario.totalEffort;
        m_pathProjects = scenario.projects;
        m_pathStages = scenario.stages;
        m_requested = true;
        m_generation = m_document->service()->requestGrowth(scenario);
    }
    // The marker and the stages follow at once; the lines when the new path arrives. When neither the
    // total nor the stages moved (a drag of a curve's parameter), the view waits for the path instead
    // of repainting the same picture marked "updating" on every step.
    if (m_shownTotal == scenario.totalEffort && m_shownStages == scenario.stages && m_requested && m_chart->pathShown())
        return;
    m_shownTotal = scenario.totalEffort;
    m_shownStages = scenario.stages;
    m_chart->update(scenario, m_path, m_requested);
    replot(QCustomPlot::rpQueuedReplot);
}

} // namespace ef
