// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// The Monte Carlo in the window: p5–p95 whiskers on the red dots and P(top) in the table, for
// scenarios whose projects carry uncertainty ranges.
#include "UiTestSupport.h"

#include "FileTestSupport.h"
#include "MonteCarlo.h"
#include "QtStringMakers.h"
#include "present/PresenterWindow.h"

#include <QLocale>
#include <QTest>

using namespace ef;
using namespace ef::test;

namespace { } // namespace

TEST_CASE("A range on Dynamic pricing shows the Monte Carlo's whiskers and P(top)", "[montecarlo][window]")
{
    MainWindow window;
    Document *document = window.document();
    Chart *chart = window.chartWidget()->chart();
    const ResultsModel *model = window.resultsTable()->model();

    // The startup preset has no ranges: no whiskers, no P(top).
    REQUIRE(document->monteCarlo() == nullptr);
    CHECK_FALSE(chart->whiskers()->visible());
    CHECK(model->topProbabilityColumn() == -1);
    CHECK(model->columnCount() == ResultsModel::kPlainColumns);

    const std::size_t pricing = projectNamed(document->scenario(), "Dynamic pricing");
    document->edit(QStringLiteral("Range"), [pricing](Scenario &s) {
        const double a = s.projects[pricing].curve.a;
        s.projects[pricing].uncertainty.a = ParameterRange{0.5 * a, 1.5 * a};
    });
    REQUIRE(waitUntil([&] { return document->monteCarlo() != nullptr; }, 30000));
    QTest::qWait(50); // the queued replot
    const MonteCarloResult *shown = document->monteCarlo();
    REQUIRE(shown->ok());

    // Independently: the core's Monte Carlo with the same options.
    MonteCarloOptions options;
    options.samples = 1000;
    const MonteCarloResult expected = monteCarlo(document->scenario(), options);
    REQUIRE(expected.ok());
    REQUIRE(expected.projects.size() == document->scenario().projects.size());
    CHECK(expected.projects[0].p5 < expected.projects[0].p95); // the range moves project 0's effort

    // One capped bar per project whose effort moves: centred on its dot, from its p5 to its p95.
    QCPErrorBars *whiskers = chart->whiskers();
    REQUIRE(whiskers->visible());
    QCPCurve *centres = chart->whiskerCentres();
    REQUIRE(whiskers->dataCount() == centres->dataCount());
    int moving = 0;
    for (std::size_t i = 0; i < expected.projects.size(); ++i) {
        const ProjectAllocation &pa = document->result().allocation->projects[i];
        const MonteCarloProject &drawn = expected.projects[i];
        int found = -1;
        for (int k = 0; k < centres->dataCount(); ++k)
            if (centres->data()->at(k)->t == static_cast<double>(i))
                found = k;
        INFO("project " << i << ": p5 " << drawn.p5 << ", effort " << pa.effort << ", p95 " << drawn.p95);
        if (drawn.p5 == pa.effort && drawn.p95 == pa.effort) {
            CHECK(found == -1); // no spread, no whisker
            continue;
        }
        ++moving;
        REQUIRE(found >= 0);
        CHECK(centres->data()->at(found)->key == static_cast<double>(pa.effort));
        CHECK(centres->data()->at(found)->value == pa.accuracy);
        CHECK(static_cast<double>(pa.effort) - whiskers->data()->at(found).errorMinus == static_cast<double>(drawn.p5));
        CHECK(static_cast<double>(pa.effort) + whiskers->data()->at(found).errorPlus == static_cast<double>(drawn.p95));
    }
    CHECK(moving >= 2); // Dynamic pricing's range moves it and, through the budget, the others

    CHECK(chart->subtitle().endsWith(
        QStringLiteral(" · bars: effort p5–p95 over %1 draws").arg(QLocale().toString(1000))));

    // p5–p95 in the table, its tooltip naming each stage's probability.
    const int spread = model->spreadColumn();
    REQUIRE(spread == ResultsModel::kPlainColumns);
    CHECK(model->headerData(spread, Qt::Horizontal).toString() == QStringLiteral("p5–p95"));
    const MonteCarloProject &first = expected.projects[0];
    CHECK(model->text(0, spread) == QStringLiteral("%1–%2").arg(first.p5).arg(first.p95));
    const QString tip = model->data(model->index(0, spread), Qt::ToolTipRole).toString();
    for (std::size_t s = 0; s < document->scenario().stages.size(); ++s)
        CHECK(tip.contains(QStringLiteral("%1: %2 %")
                               .arg(QString::fromStdString(document->scenario().stages[s].name))
                               .arg(100.0 * first.stageProbabilities[s], 0, 'f', 1)));

    // Hovering the dot tells the same numbers, with the chance of reaching each stage.
    ChartWidget *plot = window.chartWidget();
    plot->resize(1000, 700);
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const ProjectAllocation &pricingDot = document->result().allocation->projects[pricing];
    const QString onDot = chart->toolTipAt(QPointF(plot->xAxis->coordToPixel(static_cast<double>(pricingDot.effort)),
                                                   plot->yAxis->coordToPixel(pricingDot.accuracy)));
    const MonteCarloProject &drawnPricing = expected.projects[pricing];
    CHECK(onDot.contains(QStringLiteral("Over 1000 Monte Carlo draws")));
    CHECK(onDot.contains(QStringLiteral("Effort p5–p95: %1–%2 units (median %3)")
                             .arg(drawnPricing.p5)
                             .arg(drawnPricing.p95)
                             .arg(drawnPricing.p50)));
    CHECK(onDot.contains(
        QStringLiteral("Gets the most effort in %1 % of draws").arg(100.0 * drawnPricing.topProbability, 0, 'f', 1)));
    for (std::size_t s = 0; s < document->scenario().stages.size(); ++s)
        if (document->scenario().stages[s].from > 0 && drawnPricing.stageProbabilities[s] > 0)
            CHECK(onDot.contains(QStringLiteral("%1 %2 %")
                                     .arg(QString::fromStdString(document->scenario().stages[s].name))
                                     .arg(100.0 * drawnPricing.stageProbabilities[s], 0, 'f', 1)));

    // P(top): one column, summing to 100 % over the projects.
    const int column = model->topProbabilityColumn();
    REQUIRE(column == ResultsModel::kPlainColumns + 1);
    CHECK(model->headerData(column, Qt::Horizontal).toString() == QStringLiteral("P(top)"));
    double sum = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        QString cell = model->text(row, column);
        CHECK(cell.endsWith(QStringLiteral(" %")));
        cell.chop(2);
        sum += cell.toDouble();
        CHECK(cell.toDouble()
              == Approx(100.0 * expected.projects[static_cast<std::size_t>(row)].topProbability).margin(0.051));
    }
    CHECK(sum == Approx(100.0).margin(0.3));
    CHECK(model->objectiveText().contains(QStringLiteral("Expected regret of this split")));
    CHECK(model->objectiveText().contains(QStringLiteral(" draws)")));

    // Dropping the range again: no result, no whiskers, no column.
    document->edit(QStringLiteral("No range"), [pricing](Scenario &s) { s.projects[pricing].uncertainty = {}; });
    QTest::qWait(50);
    CHECK(document->monteCarlo() == nullptr);
    CHECK_FALSE(chart->whiskers()->visible());
    CHECK_FALSE(chart->subtitle().contains(QStringLiteral("bars:")));
    CHECK(model->topProbabilityColumn() == -1);
    CHECK(model->spreadColumn() == -1);
    CHECK(model->columnCount() == ResultsModel::kPlainColumns);
}

TEST_CASE("Presenter mode shows the whiskers on the working scene and never on another state",
          "[montecarlo][presenter]")
{
    MainWindow window;
    Document *document = window.document();
    const std::size_t pricing = projectNamed(document->scenario(), "Dynamic pricing");
    document->edit(QStringLiteral("Range"), [pricing](Scenario &s) {
        const double a = s.projects[pricing].curve.a;
        s.projects[pricing].uncertainty.a = ParameterRange{0.5 * a, 1.5 * a};
    });
    REQUIRE(waitUntil([&] { return document->monteCarlo() != nullptr; }, 30000));
    const MonteCarloProject drawn = document->monteCarlo()->projects[pricing];
    REQUIRE(drawn.p5 < drawn.p95);

    PresenterWindow *presenter = window.present();
    REQUIRE(presenter != nullptr);
    auto settled = [&] { return presenter->targetSplit().ok() && !presenter->isTravelling(); };
    REQUIRE(waitUntil(settled, 5000));
    QTest::qWait(50);
    Chart *chart = presenter->chart();
    REQUIRE(chart->whiskers()->visible());
    bool found = false;
    for (int k = 0; k < chart->whiskerCentres()->dataCount(); ++k)
        if (chart->whiskerCentres()->data()->at(k)->t == static_cast<double>(pricing)) {
            found = true;
            const double effort = chart->whiskerCentres()->data()->at(k)->key;
            CHECK(effort - chart->whiskers()->data()->at(k).errorMinus == static_cast<double>(drawn.p5));
            CHECK(effort + chart->whiskers()->data()->at(k).errorPlus == static_cast<double>(drawn.p95));
        }
    CHECK(found);

    // Another total is another state: its spread was never computed, so no whiskers.
    QTest::keyClick(presenter, Qt::Key_Up);
    REQUIRE(waitUntil([&] { return presenter->target().totalEffort != document->scenario().totalEffort; }, 2000));
    REQUIRE(waitUntil(settled, 5000));
    CHECK_FALSE(chart->whiskers()->visible());
    CHECK_FALSE(chart->subtitle().contains(QStringLiteral("bars:")));
    // The next scene (a preset) has none either; back on the working scene they return.
    QTest::keyClick(presenter, Qt::Key_Right);
    REQUIRE(waitUntil(settled, 5000));
    CHECK_FALSE(chart->whiskers()->visible());
    QTest::keyClick(presenter, Qt::Key_Home);
    REQUIRE(waitUntil([&] { return presenter->target().totalEffort == document->scenario().totalEffort; }, 2000));
    REQUIRE(waitUntil(settled, 5000));
    CHECK(chart->whiskers()->visible());
    presenter->close();
}
