// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Scenario.h"
#include "Targets.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTimer;

namespace ef {

class Document;

/**
 * Edit ▸ Targets…: two questions about the budget, answered from the core's target searches
 * (core/Targets.h) off the UI thread:
 *  - the smallest total at which a chosen project's optimal effort reaches a chosen stage
 *    (budgetToReachEffort with the stage's `from`);
 *  - the least total whose optimal objective Σ w·f is at least a given value (budgetToReachObjective).
 *
 * While a search runs the dialog shows a busy bar and the seconds spent, and Cancel stops it. An answer
 * belongs to the projects and stages it was asked for: when either changes (an edit, undo, another
 * file) a running search is cancelled and its result dropped, and a shown answer is withdrawn. The
 * total itself does not change the answer, so "Set total to N" (one undo step) keeps it.
 */
class TargetsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TargetsDialog(Document *document, QWidget *parent = nullptr);
    ~TargetsDialog() override;

    [[nodiscard]] QRadioButton *stageQuestion() const { return m_stageQuestion; }
    [[nodiscard]] QRadioButton *objectiveQuestion() const { return m_objectiveQuestion; }
    [[nodiscard]] QComboBox *projectBox() const { return m_project; }
    [[nodiscard]] QComboBox *stageBox() const { return m_stage; }
    [[nodiscard]] QDoubleSpinBox *objectiveBox() const { return m_objective; }
    [[nodiscard]] QPushButton *findButton() const { return m_find; }
    [[nodiscard]] QPushButton *cancelButton() const { return m_cancel; }
    [[nodiscard]] QPushButton *setTotalButton() const { return m_setTotal; }
    [[nodiscard]] QProgressBar *busyBar() const { return m_busy; }

    /// The answer shown, in words (or why there is none, or what is going on).
    [[nodiscard]] QString answerText() const;
    /// The total of the answer shown, when there is one for the current projects and stages.
    [[nodiscard]] std::optional<Effort> answer() const { return m_answer; }
    [[nodiscard]] bool isSearching() const { return m_searching; }

    /// Asks the chosen question (cancelling a search in progress).
    void find();
    /// Stops the search in progress; nothing is shown for it.
    void cancel();
    /// Sets the scenario's total to the answer (one undo step); false when there is no answer.
    bool setTotal();

signals:
    /// A search ended with an answer or a reason (not when cancelled or superseded).
    void searchFinished();

protected:
    void hideEvent(QHideEvent *event) override;

private:
    struct Outcome {
        TargetSearch search;
        double objectiveThere = 0; ///< The objective of the optimal split at the answer.
        Effort effortThere = 0;    ///< The project's effort there (stage question).
    };
    void scenarioChanged();
    void fillChoices();
    void finished(quint64 generation, const Outcome &outcome);
    void setSearching(bool on);
    void showAnswer(const QString &text);
    void updateButtons();

    Document *m_document;
    QRadioButton *m_stageQuestion;
    QRadioButton *m_objectiveQuestion;
    QComboBox *m_project;
    QComboBox *m_stage;
    QDoubleSpinBox *m_objective;
    QPushButton *m_find;
    QPushButton *m_cancel;
    QPushButton *m_setTotal;
    QProgressBar *m_busy;
    QLabel *m_status;
    QLabel *m_answerLabel;
    QTimer *m_tick;
    QElapsedTimer m_clock;

    QThreadPool m_pool;
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    quint64 m_generation = 0;
    bool m_searching = false;
    std::optional<Effort> m_answer;
    /// What the question was asked of: an answer is stale once these differ from the scenario's.
    std::vector<Project> m_askedProjects;
    std::vector<Stage> m_askedStages;
    QString m_askedProject; ///< Names, for the answer's sentence.
    QString m_askedStage;
    Effort m_askedFrom = 0;
    double m_askedObjective = 0;
    bool m_askedStageQuestion = true;
};

} // namespace ef
