// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// Pin and compare: snapshots pinned from the window, drawn as ghosts beside the live state, compared
// in the table, kept through edits, undone, recalled, saved and read back.
#include "UiTestSupport.h"

#include "QtStringMakers.h"
#include "ScenarioFile.h"
#include "widgets/ControlPanel.h"
#include "widgets/ParameterControl.h"
#include "widgets/SnapshotBar.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace ef;
using namespace ef::test;

namespace {

/// The efforts the hollow ghost dots sit at, in baseline project order.
std::vector<Effort> ghostEfforts(const MainWindow &window)
{
    QCPCurve *ghosts = window.chartWidget()->chart()->ghostDots();
    std::vector<Effort> efforts;
    for (auto it = ghosts->data()->constBegin(); it != ghosts->data()->constEnd(); ++it)
        efforts.push_back(static_cast<Effort>(it->key));
    return efforts;
}

/// Drags the total-effort slider to `value` as a hand would.
void dragTotalTo(MainWindow &window, int value)
{
    QSlider *slider = window.controlPanel()->totalControl()->slider();
    slider->setSliderDown(true);
    for (int v = slider->value(); v != value; v += v < value ? 10 : -10)
        slider->setValue(std::abs(value - v) < 10 ? value : v);
    slider->setValue(value);
    slider->setSliderDown(false);
}

} // namespace

TEST_CASE("Pinning startup and dragging to 300 shows the article's two figures in one chart", "[compare][window]")
{
    MainWindow window;
    SnapshotBar *bar = window.snapshotBar();
    QTest::keyClicks(bar->nameEdit(), QStringLiteral("startup at 100"));
    QTest::mouseClick(bar->pinButton(), Qt::LeftButton);
    CHECK(bar->problem().isEmpty());
    REQUIRE(window.document()->scenario().snapshots.size() == 1);
    CHECK(window.document()->baselineName() == QStringLiteral("startup at 100"));
    CHECK(bar->baselineBox()->currentText() == QStringLiteral("startup at 100"));

    dragTotalTo(window, 300);
    CHECK(dotEfforts(window) == std::vector<Effort>{100, 80, 60, 40, 20});
    // The ghosts keep the pinned split: the first figure beside the second.
    CHECK(ghostEfforts(window) == std::vector<Effort>{33, 27, 20, 13, 7});
    CHECK(window.chartWidget()->chart()->ghostCurveCount() == 5);
    CHECK(window.chartWidget()->chart()->ghostDots()->visible());

    // The table compares project by project, and the objective against the baseline's.
    const ResultsTable *table = window.resultsTable();
    REQUIRE(table->model()->columnCount() == ResultsModel::ColumnCount);
    CHECK(table->cellText(0, ResultsModel::DeltaEffortColumn) == QStringLiteral("+67"));
    CHECK(table->cellText(4, ResultsModel::DeltaEffortColumn) == QStringLiteral("+13"));
    CHECK(table->cellText(0, ResultsModel::BaselineStageColumn) == QStringLiteral("Feature engineering"));
    CHECK(table->cellText(0, ResultsModel::StageColumn) == QStringLiteral("SotA research approach"));
    const Scenario &scenario = window.document()->scenario();
    const double valueNow = scenario.projects[0].curve.value(100);
    const double valueThen = scenario.projects[0].curve.value(33);
    CHECK(table->cellText(0, ResultsModel::DeltaValueColumn).toDouble() == Approx(valueNow - valueThen).epsilon(1e-3));
    CHECK(table->objectiveText().contains(QStringLiteral("against “startup at 100”")));

    // Further edits move the live dots only.
    window.controlPanel()->selectProject(1);
    window.controlPanel()->weightControl()->spinBox()->setValue(3);
    CHECK(ghostEfforts(window) == std::vector<Effort>{33, 27, 20, 13, 7});
    CHECK(dotEfforts(window) != std::vector<Effort>{100, 80, 60, 40, 20});
}

TEST_CASE("Pinning is undoable, recall restores the pinned state, and names must differ", "[compare][window]")
{
    MainWindow window;
    SnapshotBar *bar = window.snapshotBar();
    bar->pin(); // the suggested name
    REQUIRE(window.document()->scenario().snapshots.size() == 1);
    CHECK(window.document()->scenario().snapshots[0].name == "Budget 100");
    bar->pin(); // the next suggestion differs
    CHECK(window.document()->scenario().snapshots[1].name == "Budget 100 (2)");

    QTest::keyClicks(bar->nameEdit(), QStringLiteral("Budget 100"));
    QTest::keyClick(bar->nameEdit(), Qt::Key_Return);
    CHECK(bar->problem().contains(QStringLiteral("already a snapshot named")));
    CHECK(window.document()->scenario().snapshots.size() == 2);

    window.document()->undoStack()->undo();
    CHECK(window.document()->scenario().snapshots.size() == 1);
    // The baseline was the undone snapshot: it is cleared, and the ghosts go with it.
    CHECK(window.document()->baselineName().isEmpty());
    CHECK_FALSE(window.chartWidget()->chart()->ghostDots()->visible());
    CHECK(window.resultsTable()->model()->columnCount() == ResultsModel::kPlainColumns);

    window.document()->setBaseline(QStringLiteral("Budget 100"));
    window.controlPanel()->totalControl()->spinBox()->setValue(250);
    QTest::mouseClick(bar->recallButton(), Qt::LeftButton);
    CHECK(window.document()->scenario().totalEffort == 100);
    CHECK(dotEfforts(window) == std::vector<Effort>{33, 27, 20, 13, 7});
    window.document()->undoStack()->undo();
    CHECK(window.document()->scenario().totalEffort == 250);

    QTest::mouseClick(bar->removeButton(), Qt::LeftButton);
    CHECK(window.document()->scenario().snapshots.empty());
    CHECK_FALSE(bar->baselineBox()->isEnabled());
}

TEST_CASE("Snapshots are saved with the scenario and read back", "[compare][window][file]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("with-snapshots.json"));
    {
        MainWindow window;
        window.snapshotBar()->pin();
        window.controlPanel()->totalControl()->spinBox()->setValue(300);
        window.snapshotBar()->pin();
        REQUIRE(window.saveFile(path));
    }
    const LoadResult loaded = loadScenarioFile(path);
    REQUIRE(loaded.ok());
    REQUIRE(loaded.scenario->snapshots.size() == 2);
    CHECK(loaded.scenario->snapshots[1].efforts == std::vector<Effort>{100, 80, 60, 40, 20});
    MainWindow again;
    REQUIRE(again.openFile(path));
    CHECK(again.snapshotBar()->baselineBox()->count() == 3);
    again.document()->setBaseline(QStringLiteral("Budget 100"));
    CHECK(ghostEfforts(again) == std::vector<Effort>{33, 27, 20, 13, 7});
}
