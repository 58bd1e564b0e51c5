// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "charts/PlotWidget.h"

namespace ef {

class Document;
class MarginalChart;
struct Theme;

/**
 * The marginal view on screen: a PlotWidget showing MarginalChart for a Document's current split. It
 * needs no work of its own (the gains are closed-form): it redraws when the document or its allocation
 * changes, and only while it is shown.
 */
class MarginalView : public PlotWidget
{
    Q_OBJECT

public:
    explicit MarginalView(Document *document, QWidget *parent = nullptr);

    [[nodiscard]] MarginalChart *chart() const { return m_chart; }
    void setTheme(const Theme &theme);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refresh();

    Document *m_document;
    MarginalChart *m_chart;
};

} // namespace ef
