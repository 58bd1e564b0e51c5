// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include <qcustomplot.h>

namespace ef {

class ChartFrame;

/**
 * A view on screen: a QCustomPlot showing one ChartFrame view, with what every view does the same
 * way — hovering shows the view's tooltip, the wheel zooms and dragging pans (which turns the view's
 * automatic ranges off), resetView() fits it again. Replots are queued: a burst of changes costs one
 * repaint. The views (ChartWidget, GrowthView) set their frame and feed it from the document.
 */
class PlotWidget : public QCustomPlot
{
    Q_OBJECT

public:
    explicit PlotWidget(QWidget *parent = nullptr);

    [[nodiscard]] ChartFrame *frame() const { return m_frame; }

    /// Fits the axes to the data again after zooming or panning.
    void resetView();

protected:
    /// The view drawn here (owned by this plot).
    void setFrame(ChartFrame *frame);

    bool event(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    ChartFrame *m_frame = nullptr;
};

} // namespace ef
