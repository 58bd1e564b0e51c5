// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "charts/Brief.h"

#include "Growth.h"
#include "charts/Chart.h"
#include "charts/GrowthChart.h"
#include "document/NumberFormat.h"
#include "document/ProjectListModel.h"
#include "persistence/AtomicFile.h"

#include <qcustomplot.h>

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPdfWriter>

#include <algorithm>

namespace ef {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ef::Brief", text);
}

// Dots per inch of the page's coordinates: the chart is laid out by QCustomPlot for a 96-dpi screen, so
// the page uses the same resolution and its fonts measure as they did in that layout.
constexpr int kResolution = 96;

/// Points (1/72 inch) to page coordinates.
constexpr double pt(double points)
{
    return points * kResolution / 72.0;
}

/// A table drawn row by row into a rectangle; columns after the first are right-aligned numbers unless
/// marked as text.
class TablePainter
{
public:
    TablePainter(QPainter &painter, const QFont &font, double left, double width)
        : m_painter(painter), m_font(font), m_left(left), m_width(width)
    { }

    /// Column widths as fractions of the table's width, and which are text (left-aligned).
    void setColumns(std::vector<double> fractions, std::vector<bool> text)
    {
        m_fractions = std::move(fractions);
        m_text = std::move(text);
    }
    [[nodiscard]] double rowHeight() const { return QFontMetricsF(m_font, m_painter.device()).height() * 1.35; }

    /// Draws one row at `y` and returns the y below it.
    double row(double y, const QStringList &cells, bool header, const QColor &swatch = {})
    {
        QFont font = m_font;
        font.setBold(header);
        m_painter.setFont(font);
        const double h = rowHeight();
        double x = m_left;
        const QFontMetricsF metrics(font, m_painter.device());
        for (qsizetype c = 0; c < cells.size() && c < static_cast<qsizetype>(m_fractions.size()); ++c) {
            const double w = m_width * m_fractions[static_cast<std::size_t>(c)];
            QRectF cell(x + pt(2), y, w - pt(4), h);
            if (c == 0 && swatch.isValid() && !header) {
                const double s = h * 0.45;
                m_painter.fillRect(QRectF(cell.left(), y + (h - s) / 2, s, s), swatch);
                cell.setLeft(cell.left() + s + pt(3));
            }
            const bool text = m_text[static_cast<std::size_t>(c)];
            const QString shown = metrics.elidedText(cells[c], Qt::ElideRight, cell.width());
            m_painter.drawText(cell, Qt::AlignVCenter | (text || header ? Qt::AlignLeft : Qt::AlignRight), shown);
            x += w;
        }
        if (header) {
            m_painter.setPen(QPen(QColor(0x60, 0x60, 0x60), pt(0.6)));
            m_painter.drawLine(QPointF(m_left, y + h), QPointF(m_left + m_width, y + h));
            m_painter.setPen(Qt::black);
        }
        return y + h;
    }

private:
    QPainter &m_painter;
    QFont m_font;
    double m_left;
    double m_width;
    std::vector<double> m_fractions;
    std::vector<bool> m_text;
};

/// Draws `lines` wrapped in `width` from `y`; returns the y below.
double paragraph(QPainter &painter, const QFont &font, double left, double width, double y, const QString &text)
{
    painter.setFont(font);
    const QRectF bounds = painter.boundingRect(QRectF(left, y, width, 1e6), Qt::TextWordWrap | Qt::AlignLeft, text);
    painter.drawText(QRectF(left, y, width, bounds.height()), Qt::TextWordWrap | Qt::AlignLeft, text);
    return y + bounds.height();
}

} // namespace

QByteArray renderBrief(const Scenario &scenario, const AllocationResult &result, const Theme &theme,
                       const BriefOptions &options, QString *error)
{
    auto fail = [&](const QString &reason) {
        if (error)
            *error = reason;
        return QByteArray();
    };
    if (!result.ok())
        return fail(QString::fromStdString(result.error));
    if (const QString problem = Chart::sizeProblem(scenario); !problem.isEmpty())
        return fail(problem);
    const Allocation &allocation = *result.allocation;

    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly))
        return fail(tr("could not open a buffer in memory"));
    {
        QPdfWriter writer(&buffer);
        writer.setCreator(QStringLiteral("Effort Frontier"));
        writer.setTitle(tr("Effort Frontier brief: %1").arg(QString::fromStdString(scenario.name)));
        writer.setPageLayout(QPageLayout(QPageSize(options.page), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        writer.setResolution(kResolution);
        // One painter for the whole page: QCustomPlot draws the chart with its own painter class, and
        // a QPdfWriter takes a single painter per document.
        QCPPainter painter;
        if (!painter.begin(&writer))
            return fail(tr("the PDF could not be started"));
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        painter.setMode(QCPPainter::pmNonCosmetic);
        const QRect page = writer.pageLayout().fullRectPixels(kResolution);
        const double margin = pt(40);
        const double left = margin;
        const double width = page.width() - 2 * margin;
        const double bottom = page.height() - margin;
        QFont base(QStringLiteral("DejaVu Sans"));
        base.setPointSizeF(8.5);
        QFont small = base;
        small.setPointSizeF(7.5);
        QFont heading = base;
        heading.setBold(true);
        heading.setPointSizeF(10.5);
        QFont title = base;
        title.setBold(true);
        title.setPointSizeF(17);
        painter.setPen(Qt::black);

        // Title and date.
        double y = margin;
        y = paragraph(painter, title, left, width, y, QString::fromStdString(scenario.name));
        painter.setPen(QColor(0x55, 0x55, 0x55));
        y = paragraph(painter, base, left, width, y + pt(2),
                      tr("Effort Frontier brief · %1 · %2 units of effort across %3 projects")
                          .arg(QLocale(QLocale::English).toString(options.date, QStringLiteral("d MMMM yyyy")),
                               format::units(allocation.totalEffort))
                          .arg(scenario.projects.size()));
        painter.setPen(Qt::black);
        y += pt(10);

        // The chart, drawn by the window's code on an off-screen plot, scaled into its box.
        const QSize plotSize(960, 540);
        const double chartHeight = width * plotSize.height() / plotSize.width();
        {
            QCustomPlot plot;
            plot.resize(plotSize);
            if (options.view == ChartView::Growth) {
                auto *chart = new GrowthChart(&plot);
                chart->setTheme(theme);
                chart->update(scenario, growthPath(scenario, scenario.totalEffort));
            } else {
                auto *chart = new Chart(&plot);
                chart->setTheme(theme);
                chart->setWeighted(options.weighted);
                chart->update(scenario, result);
            }
            plot.replot(QCustomPlot::rpImmediateRefresh);
            painter.save();
            painter.translate(left, y);
            painter.scale(width / plotSize.width(), chartHeight / plotSize.height());
            plot.toPainter(&painter, plotSize.width(), plotSize.height());
            painter.restore();
        }
        painter.setPen(Qt::black);
        y += chartHeight + pt(12);

        // The results table.
        y = paragraph(painter, heading, left, width, y, tr("The split"));
        y += pt(3);
        TablePainter results(painter, base, left, width);
        results.setColumns({0.24, 0.08, 0.07, 0.08, 0.09, 0.09, 0.14, 0.21},
                           {true, false, false, false, false, false, false, true});
        y = results.row(y,
                        {tr("Project"), tr("Weight"), tr("Effort"), tr("Share"), tr("Accuracy"), tr("Value"),
                         tr("Marginal gain"), tr("Stage")},
                        true);
        // Room below: the assumptions (about 6 lines) and the parameter table share the rest.
        const double rowHeight = results.rowHeight();
        const double reserve = pt(110);
        const std::size_t projects = scenario.projects.size();
        const auto fits = [&](double from, double reserved) {
            return static_cast<std::size_t>(std::max(0.0, (bottom - reserved - from) / rowHeight));
        };
        const std::size_t roomForBoth = fits(y, reserve) / 2;
        const std::size_t shownRows = std::min(projects, std::max<std::size_t>(1, roomForBoth - 1));
        const auto total = static_cast<double>(allocation.totalEffort);
        for (std::size_t i = 0; i < shownRows; ++i) {
            const Project &p = scenario.projects[i];
            const ProjectAllocation &pa = allocation.projects[i];
            y = results.row(y,
                            {QString::fromStdString(p.name), format::number(p.weight), format::units(pa.effort),
                             total > 0 ? QStringLiteral("%1 %").arg(100.0 * double(pa.effort) / total, 0, 'f', 1)
                                       : QStringLiteral("—"),
                             format::number(pa.accuracy), format::number(pa.value), format::number(pa.marginal),
                             QString::fromStdString(scenario.stageNameFor(pa.effort))},
                            false, theme.projectColor(i, p.color));
        }
        if (shownRows < projects)
            y = paragraph(
                painter, small, left, width, y,
                tr("… and %1 more projects (export the numbers as CSV for all of them).").arg(projects - shownRows));
        y += pt(10);

        // The assumptions.
        y = paragraph(painter, heading, left, width, y, tr("Assumptions"));
        y += pt(2);
        const std::string_view method = methodName(allocation.method);
        y = paragraph(
            painter, base, left, width, y,
            tr("Each project's accuracy grows with effort along its own curve with diminishing returns; every unit "
               "of the budget goes to the project whose weighted accuracy it raises most (greedy marginal "
               "allocation, optimal for concave curves). Projects are independent, and a point of accuracy is "
               "worth its project's weight.")
                + QLatin1Char(' ')
                + tr("Method: %1%2. Total effort: %3 units. Objective Σ weight·accuracy = %4.")
                      .arg(QString::fromLatin1(method.data(), static_cast<qsizetype>(method.size())),
                           allocation.proven ? QString() : tr(" (best found, not proven optimal)"),
                           format::units(allocation.totalEffort), format::number(allocation.objective, 6)));
        y += pt(10);

        // The parameters.
        y = paragraph(painter, heading, left, width, y, tr("Parameters"));
        y += pt(2);
        TablePainter parameters(painter, small, left, width);
        parameters.setColumns({0.3, 0.3, 0.1, 0.1, 0.08, 0.12}, {true, true, false, false, false, false});
        y = parameters.row(y, {tr("Project"), tr("Family"), tr("a"), tr("b"), tr("Weight"), tr("Effort bounds")}, true);
        const std::size_t paramRows = std::min(
            projects, static_cast<std::size_t>(std::max(1.0, (bottom - pt(14) - y) / parameters.rowHeight())));
        for (std::size_t i = 0; i < paramRows; ++i) {
            const Project &p = scenario.projects[i];
            QString family = ProjectListModel::familyLabel(p.curve.family);
            if (p.curve.family == CurveFamily::Logistic)
                family += tr(", m = %1").arg(format::number(p.curve.midpoint));
            const QString bounds = p.minEffort == 0 && !p.maxEffort
                ? QStringLiteral("—")
                : QStringLiteral("%1…%2").arg(format::units(p.minEffort),
                                              p.maxEffort ? format::units(*p.maxEffort) : QStringLiteral("∞"));
            y = parameters.row(y,
                               {QString::fromStdString(p.name), family, format::number(p.curve.a),
                                format::number(p.curve.b), format::number(p.weight), bounds},
                               false, theme.projectColor(i, p.color));
        }
        if (paramRows < projects)
            paragraph(painter, small, left, width, y, tr("… and %1 more projects.").arg(projects - paramRows));
        if (!painter.end())
            return fail(tr("the PDF could not be finished"));
    }
    return bytes;
}

bool exportBrief(const Scenario &scenario, const AllocationResult &result, const Theme &theme, const QString &path,
                 const BriefOptions &options, QString *error)
{
    auto fail = [&](const QString &reason) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, reason);
        return false;
    };
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return fail(tr("the folder %1 does not exist").arg(info.absolutePath()));
    QString problem;
    const QByteArray bytes = renderBrief(scenario, result, theme, options, &problem);
    if (bytes.isEmpty())
        return fail(problem);
    if (!writeFileAtomically(path, bytes, &problem))
        return fail(tr("not written (%1); any previous file there is unchanged").arg(problem));
    return true;
}

} // namespace ef
