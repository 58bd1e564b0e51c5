// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "widgets/SnapshotBar.h"

#include "document/Document.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QToolButton>

namespace ef {

SnapshotBar::SnapshotBar(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_name(new QLineEdit(this)), m_pin(new QToolButton(this)),
      m_baseline(new QComboBox(this)), m_recall(new QToolButton(this)), m_remove(new QToolButton(this)),
      m_problem(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    m_name->setPlaceholderText(tr("Snapshot name"));
    m_name->setToolTip(tr("The name to pin the current state under"));
    m_name->setMaximumWidth(200);
    m_pin->setText(tr("Pin"));
    m_pin->setToolTip(tr("Pin the current state and its split as a snapshot, and compare with it (Ctrl+P)"));
    auto *compare = new QLabel(tr("Compare with:"), this);
    compare->setBuddy(m_baseline);
    m_baseline->setToolTip(tr("The snapshot drawn as ghosts — faded curves and hollow dots — with the differences "
                              "in the table"));
    m_baseline->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_baseline->setMinimumContentsLength(12);
    m_recall->setText(tr("Recall"));
    m_recall->setToolTip(tr("Make the compared snapshot the working state again (undoable)"));
    m_remove->setText(tr("Remove"));
    m_remove->setToolTip(tr("Remove the compared snapshot (undoable)"));
    m_problem->setStyleSheet(QStringLiteral("color: #c0392b;"));
    layout->addWidget(m_name);
    layout->addWidget(m_pin);
    layout->addSpacing(12);
    layout->addWidget(compare);
    layout->addWidget(m_baseline);
    layout->addWidget(m_recall);
    layout->addWidget(m_remove);
    layout->addWidget(m_problem, 1);

    connect(m_pin, &QToolButton::clicked, this, &SnapshotBar::pin);
    connect(m_name, &QLineEdit::returnPressed, this, &SnapshotBar::pin);
    connect(m_baseline, &QComboBox::activated, this,
            [this](int index) { m_document->setBaseline(index <= 0 ? QString() : m_baseline->itemText(index)); });
    connect(m_recall, &QToolButton::clicked, this, [this] { m_document->recallSnapshot(m_document->baselineName()); });
    connect(m_remove, &QToolButton::clicked, this, [this] { m_document->removeSnapshot(m_document->baselineName()); });
    connect(m_document, &Document::changed, this, &SnapshotBar::sync);
    connect(m_document, &Document::baselineChanged, this, &SnapshotBar::sync);
    sync();
}

QString SnapshotBar::problem() const
{
    return m_problem->text();
}

void SnapshotBar::pin()
{
    const QString name = m_name->text().trimmed().isEmpty() ? m_document->suggestedSnapshotName() : m_name->text();
    QString error;
    if (!m_document->pinSnapshot(name, &error)) {
        m_problem->setText(error);
        return;
    }
    m_problem->clear();
    m_name->clear();
    m_document->setBaseline(name.trimmed());
}

void SnapshotBar::sync()
{
    const Scenario &scenario = m_document->scenario();
    QStringList names{tr("(nothing)")};
    for (const Snapshot &snapshot : scenario.snapshots)
        names << QString::fromStdString(snapshot.name);
    QStringList shown;
    for (int i = 0; i < m_baseline->count(); ++i)
        shown << m_baseline->itemText(i);
    const QSignalBlocker block(m_baseline);
    if (shown != names) {
        m_baseline->clear();
        m_baseline->addItems(names);
    }
    const int current
        = m_document->baselineName().isEmpty() ? 0 : static_cast<int>(names.indexOf(m_document->baselineName()));
    m_baseline->setCurrentIndex(std::max(0, current));
    m_baseline->setEnabled(names.size() > 1);
    m_recall->setEnabled(current > 0);
    m_remove->setEnabled(current > 0);
    m_name->setPlaceholderText(m_document->suggestedSnapshotName());
}

} // namespace ef
