// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "widgets/ObservationsEditor.h"

#include "ScenarioFile.h"
#include "document/Document.h"
#include "document/ObservationsModel.h"
#include "document/ProjectListModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace ef {

ObservationsEditor::ObservationsEditor(Document *document, FitRunner *fitter, QWidget *parent)
    : QDialog(parent), m_document(document), m_fitter(fitter), m_model(new ObservationsModel(document, this)),
      m_intro(new QLabel(this)), m_table(new QTableView(this)), m_add(new QPushButton(tr("&Add row"), this)),
      m_remove(new QPushButton(tr("&Remove"), this)), m_paste(new QPushButton(tr("&Paste"), this)),
      m_import(new QPushButton(tr("&Import CSV…"), this)), m_message(new QLabel(this)), m_family(new QComboBox(this)),
      m_fit(new QPushButton(tr("&Fit curve"), this)), m_cancel(new QPushButton(tr("Cancel fit"), this)),
      m_busy(new QProgressBar(this)), m_fitNote(new QLabel(this))
{
    setObjectName(QStringLiteral("observationsEditor"));
    resize(470, 560);
    auto *layout = new QVBoxLayout(this);

    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // 10,000 rows without measuring each
    m_table->setAlternatingRowColors(true);
    m_table->setToolTip(tr("Double-click or type to edit a cell. Ctrl+V pastes two columns copied from a "
                           "spreadsheet (a header line is skipped); Delete removes the selected rows."));
    layout->addWidget(m_table, 1);

    auto *rowButtons = new QHBoxLayout;
    m_add->setToolTip(tr("Add a row one unit of effort after the last, at the curve's accuracy: type over it"));
    m_remove->setToolTip(tr("Remove the selected rows (Delete)"));
    m_paste->setToolTip(tr("Append the rows on the clipboard: two columns, effort and accuracy, "
                           "separated by tabs (a spreadsheet), semicolons or commas (Ctrl+V)"));
    m_import->setToolTip(tr("Add the rows of a CSV file of effort,accuracy after these, or replace these with "
                            "them (an optional header line is skipped)"));
    for (QPushButton *b : {m_add, m_remove, m_paste, m_import}) {
        b->setAutoDefault(false);
        rowButtons->addWidget(b);
    }
    rowButtons->addStretch(1);
    layout->addLayout(rowButtons);

    m_message->setWordWrap(true);
    m_message->setVisible(false);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    auto *fitRow = new QHBoxLayout;
    auto *familyLabel = new QLabel(tr("Fa&mily"), this);
    familyLabel->setBuddy(m_family);
    m_family->addItem(tr("Best by AICc"), -1);
    m_family->setItemData(0,
                          tr("Fit every family and keep the one with the lowest small-sample AIC "
                             "(needs at least 4 observations)"),
                          Qt::ToolTipRole);
    for (CurveFamily family : kAllFamilies) {
        m_family->addItem(ProjectListModel::familyLabel(family), static_cast<int>(family));
        m_family->setItemData(m_family->count() - 1,
                              tr("Fit this family only\nf(x) = %1").arg(ProjectListModel::familyFormula(family)),
                              Qt::ToolTipRole);
    }
    m_family->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_family->setMinimumContentsLength(12);
    m_family->setToolTip(tr("The curve family to fit: the best by AICc, or one you choose"));
    m_fit->setAutoDefault(false);
    m_fit->setToolTip(tr("Fit the project's curve to these observations by least squares (one undo step)"));
    m_cancel->setAutoDefault(false);
    m_cancel->setToolTip(tr("Stop the fit; nothing changes (Esc)"));
    m_cancel->setVisible(false);
    fitRow->addWidget(familyLabel);
    fitRow->addWidget(m_family, 1);
    fitRow->addWidget(m_fit);
    fitRow->addWidget(m_cancel);
    layout->addLayout(fitRow);

    m_busy->setRange(0, 0); // busy, not a measured progress
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(6);
    m_busy->setVisible(false);
    layout->addWidget(m_busy);
    m_fitNote->setWordWrap(true);
    m_fitNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fitNote->setVisible(false);
    layout->addWidget(m_fitNote);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::hide);
    layout->addWidget(close);

    // The window's undo and redo, here as well: a dialog does not get the main window's shortcuts.
    QAction *undo = m_document->undoStack()->createUndoAction(this);
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this);
    redo->setShortcut(QKeySequence::Redo);
    addAction(undo);
    addAction(redo);
    auto *paste = new QAction(this);
    paste->setShortcut(QKeySequence::Paste);
    paste->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(paste, &QAction::triggered, this, [this] { pasteClipboard(); });
    m_table->addAction(paste);
    auto *remove = new QAction(this);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, [this] { removeSelected(); });
    m_table->addAction(remove);

    connect(m_add, &QPushButton::clicked, this, [this] {
        if (m_model->appendRow()) {
            showMessage(QString(), false);
            const QModelIndex last = m_model->index(m_model->rowCount() - 1, ObservationsModel::AccuracyColumn);
            m_table->scrollTo(last);
            m_table->setCurrentIndex(last);
            m_table->edit(last);
        }
    });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeSelected(); });
    connect(m_paste, &QPushButton::clicked, this, [this] { pasteClipboard(); });
    auto *importMenu = new QMenu(m_import);
    auto importFrom = [this](ObservationsModel::Placement placement) {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import Observations"), QString(),
                                                          tr("CSV files (*.csv *.tsv *.txt);;All files (*)"));
        if (!path.isEmpty())
            importCsv(path, placement);
    };
    importMenu->addAction(tr("&Add Rows from CSV…"), this,
                          [importFrom] { importFrom(ObservationsModel::Placement::Append); });
    QAction *replace = importMenu->addAction(tr("&Replace All Rows with CSV…"), this,
                                             [importFrom] { importFrom(ObservationsModel::Placement::Replace); });
    connect(importMenu, &QMenu::aboutToShow, this, [this, replace] { replace->setEnabled(m_model->rowCount() > 0); });
    m_import->setMenu(importMenu);
    connect(m_model, &ObservationsModel::refused, this, [this](const QString &text) { showMessage(text, true); });
    connect(m_fit, &QPushButton::clicked, this, &ObservationsEditor::fit);
    connect(m_cancel, &QPushButton::clicked, m_fitter, &FitRunner::cancel);
    connect(m_fitter, &FitRunner::started, this, &ObservationsEditor::fitStarted);
    connect(m_fitter, &FitRunner::finished, this, &ObservationsEditor::fitFinished);
    connect(m_document, &Document::changed, this, &ObservationsEditor::updateTitle);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_remove->setEnabled(m_model->rowCount() > 0); });
    updateTitle();
}

void ObservationsEditor::setProject(int index)
{
    if (index == m_model->project())
        return updateTitle();
    m_model->setProject(index);
    m_remove->setEnabled(m_model->rowCount() > 0);
    showMessage(QString(), false);
    if (!m_fitter->isRunning())
        m_fitNote->setVisible(false);
    updateTitle();
}

void ObservationsEditor::updateTitle()
{
    const Scenario &s = m_document->scenario();
    const int index = m_model->project();
    const bool valid = index >= 0 && index < static_cast<int>(s.projects.size());
    const QString name = valid ? QString::fromStdString(s.projects[static_cast<std::size_t>(index)].name) : QString();
    setWindowTitle(valid ? tr("Observations of %1").arg(name) : tr("Observations"));
    m_intro->setText(valid ? tr("What <b>%1</b> reached with each effort spent. Type, paste two columns from a "
                                "spreadsheet (Ctrl+V) or import a CSV file; then fit the curve to them. "
                                "Each change is one undo step (Ctrl+Z).")
                                 .arg(name.toHtmlEscaped())
                           : tr("Select a project to see its observations."));
    for (QWidget *w : std::initializer_list<QWidget *>{m_table, m_add, m_paste, m_import, m_family})
        w->setEnabled(valid);
    m_remove->setEnabled(valid && m_model->rowCount() > 0);
    m_fit->setEnabled(valid && m_model->rowCount() > 0 && !m_fitter->isRunning());
}

void ObservationsEditor::showMessage(const QString &text, bool refusal)
{
    m_message->setVisible(!text.isEmpty());
    m_message->setText(refusal ? QStringLiteral("⚠ ") + text : text);
    QFont font = m_message->font();
    font.setBold(refusal);
    m_message->setFont(font);
}

bool ObservationsEditor::importCsv(const QString &path, ObservationsModel::Placement placement)
{
    if (!m_model->importCsv(path, placement))
        return false;
    showMessage(m_model->lastNote(), false);
    m_table->scrollToBottom();
    return true;
}

bool ObservationsEditor::pasteClipboard()
{
    const QString text = QApplication::clipboard()->text();
    const int before = m_model->rowCount();
    if (!m_model->paste(text, m_table->currentIndex()))
        return false;
    if (m_model->rowCount() != before) {
        showMessage(m_model->lastNote(), false);
        m_table->scrollToBottom();
    } else {
        showMessage(QString(), false);
    }
    return true;
}

bool ObservationsEditor::removeSelected()
{
    std::vector<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedIndexes())
        rows.push_back(index.row());
    if (rows.empty() && m_table->currentIndex().isValid())
        rows.push_back(m_table->currentIndex().row());
    if (!m_model->removeRowsAt(rows))
        return false;
    showMessage(QString(), false);
    return true;
}

void ObservationsEditor::fit()
{
    const int chosen = m_family->currentData().toInt();
    m_fitter->start(m_model->project(),
                    chosen < 0 ? std::nullopt : std::optional<CurveFamily>(static_cast<CurveFamily>(chosen)));
}

void ObservationsEditor::fitStarted(const QString &text)
{
    m_busy->setVisible(true);
    m_cancel->setVisible(true);
    m_fit->setEnabled(false);
    m_fitNote->setVisible(true);
    m_fitNote->setText(text + tr(" Esc or Cancel fit stops it."));
}

void ObservationsEditor::fitFinished(FitRunner::Outcome outcome, const QString &text)
{
    Q_UNUSED(outcome);
    m_busy->setVisible(false);
    m_cancel->setVisible(false);
    m_fitNote->setVisible(true);
    m_fitNote->setText(text);
    updateTitle();
}

void ObservationsEditor::reject()
{
    if (m_fitter->isRunning())
        return m_fitter->cancel();
    QDialog::reject();
}

} // namespace ef
