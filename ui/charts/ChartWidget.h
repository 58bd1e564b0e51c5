// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include <qcustomplot.h>

namespace ef {

class Chart;
class Document;
struct Theme;

/**
 * The chart on screen: a QCustomPlot set up by Chart, observing a Document. Every change of the
 * document queues one replot (a burst of slider events costs one repaint). Wheel zooms, dragging
 * pans, hovering a dot or curve shows its numbers; resetView() (View ▸ Reset View) fits it again.
 */
class ChartWidget : public QCustomPlot
{
    Q_OBJECT

public:
    explicit ChartWidget(Document *document, QWidget *parent = nullptr);

    [[nodiscard]] Chart *chart() const { return m_chart; }
    void setTheme(const Theme &theme);

    /// Fits the axes to the scenario again after zooming or panning.
    void resetView();

protected:
    bool event(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    void refresh();

    Document *m_document;
    Chart *m_chart;
};

} // namespace ef
