// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "present/PresenterWindow.h"

#include "ScenarioFile.h"
#include "charts/Chart.h"
#include "charts/GrowthChart.h"
#include "charts/PlotWidget.h"
#include "document/AllocationService.h"
#include "document/NumberFormat.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QVBoxLayout>
#include <QVariantAnimation>

#include <algorithm>

namespace ef {

/// The presenter's plots: a view, not zoomable (a stray wheel turn must not lose the dots).
template<typename View> class PresenterPlotOf : public PlotWidget
{
public:
    explicit PresenterPlotOf(QWidget *parent) : PlotWidget(parent), m_view(new View(this))
    {
        setFrame(m_view);
        setInteractions({});
        setFocusPolicy(Qt::NoFocus);
    }
    [[nodiscard]] View *view() const { return m_view; }

private:
    View *m_view;
};

class PresenterPlot : public PresenterPlotOf<Chart>
{
public:
    using PresenterPlotOf::PresenterPlotOf;
    [[nodiscard]] Chart *chart() const { return view(); }
};

class PresenterGrowthPlot : public PresenterPlotOf<GrowthChart>
{
public:
    using PresenterPlotOf::PresenterPlotOf;
};

PresenterWindow::PresenterWindow(std::vector<Scene> scenes, const Theme &theme, QWidget *parent)
    : QWidget(parent, Qt::Window), m_scenes(std::move(scenes)), m_theme(theme), m_plot(new PresenterPlot(this)),
      m_growth(new PresenterGrowthPlot(this)), m_caption(new QLabel(this)), m_footer(new QLabel(this)),
      m_service(new AllocationService(this)), m_travel(new QVariantAnimation(this))
{
    setWindowTitle(tr("Effort Frontier — presenting"));
    setAttribute(Qt::WA_DeleteOnClose);
    setFocusPolicy(Qt::StrongFocus);

    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, m_theme.background);
    palette.setColor(QPalette::WindowText, m_theme.foreground);
    setPalette(palette);
    setAutoFillBackground(true);

    m_caption->setWordWrap(true);
    m_caption->setAlignment(Qt::AlignCenter);
    m_footer->setAlignment(Qt::AlignCenter);
    QPalette faint = palette;
    QColor muted = m_theme.foreground;
    muted.setAlphaF(0.6f);
    faint.setColor(QPalette::WindowText, muted);
    m_footer->setPalette(faint);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 8, 16, 8);
    layout->setSpacing(4);
    auto *plots = new QHBoxLayout;
    plots->setSpacing(8);
    plots->addWidget(m_plot, 3);
    plots->addWidget(m_growth, 2);
    m_growth->hide();
    layout->addLayout(plots, 1);
    layout->addWidget(m_caption);
    layout->addWidget(m_footer);

    m_plot->chart()->setTheme(m_theme);
    m_growth->view()->setTheme(m_theme);
    m_travel->setDuration(kTravelMs);
    m_travel->setStartValue(0.0);
    m_travel->setEndValue(1.0);
    connect(m_travel, &QVariantAnimation::valueChanged, this,
            [this](const QVariant &value) { showFrame(easeInOut(value.toDouble())); });
    connect(m_service, &AllocationService::allocationReady, this, &PresenterWindow::splitReady);
    connect(m_service, &AllocationService::growthReady, this, [this](quint64 generation, const GrowthPath &path) {
        if (generation < m_growthGeneration)
            return;
        m_growth->view()->update(m_target, path);
        m_growth->replot(QCustomPlot::rpQueuedReplot);
    });

    if (!m_scenes.empty())
        showScene(0);
}

PresenterWindow::~PresenterWindow() = default;

bool PresenterWindow::isTravelling() const
{
    return m_travel->state() == QAbstractAnimation::Running;
}

Chart *PresenterWindow::chart() const
{
    return m_plot->chart();
}

QString PresenterWindow::captionText() const
{
    return m_caption->text();
}

double PresenterWindow::chartScale() const
{
    // About 1.5 at 1280×720 and 2.25 at 1920×1080: tick labels near 22 and 33 px, readable at the back.
    const double byWidth = width() / 850.0;
    const double byHeight = height() / 480.0;
    return std::clamp(std::min(byWidth, byHeight), 1.0, 4.0);
}

void PresenterWindow::showScene(std::size_t index)
{
    if (m_scenes.empty())
        return;
    m_index = std::min(index, m_scenes.size() - 1);
    setTarget(m_scenes[m_index].scenario);
    updateCaption();
}

void PresenterWindow::nextScene()
{
    if (m_index + 1 < m_scenes.size())
        showScene(m_index + 1);
}

void PresenterWindow::previousScene()
{
    if (m_index > 0)
        showScene(m_index - 1);
}

void PresenterWindow::nudgeTotal(bool up)
{
    Scenario next = m_target;
    next.totalEffort = std::min(nudgedTotal(next.totalEffort, up), limits::kMaxTotalEffort);
    if (next.totalEffort == m_target.totalEffort)
        return;
    setTarget(std::move(next));
    updateCaption();
}

void PresenterWindow::setTarget(Scenario scenario)
{
    m_target = std::move(scenario);
    m_targetSplit = {};
    // Off the UI thread when it may be slow; a newer target supersedes this one and its answer is dropped.
    m_generation = m_service->requestAllocation(m_target);
    requestGrowth();
}

void PresenterWindow::requestGrowth()
{
    if (m_growth->isHidden())
        return;
    // The path of the target (not of the states in between): the lines settle once, where the dots go.
    m_growthGeneration = m_service->requestGrowth(m_target);
}

void PresenterWindow::setWeighted(bool on)
{
    Chart *chart = m_plot->chart();
    if (chart->weighted() == on)
        return;
    chart->setWeighted(on); // redraws what is shown, and is kept for every later scene and travel
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool PresenterWindow::isWeighted() const
{
    return m_plot->chart()->weighted();
}

bool PresenterWindow::isGrowthShown() const
{
    return !m_growth->isHidden();
}

GrowthChart *PresenterWindow::growthChart() const
{
    return m_growth->view();
}

void PresenterWindow::setGrowthShown(bool shown)
{
    if (shown == isGrowthShown())
        return;
    m_growth->setVisible(shown);
    if (shown)
        requestGrowth();
    else
        m_service->cancelGrowth();
    updateCaption();
}

void PresenterWindow::splitReady(quint64 generation, const AllocationResult &result)
{
    // A cheap split arrives before requestAllocation() has returned its generation; the service never
    // delivers a superseded one, so only an older generation is dropped.
    if (generation < m_generation)
        return;
    m_targetSplit = result;
    // Travel from what is on screen now (possibly a state part way through the last travel).
    m_from = m_shown;
    m_fromSplit = m_shownSplit;
    m_travel->stop();
    if (canTween(m_from, m_target) && m_fromSplit.ok() && m_targetSplit.ok()) {
        m_travel->start();
    } else {
        showFrame(1.0);
    }
}

void PresenterWindow::showFrame(double t)
{
    TweenFrame frame = tween(m_from, m_fromSplit, m_target, m_targetSplit, t);
    m_shown = std::move(frame.scenario);
    m_shownSplit = std::move(frame.result);
    Chart *chart = m_plot->chart();
    chart->setAutoRange(true);
    const bool spreadApplies = m_uncertainty && m_shown.totalEffort == m_uncertainState.totalEffort
        && m_shown.projects == m_uncertainState.projects;
    chart->setUncertainty(spreadApplies ? &*m_uncertainty : nullptr);
    chart->update(m_shown, m_shownSplit);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PresenterWindow::setUncertainty(const Scenario &state, const MonteCarloResult &result)
{
    m_uncertainState = state;
    m_uncertainty = result;
    if (m_travel->state() != QAbstractAnimation::Running && m_shownSplit.ok())
        showFrame(1.0);
}

void PresenterWindow::updateCaption()
{
    if (m_scenes.empty())
        return;
    const Scene &scene = m_scenes[m_index];
    QString caption = QStringLiteral("<b>%1</b> — %2").arg(scene.title.toHtmlEscaped(), scene.caption.toHtmlEscaped());
    if (m_target.totalEffort != scene.scenario.totalEffort && !m_target.projects.empty())
        caption += tr(" <i>Budget moved to %1 units.</i>").arg(format::units(m_target.totalEffort));
    m_caption->setText(caption);
    m_footer->setText(tr("Scene %1 of %2 · ← → scenes · ↑ ↓ budget · G growth view · Esc leaves")
                          .arg(m_index + 1)
                          .arg(m_scenes.size()));
}

void PresenterWindow::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_PageDown:
    case Qt::Key_Space:
    case Qt::Key_N:
        nextScene();
        break;
    case Qt::Key_Left:
    case Qt::Key_PageUp:
    case Qt::Key_Backspace:
    case Qt::Key_P:
        previousScene();
        break;
    case Qt::Key_Home:
        showScene(0);
        break;
    case Qt::Key_End:
        showScene(m_scenes.empty() ? 0 : m_scenes.size() - 1);
        break;
    case Qt::Key_Up:
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        nudgeTotal(true);
        break;
    case Qt::Key_Down:
    case Qt::Key_Minus:
        nudgeTotal(false);
        break;
    case Qt::Key_G:
        setGrowthShown(!isGrowthShown());
        break;
    case Qt::Key_Escape:
    case Qt::Key_F11:
        close();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void PresenterWindow::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const double scale = chartScale();
    Chart *chart = m_plot->chart();
    if (chart->scale() != scale) {
        chart->setScale(scale);
        chart->setTheme(m_theme);                // fonts and pens again, at the new scale
        m_growth->view()->setScale(scale * 0.8); // the narrower panel: its titles would wrap to three lines
        m_growth->view()->setTheme(m_theme);
        m_growth->replot(QCustomPlot::rpQueuedReplot);
    }
    QFont captionFont = font();
    captionFont.setPointSizeF(m_theme.basePointSize * scale * 1.1);
    m_caption->setFont(captionFont);
    QFont footerFont = font();
    footerFont.setPointSizeF(m_theme.basePointSize * scale * 0.7);
    m_footer->setFont(footerFont);
    if (!m_shown.projects.empty())
        chart->update(m_shown, m_shownSplit);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace ef
