// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// The marginal view: the water level's line where the level is, a red dot on each curve at the
// project's optimal effort, and the view exported headless like the others.
#include "charts/MarginalChart.h"
#include "Allocator.h"
#include "Presets.h"
#include "charts/Chart.h"
#include "charts/MarginalView.h"
#include "charts/Theme.h"
#include "charts/ViewExport.h"
#include "document/Document.h"
#include "document/NumberFormat.h"
#include "document/ResultsModel.h"
#include "widgets/ControlPanel.h"
#include "widgets/ParameterControl.h"
#include "widgets/ResultsTable.h"
#include "window/MainWindow.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QDoubleSpinBox>
#include <QImage>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

#include <cmath>

using namespace ef;

namespace {

Scenario preset(const char *name)
{
    LoadResult loaded = loadPreset(QString::fromLatin1(name));
    REQUIRE(loaded.ok());
    return *loaded.scenario;
}

} // namespace

TEST_CASE("The marginal view draws the water level and a dot at each project's effort", "[marginal]")
{
    const Scenario s = preset("startup");
    const AllocationResult result = allocate(s, Method::Auto);
    REQUIRE(result.ok());
    QCustomPlot plot;
    plot.resize(1200, 800);
    auto *chart = new MarginalChart(&plot);
    chart->update(s, result);
    plot.replot(QCustomPlot::rpImmediateRefresh);

    // a = 0.1, 0.08, 0.06, 0.04, 0.02 at 33, 27, 20, 13, 7 units: last gains a·ln(x/(x − 1)); the level
    // is the smallest, the second project's.
    const double a[] = {0.1, 0.08, 0.06, 0.04, 0.02};
    const double x[] = {33, 27, 20, 13, 7};
    const double level = 0.08 * std::log(27.0 / 26.0);
    QCPItemStraightLine *line = chart->waterLine();
    REQUIRE(line->visible());
    CHECK(line->point1->coords().y() == Approx(level).epsilon(1e-12));
    CHECK(line->point2->coords().y() == Approx(level).epsilon(1e-12));
    // Horizontal, and at the level's pixel row.
    const double row = plot.yAxis->coordToPixel(level);
    CHECK(line->point1->pixelPosition().y() == Approx(row).margin(0.01));
    CHECK(line->point2->pixelPosition().y() == Approx(row).margin(0.01));

    QCPCurve *dots = chart->dots();
    REQUIRE(dots->visible());
    REQUIRE(dots->data()->size() == 5);
    for (int i = 0; i < 5; ++i) {
        const auto point = dots->data()->at(i);
        CHECK(point->key == x[i]);
        CHECK(point->value == Approx(a[i] * std::log(x[i] / (x[i] - 1))).epsilon(1e-12));
        CHECK(point->value >= level * (1 - 1e-12));
        // On its project's curve: the curve holds the same point.
        const QCPGraph *curve = chart->curve(static_cast<std::size_t>(i));
        const auto onCurve = curve->data()->findBegin(x[i], false);
        REQUIRE(onCurve != curve->data()->constEnd());
        CHECK(onCurve->key == x[i]);
        CHECK(onCurve->value == Approx(point->value).epsilon(1e-12));
        // The next unit's point lies on or under the line.
        const auto next = curve->data()->findBegin(x[i] + 1, false);
        REQUIRE(next != curve->data()->constEnd());
        CHECK(next->key == x[i] + 1);
        CHECK(next->value <= level * (1 + 1e-12));
    }
    CHECK(plot.yAxis->scaleType() == QCPAxis::stLogarithmic);
    CHECK(plot.yAxis->range().contains(level));
}

TEST_CASE("The marginal view hides the water level where there is none, and says why", "[marginal]")
{
    Scenario s = preset("startup");
    s.totalEffort = 3; // three log projects with one unit each: the level would be +∞
    const AllocationResult result = allocate(s, Method::Auto);
    REQUIRE(result.ok());
    QCustomPlot plot;
    plot.resize(800, 600);
    auto *chart = new MarginalChart(&plot);
    chart->update(s, result);
    CHECK_FALSE(chart->waterLine()->visible());
    CHECK(chart->subtitle().startsWith(QStringLiteral("No water level yet")));
}

TEST_CASE("The marginal view exports headless in both themes", "[marginal][export]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const Scenario s = preset("ml-first");
    const AllocationResult result = allocate(s, Method::Auto);
    REQUIRE(result.ok());
    CHECK(chartViewFromName(QStringLiteral("marginal")) == ChartView::Marginal);
    CHECK(chartViewName(ChartView::Marginal) == QStringLiteral("marginal"));
    for (const char *id : {"dark", "light"}) {
        const QString path = dir.filePath(QStringLiteral("marginal-%1.png").arg(QLatin1String(id)));
        ViewExportOptions view;
        view.view = ChartView::Marginal;
        QString error;
        REQUIRE(exportView(s, result, *Theme::byId(QLatin1String(id)), path, ExportOptions{QSize(1280, 720), 1}, view,
                           &error));
        const QImage image(path);
        REQUIRE(image.size() == QSize(1280, 720));
        // The red dots and the water line are there.
        int red = 0;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2) {
                const QColor c = image.pixelColor(x, y);
                red += c.red() > 230 && c.green() < 40 && c.blue() < 40 ? 1 : 0;
            }
        CHECK(red > 200);
    }
}

TEST_CASE("View > Marginal View shows the water level of the window's split, and follows the budget",
          "[marginal][window]")
{
    MainWindow window;
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK_FALSE(window.marginalView()->isVisible());
    window.marginalViewAction()->setChecked(true);
    QCoreApplication::processEvents();
    REQUIRE(window.marginalView()->isVisible());
    REQUIRE(window.document()->service()->waitForIdle());
    QCoreApplication::processEvents();

    const MarginalChart *chart = window.marginalView()->chart();
    // The startup preset: the level is the second project's last gain, 0.08·ln(27/26).
    REQUIRE(chart->waterLine()->visible());
    CHECK(chart->waterLine()->point1->coords().y() == Approx(0.08 * std::log(27.0 / 26.0)).epsilon(1e-12));
    CHECK(chart->dots()->data()->at(0)->key == 33);
    // The table shows last and next gains side by side, and the level on the objective line.
    const ResultsTable *table = window.resultsTable();
    CHECK(table->model()->headerData(ResultsModel::LastGainColumn, Qt::Horizontal).toString()
          == QStringLiteral("Last gain"));
    CHECK(table->model()->headerData(ResultsModel::GainColumn, Qt::Horizontal).toString()
          == QStringLiteral("Next gain"));
    CHECK(table->cellText(1, ResultsModel::LastGainColumn) == format::number(0.08 * std::log(27.0 / 26.0)));
    CHECK(table->cellText(0, ResultsModel::GainColumn) == format::number(0.1 * std::log(34.0 / 33.0)));
    CHECK(table->model()->objectiveText().contains(
        QStringLiteral("water level %1").arg(format::number(0.08 * std::log(27.0 / 26.0)))));

    // At 300 units the top project stops at 100: its dot moves there, and the level falls to 0.1·ln(100/99).
    window.controlPanel()->totalControl()->spinBox()->setValue(300);
    REQUIRE(window.document()->service()->waitForIdle());
    QCoreApplication::processEvents();
    CHECK(chart->dots()->data()->at(0)->key == 100);
    CHECK(chart->waterLine()->point1->coords().y() == Approx(0.1 * std::log(100.0 / 99.0)).epsilon(1e-12));

    window.marginalViewAction()->setChecked(false);
    QCoreApplication::processEvents();
    CHECK_FALSE(window.marginalView()->isVisible());
}

TEST_CASE("A planned effort typed into the table is one undoable edit, and the line under it prices the plan",
          "[plan][window]")
{
    MainWindow window;
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(window.document()->service()->waitForIdle());
    QCoreApplication::processEvents();
    ResultsModel *model = window.resultsTable()->model();
    CHECK(model->headerData(ResultsModel::PlannedColumn, Qt::Horizontal).toString() == QStringLiteral("Planned"));
    CHECK(model->flags(model->index(0, ResultsModel::PlannedColumn)).testFlag(Qt::ItemIsEditable));
    CHECK_FALSE(model->flags(model->index(0, ResultsModel::EffortColumn)).testFlag(Qt::ItemIsEditable));
    CHECK(window.resultsTable()->cellText(0, ResultsModel::PlannedColumn) == QStringLiteral("—"));

    // Typed into the table: 20 units for every project.
    QTableView *view = window.resultsTable()->findChild<QTableView *>();
    REQUIRE(view);
    for (int row = 0; row < 5; ++row) {
        view->setCurrentIndex(model->index(row, ResultsModel::PlannedColumn));
        view->edit(view->currentIndex());
        QWidget *editor = QApplication::focusWidget();
        REQUIRE(editor);
        QTest::keyClicks(editor, QStringLiteral("20"));
        QTest::keyClick(editor, Qt::Key_Return);
        QCoreApplication::processEvents();
    }
    REQUIRE(window.document()->service()->waitForIdle());
    QCoreApplication::processEvents();
    for (const Project &p : window.document()->scenario().projects)
        CHECK(p.planned == 20);
    CHECK(window.resultsTable()->cellText(4, ResultsModel::PlannedColumn) == QStringLiteral("20"));
    const double planned = 0.1 * std::log(40.0) + 0.08 * std::log(60.0) + 0.06 * std::log(200.0)
        + 0.04 * std::log(1000.0) + 0.02 * std::log(20000.0);
    const double gap = window.document()->result().allocation->objective - planned;
    const QString line = model->objectiveText();
    INFO(line.toStdString());
    CHECK(line.contains(QStringLiteral("The plan leaves %1 on the table").arg(format::number(gap, 4))));
    CHECK(line.contains(QStringLiteral("Dynamic pricing +13")));
    CHECK(line.contains(QStringLiteral("Generated menu images -13")));

    // Bad text is refused; undo takes back one project's plan at a time.
    CHECK_FALSE(model->setData(model->index(0, ResultsModel::PlannedColumn), QStringLiteral("-4")));
    CHECK_FALSE(model->setData(model->index(0, ResultsModel::PlannedColumn), QStringLiteral("ten")));
    window.document()->undoStack()->undo();
    REQUIRE(window.document()->service()->waitForIdle());
    QCoreApplication::processEvents();
    CHECK_FALSE(window.document()->scenario().projects[4].planned.has_value());
    CHECK(window.document()->scenario().projects[3].planned == 20);
    CHECK(model->objectiveText().contains(QStringLiteral("the plan has 80 units, the budget 100")));
    // An empty value drops a plan.
    REQUIRE(model->setData(model->index(0, ResultsModel::PlannedColumn), QString()));
    CHECK_FALSE(window.document()->scenario().projects[0].planned.has_value());
}

TEST_CASE("The chart draws the plan as rings on the curves, joined to the optimum's dots", "[plan][chart]")
{
    Scenario s = preset("startup");
    s.projects[0].planned = 20;
    s.projects[2].planned = 20; // the optimum's own effort: a ring, no join
    const AllocationResult result = allocate(s, Method::Auto);
    REQUIRE(result.ok());
    QCustomPlot plot;
    plot.resize(1200, 800);
    auto *chart = new Chart(&plot);
    chart->update(s, result);
    QCPCurve *rings = chart->planRings();
    REQUIRE(rings->visible());
    REQUIRE(rings->data()->size() == 2);
    CHECK(rings->data()->at(0)->key == 20);
    CHECK(rings->data()->at(0)->value == Approx(0.1 * std::log(2.0 * 20)).epsilon(1e-12));
    CHECK(rings->data()->at(1)->key == 20);
    CHECK(rings->data()->at(1)->value == Approx(0.06 * std::log(10.0 * 20)).epsilon(1e-12));
    // One join, from the first project's ring to its dot at 33 units.
    QCPCurve *joins = chart->planJoins();
    REQUIRE(joins->visible());
    REQUIRE(joins->data()->size() == 3);
    CHECK(joins->data()->at(0)->key == 20);
    CHECK(joins->data()->at(1)->key == 33);
    CHECK(joins->data()->at(1)->value == Approx(0.1 * std::log(2.0 * 33)).epsilon(1e-12));
    CHECK(std::isnan(joins->data()->at(2)->key));

    s.projects[0].planned.reset();
    s.projects[2].planned.reset();
    chart->update(s, result);
    CHECK_FALSE(chart->planRings()->visible());
    CHECK_FALSE(chart->planJoins()->visible());
}
