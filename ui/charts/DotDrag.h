// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Allocation.h"

#include <QObject>
#include <QPoint>
#include <QPointF>

#include <optional>
#include <utility>

class QMenu;
class QMouseEvent;

namespace ef {

class ChartWidget;
class Document;

/**
 * Forcing a dot by hand on the accuracy chart: press on a red dot and drag it along its curve. The
 * project's effort follows the mouse (whole units, within what its bounds and the others' allow) as a
 * lock (minimum = maximum), so the other projects re-allocate around it live, through the document's
 * usual allocation path. The whole drag is one undo step; Esc during it puts everything back. A
 * double-click on a locked dot, or its context menu, releases the lock.
 *
 * Watches the chart widget's events (an event filter): a press off a dot, the wheel and every other
 * event go on to the plot unchanged (pan, zoom, tooltips); during a drag the plot sees none of them.
 */
class DotDrag : public QObject
{
    Q_OBJECT

public:
    DotDrag(ChartWidget *widget, Document *document);

    /// How close (in pixels, from the dot's centre) a press must be to pick a dot up.
    static constexpr double kHitRadius = 10;

    /// The project whose red dot is nearest `pos` (widget pixels) within kHitRadius, or -1.
    [[nodiscard]] int dotAt(const QPointF &pos) const;
    /// True between the press on a dot and its release (or Esc).
    [[nodiscard]] bool isDragging() const { return m_project >= 0; }
    /// The project being dragged, or -1.
    [[nodiscard]] int draggedProject() const { return m_project; }
    /**
     * The efforts project `index` may be forced to: 0 … total, within its own minimum and maximum when
     * it is not locked (as they were when its drag began; a locked project may be moved anywhere), and
     * leaving the others at least their minimums and at most their maximums. std::nullopt when nothing
     * is feasible.
     */
    [[nodiscard]] std::optional<std::pair<Effort, Effort>> effortRange(std::size_t index) const;
    /// The effort project `index` gets with the mouse at the widget's x pixel `x` (rounded, clamped).
    [[nodiscard]] Effort effortAt(std::size_t index, double x) const;

    /// Locks project `index` at `effort` (one undo step).
    void lockAt(std::size_t index, Effort effort);
    /// Releases project `index`'s lock (minimum 0, no maximum; one undo step); false when it had none.
    bool releaseLock(std::size_t index);
    /// The context menu of project `index`'s dot (Lock here / Release lock), owned by the caller.
    [[nodiscard]] QMenu *menuFor(std::size_t index);

signals:
    /// A dot was pressed: its project (for the editor, whose "Lock at" box takes typed efforts).
    void projectPicked(int index);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    [[nodiscard]] bool isLocked(std::size_t index) const;
    bool press(QMouseEvent *event);
    void move(const QPointF &pos);
    void finish();
    void cancel();
    void stop();
    void updateHoverCursor(const QPointF &pos);

    ChartWidget *m_widget;
    Document *m_document;
    int m_project = -1;   ///< The dot being dragged; -1 when none.
    bool m_moved = false; ///< Past the drag distance: a click alone locks nothing.
    QPoint m_pressPos;
    Effort m_startMin = 0;
    std::optional<Effort> m_startMax;
    bool m_wasAutoRange = true;
    bool m_hoverCursor = false;
};

} // namespace ef
