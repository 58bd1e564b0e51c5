// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "widgets/ResultsTable.h"

#include "document/Document.h"

#include <QHeaderView>
#include <QLabel>
#include <QPixmap>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <optional>

namespace ef {

namespace {

/// `digits` significant digits, trailing zeros kept so a column reads evenly (0.4190, 0.3516);
/// scientific only for magnitudes a fixed layout cannot show.
QString number(double value, int digits = 4)
{
    if (std::isnan(value)) // +∞ − ∞: a power curve's overflow next to a log curve at 0 units
        return QStringLiteral("undefined");
    if (std::isinf(value))
        return value < 0 ? QStringLiteral("−∞") : QStringLiteral("+∞");
    if (value == 0)
        return QStringLiteral("0");
    const int magnitude = static_cast<int>(std::floor(std::log10(std::abs(value))));
    if (magnitude < -6 || magnitude >= 9)
        return QString::number(value, 'e', digits - 1);
    return QString::number(value, 'f', std::max(0, digits - 1 - magnitude));
}

} // namespace

ResultsTable::ResultsTable(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_table(new QTableWidget(this)), m_objective(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_objective);

    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels({QStringLiteral("Project"), QStringLiteral("Effort"), QStringLiteral("Share"),
                                        QStringLiteral("Accuracy"), QStringLiteral("Weighted marginal gain"),
                                        QStringLiteral("Stage")});
    const QString tips[] = {
        QStringLiteral("The project"),
        QStringLiteral("Units of effort the allocator gives it"),
        QStringLiteral("Its share of the total budget"),
        QStringLiteral("f(effort): the accuracy its curve reaches with that effort"),
        QStringLiteral("weight · (f(effort + 1) − f(effort)): what one more unit would add to the objective.\n"
                       "At the optimum these are roughly equal across projects."),
        QStringLiteral("The lifecycle stage its effort reaches"),
    };
    for (int c = 0; c < ColumnCount; ++c)
        m_table->horizontalHeaderItem(c)->setToolTip(tips[c]);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    // Every column as wide as its contents, the stage taking what is left; a narrow window scrolls
    // sideways instead of squeezing the names.
    for (int c = 0; c < ColumnCount; ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_objective->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_document, &Document::changed, this, &ResultsTable::refresh);
    refresh();
}

void ResultsTable::setTheme(const Theme &theme)
{
    m_theme = theme;
    refresh();
}

QString ResultsTable::objectiveText() const
{
    return m_objective->text();
}

void ResultsTable::refresh()
{
    const Scenario &scenario = m_document->scenario();
    const AllocationResult &result = m_document->result();
    const int rows = static_cast<int>(scenario.projects.size());
    m_table->setRowCount(rows);
    const auto total = static_cast<double>(scenario.totalEffort);
    // Profiled: each cell's own dataChanged made the view re-measure every row for its
    // resize-to-contents columns (O(cells²) text layouts, 45% of a 50-project slider step). The
    // cells change silently and the view hears of them once, as one range, below.
    bool anyChanged = false;
    std::optional<QSignalBlocker> quiet(m_table->model());
    for (int r = 0; r < rows; ++r) {
        const auto i = static_cast<std::size_t>(r);
        const Project &project = scenario.projects[i];
        QString cells[ColumnCount];
        cells[ProjectColumn] = QString::fromStdString(project.name);
        if (result.ok() && i < result.allocation->projects.size()) {
            const ProjectAllocation &pa = result.allocation->projects[i];
            cells[EffortColumn] = QString::number(pa.effort);
            cells[ShareColumn] = total > 0
                ? QStringLiteral("%1 %").arg(100.0 * static_cast<double>(pa.effort) / total, 0, 'f', 1)
                : QStringLiteral("—");
            cells[AccuracyColumn] = number(pa.accuracy);
            cells[GainColumn] = number(pa.marginal);
            cells[StageColumn] = QString::fromStdString(scenario.stageNameFor(pa.effort));
        } else {
            for (int c = EffortColumn; c < ColumnCount; ++c)
                cells[c] = QStringLiteral("—");
        }
        for (int c = 0; c < ColumnCount; ++c) {
            QTableWidgetItem *item = m_table->item(r, c);
            if (!item) {
                item = new QTableWidgetItem;
                item->setTextAlignment(c == ProjectColumn || c == StageColumn ? Qt::AlignLeft | Qt::AlignVCenter
                                                                              : Qt::AlignRight | Qt::AlignVCenter);
                m_table->setItem(r, c, item);
            }
            if (item->text() != cells[c]) {
                item->setText(cells[c]);
                anyChanged = true;
            }
        }
        // A new icon only when the colour changed (a new QIcon always counts as a change).
        const QColor color = m_theme.projectColor(i, project.color);
        QTableWidgetItem *nameItem = m_table->item(r, ProjectColumn);
        if (nameItem->data(Qt::UserRole).value<QColor>() != color || nameItem->icon().isNull()) {
            QPixmap pixmap(12, 12);
            pixmap.fill(color);
            nameItem->setIcon(QIcon(pixmap));
            nameItem->setData(Qt::UserRole, color);
            anyChanged = true;
        }
    }
    quiet.reset();
    if (anyChanged && rows > 0)
        emit m_table->model()->dataChanged(m_table->model()->index(0, 0),
                                           m_table->model()->index(rows - 1, ColumnCount - 1));
    // Room for every row (up to ten) without scrolling.
    const int shownRows = std::clamp(rows, 1, 10);
    const int rowHeight = m_table->verticalHeader()->defaultSectionSize();
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height() + shownRows * rowHeight
                              + 2 * m_table->frameWidth() + 2);
    if (result.ok())
        m_objective->setText(
            QStringLiteral("Objective Σ weight·accuracy = <b>%1</b> · %2 units · method %3")
                .arg(number(result.allocation->objective, 6))
                .arg(result.allocation->totalEffort)
                .arg(QLatin1String(methodName(result.allocation->method).data(),
                                   static_cast<qsizetype>(methodName(result.allocation->method).size()))));
    else
        m_objective->setText(
            QStringLiteral("No allocation: %1").arg(QString::fromStdString(result.error).toHtmlEscaped()));
}

} // namespace ef
