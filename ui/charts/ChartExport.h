// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Allocation.h"
#include "Scenario.h"
#include "charts/Theme.h"

#include <QImage>
#include <QSize>
#include <QString>

#include <optional>
#include <vector>

class QCustomPlot;

namespace ef {

/// File formats the chart can be written in, chosen by the file name's extension.
enum class ExportFormat {
    Png,
    Svg,
    Pdf
};

/// The format for `path` (.png, .svg, .pdf, case-insensitive), or std::nullopt.
std::optional<ExportFormat> exportFormatFor(const QString &path);

/// What to draw and how big: PNG pixels are size × scale; SVG and PDF use `size` as their page.
struct ExportOptions {
    QSize size{1200, 800};
    double scale = 1; ///< 1…4, PNG only.
};

/**
 * Writes what `plot` shows to `path` in the format of its extension. The chart is drawn in memory
 * first, then written with writeFileAtomically: on any failure (a full disk, a file size limit, an
 * unwritable folder, a device in the way) `path` keeps its previous content. Returns false with
 * `error` set (naming the file and the reason) when the format is unknown, the size is outside
 * exportLimits (ExportLimits.h), or the file cannot be written.
 */
bool exportPlot(QCustomPlot *plot, const QString &path, const ExportOptions &options, QString *error);
/// The same for several plots side by side: plot i is drawn `widths[i]` wide (they add up to the
/// export's width) at the full height, left to right, on one page.
bool exportPlots(const std::vector<QCustomPlot *> &plots, const std::vector<int> &widths, const QString &path,
                 const ExportOptions &options, QString *error);

/**
 * Draws `scenario` and `result` with Chart on an off-screen plot, exactly as the window would, and
 * writes it to `path`. Needs a QApplication (the offscreen platform is enough: no display).
 */
bool exportScenario(const Scenario &scenario, const AllocationResult &result, const Theme &theme, const QString &path,
                    const ExportOptions &options, QString *error);

/// The chart as an image of size × scale pixels, for the clipboard.
QImage renderPlot(QCustomPlot *plot, const ExportOptions &options);

} // namespace ef
