// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// "Fit Curve to Observations" in the window: one undo step that fits the selected project (computed
// off the UI thread), a plain note when it cannot, and the observations drawn as markers in the project's colour.

#include "UiTestSupport.h"

#include "charts/Chart.h"
#include "charts/ChartWidget.h"
#include "document/Document.h"
#include "document/FitRunner.h"
#include "widgets/ControlPanel.h"
#include "widgets/ParameterControl.h"

#include <qcustomplot.h>

#include <QAction>
#include <QLabel>
#include <QSignalSpy>
#include <QUndoStack>

using namespace ef;

namespace {

QAction *fitAction(const MainWindow &window)
{
    for (QAction *action : window.findChildren<QAction *>())
        if (action->text() == QStringLiteral("&Fit Curve to Observations"))
            return action;
    FAIL("no Fit Curve to Observations action");
    return nullptr;
}

/// Two projects; the second has 25 exact points of a learning curve and a log curve to start with.
Scenario withEvidence()
{
    Curve truth{CurveFamily::Learning, 0.7, 0.8, 0.0};
    truth.scale = 12;
    Scenario s;
    s.name = "evidence";
    s.totalEffort = 60;
    Project a;
    a.name = "A";
    a.curve = Curve{CurveFamily::Log, 0.1, 2.0, 0.0};
    Project b = a;
    b.name = "B";
    b.color = "#fa8174";
    for (int x = 2; x <= 50; x += 2)
        b.observations.push_back({static_cast<double>(x), truth.value(x)});
    s.projects = {a, b};
    return s;
}

} // namespace

TEST_CASE("Fit Curve to Observations fits the selected project as one undo step", "[window][fit]")
{
    MainWindow window;
    window.showScenario(withEvidence(), QString());
    ControlPanel *controls = window.controlPanel();
    Document *document = window.document();
    const Scenario before = document->scenario();

    // Project A has no evidence: nothing changes, and the note says why.
    controls->selectProject(0);
    fitAction(window)->trigger();
    CHECK(document->scenario() == before);
    CHECK(controls->fitNote()->isVisibleTo(controls));
    CHECK(controls->fitNote()->text() == QStringLiteral("A has no observations to fit a curve to."));

    controls->selectProject(1);
    CHECK_FALSE(controls->fitNote()->isVisibleTo(controls));
    const int undoBefore = document->undoStack()->count();
    QSignalSpy finished(controls->fitter(), &FitRunner::finished);
    fitAction(window)->trigger();
    CHECK(controls->fitter()->isRunning()); // off the UI thread: the window goes on
    REQUIRE(finished.wait(20000));
    const Curve &fitted = document->scenario().projects[1].curve;
    CHECK(fitted.family == CurveFamily::Learning);
    CHECK(fitted.a == Approx(0.7).epsilon(1e-6));
    CHECK(fitted.b == Approx(0.8).epsilon(1e-6));
    CHECK(fitted.scale == Approx(12).epsilon(1e-6));
    CHECK(document->scenario().projects[0] == before.projects[0]);
    CHECK(document->undoStack()->count() == undoBefore + 1);
    CHECK(controls->fitNote()->text().startsWith(
        QStringLiteral("Fitted a learning curve: R² = 1.0000 over 25 observations")));
    CHECK(controls->scaleControl()->isVisibleTo(controls));

    document->undoStack()->undo();
    CHECK(document->scenario() == before);
}

TEST_CASE("A project's observations are drawn as markers in its colour", "[window][fit][chart]")
{
    MainWindow window;
    window.showScenario(withEvidence(), QString());
    const Chart *chart = window.chartWidget()->chart();
    CHECK(chart->observationMarks(0) == nullptr);
    QCPGraph *marks = chart->observationMarks(1);
    REQUIRE(marks != nullptr);
    CHECK(marks->data()->size() == 25);
    CHECK(marks->data()->begin()->key == 2);
    CHECK(marks->lineStyle() == QCPGraph::lsNone);
    CHECK(marks->scatterStyle().pen().color() == QColor(QStringLiteral("#fa8174")));

    // Evidence removed: the markers go.
    window.document()->edit(QStringLiteral("clear"), [](Scenario &s) { s.projects[1].observations.clear(); });
    CHECK(chart->observationMarks(1) == nullptr);
}
