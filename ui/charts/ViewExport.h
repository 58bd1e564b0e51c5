// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Allocation.h"
#include "Scenario.h"
#include "charts/ChartExport.h"
#include "charts/Theme.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace ef {

struct MonteCarloResult;

/// The views a chart export can show.
enum class ChartView {
    Accuracy, ///< The curves with the optimal points (the main chart).
    Growth,   ///< How the optimal split grows with the budget.
    Marginal, ///< Each project's weighted gain per unit, the water level and where each dot stops.
};

/// "accuracy", "growth", "marginal": as given to --view.
QString chartViewName(ChartView view);
std::optional<ChartView> chartViewFromName(const QString &name);
QStringList chartViewNames();

/// What an export draws besides the scenario and its allocation.
struct ViewExportOptions {
    ChartView view = ChartView::Accuracy;
    QString baseline; ///< A snapshot of the scenario to draw as ghosts (accuracy view); empty for none.
    /// The accuracy view plots weight × accuracy (View ▸ Weighted Value, --weighted).
    bool weighted = false;
    /// Views drawn beside `view`, to its right, on the same page (e.g. accuracy, then growth): the first
    /// takes 3/5 of the width beside one, 1/2 beside two; the others share the rest.
    std::vector<ChartView> besides;
    /// A Monte Carlo of this scenario whose p5–p95 whiskers the accuracy view draws around the dots (the
    /// window's current result, or the run of --samples); null, or a failed run, draws none.
    const MonteCarloResult *uncertainty = nullptr;
};

/// Parses "accuracy", or several views joined by "+" ("accuracy+growth", at most three, each once) into
/// `options.view` and `options.besides`; false when a name is unknown or repeated.
bool parseViewList(const QString &text, ViewExportOptions &options);

/**
 * The font and line scale an export of `size` pixels gets, so text stays legible at any size: 1 up to
 * the default 1200×800 (smaller exports keep the screen's sizes), larger for larger exports (1.35 at
 * 1920×1080, 2.7 at 3840×2160).
 */
double exportScale(const QSize &size);

/**
 * Draws `view` of `scenario` — in its default view, never a zoom — on an off-screen plot with the same
 * code as the window, and writes it to `path` (format from the extension). The growth view computes its
 * path here, with the chart's method. Fails with `error` set for an unknown baseline, a scenario too
 * large for the chart, or a file that cannot be written. Needs a QApplication (offscreen is enough).
 */
bool exportView(const Scenario &scenario, const AllocationResult &result, const Theme &theme, const QString &path,
                const ExportOptions &options, const ViewExportOptions &view, QString *error);

} // namespace ef
