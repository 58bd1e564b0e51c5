// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// The Monte Carlo in the window: p5–p95 whiskers on the red dots and P(top) in the table, for
// scenarios whose projects carry uncertainty ranges.
#include "UiTestSupport.h"

#include "FileTestSupport.h"
#include "MonteCarlo.h"
#include "QtStringMakers.h"

#include <QTest>

using namespace ef;
using namespace ef::test;

namespace {

std::size_t projectNamed(const Scenario &scenario, const std::string &name)
{
    for (std::size_t i = 0; i < scenario.projects.size(); ++i)
        if (scenario.projects[i].name == name)
            return i;
    FAIL("no project " << name);
    return 0;
}

} // namespace

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

    QCPCurve *whiskers = chart->whiskers();
    REQUIRE(whiskers->visible());
    auto point = [&](double t) {
        for (auto it = whiskers->data()->constBegin(); it != whiskers->data()->constEnd(); ++it)
            if (it->t == t)
                return QPointF(it->key, it->value);
        FAIL("no whisker point at t = " << t);
        return QPointF();
    };
    const double accuracy = document->result().allocation->projects[0].accuracy;
    CHECK(point(0).x() == static_cast<double>(expected.projects[0].p5));
    CHECK(point(1).x() == static_cast<double>(expected.projects[0].p95));
    CHECK(point(0).y() == accuracy);
    CHECK(point(1).y() == accuracy);

    // P(top): one column, summing to 100 % over the projects.
    const int column = model->topProbabilityColumn();
    REQUIRE(column == ResultsModel::kPlainColumns);
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
    CHECK(model->topProbabilityColumn() == -1);
}
