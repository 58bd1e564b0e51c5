// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "document/TableCopy.h"

#include "document/NumberFormat.h"

#include <QCoreApplication>
#include <QMimeData>
#include <QStringList>

namespace ef {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ef::TableCopy", text);
}

/// A cell for tab-separated text: tabs and line breaks would split it, so they become spaces.
QString tsvCell(QString text)
{
    for (QChar &c : text)
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            c = QLatin1Char(' ');
    return text;
}

} // namespace

CopiedTable copyTable(const Scenario &scenario, const AllocationResult &result, const Theme &theme,
                      std::vector<int> rows)
{
    if (rows.empty())
        for (std::size_t i = 0; i < scenario.projects.size(); ++i)
            rows.push_back(static_cast<int>(i));
    const QStringList header{tr("Project"),
                             tr("Weight"),
                             tr("Effort"),
                             tr("Share (%)"),
                             tr("Accuracy"),
                             tr("Value"),
                             tr("Weighted marginal gain"),
                             tr("Stage")};
    QStringList lines{header.join(QLatin1Char('\t'))};
    QString html = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n<tr>");
    for (const QString &h : header)
        html += QStringLiteral("<th>%1</th>").arg(h.toHtmlEscaped());
    html += QStringLiteral("</tr>\n");
    const auto total = static_cast<double>(scenario.totalEffort);
    for (const int r : rows) {
        if (r < 0 || static_cast<std::size_t>(r) >= scenario.projects.size())
            continue;
        const auto i = static_cast<std::size_t>(r);
        const Project &project = scenario.projects[i];
        QStringList cells{QString::fromStdString(project.name), format::number(project.weight)};
        if (result.ok() && i < result.allocation->projects.size()) {
            const ProjectAllocation &pa = result.allocation->projects[i];
            cells << QString::number(pa.effort)
                  << (total > 0 ? QString::number(100.0 * static_cast<double>(pa.effort) / total, 'f', 1)
                                : QStringLiteral("0"))
                  << format::number(pa.accuracy) << format::number(pa.value) << format::number(pa.marginal)
                  << QString::fromStdString(scenario.stageNameFor(pa.effort));
        } else {
            for (int c = 0; c < 6; ++c)
                cells << QString();
        }
        QStringList tsv;
        for (const QString &cell : cells)
            tsv << tsvCell(cell);
        lines << tsv.join(QLatin1Char('\t'));
        html += QStringLiteral("<tr>");
        for (qsizetype c = 0; c < cells.size(); ++c) {
            const bool numeric = c >= 1 && c <= 6;
            const QString escaped = cells[c].toHtmlEscaped();
            if (c == 0)
                html += QStringLiteral("<td><span style=\"color:%1\">&#9632;</span> %2</td>")
                            .arg(theme.projectColor(i, project.color).name(), escaped);
            else
                html += numeric ? QStringLiteral("<td align=\"right\">%1</td>").arg(escaped)
                                : QStringLiteral("<td>%1</td>").arg(escaped);
        }
        html += QStringLiteral("</tr>\n");
    }
    html += QStringLiteral("</table>\n");
    return {lines.join(QLatin1Char('\n')) + QLatin1Char('\n'), html};
}

QMimeData *tableMimeData(const CopiedTable &table)
{
    auto *data = new QMimeData;
    data->setText(table.tsv);
    data->setHtml(table.html);
    return data;
}

} // namespace ef
