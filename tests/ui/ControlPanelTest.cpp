// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// The control panel driven as a user would: the project list (an item model), the colours Add and
// Duplicate give, Undo and Redo typed in a spin box, and the family and parameter texts.

#include "ColorDifference.h"
#include "ScenarioFile.h"
#include "UiTestSupport.h"

#include "document/ProjectListModel.h"
#include "widgets/ControlPanel.h"
#include "widgets/ParameterControl.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QKeySequence>
#include <QLabel>
#include <QListView>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace ef;
using namespace ef::test;

namespace {

QToolButton *button(const ControlPanel *controls, const QString &text)
{
    for (QToolButton *b : controls->findChildren<QToolButton *>())
        if (b->text() == text)
            return b;
    FAIL("no button " << text.toStdString());
    return nullptr;
}

void click(QToolButton *b)
{
    REQUIRE(b->isEnabled());
    QTest::mouseClick(b, Qt::LeftButton);
}

/// The colour each project is drawn in, read from the chart's curves.
std::vector<QColor> curveColors(const MainWindow &window)
{
    std::vector<QColor> colors;
    for (std::size_t i = 0; i < window.chartWidget()->chart()->curveCount(); ++i)
        colors.push_back(window.chartWidget()->chart()->curve(i)->pen().color());
    return colors;
}

/// The list shows the document's projects in order, in the chart's colours, with the selection current.
void checkListMatchesDocument(const MainWindow &window)
{
    const ControlPanel *controls = window.controlPanel();
    const ProjectListModel *model = controls->projectModel();
    const Scenario &scenario = window.document()->scenario();
    REQUIRE(controls->projectList()->model() == model);
    REQUIRE(model->rowCount() == static_cast<int>(scenario.projects.size()));
    const std::vector<QColor> colors = curveColors(window);
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row);
        const Project &p = scenario.projects[static_cast<std::size_t>(row)];
        INFO("row " << row);
        CHECK(index.data(ProjectListModel::NameRole).toString().toStdString() == p.name);
        CHECK(index.data(Qt::DecorationRole).value<QColor>() == colors[static_cast<std::size_t>(row)]);
    }
    CHECK(controls->projectList()->currentIndex().row() == controls->selectedProject());
}

} // namespace

TEST_CASE("The project list shows names and weights as ×6 in the chart's colours with the family in a tool tip",
          "[controls][projects]")
{
    MainWindow window;
    REQUIRE(window.openPreset("ml-first"));
    const ProjectListModel *model = window.controlPanel()->projectModel();
    REQUIRE(model->rowCount() == 5);
    CHECK(model->index(0).data().toString() == "Dynamic pricing  ×6");
    CHECK(model->index(0).data(ProjectListModel::WeightRole).toDouble() == 6.0);
    CHECK(model->index(1).data().toString() == "Dispatching engine"); // weight 1: no mark
    checkListMatchesDocument(window);

    const QString tip = model->index(0).data(Qt::ToolTipRole).toString();
    CHECK(tip.contains("Dynamic pricing"));
    CHECK(tip.contains("Logarithmic: a·ln(b·x)"));
    CHECK(tip.contains("a = 0.1000"));
    CHECK(tip.contains("weight ×6"));

    CHECK(ProjectListModel::weightText(1) == "");
    CHECK(ProjectListModel::weightText(0.5) == "×0.5");
    CHECK(ProjectListModel::weightText(1000000) == "×1,000,000");

    // A name that looks like markup is shown as typed, not interpreted.
    window.document()->edit("rename", [](Scenario &s) { s.projects[1].name = "<b>bold</b> & co"; });
    CHECK(model->index(1).data(Qt::ToolTipRole).toString().contains("&lt;b&gt;bold&lt;/b&gt; &amp; co"));

    window.setTheme("light");
    checkListMatchesDocument(window);
    CHECK(model->index(0).data(Qt::DecorationRole).value<QColor>() == Theme::light().cycle[0]);
}

TEST_CASE("Clicking and arrow keys in the project list select the project the editor shows", "[controls][projects]")
{
    MainWindow window;
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    ControlPanel *controls = window.controlPanel();
    QListView *list = controls->projectList();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(list->model()->index(2, 0)).center());
    CHECK(controls->selectedProject() == 2);
    CHECK(controls->aControl()->value() == window.document()->scenario().projects[2].curve.a);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Down);
    CHECK(controls->selectedProject() == 3);
    QTest::keyClick(list, Qt::Key_End);
    CHECK(controls->selectedProject() == 4);
    CHECK(controls->aControl()->value() == window.document()->scenario().projects[4].curve.a);
    checkListMatchesDocument(window);
}

TEST_CASE("Edits and add and duplicate and reorder and remove and undo keep the project list in step",
          "[controls][projects]")
{
    MainWindow window;
    showActive(window, QSize());
    ControlPanel *controls = window.controlPanel();
    const ProjectListModel *model = controls->projectModel();
    const Scenario startup = window.document()->scenario();
    controls->selectProject(3);

    // A weight typed in: one row changes, and only that row is announced.
    QSignalSpy changedRows(model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    typeOver(controls->weightControl()->spinBox(), "6");
    QTest::keyClick(controls->weightControl()->spinBox(), Qt::Key_Return);
    REQUIRE(window.document()->scenario().projects[3].weight == 6.0);
    CHECK(model->index(3).data().toString() == "Personalised recommendations  ×6");
    REQUIRE(changedRows.count() == 1);
    CHECK(changedRows[0][0].value<QModelIndex>().row() == 3);
    CHECK(changedRows[0][1].value<QModelIndex>().row() == 3);
    CHECK(reset.isEmpty());

    click(button(controls, "Duplicate"));
    CHECK(model->rowCount() == 6);
    CHECK(controls->selectedProject() == 4);
    CHECK(model->index(4).data().toString() == "Personalised recommendations (copy)  ×6");
    checkListMatchesDocument(window);

    click(button(controls, "▲"));
    CHECK(controls->selectedProject() == 3);
    CHECK(window.document()->scenario().projects[3].name == "Personalised recommendations (copy)");
    checkListMatchesDocument(window);

    click(button(controls, "Add"));
    CHECK(model->rowCount() == 7);
    CHECK(controls->selectedProject() == 6);
    CHECK(model->index(6).data().toString() == "Project 7");
    checkListMatchesDocument(window);

    controls->selectProject(0);
    click(button(controls, "Remove"));
    CHECK(model->rowCount() == 6);
    CHECK(model->index(0).data().toString() == "Dispatching engine");
    checkListMatchesDocument(window);

    QUndoStack *undo = window.document()->undoStack();
    while (undo->canUndo()) {
        undo->undo();
        checkListMatchesDocument(window);
    }
    CHECK(window.document()->scenario() == startup);
    CHECK(model->rowCount() == 5);
    CHECK(reset.isEmpty());
}

TEST_CASE("Add gives a new project a colour no other project shows", "[controls][projects][color]")
{
    MainWindow window;
    ControlPanel *controls = window.controlPanel();
    const auto distinct = [&] {
        const std::vector<QColor> colors = curveColors(window);
        for (std::size_t i = 0; i < colors.size(); ++i)
            for (std::size_t j = i + 1; j < colors.size(); ++j) {
                INFO("projects " << i << " and " << j << ": " << colors[i].name().toStdString());
                CHECK(colors[i] != colors[j]);
            }
    };

    // Before: the sixth project took the first one's colour.
    click(button(controls, "Add"));
    REQUIRE(window.document()->scenario().projects.size() == 6);
    distinct();
    CHECK(window.document()->scenario().projects[5].color.empty()); // its automatic colour is free

    // The next automatic colour is already some project's own: Add picks a free one and keeps it.
    const QColor next = window.theme().automaticColor(6);
    window.document()->edit("colour", [&](Scenario &s) { s.projects[0].color = next.name().toStdString(); });
    click(button(controls, "Add"));
    distinct();
    CHECK_FALSE(window.document()->scenario().projects[6].color.empty());

    // A copy of a project with its own colour gets another colour, not its twin's. (Projects after
    // it move down one place, so automatic colours move with them; only the copy is checked.)
    controls->selectProject(0);
    click(button(controls, "Duplicate"));
    REQUIRE(window.document()->scenario().projects.size() == 8);
    const std::vector<QColor> colors = curveColors(window);
    for (std::size_t i = 0; i < colors.size(); ++i)
        if (i != 1)
            CHECK(colors[1] != colors[i]);
    checkListMatchesDocument(window);
}

TEST_CASE("Forty projects added one by one have forty clearly different colours in both themes",
          "[controls][projects][color]")
{
    MainWindow window;
    QToolButton *add = button(window.controlPanel(), "Add");
    while (window.document()->scenario().projects.size() < 40)
        click(add);
    for (const char *theme : {"dark", "light"}) {
        window.setTheme(QString::fromLatin1(theme));
        INFO(theme);
        const std::vector<QColor> colors = curveColors(window);
        REQUIRE(colors.size() == 40);
        CHECK(minimumDifference(colors) >= 10); // ΔE00; before, every fifth project repeated a colour
        checkListMatchesDocument(window);
    }
}

TEST_CASE("Ctrl+Z and Ctrl+Shift+Z in a spin box undo and redo the document's edit", "[controls][undo][keys]")
{
    MainWindow window;
    showActive(window, QSize());
    ControlPanel *controls = window.controlPanel();
    QUndoStack *undo = window.document()->undoStack();
    controls->selectProject(0);
    QDoubleSpinBox *weight = controls->weightControl()->spinBox();
    INFO("Undo keys: " << QKeySequence::listToString(QKeySequence::keyBindings(QKeySequence::Undo)).toStdString()
                       << "; Redo keys: "
                       << QKeySequence::listToString(QKeySequence::keyBindings(QKeySequence::Redo)).toStdString());

    typeOver(weight, "6");
    QTest::keyClick(weight, Qt::Key_Return);
    REQUIRE(window.document()->scenario().projects[0].weight == 6.0);
    REQUIRE(dotEfforts(window) == std::vector<Effort>{75, 10, 7, 5, 3});
    REQUIRE(undo->index() == 1);

    QTest::keyClick(weight, Qt::Key_Z, Qt::ControlModifier);
    CHECK(undo->index() == 0);
    CHECK(window.document()->scenario().projects[0].weight == 1.0);
    CHECK(weight->value() == 1.0);
    CHECK(dotEfforts(window) == std::vector<Effort>{33, 27, 20, 13, 7});
    CHECK(QApplication::focusWidget() == weight);

    QTest::keyClick(weight, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(undo->index() == 1);
    CHECK(window.document()->scenario().projects[0].weight == 6.0);
    CHECK(weight->value() == 6.0);
    CHECK(dotEfforts(window) == std::vector<Effort>{75, 10, 7, 5, 3});

    // The total effort's spin box too: an arrow step, then Ctrl+Z.
    QDoubleSpinBox *total = controls->totalControl()->spinBox();
    total->setFocus();
    QApplication::processEvents();
    REQUIRE(QApplication::focusWidget() == total);
    QTest::keyClick(total, Qt::Key_Up);
    REQUIRE(window.document()->scenario().totalEffort == 101);
    QTest::keyClick(total, Qt::Key_Z, Qt::ControlModifier);
    CHECK(window.document()->scenario().totalEffort == 100);
    CHECK(total->value() == 100);
    CHECK(undo->index() == 1);
}

TEST_CASE("Ctrl+Z while typing in a spin box takes back the typing and leaves the document alone",
          "[controls][undo][keys]")
{
    MainWindow window;
    showActive(window, QSize());
    QUndoStack *undo = window.document()->undoStack();
    window.controlPanel()->totalControl()->spinBox()->setValue(150); // one document edit
    REQUIRE(undo->index() == 1);
    QDoubleSpinBox *weight = window.controlPanel()->weightControl()->spinBox();
    typeOver(weight, "3"); // not committed: no Enter
    QTest::keyClick(weight, Qt::Key_Z, Qt::ControlModifier);
    CHECK(undo->index() == 1);
    CHECK(window.document()->scenario().totalEffort == 150);
    CHECK(weight->cleanText() != "3");
}

TEST_CASE("Curve families are named in words with their formula and a and b say what they do in the family",
          "[controls][labels]")
{
    MainWindow window;
    ControlPanel *controls = window.controlPanel();
    QComboBox *family = controls->familyBox();
    REQUIRE(family->count() == 6);
    CHECK(family->itemText(0) == "Logarithmic: a·ln(b·x)");
    CHECK(family->itemText(1) == "Logarithmic from zero: a·ln(1 + b·x)");
    CHECK(family->itemText(2) == "Saturating exponential: a·(1 − e^(−b·x))");
    CHECK(family->itemText(3) == "Power law: a·x^b");
    CHECK(family->itemText(4) == "S-curve (logistic): a/(1 + e^(−b(x − m))) − a/(1 + e^(b·m))");
    CHECK(family->itemData(4, Qt::ToolTipRole).toString().contains("\"logistic\""));
    CHECK(family->itemText(5) == "Learning curve (power law): a·(1 − (1 + x/s)^(−b))");

    // In log, b shifts the curve and never moves the dot: the label says so, and it is true.
    controls->selectProject(0);
    CHECK(family->currentText() == "Logarithmic: a·ln(b·x)");
    CHECK(controls->bLabel()->text() == "&b (shift; dot stays)");
    CHECK(controls->bLabel()->toolTip().contains("never moves the red dot"));
    CHECK(controls->bControl()->spinBox()->toolTip().contains("never moves the red dot"));
    const std::vector<Effort> before = dotEfforts(window);
    controls->bControl()->spinBox()->setValue(50);
    REQUIRE(window.document()->scenario().projects[0].curve.b == 50.0);
    CHECK(dotEfforts(window) == before);

    // The keyboard picks the next family: b now moves the dot, and the texts say what it does there.
    family->setFocus();
    QTest::keyClick(family, Qt::Key_Down);
    REQUIRE(window.document()->scenario().projects[0].curve.family == CurveFamily::Log1p);
    CHECK(controls->bLabel()->text() == "&b (early payoff)");
    CHECK_FALSE(controls->bLabel()->toolTip().contains("never moves"));
    controls->bControl()->spinBox()->setValue(0.01);
    const std::vector<Effort> lowRate = dotEfforts(window);
    controls->bControl()->spinBox()->setValue(50);
    CHECK(dotEfforts(window) != lowRate);

    QTest::keyClick(family, Qt::Key_Down);
    CHECK(controls->aLabel()->text() == "&a (ceiling)");
    QTest::keyClick(family, Qt::Key_Down);
    CHECK(controls->bLabel()->text() == "&b (exponent)");
    QTest::keyClick(family, Qt::Key_Down);
    REQUIRE(window.document()->scenario().projects[0].curve.family == CurveFamily::Logistic);
    CHECK(controls->bLabel()->text() == "&b (steepness)");
    CHECK(controls->aLabel()->toolTip().contains("a/(1 + e^(−b(x − m)))"));
    CHECK(controls->midpointControl()->isVisibleTo(controls));
    CHECK_FALSE(controls->scaleControl()->isVisibleTo(controls));

    // The learning curve: its own b text, and an editor for s in place of the midpoint's.
    QTest::keyClick(family, Qt::Key_Down);
    REQUIRE(window.document()->scenario().projects[0].curve.family == CurveFamily::Learning);
    CHECK(window.document()->scenario().projects[0].curve.midpoint == 0); // valid for its new family
    CHECK(controls->bLabel()->text() == "&b (exponent β)");
    CHECK_FALSE(controls->midpointControl()->isVisibleTo(controls));
    REQUIRE(controls->scaleControl()->isVisibleTo(controls));
    controls->scaleControl()->spinBox()->setValue(25);
    CHECK(window.document()->scenario().projects[0].curve.scale == 25.0);
    // Back to another family: the scale returns to its neutral 1, so the file stays valid.
    QTest::keyClick(family, Qt::Key_Up);
    CHECK(window.document()->scenario().projects[0].curve.family == CurveFamily::Logistic);
    CHECK(window.document()->scenario().projects[0].curve.scale == 1.0);
    CHECK_FALSE(validateScenario(window.document()->scenario(), QStringLiteral("window")).has_value());

    // Selecting a log project again brings its texts back.
    controls->selectProject(1);
    CHECK(controls->bLabel()->text() == "&b (shift; dot stays)");
}
