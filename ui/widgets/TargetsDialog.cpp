// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "widgets/TargetsDialog.h"

#include "Allocator.h"
#include "document/Document.h"
#include "document/NumberFormat.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHideEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace ef {

namespace {

QString quoted(const QString &name)
{
    return QStringLiteral("“%1”").arg(name);
}

} // namespace

TargetsDialog::TargetsDialog(Document *document, QWidget *parent)
    : QDialog(parent), m_document(document),
      m_stageQuestion(new QRadioButton(tr("The smallest &budget at which a project reaches a stage"), this)),
      m_objectiveQuestion(new QRadioButton(tr("The least budget that reaches an &objective Σ w·f"), this)),
      m_project(new QComboBox(this)), m_stage(new QComboBox(this)), m_objective(new QDoubleSpinBox(this)),
      m_find(new QPushButton(tr("&Find"), this)), m_cancel(new QPushButton(tr("&Cancel Search"), this)),
      m_setTotal(new QPushButton(tr("&Set Total"), this)), m_busy(new QProgressBar(this)), m_status(new QLabel(this)),
      m_answerLabel(new QLabel(this)), m_tick(new QTimer(this))
{
    setWindowTitle(tr("Targets"));
    m_pool.setMaxThreadCount(1);
    m_stageQuestion->setChecked(true);

    m_project->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_stage->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_objective->setDecimals(4);
    m_objective->setRange(-1e12, 1e12);
    m_objective->setSingleStep(0.1);
    m_objective->setMinimumWidth(140);

    auto *projectLabel = new QLabel(tr("&Project:"), this);
    projectLabel->setBuddy(m_project);
    auto *stageLabel = new QLabel(tr("S&tage:"), this);
    stageLabel->setBuddy(m_stage);
    auto *objectiveLabel = new QLabel(tr("Objective &at least:"), this);
    objectiveLabel->setBuddy(m_objective);

    auto *questions = new QGridLayout;
    questions->setColumnMinimumWidth(0, 24);
    questions->addWidget(m_stageQuestion, 0, 0, 1, 3);
    questions->addWidget(projectLabel, 1, 1);
    questions->addWidget(m_project, 1, 2);
    questions->addWidget(stageLabel, 2, 1);
    questions->addWidget(m_stage, 2, 2);
    questions->addWidget(m_objectiveQuestion, 3, 0, 1, 3);
    questions->addWidget(objectiveLabel, 4, 1);
    questions->addWidget(m_objective, 4, 2);
    questions->setColumnStretch(2, 1);

    m_busy->setRange(0, 0); // busy: the searches cannot tell how far they are
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(m_busy->fontMetrics().height());
    m_busy->setVisible(false);
    m_status->setWordWrap(true);

    QFont answerFont = m_answerLabel->font();
    answerFont.setPointSizeF(answerFont.pointSizeF() * 1.15);
    m_answerLabel->setFont(answerFont);
    m_answerLabel->setWordWrap(true);
    m_answerLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_answerLabel->setMinimumHeight(m_answerLabel->fontMetrics().lineSpacing() * 3);
    m_answerLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_find);
    actions->addWidget(m_cancel);
    actions->addStretch(1);
    actions->addWidget(m_setTotal);
    m_find->setDefault(true);
    m_setTotal->setToolTip(tr("Make the answer the scenario's total effort (one undo step)"));

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(questions);
    layout->addLayout(actions);
    layout->addWidget(m_busy);
    layout->addWidget(m_status);
    layout->addWidget(m_answerLabel, 1);
    layout->addWidget(close);
    setMinimumWidth(520);

    connect(m_find, &QPushButton::clicked, this, &TargetsDialog::find);
    connect(m_cancel, &QPushButton::clicked, this, &TargetsDialog::cancel);
    connect(m_setTotal, &QPushButton::clicked, this, &TargetsDialog::setTotal);
    connect(m_stageQuestion, &QRadioButton::toggled, this, &TargetsDialog::updateButtons);
    // Choosing another project, stage or objective asks a new question: the old answer goes.
    const auto questionChanged = [this] {
        if (m_searching || m_answer)
            cancel();
        if (!m_answerLabel->text().isEmpty())
            showAnswer({});
        m_status->clear();
        updateButtons();
    };
    connect(m_project, &QComboBox::currentIndexChanged, this, questionChanged);
    connect(m_stage, &QComboBox::currentIndexChanged, this, questionChanged);
    connect(m_objective, &QDoubleSpinBox::valueChanged, this, questionChanged);
    connect(m_stageQuestion, &QRadioButton::toggled, this, questionChanged);
    connect(m_document, &Document::changed, this, &TargetsDialog::scenarioChanged);
    connect(m_tick, &QTimer::timeout, this,
            [this] { m_status->setText(tr("Searching… %1 s").arg(m_clock.elapsed() / 1000)); });
    m_tick->setInterval(1000);

    fillChoices();
    // The objective box starts at the current optimum's objective: a starting point for "how much more?".
    const AllocationResult &result = m_document->result();
    if (result.ok() && std::isfinite(result.allocation->objective))
        m_objective->setValue(result.allocation->objective);
    showAnswer({});
    updateButtons();
}

TargetsDialog::~TargetsDialog()
{
    if (m_cancelFlag)
        m_cancelFlag->store(true);
    m_pool.waitForDone();
}

QString TargetsDialog::answerText() const
{
    return m_answerLabel->text();
}

void TargetsDialog::fillChoices()
{
    const Scenario &scenario = m_document->scenario();
    const QString project = m_project->currentText();
    const QString stage = m_stage->currentData().toString(); // the name: the label shows `from` too
    const QSignalBlocker projectBlocker(m_project);
    const QSignalBlocker stageBlocker(m_stage);
    m_project->clear();
    for (const Project &p : scenario.projects)
        m_project->addItem(QString::fromStdString(p.name));
    m_stage->clear();
    for (const Stage &s : scenario.stages)
        m_stage->addItem(tr("%1 (from %2 units)").arg(QString::fromStdString(s.name), format::units(s.from)),
                         QString::fromStdString(s.name));
    // Keep the choices by name when they still exist; otherwise the top project and the last stage.
    const int projectIndex = m_project->findText(project);
    m_project->setCurrentIndex(projectIndex >= 0 ? projectIndex : 0);
    const int stageIndex = m_stage->findData(stage);
    m_stage->setCurrentIndex(stageIndex >= 0 ? stageIndex : m_stage->count() - 1);
}

void TargetsDialog::scenarioChanged()
{
    const Scenario &scenario = m_document->scenario();
    const bool choicesChanged = static_cast<std::size_t>(m_project->count()) != scenario.projects.size()
        || static_cast<std::size_t>(m_stage->count()) != scenario.stages.size() ||
        [&] {
            for (std::size_t i = 0; i < scenario.projects.size(); ++i)
                if (m_project->itemText(static_cast<int>(i)) != QString::fromStdString(scenario.projects[i].name))
                    return true;
            for (std::size_t i = 0; i < scenario.stages.size(); ++i)
                if (m_stage->itemData(static_cast<int>(i)).toString() != QString::fromStdString(scenario.stages[i].name)
                    || !m_stage->itemText(static_cast<int>(i)).contains(format::units(scenario.stages[i].from)))
                    return true;
            return false;
        }();
    // Anything shown for a question (an answer, or why there is none) belongs to the scenario it was asked of.
    const bool asked = m_searching || m_answer || !m_answerLabel->text().isEmpty();
    const bool stale = asked && (scenario.projects != m_askedProjects || scenario.stages != m_askedStages);
    if (stale) {
        cancel();
        showAnswer({});
        m_status->setText(tr("The scenario changed since the question was asked: Find again for an answer that "
                             "fits it."));
    }
    if (choicesChanged) {
        fillChoices();
        if (!stale && asked) { // a rename only: the question is no longer the one shown
            cancel();
            showAnswer({});
        }
    }
    updateButtons();
}

void TargetsDialog::find()
{
    if (m_searching)
        cancel();
    const Scenario scenario = m_document->scenario();
    m_askedProjects = scenario.projects;
    m_askedStages = scenario.stages;
    m_askedStageQuestion = m_stageQuestion->isChecked();
    const int projectIndex = m_project->currentIndex();
    const int stageIndex = m_stage->currentIndex();
    if (m_askedStageQuestion && (projectIndex < 0 || stageIndex < 0))
        return;
    const auto project = static_cast<std::size_t>(std::max(0, projectIndex));
    const auto stage = static_cast<std::size_t>(std::max(0, stageIndex));
    m_askedProject = m_project->currentText();
    m_askedStage = m_stage->currentData().toString();
    m_askedFrom = m_askedStageQuestion ? scenario.stages[stage].from : 0;
    m_askedObjective = m_objective->value();
    m_answer.reset();
    showAnswer({});

    const quint64 generation = ++m_generation;
    auto flag = std::make_shared<std::atomic<bool>>(false);
    m_cancelFlag = flag;
    setSearching(true);
    const bool stageQuestion = m_askedStageQuestion;
    const Effort from = m_askedFrom;
    const double objective = m_askedObjective;
    m_pool.start([this, scenario, project, from, objective, stageQuestion, generation, flag] {
        AllocateOptions options;
        options.cancel = flag.get();
        Outcome outcome;
        outcome.search = stageQuestion ? budgetToReachEffort(scenario, project, from, options)
                                       : budgetToReachObjective(scenario, objective, options);
        if (outcome.search.ok()) {
            const AllocationResult there = allocate(scenario, *outcome.search.totalEffort, Method::Auto, options);
            if (there.ok()) {
                outcome.objectiveThere = there.allocation->objective;
                if (project < there.allocation->projects.size())
                    outcome.effortThere = there.allocation->projects[project].effort;
            }
        }
        if (flag->load())
            return; // cancelled: nobody wants it
        QMetaObject::invokeMethod(
            this, [this, generation, outcome = std::move(outcome)] { finished(generation, outcome); },
            Qt::QueuedConnection);
    });
}

void TargetsDialog::finished(quint64 generation, const Outcome &outcome)
{
    if (generation != m_generation || !m_searching)
        return; // superseded or cancelled while on its way
    const Scenario &scenario = m_document->scenario();
    if (scenario.projects != m_askedProjects || scenario.stages != m_askedStages)
        return; // asked of another scenario (scenarioChanged() has withdrawn it already)
    setSearching(false);
    m_cancelFlag.reset();
    const QString seconds
        = tr("Found in %1 s.").arg(QString::number(static_cast<double>(m_clock.elapsed()) / 1000.0, 'f', 1));
    if (outcome.search.ok()) {
        const Effort total = *outcome.search.totalEffort;
        m_answer = total;
        if (m_askedStageQuestion)
            showAnswer(tr("%1 reaches %2 (%3 units) at a total of %4 units: its optimal share there is %5 units.")
                           .arg(quoted(m_askedProject), quoted(m_askedStage), format::units(m_askedFrom),
                                format::units(total), format::units(outcome.effortThere)));
        else
            showAnswer(tr("An objective of at least %1 is first reached at a total of %2 units (the optimal split "
                          "there gives %3).")
                           .arg(format::number(m_askedObjective), format::units(total),
                                format::number(outcome.objectiveThere)));
        m_status->setText(
            total == scenario.totalEffort
                ? tr("%1 That is the current total.").arg(seconds)
                : tr("%1 The current total is %2 units.").arg(seconds, format::units(scenario.totalEffort)));
    } else {
        const QString why = QString::fromStdString(outcome.search.error);
        if (m_askedStageQuestion)
            showAnswer(tr("%1 never reaches %2 (%3 units): %4.")
                           .arg(quoted(m_askedProject), quoted(m_askedStage), format::units(m_askedFrom), why));
        else
            showAnswer(tr("No total reaches an objective of %1: %2.").arg(format::number(m_askedObjective), why));
        m_status->clear();
    }
    updateButtons();
    emit searchFinished();
}

void TargetsDialog::cancel()
{
    const bool wasSearching = m_searching;
    ++m_generation; // whatever is on its way is dropped
    if (m_cancelFlag)
        m_cancelFlag->store(true);
    m_cancelFlag.reset();
    m_answer.reset();
    setSearching(false);
    if (wasSearching)
        m_status->setText(tr("Search cancelled."));
    updateButtons();
}

bool TargetsDialog::setTotal()
{
    if (!m_answer || m_searching)
        return false;
    const Effort total = *m_answer;
    m_document->edit(tr("Set Total to %1").arg(format::units(total)), [total](Scenario &s) { s.totalEffort = total; });
    m_status->setText(tr("The total is now %1 units.").arg(format::units(total)));
    updateButtons();
    return true;
}

void TargetsDialog::hideEvent(QHideEvent *event)
{
    QDialog::hideEvent(event);
    if (m_searching)
        cancel(); // nobody will see the answer
}

void TargetsDialog::setSearching(bool on)
{
    m_searching = on;
    m_busy->setVisible(on);
    if (on) {
        m_clock.start();
        m_status->setText(tr("Searching…"));
        m_tick->start();
    } else {
        m_tick->stop();
    }
    updateButtons();
}

void TargetsDialog::showAnswer(const QString &text)
{
    m_answerLabel->setText(text);
}

void TargetsDialog::updateButtons()
{
    const bool stage = m_stageQuestion->isChecked();
    m_project->setEnabled(stage);
    m_stage->setEnabled(stage);
    m_objective->setEnabled(!stage);
    m_find->setEnabled(!m_searching && (!stage || (m_project->count() > 0 && m_stage->count() > 0)));
    m_cancel->setEnabled(m_searching);
    const bool canSet = m_answer && !m_searching && *m_answer != m_document->scenario().totalEffort;
    m_setTotal->setEnabled(canSet);
    m_setTotal->setText(m_answer ? tr("&Set Total to %1").arg(format::units(*m_answer)) : tr("&Set Total"));
}

} // namespace ef
