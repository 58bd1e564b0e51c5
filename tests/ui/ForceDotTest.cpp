// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// Forcing a dot: the minimum, maximum and "Lock at" boxes of the project editor, typed as a user would;
// what the forced choice costs on the objective line; and the weights in the chart's legend.

#include "UiTestSupport.h"

#include "charts/DotDrag.h"
#include "document/NumberFormat.h"
#include "document/ResultsModel.h"
#include "widgets/ControlPanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QSpinBox>
#include <QTest>
#include <QUndoStack>

using namespace ef;
using namespace ef::test;

namespace {

/// Types `text` into `spin` over what it holds and presses Enter.
void typeInto(QSpinBox *spin, const char *text)
{
    typeOver(spin, text);
    QTest::keyClick(spin, Qt::Key_Enter);
}

/// Σ weight·f(effort), from the curves themselves.
double objectiveOf(const Scenario &scenario, const std::vector<Effort> &efforts)
{
    double sum = 0;
    for (std::size_t i = 0; i < efforts.size(); ++i)
        sum += scenario.projects[i].weight * scenario.projects[i].curve.value(static_cast<double>(efforts[i]));
    return sum;
}

} // namespace

TEST_CASE("Locking a project at 40 forces its dot there, the others re-allocate and the cost is shown",
          "[controls][force]")
{
    MainWindow window;
    showActive(window, QSize(1400, 900));
    const Scenario startup = presetScenario("startup");
    REQUIRE(window.document()->scenario() == startup);
    REQUIRE(startup.totalEffort == 100);
    REQUIRE(startup.projects[0].name == "Dynamic pricing");
    REQUIRE(dotEfforts(window) == std::vector<Effort>{33, 27, 20, 13, 7});
    // No bounds: no cost line.
    CHECK_FALSE(window.resultsTable()->objectiveText().contains("Constraints cost"));

    ControlPanel *controls = window.controlPanel();
    controls->selectProject(0);
    CHECK_FALSE(controls->lockCheck()->isChecked());
    CHECK(controls->lockBox()->value() == 33); // unlocked, it offers the effort the project has now
    CHECK(controls->maxEffortBox()->text() == "no limit");
    QUndoStack *undo = window.document()->undoStack();
    const int steps = undo->count();

    typeInto(controls->lockBox(), "40");
    CHECK(undo->count() == steps + 1); // one undo step
    const Project &p = window.document()->scenario().projects[0];
    CHECK(p.minEffort == 40);
    CHECK(p.maxEffort == std::optional<Effort>(40));
    CHECK(controls->lockCheck()->isChecked());
    CHECK(controls->minEffortBox()->value() == 40);
    CHECK(controls->maxEffortBox()->value() == 40);

    Scenario locked = startup;
    locked.projects[0].minEffort = 40;
    locked.projects[0].maxEffort = 40;
    const std::vector<Effort> expected = allocatorEfforts(locked, 100);
    CHECK(expected[0] == 40);
    CHECK(dotEfforts(window) == expected);
    CHECK(tableEfforts(window) == expected);

    // The cost: the free optimum minus the constrained objective, both computed from the curves here.
    const double freeOptimum = objectiveOf(startup, allocatorEfforts(startup, 100));
    const double constrained = objectiveOf(locked, expected);
    const double cost = freeOptimum - constrained;
    CHECK(cost > 0);
    const QString line = window.resultsTable()->objectiveText();
    INFO(line.toStdString());
    CHECK(line.contains(QStringLiteral("Constraints cost %1 (%2 %) against the free optimum %3")
                            .arg(format::number(cost, 4), format::number(100.0 * cost / freeOptimum, 3),
                                 format::number(freeOptimum, 6))));

    undo->undo();
    CHECK(window.document()->scenario() == startup);
    CHECK(dotEfforts(window) == std::vector<Effort>{33, 27, 20, 13, 7});
    CHECK_FALSE(controls->lockCheck()->isChecked());
    CHECK(controls->minEffortBox()->value() == 0);
    CHECK(controls->maxEffortBox()->value() == -1);
    CHECK_FALSE(window.resultsTable()->objectiveText().contains("Constraints cost"));

    // Checking "Lock at" keeps the dot where it is; unchecking frees it again.
    QTest::mouseClick(controls->lockCheck(), Qt::LeftButton, {}, QPoint(4, controls->lockCheck()->height() / 2));
    CHECK(controls->lockCheck()->isChecked());
    CHECK(window.document()->scenario().projects[0].minEffort == 33);
    CHECK(window.document()->scenario().projects[0].maxEffort == std::optional<Effort>(33));
    CHECK(dotEfforts(window) == std::vector<Effort>{33, 27, 20, 13, 7});
    // Locked at the optimum: the constraint costs nothing.
    CHECK(window.resultsTable()->objectiveText().contains(QStringLiteral("Constraints cost 0 ")));
    controls->lockCheck()->click();
    CHECK(window.document()->scenario() == startup);
}

TEST_CASE("Releasing a lock brings back the minimum and maximum the project had before it", "[controls][force]")
{
    MainWindow window;
    showActive(window);
    ControlPanel *controls = window.controlPanel();
    Document *document = window.document();
    controls->selectProject(0);
    typeInto(controls->minEffortBox(), "10");
    typeInto(controls->maxEffortBox(), "50");
    REQUIRE(document->scenario().projects[0].minEffort == 10);
    REQUIRE(document->scenario().projects[0].maxEffort == std::optional<Effort>(50));

    // Locked from the editor at 40, moved to 45, then released: at least 10 and at most 50 again.
    typeInto(controls->lockBox(), "40");
    CHECK(document->isLocked(0));
    typeInto(controls->lockBox(), "45");
    CHECK(document->scenario().projects[0].maxEffort == std::optional<Effort>(45));
    QTest::mouseClick(controls->lockCheck(), Qt::LeftButton, {}, QPoint(4, controls->lockCheck()->height() / 2));
    CHECK_FALSE(controls->lockCheck()->isChecked());
    CHECK(document->scenario().projects[0].minEffort == 10);
    CHECK(document->scenario().projects[0].maxEffort == std::optional<Effort>(50));
    CHECK(controls->minEffortBox()->value() == 10);
    CHECK(controls->maxEffortBox()->value() == 50);

    // The same through the chart's dot (its context menu's Release lock).
    document->lockEffort(0, 30, QStringLiteral("Lock"));
    CHECK(window.chartWidget()->dotDrag()->releaseLock(0));
    CHECK(document->scenario().projects[0].minEffort == 10);
    CHECK(document->scenario().projects[0].maxEffort == std::optional<Effort>(50));
    CHECK_FALSE(window.chartWidget()->dotDrag()->releaseLock(0)); // not locked: nothing to release

    // A project renamed while locked (perhaps another project now) is released with no bounds.
    document->lockEffort(0, 30, QStringLiteral("Lock"));
    document->edit(QStringLiteral("Rename"), [](Scenario &s) { s.projects[0].name = "Renamed"; });
    CHECK(document->unlockEffort(0, QStringLiteral("Unlock")));
    CHECK(document->scenario().projects[0].minEffort == 0);
    CHECK_FALSE(document->scenario().projects[0].maxEffort.has_value());
}

TEST_CASE("A maximum caps the dot and steps down to no limit", "[controls][force]")
{
    MainWindow window;
    showActive(window, QSize(1400, 900));
    const Scenario startup = presetScenario("startup");
    ControlPanel *controls = window.controlPanel();
    controls->selectProject(0);
    typeInto(controls->maxEffortBox(), "10");
    Scenario capped = startup;
    capped.projects[0].maxEffort = 10;
    CHECK(window.document()->scenario() == capped);
    CHECK(dotEfforts(window) == allocatorEfforts(capped, 100));
    CHECK(dotEfforts(window)[0] == 10);
    CHECK_FALSE(controls->lockCheck()->isChecked());

    typeInto(controls->maxEffortBox(), "0");
    QTest::keyClick(controls->maxEffortBox(), Qt::Key_Down);
    CHECK(controls->maxEffortBox()->text() == "no limit");
    CHECK(window.document()->scenario() == startup);
}

TEST_CASE("A minimum above the total shows a plain message and no dots", "[controls][force]")
{
    MainWindow window;
    showActive(window, QSize(1400, 900));
    ControlPanel *controls = window.controlPanel();
    controls->selectProject(1);
    typeInto(controls->minEffortBox(), "150");
    CHECK(window.document()->scenario().projects[1].minEffort == 150);
    CHECK_FALSE(window.document()->result().ok());
    CHECK(window.messageText()
          == "No allocation: the projects' minEffort add up to 150 units, more than the total effort of 100");
    CHECK(window.chartWidget()->chart()->dots()->data()->isEmpty());
    window.document()->undoStack()->undo();
    CHECK(window.messageText().isEmpty());
    CHECK(dotEfforts(window) == std::vector<Effort>{33, 27, 20, 13, 7});
}

TEST_CASE("The chart's legend names a project with its weight when it is not 1", "[chart][force]")
{
    MainWindow window;
    showActive(window, QSize(1400, 900));
    REQUIRE(window.openPreset("ml-first"));
    Chart *chart = window.chartWidget()->chart();
    REQUIRE(chart->curveCount() == 5);
    CHECK(chart->curve(0)->name() == "Dynamic pricing (×6)");
    CHECK(chart->curve(1)->name() == "Dispatching engine");
    // A weight change alone renames the entry (names are set again only when they change).
    window.document()->edit("weight", [](Scenario &s) { s.projects[0].weight = 1; });
    CHECK(chart->curve(0)->name() == "Dynamic pricing");
    window.document()->edit("weight", [](Scenario &s) { s.projects[1].weight = 2.5; });
    CHECK(chart->curve(1)->name() == "Dispatching engine (×2.5)");
}
