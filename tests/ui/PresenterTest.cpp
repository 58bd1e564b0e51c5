// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// Presenter mode: scenes stepped with a clicker's keys, the dots travelling between them, the total
// nudged to round values, large type, no prompts, Esc back to an untouched window.
#include "UiTestSupport.h"

#include "FileTestSupport.h"
#include "QtStringMakers.h"
#include "charts/GrowthChart.h"
#include "present/PresenterWindow.h"
#include "present/Scenes.h"

#include <QAction>
#include <QGuiApplication>
#include <QScreen>
#include <QTest>

using namespace ef;
using namespace ef::test;

namespace {

/// The efforts the presenter's red dots sit at, in project order.
std::vector<Effort> presenterDots(const PresenterWindow &presenter)
{
    QCPCurve *dots = presenter.chart()->dots();
    std::vector<Effort> efforts(presenter.target().projects.size(), -1);
    for (auto it = dots->data()->constBegin(); it != dots->data()->constEnd(); ++it)
        efforts.at(static_cast<std::size_t>(it->t)) = static_cast<Effort>(it->key);
    return efforts;
}

/// Waits until the dots have arrived at the target's split.
void waitForArrival(const PresenterWindow &presenter)
{
    REQUIRE(waitUntil([&] { return presenter.targetSplit().ok() && !presenter.isTravelling(); }, 5000));
}

} // namespace

TEST_CASE("Round budget steps: 10 up to 200, 50 up to 1,000, then about a tenth", "[present]")
{
    CHECK(nudgedTotal(100, true) == 110);
    CHECK(nudgedTotal(100, false) == 90);
    CHECK(nudgedTotal(103, true) == 110);
    CHECK(nudgedTotal(103, false) == 100);
    CHECK(nudgedTotal(195, true) == 200);
    CHECK(nudgedTotal(200, true) == 250);
    CHECK(nudgedTotal(200, false) == 190);
    CHECK(nudgedTotal(250, false) == 200);
    CHECK(nudgedTotal(950, true) == 1000);
    CHECK(nudgedTotal(1000, true) == 1100);
    CHECK(nudgedTotal(1000, false) == 950);
    CHECK(nudgedTotal(4000, true) == 4200);
    CHECK(nudgedTotal(12'345, true) == 13'000);
    CHECK(nudgedTotal(5, false) == 0);
    CHECK(nudgedTotal(0, false) == 0);
    CHECK(nudgedTotal(0, true) == 10);
}

TEST_CASE("Between two scenes every dot moves part way and sits on its moving curve", "[present]")
{
    const Scenario startup = presetScenario("startup");
    const Scenario growth = presetScenario("growth");
    const AllocationResult from = allocate(startup, Method::Auto);
    const AllocationResult to = allocate(growth, Method::Auto);
    REQUIRE((from.ok() && to.ok()));
    REQUIRE(canTween(startup, growth));

    const TweenFrame half = tween(startup, from, growth, to, 0.5);
    CHECK(half.scenario.totalEffort == 200);
    REQUIRE(half.result.ok());
    for (std::size_t i = 0; i < growth.projects.size(); ++i) {
        const Effort a = from.allocation->projects[i].effort;
        const Effort b = to.allocation->projects[i].effort;
        const ProjectAllocation &pa = half.result.allocation->projects[i];
        CHECK(std::abs(static_cast<double>(pa.effort) - 0.5 * static_cast<double>(a + b)) <= 0.5);
        CHECK(pa.accuracy == half.scenario.projects[i].curve.value(static_cast<double>(pa.effort)));
    }
    // The ends are the scenes themselves.
    const TweenFrame end = tween(startup, from, growth, to, 1.0);
    CHECK(end.scenario == growth);
    CHECK(end.result.allocation->projects[0].effort == to.allocation->projects[0].effort);
    const TweenFrame start = tween(startup, from, growth, to, 0.0);
    CHECK(start.result.allocation->projects[0].effort == from.allocation->projects[0].effort);

    // Different projects: nothing to interpolate, the next scene at once.
    const Scenario bet = presetScenario("deep-learning-bet");
    CHECK_FALSE(canTween(startup, bet));
    const TweenFrame cut = tween(startup, from, bet, allocate(bet, Method::Auto), 0.3);
    CHECK(cut.scenario == bet);

    CHECK(easeInOut(0) == 0);
    CHECK(easeInOut(1) == 1);
    CHECK(easeInOut(0.5) == Approx(0.5));
    CHECK(easeInOut(0.1) < 0.1); // starts gently
}

TEST_CASE("F11 presents: clicker keys step through the scenes, the dots travel, Esc returns", "[present][window]")
{
    MainWindow window;
    window.resize(1280, 720);
    window.show();
    // Pin a snapshot at 100, then edit: the presentation starts with the edited state, then the snapshot.
    REQUIRE(window.document()->pinSnapshot(QStringLiteral("At 100")));
    window.document()->edit(QStringLiteral("Total effort"), [](Scenario &s) { s.totalEffort = 160; });
    const Scenario before = window.document()->scenario();
    bool asked = false;
    window.setPromptHandler([&](QMessageBox &) {
        asked = true;
        return QMessageBox::Cancel;
    });

    QAction *present = nullptr;
    for (QAction *action : window.findChildren<QAction *>())
        if (action->text() == QStringLiteral("&Present"))
            present = action;
    REQUIRE(present != nullptr);
    CHECK(present->shortcut() == QKeySequence(Qt::Key_F11));
    present->trigger();
    PresenterWindow *presenter = window.presenter();
    REQUIRE(presenter != nullptr);
    // The working state, the snapshot, then the four presets.
    REQUIRE(presenter->sceneCount() == 6);
    waitForArrival(*presenter);
    CHECK(presenterDots(*presenter) == allocatorEfforts(before, 160));
    CHECK(presenter->captionText().contains(QStringLiteral("160 units")));

    // A clicker's "next" (PageDown): the snapshot at 100; the dots travel there over about 300 ms.
    QTest::keyClick(presenter, Qt::Key_PageDown);
    CHECK(presenter->sceneIndex() == 1);
    CHECK(presenter->isTravelling()); // the split of 5 log curves is immediate; the travel has begun
    QTest::qWait(PresenterWindow::kTravelMs / 2);
    const std::vector<Effort> midway = presenterDots(*presenter);
    waitForArrival(*presenter);
    const std::vector<Effort> at100 = allocatorEfforts(before, 100);
    CHECK(presenterDots(*presenter) == at100);
    CHECK(midway != at100); // seen part way, not jumped
    CHECK(presenter->captionText().contains(QStringLiteral("At 100")));

    // Right to the presets: startup's caption, no question although the document has edits.
    QTest::keyClick(presenter, Qt::Key_Right);
    waitForArrival(*presenter);
    CHECK(presenter->captionText().contains(QStringLiteral("startup")));
    CHECK(presenter->captionText().contains(QStringLiteral("every project gets a share")));

    // Up nudges the total to the next round value; the split follows.
    QTest::keyClick(presenter, Qt::Key_Up);
    waitForArrival(*presenter);
    CHECK(presenter->target().totalEffort == 110);
    CHECK(presenterDots(*presenter) == allocatorEfforts(presetScenario("startup"), 110));
    CHECK(presenter->captionText().contains(QStringLiteral("Budget moved to 110 units")));

    // End and Home; Left at the first scene stays there.
    QTest::keyClick(presenter, Qt::Key_End);
    CHECK(presenter->sceneIndex() == 5);
    QTest::keyClick(presenter, Qt::Key_Right);
    CHECK(presenter->sceneIndex() == 5);
    QTest::keyClick(presenter, Qt::Key_Home);
    QTest::keyClick(presenter, Qt::Key_Left);
    CHECK(presenter->sceneIndex() == 0);

    // Esc leaves; the window's document is exactly as it was, and nothing was asked.
    QTest::keyClick(presenter, Qt::Key_Escape);
    REQUIRE(waitUntil([&] { return window.presenter() == nullptr; }, 2000));
    CHECK(window.document()->scenario() == before);
    CHECK(window.document()->isModified());
    CHECK_FALSE(asked);
}

TEST_CASE("Presenter text scales with the screen: readable at the back of a room at 1280x720", "[present][window]")
{
    PresenterWindow presenter(presenterScenes(presetScenario("ml-first"), QStringLiteral("ML-first")), Theme::light());
    presenter.resize(1280, 720);
    presenter.show();
    waitForArrival(presenter);
    CHECK(presenter.chartScale() == Approx(1.5));
    // Tick labels at 11 pt × 1.5: about 22 px high at 96 dpi, against about 15 px in the window.
    CHECK(presenter.chart()->font().pointSizeF() == Approx(16.5));
    presenter.resize(1920, 1080);
    QCoreApplication::processEvents();
    CHECK(presenter.chartScale() == Approx(2.25));
    CHECK(presenter.chart()->font().pointSizeF() == Approx(11 * 2.25));
}

// On a real X server (ctest runs it under xvfb-run; the offscreen platform keeps no window states).
TEST_CASE("Presenter mode fills the screen the window is on and Esc gives it back", "[.][x11]")
{
    REQUIRE(QGuiApplication::platformName() == QStringLiteral("xcb"));
    MainWindow window;
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    PresenterWindow *presenter = window.present();
    REQUIRE(presenter != nullptr);
    REQUIRE(QTest::qWaitForWindowExposed(presenter));
    CHECK(presenter->isFullScreen());
    REQUIRE(waitUntil([&] { return presenter->geometry() == window.screen()->geometry(); }, 3000));
    CHECK(presenter->chartScale() == Approx(std::min(presenter->width() / 850.0, presenter->height() / 480.0)));
    QTest::keyClick(presenter, Qt::Key_Escape);
    REQUIRE(waitUntil([&] { return window.presenter() == nullptr; }, 2000));
}

TEST_CASE("G shows the growth view beside the chart, following the scenes", "[present]")
{
    PresenterWindow presenter(presenterScenes(presetScenario("startup"), QStringLiteral("startup")), Theme::dark());
    presenter.resize(1280, 720);
    presenter.show();
    waitForArrival(presenter);
    CHECK_FALSE(presenter.isGrowthShown());
    QTest::keyClick(&presenter, Qt::Key_G);
    REQUIRE(presenter.isGrowthShown());
    REQUIRE(waitUntil([&] { return presenter.growthChart()->pathShown(); }, 5000));
    REQUIRE(presenter.growthChart()->lineCount() >= 5);
    // The last point of each line is the split at the scene's total: the chart's dots.
    const std::vector<Effort> split = allocatorEfforts(presetScenario("startup"), 100);
    for (std::size_t i = 0; i < split.size(); ++i) {
        const auto data = presenter.growthChart()->line(i)->data();
        REQUIRE(!data->isEmpty());
        CHECK((data->constEnd() - 1)->key == 100);
        CHECK((data->constEnd() - 1)->value == static_cast<double>(split[i]));
    }

    // The next scene (growth, 300 units): the growth view follows it.
    QTest::keyClick(&presenter, Qt::Key_Right);
    waitForArrival(presenter);
    REQUIRE(waitUntil(
        [&] {
            const auto data = presenter.growthChart()->line(0)->data();
            return presenter.growthChart()->pathShown() && !data->isEmpty() && (data->constEnd() - 1)->key == 300;
        },
        5000));
    QTest::keyClick(&presenter, Qt::Key_G);
    CHECK_FALSE(presenter.isGrowthShown());
}
