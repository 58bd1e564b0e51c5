// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "widgets/StageEditor.h"

#include "ScenarioFile.h"
#include "document/Document.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ef {

namespace {

QString quoted(const std::string &name)
{
    return QStringLiteral("“%1”").arg(QString::fromStdString(name));
}

QString units(Effort value)
{
    return QLocale().toString(static_cast<qlonglong>(value));
}

} // namespace

StageEditor::StageEditor(Document *document, QWidget *parent)
    : QDialog(parent), m_document(document), m_table(new QTableWidget(0, 2, this)),
      m_add(new QPushButton(tr("&Add Stage"), this)), m_remove(new QPushButton(tr("&Remove Stage"), this)),
      m_message(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Stages"));
    auto *intro = new QLabel(tr("A project is in a stage once its effort reaches the stage's start. The first stage "
                                "starts at 0; each later one starts above the one before. Names must be unique."),
                             this);
    intro->setWordWrap(true);

    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Starts at (units)")});
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(FromColumn, QHeaderView::ResizeToContents);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setVisible(true);

    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setMinimumHeight(m_message->fontMetrics().lineSpacing() * 2);

    auto *rowButtons = new QHBoxLayout;
    rowButtons->addWidget(m_add);
    rowButtons->addWidget(m_remove);
    rowButtons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(rowButtons);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    resize(480, 380);

    connect(m_add, &QPushButton::clicked, this, &StageEditor::addStage);
    connect(m_remove, &QPushButton::clicked, this, &StageEditor::removeStage);
    connect(m_table, &QTableWidget::itemChanged, this, &StageEditor::validate);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &StageEditor::validate);
    connect(applyButton(), &QPushButton::clicked, this, &StageEditor::apply);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (apply())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_document, &Document::changed, this, &StageEditor::scenarioChanged);
    reload();
}

QPushButton *StageEditor::applyButton() const
{
    return m_buttons->button(QDialogButtonBox::Apply);
}

QPushButton *StageEditor::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QString StageEditor::messageText() const
{
    return m_message->text();
}

void StageEditor::reload()
{
    setRows(m_document->scenario().stages);
}

void StageEditor::scenarioChanged()
{
    const std::vector<Stage> &now = m_document->scenario().stages;
    if (now == m_loaded)
        return;
    if (stages() == m_loaded) // nothing typed: follow the document
        setRows(now);
    else
        validate(); // keep what was typed; the message compares with the new stages
}

void StageEditor::setRows(const std::vector<Stage> &stages)
{
    m_loaded = m_document->scenario().stages;
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(static_cast<int>(stages.size()));
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const Stage &stage = stages[static_cast<std::size_t>(row)];
        m_table->setItem(row, NameColumn, new QTableWidgetItem(QString::fromStdString(stage.name)));
        auto *from = new QTableWidgetItem;
        from->setData(Qt::EditRole, static_cast<qlonglong>(stage.from));
        from->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, FromColumn, from);
    }
    validate();
}

std::optional<std::vector<Stage>> StageEditor::stages() const
{
    std::vector<Stage> out;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *name = m_table->item(row, NameColumn);
        const QTableWidgetItem *from = m_table->item(row, FromColumn);
        bool ok = false;
        const qlonglong value = from ? from->data(Qt::EditRole).toString().trimmed().toLongLong(&ok) : 0;
        if (!ok)
            return std::nullopt;
        out.push_back({name ? name->text().trimmed().toStdString() : std::string(), static_cast<Effort>(value)});
    }
    return out;
}

QString StageEditor::problemOf(const std::vector<Stage> &stages)
{
    if (stages.empty())
        return tr("Keep at least one stage: every project is always in some stage.");
    if (stages.size() > static_cast<std::size_t>(limits::kMaxStages))
        return tr("At most %1 stages.").arg(limits::kMaxStages);
    for (std::size_t i = 0; i < stages.size(); ++i) {
        const Stage &stage = stages[i];
        const int row = static_cast<int>(i) + 1;
        if (stage.name.empty())
            return tr("Stage %1 has no name.").arg(row);
        for (std::size_t j = 0; j < i; ++j)
            if (stages[j].name == stage.name)
                return tr("Stages %1 and %2 are both named %3: stage names must be unique.")
                    .arg(j + 1)
                    .arg(row)
                    .arg(quoted(stage.name));
        if (stage.from < 0 || stage.from > limits::kMaxTotalEffort)
            return tr("%1 must start between 0 and %2 units.").arg(quoted(stage.name), units(limits::kMaxTotalEffort));
        if (i == 0 && stage.from != 0)
            return tr("The first stage, %1, must start at 0 units: a project with no effort is in it.")
                .arg(quoted(stage.name));
        if (i > 0 && stage.from <= stages[i - 1].from)
            return tr("%1 starts at %2 units, not above %3 (%4): each stage must start above the one before.")
                .arg(quoted(stage.name), units(stage.from), quoted(stages[i - 1].name), units(stages[i - 1].from));
    }
    // What else a scenario file refuses (long names, control characters), in the file's words.
    Scenario probe;
    probe.projects.push_back(Project{});
    probe.projects.back().name = "probe";
    probe.stages = stages;
    if (const auto error = validateScenario(probe, QString()); error && error->location.startsWith("stages"))
        return tr("Stage %1 is refused: %2.").arg(error->location, error->reason);
    return {};
}

QString StageEditor::problem() const
{
    const auto typed = stages();
    if (!typed) {
        for (int row = 0; row < m_table->rowCount(); ++row) {
            bool ok = false;
            const QTableWidgetItem *from = m_table->item(row, FromColumn);
            if (from)
                from->data(Qt::EditRole).toString().trimmed().toLongLong(&ok);
            if (!ok)
                return tr("Stage %1 must start at a whole number of units.").arg(row + 1);
        }
    }
    return problemOf(*typed);
}

void StageEditor::validate()
{
    const QString why = problem();
    const bool fine = why.isEmpty();
    applyButton()->setEnabled(fine && stages() != m_document->scenario().stages);
    okButton()->setEnabled(fine);
    m_remove->setEnabled(m_table->rowCount() > 1 && m_table->currentRow() >= 0);
    QPalette palette = m_message->palette();
    palette.setColor(QPalette::WindowText,
                     fine ? this->palette().color(QPalette::WindowText) : QColor(0xd0, 0x30, 0x30));
    m_message->setPalette(palette);
    if (!fine)
        m_message->setText(why);
    else if (stages() == m_document->scenario().stages)
        m_message->setText(tr("These are the scenario's stages."));
    else
        m_message->setText(tr("Apply to use these %n stage(s) (one undo step).", nullptr, m_table->rowCount()));
}

bool StageEditor::apply()
{
    validate();
    const QString why = problem();
    if (!why.isEmpty())
        return false;
    const std::vector<Stage> typed = *stages();
    m_document->edit(tr("Edit Stages"), [typed](Scenario &s) { s.stages = typed; });
    setRows(typed); // names as trimmed
    return true;
}

void StageEditor::addStage()
{
    const int selected = m_table->currentRow();
    const int row = selected >= 0 ? selected + 1 : m_table->rowCount();
    // Above the stage before it, half way to the next when there is room.
    const auto typed = stages();
    Effort from = 0;
    if (typed && row > 0) {
        const Effort before = (*typed)[static_cast<std::size_t>(row - 1)].from;
        from = before + 10;
        if (row < static_cast<int>(typed->size())) {
            const Effort after = (*typed)[static_cast<std::size_t>(row)].from;
            from = after - before > 1 ? before + (after - before) / 2 : before + 1;
        }
    }
    QString name = tr("New stage");
    for (int k = 2; !m_table->findItems(name, Qt::MatchExactly).isEmpty(); ++k)
        name = tr("New stage %1").arg(k);
    {
        const QSignalBlocker blocker(m_table);
        m_table->insertRow(row);
        m_table->setItem(row, NameColumn, new QTableWidgetItem(name));
        auto *item = new QTableWidgetItem;
        item->setData(Qt::EditRole, static_cast<qlonglong>(from));
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, FromColumn, item);
    }
    m_table->setCurrentCell(row, NameColumn);
    validate();
}

void StageEditor::removeStage()
{
    const int row = m_table->currentRow();
    if (row < 0 || m_table->rowCount() <= 1)
        return;
    m_table->removeRow(row);
    validate();
}

} // namespace ef
