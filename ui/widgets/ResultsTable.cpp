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
    // 500-row table costs what a 100-row one does), the stage taking what is left; a narrow window
    // scrolls sideways.
    // Sized to contents once per refresh (below), not by the header's ResizeToContents mode, which measures
    // every column again for each changed cell.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setResizeContentsPrecision(100);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // The table shrinks with the window (a scroll bar appears); the chart keeps the room.
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height()
                              + 2 * m_table->verticalHeader()->defaultSectionSize());
    m_objective->label()->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Ctrl+C on the table copies the table, not the chart (the window's Copy Chart has the same keys).
    m_table->installEventFilter(this);
    connect(m_model, &ResultsModel::refreshed, this, &ResultsTable::refresh);
    refresh();
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
    m_table->horizontalHeader()->resizeSections(QHeaderView::ResizeToContents);
}

} // namespace ef
