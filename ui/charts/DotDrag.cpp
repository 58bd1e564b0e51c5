// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "charts/DotDrag.h"

#include "charts/Chart.h"
#include "charts/ChartWidget.h"
#include "document/Document.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QLineF>
#include <QMenu>
#include <QMouseEvent>

#include <algorithm>
#include <cmath>

namespace ef {

namespace {

/// The merge key of a drag's edits: all of one drag merge into one undo step.
constexpr int kDragMergeKey = 0x0D07;

QString projectName(const Document *document, std::size_t index)
{
    return QString::fromStdString(document->scenario().projects.at(index).name);
}

} // namespace

DotDrag::DotDrag(ChartWidget *widget, Document *document) : QObject(widget), m_widget(widget), m_document(document)
{
    widget->installEventFilter(this);
    // A file reload or a preset mid-drag: the drag's edits belong to the scenario that is gone.
    connect(document, &Document::replaced, this, [this] {
        if (isDragging())
            stop();
    });
}

int DotDrag::dotAt(const QPointF &pos) const
{
    const Chart *chart = m_widget->chart();
    const QCPCurve *dots = chart->dots();
    if (!dots->visible())
        return -1;
    const QCustomPlot *plot = chart->plot();
    double best = kHitRadius;
    int found = -1;
    for (auto it = dots->data()->constBegin(); it != dots->data()->constEnd(); ++it) {
        const QPointF dot(plot->xAxis->coordToPixel(it->key), plot->yAxis->coordToPixel(it->value));
        const double distance = QLineF(dot, pos).length();
        if (distance <= best) {
            best = distance;
            found = static_cast<int>(it->t);
        }
    }
    if (found >= static_cast<int>(m_document->scenario().projects.size()))
        return -1;
    return found;
}

bool DotDrag::isLocked(std::size_t index) const
{
    return m_document->isLocked(index);
}

std::optional<std::pair<Effort, Effort>> DotDrag::effortRange(std::size_t index) const
{
    const Scenario &scenario = m_document->scenario();
    const Project &project = scenario.projects.at(index);
    // Its own bounds as they were when the drag began (the drag itself locks it as it goes).
    const bool dragged = static_cast<int>(index) == m_project;
    const Effort ownMin = dragged ? m_startMin : project.minEffort;
    const std::optional<Effort> ownMax = dragged ? m_startMax : project.maxEffort;
    Effort lo = 0;
    Effort hi = scenario.totalEffort;
    if (!(ownMax && *ownMax == ownMin)) { // a lock is what the drag replaces; other bounds hold
        lo = ownMin;
        if (ownMax)
            hi = std::min(hi, *ownMax);
    }
    Effort othersMin = 0;
    Effort othersMax = 0;
    bool othersCapped = true;
    for (std::size_t j = 0; j < scenario.projects.size(); ++j) {
        if (j == index)
            continue;
        const Project &p = scenario.projects[j];
        othersMin += p.minEffort;
        if (p.maxEffort)
            othersMax += *p.maxEffort;
        else
            othersCapped = false;
    }
    hi = std::min(hi, scenario.totalEffort - othersMin);
    if (othersCapped)
        lo = std::max(lo, scenario.totalEffort - othersMax);
    if (lo > hi)
        return std::nullopt;
    return std::make_pair(lo, hi);
}

Effort DotDrag::effortAt(std::size_t index, double x) const
{
    const auto range = effortRange(index);
    if (!range)
        return m_document->scenario().projects.at(index).minEffort;
    const double coord = m_widget->chart()->plot()->xAxis->pixelToCoord(x);
    const double clamped = std::clamp(std::isfinite(coord) ? coord : 0.0, static_cast<double>(range->first),
                                      static_cast<double>(range->second));
    return static_cast<Effort>(std::llround(clamped));
}

void DotDrag::lockAt(std::size_t index, Effort effort)
{
    m_document->lockEffort(index, effort, tr("Lock effort of %1").arg(projectName(m_document, index)));
}

bool DotDrag::releaseLock(std::size_t index)
{
    if (index >= m_document->scenario().projects.size() || !isLocked(index))
        return false;
    return m_document->unlockEffort(index, tr("Unlock effort of %1").arg(projectName(m_document, index)));
}

QMenu *DotDrag::menuFor(std::size_t index)
{
    auto *menu = new QMenu(m_widget);
    const Scenario &scenario = m_document->scenario();
    const AllocationResult &result = m_document->result();
    if (index >= scenario.projects.size())
        return menu;
    const QString name = projectName(m_document, index);
    if (!isLocked(index) && result.ok() && index < result.allocation->projects.size()) {
        const Effort effort = result.allocation->projects[index].effort;
        QAction *lock = menu->addAction(tr("&Lock %1 at %2 units").arg(name).arg(effort));
        connect(lock, &QAction::triggered, this, [this, index, effort] { lockAt(index, effort); });
    }
    QAction *release = menu->addAction(tr("&Release lock of %1").arg(name));
    release->setEnabled(isLocked(index));
    connect(release, &QAction::triggered, this, [this, index] { releaseLock(index); });
    QAction *edit = menu->addAction(tr("&Type an effort…"));
    edit->setStatusTip(tr("Select the project in the editor, where “Lock at” takes a typed effort"));
    connect(edit, &QAction::triggered, this, [this, index] { emit projectPicked(static_cast<int>(index)); });
    return menu;
}

bool DotDrag::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_widget)
        return QObject::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::MouseButtonPress:
        return press(static_cast<QMouseEvent *>(event));
    case QEvent::MouseMove: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (!isDragging()) {
            if (mouse->buttons() == Qt::NoButton)
                updateHoverCursor(mouse->position());
            return false;
        }
        move(mouse->position());
        return true;
    }
    case QEvent::MouseButtonRelease:
        if (!isDragging())
            return false;
        if (static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton)
            finish();
        return true;
    case QEvent::MouseButtonDblClick: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton)
            return false;
        const int index = dotAt(mouse->position());
        if (index < 0)
            return false;
        if (isDragging())
            stop();
        releaseLock(static_cast<std::size_t>(index));
        return true; // never a zoom or a pan from a double-click on a dot
    }
    case QEvent::KeyPress:
        if (isDragging() && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
            cancel();
            return true;
        }
        return false;
    case QEvent::ShortcutOverride:
        // Esc during a drag is the drag's, not a shortcut's.
        if (isDragging() && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
            event->accept();
            return true;
        }
        return false;
    case QEvent::Wheel:
    case QEvent::ToolTip:
        return isDragging(); // no zoom, no tooltip under a dot being dragged
    case QEvent::ContextMenu: {
        if (isDragging())
            return true;
        auto *menuEvent = static_cast<QContextMenuEvent *>(event);
        const int index = dotAt(menuEvent->pos());
        if (index < 0)
            return false;
        QMenu *menu = menuFor(static_cast<std::size_t>(index));
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(menuEvent->globalPos());
        return true;
    }
    case QEvent::Hide:
        // The chart went away mid-drag: keep what was reached.
        if (isDragging())
            finish();
        return false;
    default:
        return false;
    }
}

bool DotDrag::press(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || isDragging())
        return isDragging();
    const int index = dotAt(event->position());
    if (index < 0)
        return false; // the plot's own pan starts as before
    emit projectPicked(index);
    const Project &p = m_document->scenario().projects.at(static_cast<std::size_t>(index));
    m_project = index;
    m_moved = false;
    m_pressPos = event->position().toPoint();
    m_startMin = p.minEffort;
    m_startMax = p.maxEffort;
    // The axes hold still under the mouse for the whole drag.
    m_wasAutoRange = m_widget->chart()->autoRange();
    m_widget->chart()->setAutoRange(false);
    m_document->beginGesture();
    m_widget->setCursor(Qt::ClosedHandCursor);
    m_widget->setFocus(Qt::MouseFocusReason); // Esc reaches the drag
    return true;
}

void DotDrag::move(const QPointF &pos)
{
    if (!m_moved && (pos.toPoint() - m_pressPos).manhattanLength() < QApplication::startDragDistance())
        return;
    m_moved = true;
    const auto index = static_cast<std::size_t>(m_project);
    const Effort effort = effortAt(index, pos.x());
    const Project &p = m_document->scenario().projects.at(index);
    if (p.minEffort == effort && p.maxEffort == std::optional<Effort>(effort))
        return;
    m_document->edit(
        tr("Drag effort of %1").arg(projectName(m_document, index)),
        [index, effort](Scenario &s) {
            Project &project = s.projects.at(index);
            project.minEffort = effort;
            project.maxEffort = effort;
        },
        kDragMergeKey);
}

void DotDrag::finish()
{
    stop();
}

void DotDrag::cancel()
{
    const auto index = static_cast<std::size_t>(m_project);
    const Effort startMin = m_startMin;
    const std::optional<Effort> startMax = m_startMax;
    // The bounds as they were, merged into the drag's step: a step that changes nothing is dropped.
    if (m_moved && index < m_document->scenario().projects.size())
        m_document->edit(
            tr("Drag effort of %1").arg(projectName(m_document, index)),
            [index, startMin, startMax](Scenario &s) {
                Project &project = s.projects.at(index);
                project.minEffort = startMin;
                project.maxEffort = startMax;
            },
            kDragMergeKey);
    stop();
}

void DotDrag::stop()
{
    m_document->endGesture();
    m_project = -1;
    m_moved = false;
    m_widget->unsetCursor();
    m_hoverCursor = false;
    if (m_wasAutoRange)
        m_widget->resetView();
}

void DotDrag::updateHoverCursor(const QPointF &pos)
{
    // An open hand over a dot says it can be picked up; elsewhere the plot's own cursor.
    const bool over = dotAt(pos) >= 0;
    if (over == m_hoverCursor)
        return;
    m_hoverCursor = over;
    if (over)
        m_widget->setCursor(Qt::OpenHandCursor);
    else
        m_widget->unsetCursor();
}

} // namespace ef
