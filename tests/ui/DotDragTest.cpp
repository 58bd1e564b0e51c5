// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// Dragging a red dot along its curve (mouse events at the dot's pixel, computed from the chart's axes):
// the project's effort follows, the others re-allocate around it live, release is one undo step, Esc
// puts everything back.

#include "UiTestSupport.h"

#include "charts/DotDrag.h"
#include "document/NumberFormat.h"
#include "widgets/ControlPanel.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QTest>
#include <QUndoStack>

#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <numeric>

using namespace ef;
using namespace ef::test;

namespace {

/// The chart laid out and drawn as it is on screen, so its axes map coordinates to today's pixels.
QCustomPlot *drawnPlot(MainWindow &window)
{
    ChartWidget *widget = window.chartWidget();
    widget->replot(QCustomPlot::rpImmediateRefresh);
    return widget;
}

/// The pixel of project `index`'s red dot, from the chart's own data and axes.
QPoint dotPixel(MainWindow &window, std::size_t index)
{
    QCustomPlot *plot = drawnPlot(window);
    QCPCurve *dots = window.chartWidget()->chart()->dots();
    for (auto it = dots->data()->constBegin(); it != dots->data()->constEnd(); ++it)
        if (static_cast<std::size_t>(it->t) == index)
            return QPointF(plot->xAxis->coordToPixel(it->key), plot->yAxis->coordToPixel(it->value)).toPoint();
    FAIL("project " << index << " has no dot");
    return {};
}

/// The x pixel of `effort` units on the chart.
int effortPixel(MainWindow &window, double effort)
{
    return static_cast<int>(std::lround(drawnPlot(window)->xAxis->coordToPixel(effort)));
}

/// A mouse move with the left button held (what a drag sends).
void dragTo(QWidget *widget, const QPoint &pos)
{
    QMouseEvent event(QEvent::MouseMove, QPointF(pos), widget->mapToGlobal(QPointF(pos)), Qt::NoButton, Qt::LeftButton,
                      Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

/// A mouse move with no button held (hovering).
void hoverTo(QWidget *widget, const QPoint &pos)
{
    QMouseEvent event(QEvent::MouseMove, QPointF(pos), widget->mapToGlobal(QPointF(pos)), Qt::NoButton, Qt::NoButton,
                      Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

/// Presses on project `index`'s dot, drags it to `effort` units (in two moves) and keeps the button down.
void pressAndDrag(MainWindow &window, std::size_t index, double effort)
{
    ChartWidget *widget = window.chartWidget();
    const QPoint dot = dotPixel(window, index);
    QTest::mousePress(widget, Qt::LeftButton, {}, dot);
    REQUIRE(widget->dotDrag()->isDragging());
    const QPoint target(effortPixel(window, effort), dot.y());
    dragTo(widget, (dot + target) / 2);
    dragTo(widget, target);
}

/// Σ weight·f(effort), from the curves themselves.
double objectiveOf(const Scenario &scenario, const std::vector<Effort> &efforts)
{
    double sum = 0;
    for (std::size_t i = 0; i < efforts.size(); ++i)
        sum += scenario.projects[i].weight * scenario.projects[i].curve.value(static_cast<double>(efforts[i]));
    return sum;
}

/// The best split of `scenario`'s total with project `forced` at `effort`, by trying every split.
std::vector<Effort> bruteForce(const Scenario &scenario, std::size_t forced, Effort effort)
{
    const std::size_t n = scenario.projects.size();
    std::vector<Effort> split(n, 0), best;
    double bestValue = -std::numeric_limits<double>::infinity();
    std::function<void(std::size_t, Effort)> visit = [&](std::size_t i, Effort left) {
        if (i == n) {
            if (left != 0)
                return;
            const double value = objectiveOf(scenario, split);
            if (value > bestValue + 1e-12) {
                bestValue = value;
                best = split;
            }
            return;
        }
        if (i == forced) {
            if (effort > left)
                return;
            split[i] = effort;
            visit(i + 1, left - effort);
            return;
        }
        for (Effort e = 0; e <= left; ++e) {
            split[i] = e;
            visit(i + 1, left - e);
        }
    };
    visit(0, scenario.totalEffort);
    return best;
}

Effort sum(const std::vector<Effort> &efforts)
{
    return std::accumulate(efforts.begin(), efforts.end(), Effort{0});
}

} // namespace

TEST_CASE("Dragging a dot to 40 units locks it there live, the others re-allocate, release is one undo step",
          "[chart][drag]")
{
    MainWindow window;
    showActive(window);
    const Scenario startup = presetScenario("startup");
    REQUIRE(window.document()->scenario() == startup);
    REQUIRE(dotEfforts(window) == std::vector<Effort>{33, 27, 20, 13, 7});
    QUndoStack *undo = window.document()->undoStack();
    const int steps = undo->count();
    ChartWidget *widget = window.chartWidget();

    pressAndDrag(window, 0, 40);
    // Live, before the release: the dot is at 40, on its curve, and the others share the rest optimally.
    Scenario locked = startup;
    locked.projects[0].minEffort = 40;
    locked.projects[0].maxEffort = 40;
    CHECK(window.document()->scenario() == locked);
    const std::vector<Effort> expected = allocatorEfforts(locked, 100);
    REQUIRE(expected[0] == 40);
    const std::vector<Effort> live = dotEfforts(window);
    CHECK(live == expected);
    CHECK(sum(live) == 100);
    CHECK(tableEfforts(window) == expected);
    QCPCurve *dots = widget->chart()->dots();
    CHECK(dots->data()->at(0)->value == Approx(startup.projects[0].curve.value(40)));
    // The picked project is the one the editor shows, its "Lock at" box at the dragged effort.
    CHECK(window.controlPanel()->selectedProject() == 0);
    CHECK(window.controlPanel()->lockBox()->value() == 40);
    CHECK(window.controlPanel()->lockCheck()->isChecked());
    // The cost line follows the drag: the free optimum minus the constrained objective.
    const double freeOptimum = objectiveOf(startup, allocatorEfforts(startup, 100));
    const double cost = freeOptimum - objectiveOf(locked, expected);
    CHECK(cost > 0);
    const QString costLine = QStringLiteral("Constraints cost %1 (%2 %) against the free optimum %3")
                                 .arg(format::number(cost, 4), format::number(100.0 * cost / freeOptimum, 3),
                                      format::number(freeOptimum, 6));
    INFO(window.resultsTable()->objectiveText().toStdString());
    CHECK(window.resultsTable()->objectiveText().contains(costLine));
    CHECK(window.document()->currentGesture() != 0);

    QTest::mouseRelease(widget, Qt::LeftButton, {}, QPoint(effortPixel(window, 40), dotPixel(window, 0).y()));
    CHECK_FALSE(widget->dotDrag()->isDragging());
    CHECK(window.document()->currentGesture() == 0);
    CHECK(undo->count() == steps + 1); // the whole drag: one step
    CHECK(window.document()->scenario() == locked);
    CHECK(dotEfforts(window) == expected);

    // Ctrl+Z restores the free dot.
    widget->setFocus();
    QTest::keyClick(widget, Qt::Key_Z, Qt::ControlModifier);
    CHECK(window.document()->scenario() == startup);
    CHECK(dotEfforts(window) == std::vector<Effort>{33, 27, 20, 13, 7});
    CHECK_FALSE(window.resultsTable()->objectiveText().contains("Constraints cost"));
    undo->redo();
    CHECK(dotEfforts(window) == expected);
}

TEST_CASE("A dragged dot's split is the constrained optimum found by trying every split", "[chart][drag]")
{
    // Three projects, 12 units: small enough to try every split. Mixed families, one weighted.
    Scenario small;
    small.name = "small";
    small.totalEffort = 12;
    small.stages = presetScenario("startup").stages;
    const Curve curves[]
        = {{CurveFamily::Log1p, 0.3, 0.8, 0}, {CurveFamily::Exp, 0.5, 0.25, 0}, {CurveFamily::Power, 0.2, 0.5, 0}};
    const double weights[] = {1, 2, 1};
    const char *names[] = {"P1", "P2", "P3"};
    for (std::size_t i = 0; i < 3; ++i) {
        Project p;
        p.name = names[i];
        p.curve = curves[i];
        p.weight = weights[i];
        small.projects.push_back(p);
    }
    MainWindow window;
    showActive(window);
    window.showScenario(small, {});
    const std::vector<Effort> free = allocatorEfforts(small, 12);
    REQUIRE(free == bruteForce(small, 0, free[0])); // the window's split is the optimum to begin with
    REQUIRE(dotEfforts(window) == free);

    for (const Effort target : {Effort{1}, Effort{9}}) {
        INFO("P2 dragged to " << target);
        REQUIRE(target != dotEfforts(window)[1]);
        pressAndDrag(window, 1, static_cast<double>(target));
        const std::vector<Effort> shown = dotEfforts(window);
        CHECK(shown[1] == target);
        CHECK(sum(shown) == 12);
        const std::vector<Effort> best = bruteForce(small, 1, target);
        CHECK(objectiveOf(small, shown) == Approx(objectiveOf(small, best)).epsilon(1e-12));
        CHECK(shown == best);
        // The cost shown: the free optimum minus this forced one.
        const double cost = objectiveOf(small, free) - objectiveOf(small, best);
        CHECK(window.resultsTable()->objectiveText().contains(
            QStringLiteral("Constraints cost %1 ").arg(format::number(cost, 4))));
        QTest::mouseRelease(window.chartWidget(), Qt::LeftButton, {}, dotPixel(window, 1));
        CHECK(window.document()->scenario().projects[1].minEffort == target);
        window.document()->undoStack()->undo();
        CHECK(dotEfforts(window) == free);
    }
}

TEST_CASE("Esc during a drag puts the dot and the others back and leaves no undo step", "[chart][drag]")
{
    MainWindow window;
    showActive(window);
    const Scenario startup = presetScenario("startup");
    QUndoStack *undo = window.document()->undoStack();
    const int steps = undo->count();
    const bool wasModified = window.document()->isModified();

    pressAndDrag(window, 2, 60);
    REQUIRE(dotEfforts(window)[2] == 60);
    QTest::keyClick(window.chartWidget(), Qt::Key_Escape);
    CHECK_FALSE(window.chartWidget()->dotDrag()->isDragging());
    CHECK(window.document()->scenario() == startup);
    CHECK(dotEfforts(window) == std::vector<Effort>{33, 27, 20, 13, 7});
    CHECK(undo->count() == steps);
    CHECK_FALSE(undo->canRedo());
    CHECK(window.document()->isModified() == wasModified);
    // The release that follows does nothing more.
    QTest::mouseRelease(window.chartWidget(), Qt::LeftButton, {}, QPoint(effortPixel(window, 60), 100));
    CHECK(window.document()->scenario() == startup);
    CHECK(undo->count() == steps);
}

TEST_CASE("A drag is clamped to 0…total and to the project's own bounds", "[chart][drag]")
{
    MainWindow window;
    showActive(window);
    ChartWidget *widget = window.chartWidget();
    // Far past the right edge: everything but the others' minimums (none here), i.e. the whole total.
    pressAndDrag(window, 4, 100000);
    CHECK(dotEfforts(window)[4] == 100);
    CHECK(tableEfforts(window) == std::vector<Effort>{0, 0, 0, 0, 100}); // the others' dots are at −∞: not drawn
    dragTo(widget, QPoint(-500, 50));                                    // far left: 0 units
    CHECK(tableEfforts(window)[4] == 0);
    CHECK(sum(tableEfforts(window)) == 100);
    QTest::keyClick(widget, Qt::Key_Escape);

    // A maximum of 50 and a minimum of 10 on project 1 (not a lock): the drag stays within them, and
    // the other minimums leave it at most 100 − 10.
    window.document()->edit("bounds", [](Scenario &s) {
        s.projects[0].minEffort = 10;
        s.projects[0].maxEffort = 50;
        s.projects[1].minEffort = 10;
    });
    DotDrag *drag = widget->dotDrag();
    CHECK(drag->effortRange(0) == std::make_pair(Effort{10}, Effort{50}));
    CHECK(drag->effortRange(2) == std::make_pair(Effort{0}, Effort{80}));
    pressAndDrag(window, 0, 90);
    CHECK(dotEfforts(window)[0] == 50);
    dragTo(widget, QPoint(effortPixel(window, 2), 60));
    CHECK(dotEfforts(window)[0] == 10);
    QTest::mouseRelease(widget, Qt::LeftButton, {}, QPoint(effortPixel(window, 2), 60));
    // Locked now: a further drag may take it anywhere the others allow.
    CHECK(drag->effortRange(0) == std::make_pair(Effort{0}, Effort{90}));
}

TEST_CASE("A drag that starts off a dot pans as before; the wheel does not zoom during a dot drag", "[chart][drag]")
{
    MainWindow window;
    showActive(window);
    const Scenario startup = presetScenario("startup");
    ChartWidget *widget = window.chartWidget();
    Chart *chart = widget->chart();
    const QCPRange before = widget->xAxis->range();
    const QRect area = widget->axisRect()->rect();
    // Bottom right of the axes: far from every dot and curve start.
    const QPoint empty(area.right() - 20, area.bottom() - 20);
    REQUIRE(widget->dotDrag()->dotAt(empty) < 0);
    QTest::mousePress(widget, Qt::LeftButton, {}, empty);
    CHECK_FALSE(widget->dotDrag()->isDragging());
    QTest::mouseMove(widget, empty - QPoint(120, 0));
    dragTo(widget, empty - QPoint(120, 0));
    QTest::mouseRelease(widget, Qt::LeftButton, {}, empty - QPoint(120, 0));
    CHECK(window.document()->scenario() == startup);
    CHECK_FALSE(chart->autoRange()); // panned by hand, as before
    CHECK(widget->xAxis->range().lower > before.lower + 1);
    widget->resetView();
    drawnPlot(window);

    const QCPRange fitted = widget->xAxis->range();
    pressAndDrag(window, 1, 35);
    const QPoint at(effortPixel(window, 35), dotPixel(window, 1).y());
    QWheelEvent wheel(QPointF(at), widget->mapToGlobal(QPointF(at)), QPoint(), QPoint(0, 120), Qt::LeftButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &wheel);
    CHECK(widget->xAxis->range() == fitted);
    CHECK(dotEfforts(window)[1] == 35);
    QTest::mouseRelease(widget, Qt::LeftButton, {}, at);
    CHECK(window.document()->scenario().projects[1].minEffort == 35);
    CHECK(chart->autoRange()); // the view it had: fitted
}

TEST_CASE("Hovering a dot shows an open hand; a click alone locks nothing", "[chart][drag]")
{
    MainWindow window;
    showActive(window);
    const Scenario startup = presetScenario("startup");
    ChartWidget *widget = window.chartWidget();
    const QPoint dot = dotPixel(window, 3);
    hoverTo(widget, dot + QPoint(static_cast<int>(DotDrag::kHitRadius) - 3, 0));
    CHECK(widget->cursor().shape() == Qt::OpenHandCursor);
    const QRect area = widget->axisRect()->rect();
    hoverTo(widget, QPoint(area.right() - 20, area.bottom() - 20));
    CHECK(widget->cursor().shape() == Qt::ArrowCursor);

    const int steps = window.document()->undoStack()->count();
    QTest::mousePress(widget, Qt::LeftButton, {}, dot);
    CHECK(widget->cursor().shape() == Qt::ClosedHandCursor);
    QTest::mouseRelease(widget, Qt::LeftButton, {}, dot);
    CHECK(window.document()->scenario() == startup);
    CHECK(window.document()->undoStack()->count() == steps);
    CHECK(window.controlPanel()->selectedProject() == 3); // but the editor shows the project
}

TEST_CASE("A locked dot is released by a double-click or its context menu", "[chart][drag]")
{
    MainWindow window;
    showActive(window);
    const Scenario startup = presetScenario("startup");
    ChartWidget *widget = window.chartWidget();
    QUndoStack *undo = window.document()->undoStack();
    pressAndDrag(window, 0, 45);
    QTest::mouseRelease(widget, Qt::LeftButton, {}, dotPixel(window, 0));
    REQUIRE(window.document()->scenario().projects[0].maxEffort == std::optional<Effort>(45));
    const int steps = undo->count();

    QTest::mouseDClick(widget, Qt::LeftButton, {}, dotPixel(window, 0));
    CHECK(window.document()->scenario() == startup);
    CHECK(undo->count() == steps + 1);
    CHECK(dotEfforts(window) == std::vector<Effort>{33, 27, 20, 13, 7});

    // The context menu: "Lock … at 33 units" on a free dot, "Release lock" once locked.
    std::unique_ptr<QMenu> menu(widget->dotDrag()->menuFor(0));
    REQUIRE(menu->actions().size() == 3);
    CHECK(menu->actions()[0]->text() == "&Lock Dynamic pricing at 33 units");
    CHECK_FALSE(menu->actions()[1]->isEnabled());
    menu->actions()[0]->trigger();
    CHECK(window.document()->scenario().projects[0].minEffort == 33);
    CHECK(window.document()->scenario().projects[0].maxEffort == std::optional<Effort>(33));
    menu.reset(widget->dotDrag()->menuFor(0));
    REQUIRE(menu->actions().size() == 2);
    CHECK(menu->actions()[0]->text() == "&Release lock of Dynamic pricing");
    CHECK(menu->actions()[0]->isEnabled());
    menu->actions()[0]->trigger();
    CHECK(window.document()->scenario() == startup);
}
