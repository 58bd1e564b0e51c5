// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "charts/PlotWidget.h"

namespace ef {

class Chart;
class DotDrag;
class Document;
struct Theme;

/**
 * The accuracy chart on screen: a PlotWidget showing Chart, observing a Document. Every change of
 * the document queues one replot. A hand zoom lasts until the scenario is replaced or its total
 * changes: then the view fits again, so the dots never vanish off-screen.
 */
class ChartWidget : public PlotWidget
{
    Q_OBJECT

public:
    explicit ChartWidget(Document *document, QWidget *parent = nullptr);

    [[nodiscard]] Chart *chart() const { return m_chart; }
    /// Dragging a red dot to lock its project's effort.
    [[nodiscard]] DotDrag *dotDrag() const { return m_dotDrag; }
    void setTheme(const Theme &theme);

private:
    void refresh();

    Document *m_document;
    Chart *m_chart;
    DotDrag *m_dotDrag;
    qint64 m_shownTotal = -1;
};

} // namespace ef
