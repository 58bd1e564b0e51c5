// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "charts/ChartExport.h"

#include "charts/Chart.h"

#include <qcustomplot.h>

#include <QFileInfo>
#include <QImage>
#include <QSvgGenerator>

namespace ef {

std::optional<ExportFormat> exportFormatFor(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return ExportFormat::Png;
    if (suffix == QLatin1String("svg"))
        return ExportFormat::Svg;
    if (suffix == QLatin1String("pdf"))
        return ExportFormat::Pdf;
    return std::nullopt;
}

namespace {

bool writeSvg(QCustomPlot *plot, const QString &path, const QSize &size)
{
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(Chart::title());
    generator.setDescription(QStringLiteral("Exported by Effort Frontier"));
    QCPPainter painter;
    if (!painter.begin(&generator))
        return false;
    plot->toPainter(&painter, size.width(), size.height());
    return painter.end();
}

} // namespace

bool exportPlot(QCustomPlot *plot, const QString &path, const ExportOptions &options, QString *error)
{
    const auto format = exportFormatFor(path);
    auto fail = [&](const QString &reason) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, reason);
        return false;
    };
    if (!format)
        return fail(QStringLiteral("unknown file type; use .png, .svg or .pdf"));
    if (options.size.width() < 16 || options.size.height() < 16 || options.size.width() > 20000
        || options.size.height() > 20000)
        return fail(QStringLiteral("size %1x%2 is outside 16…20000 pixels")
                        .arg(options.size.width())
                        .arg(options.size.height()));
    if (options.scale < 1 || options.scale > 4)
        return fail(QStringLiteral("scale %1 is outside 1…4").arg(options.scale));
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return fail(QStringLiteral("the folder %1 does not exist").arg(info.absolutePath()));

    // Lay out and draw at the export size (the same code that draws the screen).
    bool ok = false;
    switch (*format) {
    case ExportFormat::Png:
        ok = plot->savePng(path, options.size.width(), options.size.height(), options.scale);
        break;
    case ExportFormat::Svg:
        ok = writeSvg(plot, path, options.size);
        break;
    case ExportFormat::Pdf:
        ok = plot->savePdf(path, options.size.width(), options.size.height(), QCP::epNoCosmetic,
                           QStringLiteral("Effort Frontier"), Chart::title());
        break;
    }
    plot->replot(QCustomPlot::rpQueuedReplot); // the screen layout again
    if (!ok || !QFileInfo::exists(path))
        return fail(QStringLiteral("could not be written (check the folder's permissions and free space)"));
    return true;
}

bool exportScenario(const Scenario &scenario, const AllocationResult &result, const Theme &theme, const QString &path,
                    const ExportOptions &options, QString *error)
{
    if (const QString problem = Chart::sizeProblem(scenario); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    QCustomPlot plot;
    plot.resize(options.size);
    Chart chart(&plot);
    chart.setTheme(theme);
    chart.update(scenario, result);
    plot.replot(QCustomPlot::rpImmediateRefresh);
    return exportPlot(&plot, path, options, error);
}

QImage renderPlot(QCustomPlot *plot, const ExportOptions &options)
{
    QImage image = plot->toPixmap(options.size.width(), options.size.height(), options.scale).toImage();
    plot->replot(QCustomPlot::rpQueuedReplot);
    return image;
}

} // namespace ef
