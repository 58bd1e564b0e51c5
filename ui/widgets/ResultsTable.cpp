// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "widgets/ResultsTable.h"

#include "document/Document.h"
#include "document/TableCopy.h"
#include "widgets/SettledLabel.h"

#include <QApplication>
#include <QClipboard>
#include <QItemSelectionModel>
#include <QKeyEvent>

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace ef {

ResultsTable::ResultsTable(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_model(new ResultsModel(document, this)), m_table(new QTableView(this)),
      m_objective(new SettledLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_objective);

    m_table->setModel(m_model);
    // Only the Planned column is editable (the model says which cells are).
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    // Every column as wide as its contents (measured on at most a hundred rows and those in view, so a
    // 500-row table costs what a 100-row one does); a narrow window scrolls sideways. The last column is
    // not stretched: at 1920 px it put "Planned" or "P(top)" a screen's width away from its header's
    // neighbours.
    // Sized to contents by hand, not by the header's ResizeToContents mode, which measures every column
    // again (a hundred rows each) for each changed cell: 8 ms a step with 500 projects. A changed cell
    // widens its column at once if it needs to; every column is fitted exactly once the table has been
    // still for a moment (so a drag never makes the columns jitter, and they tighten afterwards).
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_fitColumns.setSingleShot(true);
    m_fitColumns.setInterval(kFitColumnsDelayMs);
    connect(&m_fitColumns, &QTimer::timeout, this, &ResultsTable::fitColumns);
    m_table->horizontalHeader()->setResizeContentsPrecision(100);
    m_table->horizontalHeader()->setStretchLastSection(false);
    // The table shrinks with the window (a scroll bar appears); the chart keeps the room.
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height()
                              + 2 * m_table->verticalHeader()->defaultSectionSize());
    m_objective->label()->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Ctrl+C on the table copies the table, not the chart (the window's Copy Chart has the same keys).
    m_table->installEventFilter(this);
    connect(m_model, &ResultsModel::refreshed, this, &ResultsTable::refresh);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ResultsTable::widenFor);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ResultsTable::fitColumns);
    refresh();
    fitColumns();
}

void ResultsTable::setTheme(const Theme &theme)
{
    m_theme = theme;
    m_model->setTheme(theme);
}

QString ResultsTable::objectiveText() const
{
    return m_objective->text();
}

void ResultsTable::copyToClipboard(bool allRows)
{
    std::vector<int> rows;
    if (!allRows && m_table->selectionModel())
        for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
            rows.push_back(index.row());
    std::sort(rows.begin(), rows.end());
    const CopiedTable copied = copyTable(m_document->scenario(), m_document->result(), m_theme, rows);
    QApplication::clipboard()->setMimeData(tableMimeData(copied));
}

bool ResultsTable::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Copy)) {
            event->accept(); // ShortcutOverride: the key comes here, not to the window's Copy Chart
            if (event->type() == QEvent::KeyPress)
                copyToClipboard();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ResultsTable::refresh()
{
    m_objective->setText(m_model->objectiveText());
    m_fitColumns.start();
}

void ResultsTable::fitColumns()
{
    m_fitColumns.stop();
    m_table->horizontalHeader()->resizeSections(QHeaderView::ResizeToContents);
}

void ResultsTable::widenFor(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (!topLeft.isValid() || !bottomRight.isValid())
        return;
    // Only the rows in view (a range may be the whole table); the rest are measured when fitted.
    const int firstShown = std::max(topLeft.row(), std::max(0, m_table->rowAt(0)));
    const int lastInView = m_table->rowAt(m_table->viewport()->height() - 1);
    const int lastShown = std::min(bottomRight.row(), lastInView < 0 ? m_model->rowCount() - 1 : lastInView);
    QHeaderView *header = m_table->horizontalHeader();
    const int grid = m_table->showGrid() ? 1 : 0;
    for (int column = topLeft.column(); column <= bottomRight.column(); ++column) {
        int needed = 0;
        for (int row = firstShown; row <= lastShown; ++row)
            needed = std::max(needed, m_table->sizeHintForIndex(m_model->index(row, column)).width() + grid);
        if (needed > header->sectionSize(column) && column + 1 < header->count())
            header->resizeSection(column, needed);
    }
}

} // namespace ef
