// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace ef {

class Document;

/**
 * Pin and compare, in one row above the chart: pin the current state as a named snapshot, choose the
 * snapshot to compare with (its curves and dots drawn as ghosts, the differences in the table), recall
 * a snapshot as the working state, or remove it. Everything is an undoable edit of the document except
 * the choice of baseline, which is a view setting. No dialog: the name is typed in place.
 */
class SnapshotBar : public QWidget
{
    Q_OBJECT

public:
    explicit SnapshotBar(Document *document, QWidget *parent = nullptr);

    [[nodiscard]] QLineEdit *nameEdit() const { return m_name; }
    [[nodiscard]] QToolButton *pinButton() const { return m_pin; }
    /// "No comparison" first, then the snapshots in the order pinned.
    [[nodiscard]] QComboBox *baselineBox() const { return m_baseline; }
    [[nodiscard]] QToolButton *recallButton() const { return m_recall; }
    [[nodiscard]] QToolButton *removeButton() const { return m_remove; }
    /// Why the last pin failed (empty after a success).
    [[nodiscard]] QString problem() const;

    /// Pins the current state under the typed name (or the suggested one) and compares with it.
    void pin();

private:
    void sync();

    Document *m_document;
    QLineEdit *m_name;
    QToolButton *m_pin;
    QComboBox *m_baseline;
    QToolButton *m_recall;
    QToolButton *m_remove;
    QLabel *m_problem;
};

} // namespace ef
