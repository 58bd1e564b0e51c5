// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// Targets in the window (Edit ▸ Targets…), the stage-entry marks of the growth view, and the stage
// editor (Edit ▸ Stages…), driven through their real widgets.

#include "UiTestSupport.h"

#include "FileTestSupport.h"

#include "Targets.h"
#include "charts/GrowthChart.h"
#include "charts/GrowthView.h"
#include "document/NumberFormat.h"
#include "persistence/Settings.h"
#include "widgets/StageEditor.h"
#include "widgets/TargetsDialog.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUndoStack>

using namespace ef;
using namespace ef::test;

namespace {

/// Clicks `button` (it must be enabled) the way a user does.
void click(QPushButton *button)
{
    REQUIRE(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

/// Waits for the dialog's search to end with an answer or a reason.
void waitForAnswer(TargetsDialog *dialog)
{
    QSignalSpy finished(dialog, &TargetsDialog::searchFinished);
    if (dialog->isSearching())
        REQUIRE(finished.wait(60'000));
    REQUIRE_FALSE(dialog->isSearching());
}

/// Independently of core/Targets: the first total, trying every one from 0, whose optimal split gives
/// project `project` at least `effort` units.
Effort scanForEffort(const Scenario &s, std::size_t project, Effort effort, Effort upTo)
{
    for (Effort total = 0; total <= upTo; ++total) {
        const AllocationResult r = allocate(s, total, Method::Auto);
        if (r.ok() && r.allocation->projects[project].effort >= effort)
            return total;
    }
    return -1;
}

/// The same for an objective.
Effort scanForObjective(const Scenario &s, double objective, Effort upTo)
{
    for (Effort total = 0; total <= upTo; ++total) {
        const AllocationResult r = allocate(s, total, Method::Auto);
        if (r.ok() && r.allocation->objective >= objective)
            return total;
    }
    return -1;
}

/// A scenario with an S-curve project of weight 0 that no total funds: the search for its stage tries
/// up to kTargetScanLimit totals, each an exact optimisation (many seconds).
Scenario slowScenario()
{
    Scenario s = presetScenario("deep-learning-bet");
    REQUIRE_FALSE(s.allConcave());
    Project idle = s.projects.back();
    idle.name = "Idle bet";
    idle.weight = 0;
    s.projects.push_back(idle);
    return s;
}

struct GrowthOffAfterwards {
    ~GrowthOffAfterwards() { settings::setGrowthViewShown(false); }
};

} // namespace

TEST_CASE("Targets: a project's stage and an objective are answered as the core and a scan over totals say",
          "[targets]")
{
    MainWindow window;
    showExposed(window);
    const Scenario startup = presetScenario("startup");
    REQUIRE(window.document()->scenario() == startup);
    TargetsDialog *dialog = window.showTargets();
    REQUIRE(dialog->isVisible());
    REQUIRE(dialog->projectBox()->count() == 5);
    REQUIRE(dialog->stageBox()->count() == 5);

    SECTION("the smallest budget at which each project reaches 'Using DL' and 'SotA research approach'")
    {
        for (const int stage : {3, 4}) {
            for (const int project : {0, 2}) {
                dialog->projectBox()->setCurrentIndex(project);
                dialog->stageBox()->setCurrentIndex(stage);
                click(dialog->findButton());
                waitForAnswer(dialog);
                const Effort from = startup.stages[static_cast<std::size_t>(stage)].from;
                const TargetSearch core = budgetToReachEffort(startup, static_cast<std::size_t>(project), from);
                REQUIRE(core.ok());
                const Effort scanned = scanForEffort(startup, static_cast<std::size_t>(project), from, 2000);
                INFO("project " << project << ", stage " << stage);
                CHECK(*core.totalEffort == scanned);
                REQUIRE(dialog->answer() == core.totalEffort);
                const QString text = dialog->answerText();
                CHECK(text.contains(QString::fromStdString(startup.projects[static_cast<std::size_t>(project)].name)));
                CHECK(text.contains(QString::fromStdString(startup.stages[static_cast<std::size_t>(stage)].name)));
                CHECK(text.contains(QStringLiteral("at a total of %1 units").arg(format::units(scanned))));
            }
        }
    }

    SECTION("the least budget for an objective: the one at 250 units is first reached at or below 250")
    {
        const double target = allocate(startup, 250, Method::Auto).allocation->objective - 1e-9;
        REQUIRE(dialog->objectiveQuestion()->isEnabled());
        dialog->objectiveQuestion()->click();
        REQUIRE_FALSE(dialog->projectBox()->isEnabled());
        dialog->objectiveBox()->setValue(target);
        const double asked = dialog->objectiveBox()->value(); // rounded to the box's decimals
        click(dialog->findButton());
        waitForAnswer(dialog);
        const TargetSearch core = budgetToReachObjective(startup, asked);
        REQUIRE(core.ok());
        CHECK(*core.totalEffort == scanForObjective(startup, asked, 300));
        CHECK(dialog->answer() == core.totalEffort);
        CHECK(dialog->answerText().contains(format::units(*core.totalEffort)));
    }

    SECTION("a project of weight 0 never reaches a stage: the answer says why, and offers no total")
    {
        window.document()->edit(QStringLiteral("weight"), [](Scenario &s) { s.projects[4].weight = 0; });
        dialog->projectBox()->setCurrentIndex(4);
        dialog->stageBox()->setCurrentIndex(1);
        click(dialog->findButton());
        waitForAnswer(dialog);
        CHECK_FALSE(dialog->answer());
        CHECK(dialog->answerText().contains(QStringLiteral("never reaches")));
        CHECK(dialog->answerText().contains(QStringLiteral("its weight is 0")));
        CHECK_FALSE(dialog->setTotalButton()->isEnabled());
    }
}

TEST_CASE("Targets: Set Total is one undo step and keeps the answer, which does not depend on the total", "[targets]")
{
    MainWindow window;
    showExposed(window);
    TargetsDialog *dialog = window.showTargets();
    dialog->projectBox()->setCurrentIndex(0);
    dialog->stageBox()->setCurrentIndex(4); // SotA research approach, from 90
    click(dialog->findButton());
    waitForAnswer(dialog);
    REQUIRE(dialog->answer());
    const Effort answer = *dialog->answer();
    REQUIRE(answer > 100);
    CHECK(dialog->setTotalButton()->text().contains(format::units(answer)));

    QUndoStack *undo = window.document()->undoStack();
    const int steps = undo->count();
    click(dialog->setTotalButton());
    REQUIRE(window.document()->service()->waitForIdle());
    CHECK(window.document()->scenario().totalEffort == answer);
    CHECK(undo->count() == steps + 1);
    CHECK(dialog->answer() == answer); // still the answer: the total is not part of the question
    CHECK_FALSE(dialog->setTotalButton()->isEnabled());
    // At the answer the project is in the stage; one unit less and it is not.
    CHECK(dotEfforts(window)[0] >= 90);
    CHECK(allocatorEfforts(window.document()->scenario(), answer - 1)[0] < 90);

    undo->undo();
    CHECK(window.document()->scenario().totalEffort == 100);
    CHECK(undo->count() == steps + 1);
    CHECK(undo->index() == steps);
}

TEST_CASE("Targets: an edit while a search runs cancels it and no stale answer is ever shown, and Cancel stops it",
          "[targets]")
{
    MainWindow window;
    showExposed(window);
    window.document()->replace(slowScenario(), QString());
    REQUIRE(window.document()->service()->waitForIdle());
    TargetsDialog *dialog = window.showTargets();
    QSignalSpy finished(dialog, &TargetsDialog::searchFinished);
    const int idle = dialog->projectBox()->findText(QStringLiteral("Idle bet"));
    REQUIRE(idle >= 0);
    dialog->projectBox()->setCurrentIndex(idle);
    dialog->stageBox()->setCurrentIndex(2);

    SECTION("an edit of the scenario")
    {
        click(dialog->findButton());
        REQUIRE(dialog->isSearching());
        CHECK(dialog->busyBar()->isVisible());
        CHECK(dialog->cancelButton()->isEnabled());
        CHECK_FALSE(dialog->findButton()->isEnabled());
        QTest::qWait(300);
        REQUIRE(dialog->isSearching()); // many seconds of work: still running
        window.document()->edit(QStringLiteral("weight"), [](Scenario &s) { s.projects[0].weight = 2; });
        CHECK_FALSE(dialog->isSearching());
        CHECK_FALSE(dialog->busyBar()->isVisible());
        CHECK(dialog->answerText().isEmpty());
        QTest::qWait(500);
        CHECK(finished.isEmpty());
        CHECK_FALSE(dialog->answer());
        CHECK(dialog->answerText().isEmpty());
    }
    SECTION("Cancel")
    {
        click(dialog->findButton());
        REQUIRE(dialog->isSearching());
        QTest::qWait(200);
        click(dialog->cancelButton());
        CHECK_FALSE(dialog->isSearching());
        CHECK(dialog->findButton()->isEnabled());
        QTest::qWait(500);
        CHECK(finished.isEmpty());
        CHECK(dialog->answerText().isEmpty());
    }
}

TEST_CASE("Targets: an answer computed for the old scenario and already on its way is dropped", "[targets]")
{
    MainWindow window;
    showExposed(window);
    TargetsDialog *dialog = window.showTargets();
    QSignalSpy finished(dialog, &TargetsDialog::searchFinished);
    dialog->projectBox()->setCurrentIndex(1);
    dialog->stageBox()->setCurrentIndex(3);
    click(dialog->findButton());
    // The search of a concave scenario takes milliseconds: let it finish and post its answer while the UI
    // thread is busy, then change the scenario before that answer is delivered.
    QThread::msleep(500);
    window.document()->edit(QStringLiteral("weight"), [](Scenario &s) { s.projects[1].weight = 3; });
    QTest::qWait(200);
    CHECK(finished.isEmpty());
    CHECK_FALSE(dialog->answer());
    CHECK(dialog->answerText().isEmpty());

    // Asked again, the answer is the one for the new weights.
    click(dialog->findButton());
    waitForAnswer(dialog);
    const TargetSearch core = budgetToReachEffort(window.document()->scenario(), 1, 40);
    REQUIRE(core.ok());
    CHECK(dialog->answer() == core.totalEffort);
    CHECK(core.totalEffort != budgetToReachEffort(presetScenario("startup"), 1, 40).totalEffort);

    // A stage moved: the choice stays on it by name, with its new start in the label; the answer goes.
    window.document()->edit(QStringLiteral("stages"), [](Scenario &s) { s.stages[3].from = 45; });
    CHECK(dialog->stageBox()->currentIndex() == 3);
    CHECK(dialog->stageBox()->currentText() == QStringLiteral("Using DL (from 45 units)"));
    CHECK_FALSE(dialog->answer());
    CHECK(dialog->answerText().isEmpty());
}

TEST_CASE("Growth view: stage-entry marks sit where each line first reaches each stage, found by a scan",
          "[growth][stages]")
{
    const GrowthOffAfterwards reset;
    MainWindow window;
    window.growthViewAction()->setChecked(true);
    showExposed(window);
    window.document()->edit(QStringLiteral("total"), [](Scenario &s) { s.totalEffort = 700; });
    REQUIRE(window.document()->service()->waitForIdle());
    QCoreApplication::processEvents();
    const GrowthView *view = window.growthView();
    REQUIRE(view->pathShown());
    const GrowthChart *chart = view->chart();
    const Scenario &s = window.document()->scenario();

    // Independently: for every project and every stage after the first, the first total of a scan whose
    // optimal split gives the project the stage's start.
    std::vector<std::tuple<std::size_t, std::size_t, Effort>> expected;
    for (std::size_t i = 0; i < s.projects.size(); ++i)
        for (std::size_t k = 1; k < s.stages.size(); ++k)
            if (const Effort at = scanForEffort(s, i, s.stages[k].from, 700); at > 0)
                expected.emplace_back(i, k, at);
    REQUIRE(chart->stageMarks().size() == expected.size());
    for (std::size_t m = 0; m < expected.size(); ++m) {
        const auto &[project, stage, budget] = expected[m];
        INFO("mark " << m);
        CHECK(chart->stageMarks()[m].project == project);
        CHECK(chart->stageMarks()[m].stage == stage);
        CHECK(chart->stageMarkPoint(m)
              == QPointF(static_cast<double>(budget), static_cast<double>(s.stages[stage].from)));
    }
    CHECK(view->subtitle().contains(QStringLiteral("◆ enters a stage")));
    // The top project enters 'SotA research approach' somewhere above 100 units: its tooltip says so.
    const auto sota = std::find_if(expected.begin(), expected.end(),
                                   [](const auto &e) { return std::get<0>(e) == 0 && std::get<1>(e) == 4; });
    REQUIRE(sota != expected.end());
    const auto index = static_cast<std::size_t>(sota - expected.begin());
    const QPointF at = chart->stageMarkPoint(index);
    const QPointF pixel(chart->plot()->xAxis->coordToPixel(at.x()), chart->plot()->yAxis->coordToPixel(at.y()));
    CHECK(chart->toolTipAt(pixel)
          == QStringLiteral("Dynamic pricing enters “SotA research approach” (90 units) at a budget of %1")
                 .arg(format::units(std::get<2>(*sota))));
    CHECK(chart->toolTipAt(pixel + QPointF(40, 40)).isEmpty());

    // The marks follow an edit of the stages.
    window.document()->edit(QStringLiteral("stages"), [](Scenario &sc) { sc.stages[4].from = 120; });
    REQUIRE(window.document()->service()->waitForIdle());
    QCoreApplication::processEvents();
    const auto moved = std::find_if(chart->stageMarks().begin(), chart->stageMarks().end(),
                                    [](const StageEntry &e) { return e.project == 0 && e.stage == 4; });
    REQUIRE(moved != chart->stageMarks().end());
    CHECK(moved->budget == scanForEffort(window.document()->scenario(), 0, 120, 700));
}

TEST_CASE("Exports of the growth view draw the stage-entry marks", "[growth][stages][export]")
{
    MainWindow window;
    showExposed(window);
    window.document()->edit(QStringLiteral("total"), [](Scenario &s) { s.totalEffort = 300; });
    REQUIRE(window.document()->service()->waitForIdle());
    QTemporaryDir dir;
    const auto exportGrowth = [&](const QString &name) {
        QString error;
        const QString path = dir.filePath(name);
        REQUIRE(window.exportChart(path, ExportOptions{QSize(1200, 800), 1}, &error, ChartView::Growth));
        return readBytes(path);
    };
    // The diamonds are the only shapes filled with a project's colour (the lines are strokes).
    const QString color = window.theme().projectColor(0, window.document()->scenario().projects[0].color).name();
    const QByteArray with = exportGrowth(QStringLiteral("marks.svg"));
    CHECK(with.contains(QByteArrayLiteral("fill=\"") + color.toLatin1()));
    CHECK(with.contains("enters a stage"));
    // At 3 units no project reaches 'Using ML' (5): no marks.
    window.document()->edit(QStringLiteral("total"), [](Scenario &s) { s.totalEffort = 3; });
    REQUIRE(window.document()->service()->waitForIdle());
    const QByteArray without = exportGrowth(QStringLiteral("none.svg"));
    CHECK_FALSE(without.contains(QByteArrayLiteral("fill=\"") + color.toLatin1()));
}

TEST_CASE("Stage editor: rename, move, add and remove stages in one undo step, and chart, table and marks follow",
          "[stages]")
{
    MainWindow window;
    showExposed(window);
    Document *document = window.document();
    QUndoStack *undo = document->undoStack();
    const std::vector<Stage> before = document->scenario().stages;
    REQUIRE(before.size() == 5);
    REQUIRE(window.resultsTable()->model()->text(0, ResultsTable::StageColumn)
            == QStringLiteral("Feature engineering"));

    StageEditor editor(document, &window);
    editor.show();
    REQUIRE(QTest::qWaitForWindowExposed(&editor));
    QTableWidget *table = editor.table();
    REQUIRE(table->rowCount() == 5);
    CHECK_FALSE(editor.applyButton()->isEnabled()); // nothing to apply yet: not an error either
    CHECK(editor.messageText() == QStringLiteral("These are the scenario's stages."));

    // Rename "Feature engineering" and move "Using DL" from 40 to 30, then add a stage at the end.
    table->item(2, StageEditor::NameColumn)->setText(QStringLiteral("  Features  "));
    table->item(3, StageEditor::FromColumn)->setData(Qt::EditRole, 30);
    table->setCurrentCell(4, 0);
    click(editor.addButton());
    REQUIRE(table->rowCount() == 6);
    CHECK(table->item(5, StageEditor::NameColumn)->text() == QStringLiteral("New stage"));
    CHECK(table->item(5, StageEditor::FromColumn)->data(Qt::EditRole).toLongLong() == 100);
    table->item(5, StageEditor::NameColumn)->setText(QStringLiteral("Frontier"));
    const int steps = undo->count();
    click(editor.applyButton());
    const std::vector<Stage> expected{
        {"If-else heuristics", 0},      {"Using ML", 5},  {"Features", 15}, {"Using DL", 30},
        {"SotA research approach", 90}, {"Frontier", 100}};
    CHECK(document->scenario().stages == expected);
    CHECK(undo->count() == steps + 1);
    QCoreApplication::processEvents();
    CHECK(window.resultsTable()->model()->text(0, ResultsTable::StageColumn) == QStringLiteral("Using DL")); // 33 ≥ 30
    CHECK(window.resultsTable()->model()->text(2, ResultsTable::StageColumn) == QStringLiteral("Features"));
    CHECK(window.chartWidget()->chart()->shownStageNames().size() == 6);

    // Remove the new stage again: also one step.
    table->setCurrentCell(5, 0);
    click(editor.removeButton());
    click(editor.applyButton());
    CHECK(document->scenario().stages.size() == 5);
    CHECK(undo->count() == steps + 2);

    undo->undo();
    CHECK(document->scenario().stages == expected);
    CHECK(table->rowCount() == 6); // nothing typed: the open editor follows the undo
    CHECK(table->item(5, StageEditor::NameColumn)->text() == QStringLiteral("Frontier"));
    undo->undo();
    CHECK(document->scenario().stages == before);
    CHECK(window.resultsTable()->model()->text(0, ResultsTable::StageColumn) == QStringLiteral("Feature engineering"));
}

TEST_CASE("Stage editor: invalid stages are refused with a message naming the problem", "[stages]")
{
    MainWindow window;
    showExposed(window);
    Document *document = window.document();
    const Scenario original = document->scenario();
    QUndoStack *undo = document->undoStack();
    const int steps = undo->count();
    StageEditor &editor = *window.editStages(); // as Edit ▸ Stages… opens it
    REQUIRE(QTest::qWaitForWindowExposed(&editor));
    CHECK(editor.isModal());
    QTableWidget *table = editor.table();

    struct Case {
        const char *what;
        std::function<void()> edit;
        const char *message;
    };
    const std::vector<Case> cases{
        {"a duplicate name", [&] { table->item(3, 0)->setText(QStringLiteral("Using ML")); },
         "Stages 2 and 4 are both named “Using ML”: stage names must be unique."},
        {"an empty name", [&] { table->item(1, 0)->setText(QStringLiteral("   ")); }, "Stage 2 has no name."},
        {"a first stage not at 0", [&] { table->item(0, 1)->setData(Qt::EditRole, 2); },
         "The first stage, “If-else heuristics”, must start at 0 units"},
        {"thresholds not increasing", [&] { table->item(3, 1)->setData(Qt::EditRole, 15); },
         "“Using DL” starts at 15 units, not above “Feature engineering” (15): each stage must start above the one "
         "before."},
        {"a threshold that is not a number", [&] { table->item(2, 1)->setData(Qt::EditRole, QStringLiteral("lots")); },
         "Stage 3 must start at a whole number of units."},
        {"a negative threshold", [&] { table->item(4, 1)->setData(Qt::EditRole, -5); },
         "“SotA research approach” must start between 0 and"},
    };
    for (const Case &c : cases) {
        INFO(c.what);
        editor.reload();
        c.edit();
        CHECK(editor.messageText().startsWith(QString::fromUtf8(c.message)));
        CHECK_FALSE(editor.applyButton()->isEnabled());
        CHECK_FALSE(editor.okButton()->isEnabled());
        CHECK_FALSE(editor.apply());
        CHECK(document->scenario() == original);
        CHECK(undo->count() == steps);
    }
    // At least one stage: Remove stops at the last.
    editor.reload();
    while (table->rowCount() > 1) {
        table->setCurrentCell(table->rowCount() - 1, 0);
        click(editor.removeButton());
    }
    table->setCurrentCell(0, 0);
    CHECK_FALSE(editor.removeButton()->isEnabled());
    CHECK(StageEditor::problemOf({})
          == QStringLiteral("Keep at least one stage: every project is always in some stage."));
    CHECK(editor.apply()); // one stage from 0 is fine
    CHECK(document->scenario().stages == std::vector<Stage>{{"If-else heuristics", 0}});
}
