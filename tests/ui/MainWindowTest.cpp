// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "UiTestSupport.h"

#include "ScenarioFile.h"
#include "charts/GrowthView.h"
#include "charts/MarginalView.h"
#include "persistence/Settings.h"
#include "widgets/ControlPanel.h"
#include "widgets/ParameterControl.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDropEvent>
#include <QFile>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>

#include <QToolButton>
#include <QUndoStack>
#include <QUrl>
#include <QWheelEvent>
#include <memory>

using namespace ef;
using namespace ef::test;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
}

} // namespace

TEST_CASE("The window opens on the startup preset with its reference efforts", "[window]")
{
    MainWindow window;
    CHECK(window.document()->scenario() == presetScenario("startup"));
    CHECK(window.chartWidget()->chart()->curveCount() == 5);
    CHECK(dotEfforts(window) == std::vector<Effort>{33, 27, 20, 13, 7});
    CHECK(tableEfforts(window) == std::vector<Effort>{33, 27, 20, 13, 7});
    CHECK(window.resultsTable()->cellText(0, ResultsTable::StageColumn) == "Feature engineering");
    CHECK_FALSE(window.isWindowModified());
    CHECK(window.windowTitle().contains("startup"));
}

TEST_CASE("Dragging the total-effort slider moves the dots to the allocator's efforts while dragging", "[window][live]")
{
    MainWindow window;
    const Scenario startup = window.document()->scenario();
    QSlider *slider = window.controlPanel()->totalControl()->slider();
    QUndoStack *undo = window.document()->undoStack();
    REQUIRE(undo->count() == 0);

    slider->setSliderDown(true); // the press of a drag
    for (int value = 100; value <= 300; value += 7) {
        slider->setValue(value);
        INFO("total " << value);
        REQUIRE(window.document()->scenario().totalEffort == value);
        REQUIRE(dotEfforts(window) == allocatorEfforts(startup, value));
        REQUIRE(tableEfforts(window) == allocatorEfforts(startup, value));
    }
    slider->setValue(300);
    slider->setSliderDown(false); // the release
    CHECK(dotEfforts(window) == std::vector<Effort>{100, 80, 60, 40, 20});
    CHECK(window.controlPanel()->totalControl()->spinBox()->value() == 300);
    CHECK(undo->count() == 1); // the whole drag is one step
    CHECK(window.isWindowModified());

    undo->undo();
    CHECK(window.document()->scenario() == startup);
    CHECK(dotEfforts(window) == std::vector<Effort>{33, 27, 20, 13, 7});
    CHECK(slider->value() == 100);
    CHECK_FALSE(window.isWindowModified());
    undo->redo();
    CHECK(window.document()->scenario().totalEffort == 300);
    CHECK(dotEfforts(window) == std::vector<Effort>{100, 80, 60, 40, 20});
}

TEST_CASE("Keyboard steps on the total slider re-allocate with one undo step each", "[window][live]")
{
    MainWindow window;
    const Scenario startup = window.document()->scenario();
    QSlider *slider = window.controlPanel()->totalControl()->slider();
    QTest::keyClick(slider, Qt::Key_PageUp);
    QTest::keyClick(slider, Qt::Key_Right);
    CHECK(window.document()->scenario().totalEffort == 111);
    CHECK(dotEfforts(window) == allocatorEfforts(startup, 111));
    CHECK(window.document()->undoStack()->count() == 2);
}

TEST_CASE("Typing a weight re-allocates and undo and redo restore it", "[window][undo]")
{
    MainWindow window;
    window.controlPanel()->selectProject(0);
    QDoubleSpinBox *weight = window.controlPanel()->weightControl()->spinBox();
    QTest::keyClick(weight, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(weight, "6");
    QTest::keyClick(weight, Qt::Key_Return);
    REQUIRE(window.document()->scenario().projects[0].weight == 6.0);
    const std::vector<Effort> mlFirst{75, 10, 7, 5, 3};
    CHECK(allocatorEfforts(window.document()->scenario(), 100) == mlFirst);
    CHECK(dotEfforts(window) == mlFirst);
    CHECK(tableEfforts(window) == mlFirst);
    CHECK(window.document()->undoStack()->count() == 1); // typing "6" is one edit

    window.document()->undoStack()->undo();
    CHECK(window.document()->scenario() == presetScenario("startup"));
    CHECK(dotEfforts(window) == std::vector<Effort>{33, 27, 20, 13, 7});
    CHECK(weight->value() == 1.0);
    window.document()->undoStack()->redo();
    CHECK(dotEfforts(window) == mlFirst);
    CHECK(weight->value() == 6.0);
}

TEST_CASE("A slider drag on a project parameter is one undo step", "[window][undo]")
{
    MainWindow window;
    window.controlPanel()->selectProject(4);
    QSlider *a = window.controlPanel()->aControl()->slider();
    a->setSliderDown(true);
    for (int position = a->value(); position < a->value() + 100; position += 10)
        a->setValue(position);
    a->setValue(400); // a = 0.2: the menu images now deserve the most effort
    a->setSliderDown(false);
    CHECK(window.document()->scenario().projects[4].curve.a == Approx(0.2));
    CHECK(dotEfforts(window) == allocatorEfforts(window.document()->scenario(), 100));
    CHECK(dotEfforts(window)[4] > 33);
    CHECK(window.document()->undoStack()->count() == 1);
    window.document()->undoStack()->undo();
    CHECK(window.document()->scenario() == presetScenario("startup"));
}

TEST_CASE("Adding and duplicating and moving and removing projects updates the chart and can be undone",
          "[window][undo]")
{
    MainWindow window;
    ControlPanel *controls = window.controlPanel();
    controls->selectProject(1);
    controls->duplicateProject();
    CHECK(window.document()->scenario().projects.size() == 6);
    CHECK(window.chartWidget()->chart()->curveCount() == 6);
    CHECK(controls->selectedProject() == 2);
    CHECK(dotEfforts(window) == allocatorEfforts(window.document()->scenario(), 100));
    controls->moveProjectUp();
    CHECK(controls->selectedProject() == 1);
    controls->addProject();
    CHECK(window.resultsTable()->model()->rowCount() == 7);
    controls->removeProject();
    controls->removeProject();
    CHECK(window.document()->scenario().projects.size() == 5);
    QUndoStack *undo = window.document()->undoStack();
    CHECK(undo->count() == 5);
    while (undo->canUndo())
        undo->undo();
    CHECK(window.document()->scenario() == presetScenario("startup"));
    CHECK(window.chartWidget()->chart()->curveCount() == 5);
    CHECK(controls->projectList()->model()->rowCount() == 5);
}

TEST_CASE("Infeasible bounds show a message instead of dots and recover", "[window]")
{
    MainWindow window;
    window.document()->edit("min", [](Scenario &s) {
        s.projects[0].minEffort = 80;
        s.projects[1].minEffort = 80;
    });
    CHECK_FALSE(window.document()->result().ok());
    CHECK(window.messageText().contains("No allocation"));
    CHECK(window.chartWidget()->chart()->dots()->data()->isEmpty());
    window.document()->undoStack()->undo();
    CHECK(window.messageText().isEmpty());
    CHECK(dotEfforts(window) == std::vector<Effort>{33, 27, 20, 13, 7});
}

TEST_CASE("Loading a bad file keeps the current scenario and names the problem", "[window][files]")
{
    QTemporaryDir dir;
    MainWindow window;
    window.openPreset("growth");
    window.controlPanel()->totalControl()->spinBox()->setValue(250); // an unsaved edit
    const Scenario before = window.document()->scenario();

    const QString broken = dir.filePath("broken.json");
    writeFile(broken, "{ \"version\": 1, \"projects\": [");
    CHECK_FALSE(window.openFile(broken));
    CHECK(window.document()->scenario() == before);
    CHECK(window.document()->undoStack()->count() == 1);
    CHECK(window.messageText().contains("broken.json"));

    const QString negative = dir.filePath("negative-b.json");
    Scenario bad = presetScenario("startup");
    QByteArray json = QByteArray::fromStdString(serializeScenario(bad));
    json.replace("\"b\": 2", "\"b\": -2");
    writeFile(negative, json);
    CHECK_FALSE(window.openFile(negative));
    CHECK(window.document()->scenario() == before);
    CHECK(window.messageText().contains("projects[0].curve.b"));

    CHECK_FALSE(window.openFile(dir.filePath("missing.json")));
    CHECK(window.document()->scenario() == before);
    CHECK(dotEfforts(window) == allocatorEfforts(before, 250));
}

TEST_CASE("Save and reopen and drag-and-drop keep the scenario and the title tracks the file", "[window][files]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath("what-if.json");
    MainWindow window;
    window.controlPanel()->totalControl()->spinBox()->setValue(180);
    CHECK(window.isWindowModified());
    REQUIRE(window.saveFile(path));
    CHECK_FALSE(window.isWindowModified());
    CHECK(window.windowTitle().startsWith("what-if.json"));
    const Scenario saved = window.document()->scenario();
    LoadResult reread = loadScenarioFile(path);
    REQUIRE(reread.ok());
    CHECK(*reread.scenario == saved);

    CHECK(settings::recentFiles().value(0) == QFileInfo(path).absoluteFilePath());

    MainWindow other;
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&other, &enter);
    CHECK(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&other, &drop);
    CHECK(other.document()->scenario() == saved);
    CHECK(other.document()->filePath() == QFileInfo(path).absoluteFilePath());
    CHECK(dotEfforts(other) == allocatorEfforts(saved, 180));
}

TEST_CASE("The three presets show their reference efforts in the table", "[window][presets]")
{
    struct Case {
        const char *name;
        std::vector<Effort> efforts;
    };
    const Case cases[]
        = {{"startup", {33, 27, 20, 13, 7}}, {"growth", {100, 80, 60, 40, 20}}, {"ml-first", {75, 10, 7, 5, 3}}};
    MainWindow window;
    for (const Case &c : cases) {
        INFO(c.name);
        REQUIRE(window.openPreset(QString::fromLatin1(c.name)));
        CHECK(tableEfforts(window) == c.efforts);
        CHECK(dotEfforts(window) == c.efforts);
        CHECK(window.windowTitle().contains(QString::fromLatin1(c.name)));
    }
    CHECK(window.resultsTable()->cellText(0, ResultsTable::StageColumn) == "Using DL");
}

TEST_CASE("Hovering a dot or a curve describes the project there", "[window][chart]")
{
    MainWindow window;
    ChartWidget *plot = window.chartWidget();
    plot->resize(1000, 700);
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const Project &pricing = window.document()->scenario().projects[0];
    const QPointF dot(plot->xAxis->coordToPixel(33), plot->yAxis->coordToPixel(pricing.curve.value(33)));
    const QString onDot = plot->chart()->toolTipAt(dot);
    CHECK(onDot.contains("Optimal allocation"));
    CHECK(onDot.contains("Dynamic pricing"));
    CHECK(onDot.contains("Effort: 33 units"));
    CHECK(onDot.contains("Feature engineering"));
    CHECK(onDot.contains(QString::number(pricing.curve.weightedGain(1.0, 33), 'g', 4)));

    const Project &menu = window.document()->scenario().projects[4];
    const QPointF onCurve(plot->xAxis->coordToPixel(60), plot->yAxis->coordToPixel(menu.curve.value(60)));
    const QString curveTip = plot->chart()->toolTipAt(onCurve);
    CHECK(curveTip.contains("Generated menu images"));
    CHECK(curveTip.contains("Effort: 60 units"));
    CHECK(curveTip.contains("Using DL"));
    CHECK_FALSE(curveTip.contains("Optimal"));

    const QPointF empty(plot->xAxis->coordToPixel(95), plot->yAxis->coordToPixel(plot->yAxis->range().lower) - 3);
    CHECK(plot->chart()->toolTipAt(empty).isEmpty());
}

TEST_CASE("Zooming stops the automatic range until the view is reset or the total changes", "[window][chart]")
{
    MainWindow window;
    ChartWidget *plot = window.chartWidget();
    CHECK(plot->xAxis->range().upper == Approx(106));
    plot->resize(1000, 700);
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const QPointF centre = plot->axisRect()->rect().center();
    QWheelEvent wheel(centre, plot->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(plot, &wheel);
    const double zoomed = plot->xAxis->range().size();
    CHECK(zoomed < 106);
    // An edit that keeps the total keeps the user's view.
    window.controlPanel()->aControl()->spinBox()->setValue(window.controlPanel()->aControl()->spinBox()->value() * 1.1);
    CHECK(plot->xAxis->range().size() == Approx(zoomed));
    plot->resetView();
    CHECK(plot->xAxis->range().upper == Approx(106));

    // A new total moves every dot: a zoom that survived it would hide them (regression).
    QApplication::sendEvent(plot, &wheel);
    CHECK(plot->xAxis->range().size() < 106);
    window.controlPanel()->totalControl()->spinBox()->setValue(300);
    CHECK(plot->xAxis->range().upper == Approx(318));
    CHECK(plot->xAxis->range().lower == 0);

    // So does a new scenario.
    QApplication::sendEvent(plot, &wheel);
    CHECK(plot->xAxis->range().size() < 318);
    REQUIRE(window.openPreset(QStringLiteral("growth")));
    CHECK(plot->xAxis->range().upper == Approx(318));
}

namespace {

QAction *menuAction(const MainWindow &window, const QString &startsWith)
{
    for (QAction *action : window.findChildren<QAction *>())
        if (action->text().startsWith(startsWith))
            return action;
    FAIL("no action " << startsWith.toStdString());
    return nullptr;
}

} // namespace

TEST_CASE("Unsaved changes are kept unless the user discards them", "[window][files]")
{
    MainWindow window;
    window.controlPanel()->totalControl()->spinBox()->setValue(140);
    const Scenario edited = window.document()->scenario();
    QAction *growth = menuAction(window, "growth");

    const UnsavedAnswer cancelled = answerUnsaved(window, QMessageBox::Cancel);
    growth->trigger();
    CHECK(*cancelled.asked == 1);
    CHECK(window.document()->scenario() == edited);
    CHECK(window.isWindowModified());

    const UnsavedAnswer discarded = answerUnsaved(window, QMessageBox::Discard);
    growth->trigger();
    CHECK(*discarded.asked == 1);
    CHECK(window.document()->scenario() == presetScenario("growth"));
    CHECK_FALSE(window.isWindowModified());

    growth->trigger(); // nothing unsaved: no question
    CHECK(window.document()->scenario() == presetScenario("growth"));
}

TEST_CASE("An S-curve project is allocated exactly and its midpoint control appears", "[window]")
{
    MainWindow window;
    ControlPanel *controls = window.controlPanel();
    controls->selectProject(2);
    CHECK(controls->midpointControl()->isHidden());
    auto *family = controls->findChild<QComboBox *>();
    REQUIRE(family != nullptr);
    const int logistic = family->findData(static_cast<int>(CurveFamily::Logistic));
    REQUIRE(logistic >= 0);
    family->setCurrentIndex(logistic);
    emit family->activated(logistic);
    REQUIRE(window.document()->scenario().projects[2].curve.family == CurveFamily::Logistic);
    CHECK_FALSE(controls->midpointControl()->isHidden());
    QDoubleSpinBox *midpoint = controls->midpointControl()->spinBox();
    midpoint->setValue(30);
    const Scenario &scenario = window.document()->scenario();
    CHECK(scenario.projects[2].curve.midpoint == 30.0);
    REQUIRE(window.document()->result().ok());
    CHECK(window.document()->result().allocation->method == Method::Exact);
    CHECK(dotEfforts(window) == allocatorEfforts(scenario, 100));
    CHECK(tableEfforts(window) == allocatorEfforts(scenario, 100));
    CHECK(window.resultsTable()->objectiveText().contains("exact"));
}

TEST_CASE("Changing a curve's family keeps it valid, so the scenario saves and reloads as shown", "[window][file]")
{
    MainWindow window;
    ControlPanel *controls = window.controlPanel();
    controls->selectProject(1);
    auto *family = controls->findChild<QComboBox *>();
    REQUIRE(family != nullptr);
    const auto choose = [&](const char *name) {
        const int item = family->findData(static_cast<int>(*familyFromName(name)));
        REQUIRE(item >= 0);
        family->setCurrentIndex(item);
        emit family->activated(item);
    };
    choose("logistic");
    controls->midpointControl()->spinBox()->setValue(40);
    controls->bControl()->spinBox()->setValue(500);
    REQUIRE(window.document()->scenario().projects[1].curve.midpoint == 40.0);

    choose("power"); // a midpoint belongs to logistic curves only; power takes b ≤ 10
    const Curve &curve = window.document()->scenario().projects[1].curve;
    CHECK(curve.midpoint == 0.0);
    CHECK(curve.b == 10.0);
    CHECK(controls->bControl()->spinBox()->value() == 10.0);
    controls->bControl()->spinBox()->setValue(1000);
    CHECK(window.document()->scenario().projects[1].curve.b == 10.0);
    CHECK_FALSE(validateScenario(window.document()->scenario(), QStringLiteral("window")).has_value());

    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("family.json"));
    REQUIRE(window.saveFile(path));
    const LoadResult reloaded = loadScenarioFile(path);
    INFO(reloaded.error.message().toStdString());
    REQUIRE(reloaded.ok());
    Scenario expected = window.document()->scenario();
    expected.name = reloaded.scenario->name;
    CHECK(*reloaded.scenario == expected);
}

TEST_CASE("A scenario with more projects than the chart can show is refused; at the limit Add is off",
          "[window][files]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    MainWindow window;
    const Scenario before = window.document()->scenario();

    Scenario big = before;
    big.totalEffort = 5000;
    big.projects.clear();
    for (std::size_t i = 0; i <= limits::kMaxChartProjects; ++i) {
        Project p = before.projects[i % before.projects.size()];
        p.name = "Project " + std::to_string(i);
        big.projects.push_back(p);
    }
    const QString tooBig = dir.filePath("too-big.json");
    writeFile(tooBig, QByteArray::fromStdString(serializeScenario(big)));
    CHECK_FALSE(window.openFile(tooBig));
    CHECK(window.document()->scenario() == before);
    CHECK(window.messageText().contains("the chart shows at most 500"));

    big.projects.pop_back(); // exactly the limit: shown, fast, and nothing more can be added
    const QString atLimit = dir.filePath("at-limit.json");
    writeFile(atLimit, QByteArray::fromStdString(serializeScenario(big)));
    REQUIRE(window.openFile(atLimit));
    CHECK(window.document()->scenario().projects.size() == limits::kMaxChartProjects);
    CHECK(dotEfforts(window) == allocatorEfforts(big, 5000));
    QToolButton *add = nullptr;
    for (QToolButton *button : window.controlPanel()->findChildren<QToolButton *>())
        add = button->text() == "Add" ? button : add;
    REQUIRE(add != nullptr);
    CHECK_FALSE(add->isEnabled());
    window.controlPanel()->addProject();
    CHECK(window.document()->scenario().projects.size() == limits::kMaxChartProjects);
}

TEST_CASE("View > Accuracy Numbers puts numbers on the accuracy axis and is remembered", "[window][chart]")
{
    settings::setAccuracyNumbersShown(false);
    QAction *numbers = nullptr;
    {
        MainWindow window;
        for (QAction *action : window.findChildren<QAction *>())
            if (action->text() == QStringLiteral("&Accuracy Numbers"))
                numbers = action;
        REQUIRE(numbers != nullptr);
        Chart *chart = window.chartWidget()->chart();
        CHECK_FALSE(chart->accuracyNumbers()); // the reference look
        CHECK_FALSE(chart->plot()->yAxis->tickLabels());
        numbers->trigger();
        CHECK(chart->plot()->yAxis->tickLabels());
        window.chartWidget()->replot(QCustomPlot::rpImmediateRefresh);
        // The ticks label the accuracies the dots sit at: startup's lie between 0.1 and 0.5.
        const QCPRange range = chart->plot()->yAxis->range();
        for (const ProjectAllocation &pa : window.document()->result().allocation->projects)
            CHECK(range.contains(pa.accuracy));
        const QVector<QString> labels = chart->plot()->yAxis->tickVectorLabels();
        REQUIRE(labels.size() >= 2);
        for (const QString &label : labels) {
            bool ok = false;
            const double value = label.toDouble(&ok);
            CHECK(ok);
            CHECK(range.contains(value));
        }
    }
    CHECK(settings::accuracyNumbersShown());
    MainWindow again;
    CHECK(again.chartWidget()->chart()->accuracyNumbers());
    settings::setAccuracyNumbersShown(false);
}

TEST_CASE("A chart too narrow for its title wraps it at spaces instead of cutting it off", "[window][chart]")
{
    MainWindow window;
    window.resize(1280, 720);
    window.show();
    window.growthViewAction()->setChecked(true);
    window.marginalViewAction()->setChecked(true);
    QCoreApplication::processEvents();
    for (PlotWidget *plot :
         std::initializer_list<PlotWidget *>{window.chartWidget(), window.growthView(), window.marginalView()}) {
        plot->resize(260, 400); // a narrow side panel
        plot->replot(QCustomPlot::rpImmediateRefresh);
        plot->replot(QCustomPlot::rpImmediateRefresh); // the layout settles on the second pass
        const ChartFrame *frame = plot->frame();
        const QString shown = frame->shownTitle();
        INFO(shown.toStdString());
        // Every word is there, in order, and no line is wider than the room.
        CHECK(QString(shown).replace(QLatin1Char('\n'), QLatin1Char(' ')) == frame->title());
        CHECK(shown.contains(QLatin1Char('\n')));
        // Wrapping happens at the smallest title size (8 pt, bold): every line fits the room at it.
        QFont smallest = frame->plot()->font();
        smallest.setPointSizeF(8);
        smallest.setBold(true);
        for (const QString &line : shown.split(QLatin1Char('\n')))
            CHECK(QFontMetricsF(smallest).horizontalAdvance(line) <= frame->titleRoom() + 0.5);
    }
}
