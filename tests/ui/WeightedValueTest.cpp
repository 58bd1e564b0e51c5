// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// View ▸ Weighted Value: the chart plots weight × accuracy (curves, dots, rings, observations, ghosts),
// the y axis says so, and the window's exports follow the toggle.

#include "UiTestSupport.h"

#include "persistence/Settings.h"

#include <QAction>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace ef;
using namespace ef::test;

namespace {

/// Keeps View ▸ Weighted Value off for the tests that follow, whatever a test did with it.
struct WeightedOff {
    ~WeightedOff() { settings::setWeightedValueShown(false); }
};

} // namespace

TEST_CASE("View ▸ Weighted Value plots weight × accuracy and says so on the axis", "[chart][weighted]")
{
    const WeightedOff restore;
    MainWindow window;
    showActive(window);
    REQUIRE(window.openPreset("ml-first"));
    const Scenario mlFirst = window.document()->scenario();
    REQUIRE(mlFirst.projects[0].weight == 6);
    REQUIRE(mlFirst.projects[1].weight == 1);
    Chart *chart = window.chartWidget()->chart();
    QAction *action = window.weightedValueAction();
    REQUIRE_FALSE(action->isChecked());
    CHECK(window.chartWidget()->yAxis->label() == "Accuracy");
    const double unweightedTop = window.chartWidget()->yAxis->range().upper;

    // Every point of every curve is its project's weight times the curve.
    auto checkCurves = [&](bool weighted) {
        for (std::size_t i = 0; i < chart->curveCount(); ++i) {
            const Project &p = mlFirst.projects[i];
            const double factor = weighted ? p.weight : 1.0;
            int checked = 0;
            for (auto it = chart->curve(i)->data()->constBegin(); it != chart->curve(i)->data()->constEnd(); ++it) {
                if (std::isnan(it->value))
                    continue;
                CHECK(it->value == Approx(factor * p.curve.value(it->key)).epsilon(1e-12));
                ++checked;
            }
            CHECK(checked > 50);
        }
        for (auto it = chart->dots()->data()->constBegin(); it != chart->dots()->data()->constEnd(); ++it) {
            const Project &p = mlFirst.projects[static_cast<std::size_t>(it->t)];
            CHECK(it->value == Approx((weighted ? p.weight : 1.0) * p.curve.value(it->key)).epsilon(1e-12));
        }
    };
    checkCurves(false);
    action->trigger();
    CHECK(settings::weightedValueShown());
    CHECK(window.chartWidget()->yAxis->label() == "Weighted value (weight × accuracy)");
    checkCurves(true);
    CHECK(dotEfforts(window) == std::vector<Effort>{75, 10, 7, 5, 3}); // the efforts do not change
    // The range fits the larger values: the top dot (6 × f(75)) is inside it.
    const double top = 6 * mlFirst.projects[0].curve.value(75);
    CHECK(window.chartWidget()->yAxis->range().contains(top));
    CHECK(window.chartWidget()->yAxis->range().upper > unweightedTop);

    // A window export follows the toggle; the axis title is in the SVG as text.
    QTemporaryDir dir;
    const QString weightedSvg = dir.filePath("weighted.svg");
    const QString plainSvg = dir.filePath("plain.svg");
    REQUIRE(window.exportChart(weightedSvg, ExportOptions{}));
    action->trigger();
    REQUIRE(window.exportChart(plainSvg, ExportOptions{}));
    const QString weightedText = QString::fromUtf8(readBytes(weightedSvg));
    const QString plainText = QString::fromUtf8(readBytes(plainSvg));
    CHECK(weightedText.contains("Weighted value (weight × accuracy)"));
    CHECK_FALSE(plainText.contains("Weighted value"));
    CHECK(plainText.contains(">Accuracy<"));

    CHECK_FALSE(settings::weightedValueShown());
    CHECK(window.chartWidget()->yAxis->label() == "Accuracy");
    checkCurves(false);
}

TEST_CASE("Weighted value scales the plan's rings, the observations and the baseline's ghosts too", "[chart][weighted]")
{
    const WeightedOff restore;
    MainWindow window;
    showActive(window);
    REQUIRE(window.openPreset("ml-first"));
    REQUIRE(window.document()->pinSnapshot("ML-first"));
    window.document()->setBaseline("ML-first");
    window.document()->edit("plan and evidence", [](Scenario &s) {
        s.projects[0].planned = 50;
        s.projects[0].observations.push_back(Observation{20, 0.4});
    });
    window.weightedValueAction()->trigger();
    Chart *chart = window.chartWidget()->chart();
    const Project &p = window.document()->scenario().projects[0];
    REQUIRE(chart->planRings()->data()->size() == 1);
    CHECK(chart->planRings()->data()->at(0)->value == Approx(6 * p.curve.value(50)));
    REQUIRE(chart->observationMarks(0) != nullptr);
    CHECK(chart->observationMarks(0)->data()->at(0)->value == Approx(6 * 0.4));
    REQUIRE(chart->ghostDots()->data()->size() == 5);
    CHECK(chart->ghostDots()->data()->at(0)->value == Approx(6 * p.curve.value(75)));
    CHECK(chart->ghostDots()->data()->at(1)->value
          == Approx(window.document()->scenario().projects[1].curve.value(10)));
}
