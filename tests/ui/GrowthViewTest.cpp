// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "UiTestSupport.h"

#include "FileTestSupport.h"

#include "Presets.h"
#include "charts/GrowthChart.h"
#include "charts/GrowthView.h"
#include "document/AllocationService.h"
#include "document/NumberFormat.h"
#include "persistence/Settings.h"
#include "widgets/ControlPanel.h"
#include "widgets/ParameterControl.h"

#include <QAction>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>

using namespace ef;
using namespace ef::test;

namespace {

/// Leaves the growth view switched off for the next test, whatever this one did.
struct GrowthOffAfterwards {
    ~GrowthOffAfterwards() { settings::setGrowthViewShown(false); }
};

/// A shown window with the growth view switched on from the View menu's action.
void showWithGrowth(MainWindow &window)
{
    window.growthViewAction()->setChecked(true);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QCoreApplication::processEvents();
    REQUIRE(window.growthView()->isVisible());
}

/// Waits until the document's service has delivered every pending allocation and growth path.
void settle(const MainWindow &window)
{
    REQUIRE(window.document()->service()->waitForIdle());
    QCoreApplication::processEvents();
}

/// Every drawn point of every line is the allocation the chart's method gives at that budget (checked
/// against the core, budget by budget); the lines end at the total, where they equal the chart's dots.
void requireLinesFollowThePath(const MainWindow &window)
{
    settle(window);
    const Scenario &scenario = window.document()->scenario();
    const GrowthView *view = window.growthView();
    REQUIRE(view->pathShown());
    REQUIRE(view->lineCount() == scenario.projects.size());
    const auto data0 = view->line(0)->data();
    REQUIRE(data0->size() >= 2);
    for (auto it = data0->constBegin(); it != data0->constEnd(); ++it) {
        const auto budget = static_cast<Effort>(it->key);
        REQUIRE(it->key == static_cast<double>(budget));
        const AllocationResult expected = allocate(scenario, budget, Method::Auto);
        REQUIRE(expected.ok());
        const auto k = it - data0->constBegin();
        for (std::size_t i = 0; i < view->lineCount(); ++i) {
            INFO("project " << i << " at budget " << budget);
            REQUIRE((view->line(i)->data()->constBegin() + k)->key == it->key);
            REQUIRE((view->line(i)->data()->constBegin() + k)->value
                    == static_cast<double>(expected.allocation->projects[i].effort));
        }
    }
    REQUIRE((data0->constEnd() - 1)->key == static_cast<double>(scenario.totalEffort));
    const AllocationResult &shown = window.document()->result();
    REQUIRE(shown.ok());
    for (std::size_t i = 0; i < view->lineCount(); ++i)
        CHECK((view->line(i)->data()->constEnd() - 1)->value
              == static_cast<double>(shown.allocation->projects[i].effort));
    CHECK(view->marker()->point1->coords().x() == static_cast<double>(scenario.totalEffort));
    CHECK(view->marker()->point2->coords().x() == static_cast<double>(scenario.totalEffort));
}

} // namespace

TEST_CASE("The growth view's lines are the chart's split at every sampled budget, with the marker at the total",
          "[growth]")
{
    const GrowthOffAfterwards reset;
    MainWindow window;
    showWithGrowth(window);
    CHECK(window.growthView()->title() == QStringLiteral("How the optimal split grows with the budget"));
    requireLinesFollowThePath(window);
    // Every unit is drawn on the reference budget: 0…100 is 101 points per project.
    CHECK(window.growthView()->line(0)->data()->size() == 101);
    CHECK(window.growthView()->subtitle().contains("optimal split"));

    // A drag of the total moves the marker and extends the lines; at 300 the top project reaches 100.
    QSlider *slider = window.controlPanel()->totalControl()->slider();
    slider->setSliderDown(true);
    for (const int value : {150, 220, 300})
        slider->setValue(value);
    slider->setSliderDown(false);
    QCoreApplication::processEvents();
    requireLinesFollowThePath(window);
    CHECK((window.growthView()->line(0)->data()->constEnd() - 1)->value == 100);
    CHECK((window.growthView()->line(4)->data()->constEnd() - 1)->value == 20);

    // A long path is sampled (a few hundred budgets, never unit by unit), and every drawn point is exact.
    window.controlPanel()->totalControl()->spinBox()->setValue(123'457);
    requireLinesFollowThePath(window);
    CHECK(window.growthView()->line(0)->data()->size() == kGrowthSamples);
}

TEST_CASE("View > Growth View toggles the view, is remembered, and a hidden view catches up when shown", "[growth]")
{
    const GrowthOffAfterwards reset;
    settings::setGrowthViewShown(false);
    {
        MainWindow window;
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        CHECK_FALSE(window.growthViewAction()->isChecked());
        CHECK_FALSE(window.growthView()->isVisible());

        window.growthViewAction()->trigger();
        QCoreApplication::processEvents();
        CHECK(window.growthView()->isVisible());
        CHECK(settings::growthViewShown());
        requireLinesFollowThePath(window);

        window.growthViewAction()->trigger();
        CHECK_FALSE(window.growthView()->isVisible());
        CHECK_FALSE(settings::growthViewShown());
        // Edits while hidden are caught up on when shown again.
        window.controlPanel()->totalControl()->spinBox()->setValue(240);
        window.growthViewAction()->trigger();
        QCoreApplication::processEvents();
        requireLinesFollowThePath(window);
        CHECK(window.growthView()->marker()->point1->coords().x() == 240);
    }
    MainWindow again;
    CHECK(again.growthViewAction()->isChecked()); // remembered from the last window
}

TEST_CASE("The growth view explains what it cannot draw: infeasible bounds, too long a path, S-curves", "[growth]")
{
    const GrowthOffAfterwards reset;
    MainWindow window;
    showWithGrowth(window);
    GrowthView *view = window.growthView();

    SECTION("a budget far beyond any unit-by-unit path is still drawn, from sampled budgets")
    {
        window.controlPanel()->totalControl()->spinBox()->setValue(1e9);
        requireLinesFollowThePath(window);
        CHECK(view->line(0)->data()->size() == kGrowthSamples);
        CHECK(view->marker()->point1->coords().x() == 1e9);
    }
    SECTION("infeasible bounds: the reason instead of lines")
    {
        window.document()->edit(QStringLiteral("min"), [](Scenario &s) { s.projects[0].minEffort = 500; });
        settle(window);
        CHECK_FALSE(view->pathShown());
        CHECK_FALSE(view->line(0)->visible());
        CHECK(view->subtitle().startsWith("No growth path:"));
        // Feasible again: the lines come back, starting at the minimum.
        window.controlPanel()->totalControl()->spinBox()->setValue(600);
        requireLinesFollowThePath(window);
        CHECK(view->line(0)->data()->constBegin()->key == 500);
    }
    SECTION("curves that are not concave: the exact optimum at every budget, as on the chart")
    {
        window.document()->edit(QStringLiteral("s"), [](Scenario &s) {
            s.projects[1].curve = Curve{CurveFamily::Logistic, 0.5, 0.2, 40.0};
        });
        requireLinesFollowThePath(window);
        CHECK(view->subtitle().contains("Exact optimum"));
        CHECK(window.document()->result().allocation->method == Method::Exact);
    }
}

TEST_CASE("The growth view follows the theme", "[growth]")
{
    const GrowthOffAfterwards reset;
    MainWindow window;
    showWithGrowth(window);
    settle(window);
    window.setTheme(QStringLiteral("light"));
    QCoreApplication::processEvents();
    CHECK(window.growthView()->axisRect()->backgroundBrush().color() == Theme::light().plotBackground);
    CHECK(window.growthView()->line(0)->pen().color()
          == Theme::light().projectColor(0, window.document()->scenario().projects[0].color));
    window.setTheme(QStringLiteral("dark"));
    CHECK(window.growthView()->line(0)->pen().color()
          == Theme::dark().projectColor(0, window.document()->scenario().projects[0].color));
}

TEST_CASE("The results table still fits its columns to the contents after a rename", "[growth][table]")
{
    // The table measures changed cells in view at once and every row once it has been still for a
    // moment (it used to re-measure every row for every cell): the columns must still follow the new
    // contents, here of a row that may be out of view.
    MainWindow window;
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QTableView *table = window.resultsTable()->table();
    QCoreApplication::processEvents();
    const int before = table->columnWidth(ResultsTable::ProjectColumn);
    window.document()->edit(QStringLiteral("rename"), [](Scenario &s) {
        s.projects[4].name = "Generated menu images for every restaurant in every city we deliver to";
    });
    QCoreApplication::processEvents();
    const QString name = window.resultsTable()->cellText(4, ResultsTable::ProjectColumn);
    QTRY_VERIFY_WITH_TIMEOUT(table->columnWidth(ResultsTable::ProjectColumn) > before,
                             ResultsTable::kFitColumnsDelayMs + 1000);
    CHECK(table->columnWidth(ResultsTable::ProjectColumn) >= table->fontMetrics().horizontalAdvance(name));
    CHECK(window.resultsTable()->cellText(4, ResultsTable::EffortColumn) == "7");
}

TEST_CASE("With an S-curve the window says greedy is unsafe and the growth view marks the jump", "[growth][scurve]")
{
    const GrowthOffAfterwards reset;
    MainWindow window;
    REQUIRE(window.openPreset(QStringLiteral("deep-learning-bet")));
    showWithGrowth(window);
    settle(window);
    const QString objective = window.resultsTable()->objectiveText();
    CHECK(objective.contains(QStringLiteral("greedy is unsafe here")));
    const Scenario &s = window.document()->scenario();
    const double greedy = allocate(s, s.totalEffort, Method::Greedy).allocation->objective;
    const double exact = window.document()->result().allocation->objective;
    CHECK(objective.contains(QStringLiteral("Greedy's split would reach %1").arg(format::number(greedy, 6))));
    CHECK(objective.contains(QStringLiteral("losing %1").arg(format::number(exact - greedy, 4))));
    const GrowthChart *chart = window.growthView()->chart();
    REQUIRE(chart->jumpMarkCount() == 1);
    CHECK(chart->jumpLabel(0).startsWith(QStringLiteral("at 81: Deep-learning demand forecasting +62")));
    CHECK(window.growthView()->subtitle().contains(QStringLiteral("where the split jumps")));
}

TEST_CASE("An exact search too long for a meeting: an activity indicator, then the best split found, marked",
          "[window][busy]")
{
    // Sixty S-curves that differ by a millionth: the exact search cannot prove anything fast (the command
    // line takes about 16 s on this one). The window stays live, says it is working, and after its time
    // limit shows the best split found with its gap.
    Scenario hard;
    hard.name = "Nearly alike S-curves";
    hard.totalEffort = 3000;
    for (int i = 0; i < 60; ++i) {
        Project p;
        p.name = QStringLiteral("P%1").arg(i).toStdString();
        p.curve = Curve{CurveFamily::Logistic, 1.0, 0.1 * (1 + i * 1e-6), 40};
        hard.projects.push_back(p);
    }
    MainWindow window;
    window.growthViewAction()->setChecked(false); // only the allocation's work (another test may have shown it)
    window.show();
    QElapsedTimer clock;
    clock.start();
    window.showScenario(hard, QString());
    CHECK(clock.elapsed() < 200); // the work went off the UI thread
    CHECK(window.document()->isUpdating());
    REQUIRE(waitUntil([&] { return window.isBusyShown(); }, 2000));
    REQUIRE(waitUntil([&] { return !window.document()->isUpdating(); }, 20000));
    REQUIRE(waitUntil([&] { return !window.document()->service()->busy(); }, 20000));
    CHECK_FALSE(window.isBusyShown());
    const AllocationResult &result = window.document()->result();
    REQUIRE(result.ok());
    CHECK_FALSE(result.allocation->proven);
    CHECK(result.allocation->gap >= 0);
    Effort sum = 0;
    for (const ProjectAllocation &pa : result.allocation->projects)
        sum += pa.effort;
    CHECK(sum == 3000);
    const QString text = window.resultsTable()->objectiveText();
    CHECK(text.contains(QStringLiteral("Not proven optimal:")));
    CHECK(text.contains(QStringLiteral("the time limit stopped the exact search")));
    CHECK(text.contains(QStringLiteral("below the best possible")));
}

TEST_CASE("For S-curves the service sends a coarse growth path first, then the full one", "[growth][scurve][service]")
{
    Scenario s = *loadPreset(QStringLiteral("deep-learning-bet")).scenario;
    s.totalEffort = 400;
    AllocationService service;
    QSignalSpy progress(&service, &AllocationService::growthProgress);
    QSignalSpy ready(&service, &AllocationService::growthReady);
    std::vector<int> order; // 1: progress, 2: ready
    QObject::connect(&service, &AllocationService::growthProgress, [&] { order.push_back(1); });
    QObject::connect(&service, &AllocationService::growthReady, [&] { order.push_back(2); });
    const quint64 generation = service.requestGrowth(s);
    REQUIRE(service.waitForIdle(60'000));
    REQUIRE(ready.count() == 1);
    REQUIRE(progress.count() == 1);
    CHECK(order == std::vector<int>{1, 2});
    CHECK(progress[0][0].value<quint64>() == generation);
    const auto quick = progress[0][1].value<GrowthPath>();
    const auto full = ready[0][1].value<GrowthPath>();
    REQUIRE(quick.ok());
    REQUIRE(full.ok());
    CHECK(quick.budgets.size() == static_cast<std::size_t>(kQuickGrowthSamples));
    CHECK(quick.budgets.back() == 400);
    CHECK(quick.jumps.empty());
    CHECK(quick.stageEntries.empty());
    CHECK_FALSE(full.jumps.empty()); // the deep-learning bet jumps below 400
    // Each coarse sample is the chart's own split at its budget.
    for (std::size_t k = 0; k < quick.budgets.size(); k += 5) {
        const AllocationResult r = allocate(s, quick.budgets[k], Method::Auto);
        REQUIRE(r.ok());
        for (std::size_t i = 0; i < s.projects.size(); ++i)
            CHECK(quick.efforts[k][i] == r.allocation->projects[i].effort);
    }

    // Concave curves are quick in full: no coarse path.
    progress.clear();
    ready.clear();
    service.requestGrowth(*loadPreset(QStringLiteral("startup")).scenario);
    REQUIRE(service.waitForIdle(60'000));
    CHECK(ready.count() == 1);
    CHECK(progress.isEmpty());
}
