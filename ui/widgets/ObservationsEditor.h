// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "document/FitRunner.h"
#include "document/ObservationsModel.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace ef {

class Document;

/**
 * The selected project's observations in a small window of their own (opened from the project editor,
 * "Observations… (N)"): a table to type in, add and remove rows, paste two columns from a spreadsheet
 * (Ctrl+V) or import a CSV file; and a fit of the project's curve to them — the family with the
 * lowest AICc, or one the user picks — run off the UI thread by the shared FitRunner, with a busy bar
 * and Cancel (or Esc). Refusals and fit reports are shown under the table. Ctrl+Z / Ctrl+Shift+Z undo
 * and redo here too.
 */
class ObservationsEditor : public QDialog
{
    Q_OBJECT

public:
    ObservationsEditor(Document *document, FitRunner *fitter, QWidget *parent = nullptr);

    /// Shows project `index` (-1: none); follows the project editor's selection.
    void setProject(int index);

    /// Appends the observations of the CSV file at `path`, or replaces the project's with them (what
    /// Import CSV ▸ Add Rows… and Replace All Rows… do after their file dialog).
    bool importCsv(const QString &path, ObservationsModel::Placement placement = ObservationsModel::Placement::Append);
    /// Pastes the clipboard's text (what Ctrl+V does).
    bool pasteClipboard();
    /// Removes the selected rows (what Remove and the Delete key do).
    bool removeSelected();
    /// Starts a fit of the shown project with the family chosen in familyBox().
    void fit();

    [[nodiscard]] ObservationsModel *model() const { return m_model; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QPushButton *addButton() const { return m_add; }
    [[nodiscard]] QPushButton *removeButton() const { return m_remove; }
    [[nodiscard]] QPushButton *pasteButton() const { return m_paste; }
    /// Opens a menu: Add Rows from CSV…, Replace All Rows with CSV… (disabled while there are none).
    [[nodiscard]] QPushButton *importButton() const { return m_import; }
    /// "Best by AICc" (item data: -1) or one family (item data: the CurveFamily as an int).
    [[nodiscard]] QComboBox *familyBox() const { return m_family; }
    [[nodiscard]] QPushButton *fitButton() const { return m_fit; }
    [[nodiscard]] QPushButton *cancelButton() const { return m_cancel; }
    [[nodiscard]] QProgressBar *busyBar() const { return m_busy; }
    /// Refusals of bad input, and what a paste or import added.
    [[nodiscard]] QLabel *message() const { return m_message; }
    /// What the last fit did (or is doing).
    [[nodiscard]] QLabel *fitNote() const { return m_fitNote; }

public slots:
    /// Esc: cancels a running fit; otherwise closes.
    void reject() override;

private:
    void showMessage(const QString &text, bool refusal);
    void fitStarted(const QString &text);
    void fitFinished(FitRunner::Outcome outcome, const QString &text);
    void updateTitle();

    Document *m_document;
    FitRunner *m_fitter;
    ObservationsModel *m_model;
    QLabel *m_intro;
    QTableView *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_paste;
    QPushButton *m_import;
    QLabel *m_message;
    QComboBox *m_family;
    QPushButton *m_fit;
    QPushButton *m_cancel;
    QProgressBar *m_busy;
    QLabel *m_fitNote;
};

} // namespace ef
