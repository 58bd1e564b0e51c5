// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "charts/ChartExport.h"

#include "charts/Chart.h"

#include <qcustomplot.h>

#include "ExportLimits.h"
#include "persistence/AtomicFile.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QPixmap>
#include <QSvgGenerator>

namespace ef {

namespace {
/// The translation context of this file's messages.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ChartExport)
};
} // namespace

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

/// Draws the panels side by side, each plot at its own width and the full height.
void drawPanels(QCPPainter &painter, const std::vector<QCustomPlot *> &plots, const std::vector<int> &widths,
                int height)
{
    int x = 0;
    for (std::size_t i = 0; i < plots.size(); ++i) {
        painter.save();
        painter.translate(x, 0);
        plots[i]->toPainter(&painter, widths[i], height);
        painter.restore();
        x += widths[i];
    }
}

/// The panels as PNG bytes, or empty when they cannot be drawn or encoded.
QByteArray renderPng(const std::vector<QCustomPlot *> &plots, const std::vector<int> &widths,
                     const ExportOptions &options)
{
    QPixmap pixmap;
    if (plots.size() == 1) {
        pixmap = plots.front()->toPixmap(options.size.width(), options.size.height(), options.scale);
    } else {
        pixmap = QPixmap(qRound(options.size.width() * options.scale), qRound(options.size.height() * options.scale));
        if (pixmap.isNull())
            return {};
        pixmap.fill(Qt::white); // every panel paints its own background over it
        QCPPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(options.scale, options.scale);
        drawPanels(painter, plots, widths, options.size.height());
    }
    if (pixmap.isNull())
        return {};
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly) || !pixmap.save(&buffer, "PNG"))
        return {};
    return bytes;
}

/// The panels as SVG bytes, or empty.
QByteArray renderSvg(const std::vector<QCustomPlot *> &plots, const std::vector<int> &widths, const QSize &size)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly))
        return {};
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(Chart::title());
    generator.setDescription(Text::tr("Exported by Effort Frontier"));
    QCPPainter painter;
    if (!painter.begin(&generator))
        return {};
    drawPanels(painter, plots, widths, size.height());
    if (!painter.end())
        return {};
    return bytes;
}

/// The panels as a one-page PDF of size points (what QCustomPlot::savePdf draws, into memory), or empty.
QByteArray renderPdf(const std::vector<QCustomPlot *> &plots, const std::vector<int> &widths, const QSize &size)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly))
        return {};
    {
        QPdfWriter writer(&buffer);
        writer.setCreator(QStringLiteral("Effort Frontier"));
        writer.setTitle(Chart::title());
        writer.setPageLayout(QPageLayout(QPageSize(QSizeF(size), QPageSize::Point, QString(), QPageSize::ExactMatch),
                                         QPageLayout::Portrait, QMarginsF(0, 0, 0, 0), QPageLayout::Point));
        writer.setResolution(96);
        QCPPainter painter;
        if (!painter.begin(&writer))
            return {};
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        painter.setMode(QCPPainter::pmNonCosmetic);
        painter.setWindow(QRect(QPoint(0, 0), size));
        drawPanels(painter, plots, widths, size.height());
        if (!painter.end())
            return {};
    }
    return bytes;
}

} // namespace

bool exportPlot(QCustomPlot *plot, const QString &path, const ExportOptions &options, QString *error)
{
    return exportPlots({plot}, {options.size.width()}, path, options, error);
}

bool exportPlots(const std::vector<QCustomPlot *> &plots, const std::vector<int> &widths, const QString &path,
                 const ExportOptions &options, QString *error)
{
    const auto format = exportFormatFor(path);
    auto fail = [&](const QString &reason) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, reason);
        return false;
    };
    if (!format)
        return fail(Text::tr("unknown file type; use .png, .svg or .pdf"));
    if (const QString problem
        = exportLimits::sizeProblem(options.size, *format == ExportFormat::Png ? options.scale : 1);
        !problem.isEmpty())
        return fail(problem);
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return fail(Text::tr("the folder %1 does not exist").arg(info.absolutePath()));

    // Draw at the export size (the same code that draws the screen) into memory; then one checked,
    // atomic write: the file is either the complete new chart or what it was before, never torn.
    QByteArray bytes;
    switch (*format) {
    case ExportFormat::Png:
        bytes = renderPng(plots, widths, options);
        break;
    case ExportFormat::Svg:
        bytes = renderSvg(plots, widths, options.size);
        break;
    case ExportFormat::Pdf:
        bytes = renderPdf(plots, widths, options.size);
        break;
    }
    for (QCustomPlot *plot : plots)
        plot->replot(QCustomPlot::rpQueuedReplot); // the screen layout again
    if (bytes.isEmpty())
        return fail(
            Text::tr("the chart could not be drawn at %1x%2").arg(options.size.width()).arg(options.size.height()));
    QString reason;
    if (!writeFileAtomically(path, bytes, &reason))
        return fail(Text::tr("not written (%1); any previous file there is unchanged").arg(reason));
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
