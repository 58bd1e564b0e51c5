// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Allocation.h"
#include "Scenario.h"
#include "charts/Theme.h"
#include "charts/ViewExport.h"

#include <QByteArray>
#include <QDate>
#include <QPageSize>
#include <QString>

namespace ef {

/// What the one-page brief shows besides the scenario.
struct BriefOptions {
    ChartView view = ChartView::Accuracy; ///< The chart at the top.
    QDate date = QDate::currentDate();    ///< Printed in the header.
    QPageSize::PageSizeId page = QPageSize::A4;
    /// The accuracy chart plots weight × accuracy (View ▸ Weighted Value, --weighted); the table is the same.
    bool weighted = false;
};

/**
 * A one-page PDF handout: the title and date, the chart (drawn by the window's code, in its default
 * view), the results table (effort, share, accuracy, value, marginal gain, stage), the assumptions
 * (the model in one sentence, the method, the total and the objective) and the scenario's parameters
 * (family, a, b, weight, bounds per project), laid out with QPdfWriter and QPainter on one A4 (or
 * Letter) page. Tables longer than the page holds end with a line saying how many projects are left
 * out. Returns the PDF bytes, or empty with `error` set (an allocation error, a scenario too large for
 * the chart). Needs a QApplication (offscreen is enough).
 */
QByteArray renderBrief(const Scenario &scenario, const AllocationResult &result, const Theme &theme,
                       const BriefOptions &options, QString *error);

/// renderBrief() written atomically to `path` (writeFileAtomically); false with `error` naming the file.
bool exportBrief(const Scenario &scenario, const AllocationResult &result, const Theme &theme, const QString &path,
                 const BriefOptions &options, QString *error);

} // namespace ef
