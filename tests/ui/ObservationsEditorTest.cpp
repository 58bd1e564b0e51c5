// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// The observations window: typing, adding, removing, pasting and importing (each one undo step), the
// refusals of bad input with their messages, and the fit run off the UI thread (superseded by an edit,
// cancelled, applied as one undo step, the window responsive while it runs).

#include "UiTestSupport.h"

#include "FileTestSupport.h"
#include "QtStringMakers.h"
#include "ScenarioFile.h"
#include "document/Document.h"
#include "document/FitRunner.h"
#include "document/ObservationsModel.h"
#include "widgets/ControlPanel.h"
#include "widgets/ObservationsEditor.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <cmath>
#include <random>

using namespace ef;
using namespace ef::test;

namespace {

/// Two projects; B has three observations.
Scenario twoProjects()
{
    Scenario s;
    s.name = "evidence";
    s.totalEffort = 60;
    Project a;
    a.name = "A";
    a.curve = Curve{CurveFamily::Log, 0.1, 2.0, 0.0};
    s.projects = {a, a};
    s.projects[1].name = std::string(1, 'B');
    s.projects[1].observations = {{1, 0.1}, {2, 0.2}, {4, 0.3}};
    return s;
}

/// `n` noisy points of a learning curve (fixed seed): a fit that takes a while.
std::vector<Observation> manyPoints(int n)
{
    Curve truth{CurveFamily::Learning, 0.8, 0.7, 0.0};
    truth.scale = 20;
    std::mt19937 random(7);
    std::normal_distribution<double> noise(0.0, 0.01);
    std::vector<Observation> points;
    for (int i = 0; i < n; ++i) {
        const double x = 1 + 999.0 * i / (n - 1);
        points.push_back({x, truth.value(x) + noise(random)});
    }
    return points;
}

struct Fixture {
    MainWindow window;
    Document *document = nullptr;
    ControlPanel *controls = nullptr;
    ObservationsEditor *editor = nullptr;

    explicit Fixture(Scenario scenario = twoProjects())
    {
        window.showScenario(std::move(scenario), QString());
        window.resize(1280, 720);
        window.show();
        document = window.document();
        controls = window.controlPanel();
        controls->selectProject(1);
        CHECK(controls->observationsButton()->text()
              == QStringLiteral("Observations… (%1)").arg(document->scenario().projects[1].observations.size()));
        QTest::mouseClick(controls->observationsButton(), Qt::LeftButton);
        editor = controls->observationsEditor();
        REQUIRE(editor != nullptr);
        REQUIRE(editor->isVisible());
        CHECK(editor->windowTitle() == QStringLiteral("Observations of B"));
    }

    [[nodiscard]] const std::vector<Observation> &observations() const
    {
        return document->scenario().projects[1].observations;
    }
    [[nodiscard]] int steps() const { return document->undoStack()->count(); }

    /// Types `text` into cell (row, column) with the table's own editor and presses Enter.
    void type(int row, int column, const QString &text)
    {
        QTableView *table = editor->table();
        const QModelIndex index = editor->model()->index(row, column);
        table->setCurrentIndex(index);
        table->edit(index);
        auto *line = qobject_cast<QLineEdit *>(table->indexWidget(index)); // the open editor, not a closed one
        REQUIRE(line != nullptr);
        line->selectAll();
        QTest::keyClicks(line, text);
        QTest::keyClick(line, Qt::Key_Return);
        QApplication::processEvents();
    }

    void paste(const QString &text)
    {
        QApplication::clipboard()->setText(text);
        REQUIRE(QApplication::clipboard()->text() == text);
        QApplication::setActiveWindow(editor);
        editor->table()->setFocus();
        QTest::keySequence(editor->table(), QKeySequence::Paste);
    }
};

} // namespace

TEST_CASE("Observations: a typed cell, an added row and removed rows are one undo step each", "[observations][window]")
{
    Fixture f;
    const Scenario before = f.document->scenario();
    const int steps = f.steps();
    REQUIRE(f.editor->model()->rowCount() == 3);
    CHECK(f.editor->model()->data(f.editor->model()->index(2, 0), Qt::DisplayRole).toString() == QStringLiteral("4"));

    f.type(1, ObservationsModel::AccuracyColumn, QStringLiteral("0.25"));
    CHECK(f.observations()[1] == Observation{2, 0.25});
    CHECK(f.steps() == steps + 1);
    CHECK(f.document->undoStack()->undoText() == QStringLiteral("Edit observation 2 of B"));
    f.type(0, ObservationsModel::EffortColumn, QStringLiteral("1.5"));
    CHECK(f.observations()[0] == Observation{1.5, 0.1});
    CHECK(f.steps() == steps + 2);

    // Add row: one unit after the last effort, at the curve's accuracy there (0.1·ln(2·5)).
    QTest::mouseClick(f.editor->addButton(), Qt::LeftButton);
    REQUIRE(f.observations().size() == 4);
    CHECK(f.observations()[3].effort == 5);
    CHECK(f.observations()[3].accuracy == Approx(0.1 * std::log(10.0)).epsilon(1e-12));
    CHECK(f.steps() == steps + 3);
    QApplication::processEvents();
    // The new row's accuracy opens for typing; Esc leaves it as it is.
    auto *line = qobject_cast<QLineEdit *>(
        f.editor->table()->indexWidget(f.editor->model()->index(3, ObservationsModel::AccuracyColumn)));
    REQUIRE(line != nullptr);
    QTest::keyClick(line, Qt::Key_Escape);
    CHECK(f.steps() == steps + 3);
    CHECK(f.controls->observationsButton()->text() == QStringLiteral("Observations… (4)"));

    // Rows 1 and 3 selected, Delete: both go in one step.
    QTableView *table = f.editor->table();
    table->clearSelection();
    table->selectionModel()->select(f.editor->model()->index(0, 0), QItemSelectionModel::Select);
    table->selectionModel()->select(f.editor->model()->index(2, 1), QItemSelectionModel::Select);
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Delete);
    REQUIRE(f.observations().size() == 2);
    CHECK(f.observations()[0] == Observation{2, 0.25});
    CHECK(f.observations()[1].effort == 5);
    CHECK(f.steps() == steps + 4);
    CHECK(f.editor->model()->rowCount() == 2);

    // Ctrl+Z in the observations window undoes there too; four undos give the scenario back.
    f.editor->activateWindow();
    QTest::keySequence(f.editor, QKeySequence::Undo);
    CHECK(f.observations().size() == 4);
    CHECK(f.editor->model()->rowCount() == 4);
    for (int i = 0; i < 3; ++i)
        f.document->undoStack()->undo();
    CHECK(f.document->scenario() == before);
    CHECK(f.editor->model()->rowCount() == 3);
}

TEST_CASE("Observations: a spreadsheet paste and a CSV import are one undo step each", "[observations][window]")
{
    Fixture f;
    const int steps = f.steps();
    // Two columns as a spreadsheet copies them: tab-separated, a header line, CRLF.
    f.paste(QStringLiteral("Effort\tAccuracy\r\n8\t0.41\r\n16\t0.5\r\n"));
    INFO(f.editor->message()->text().toStdString());
    REQUIRE(f.observations().size() == 5);
    CHECK(f.observations()[3] == Observation{8, 0.41});
    CHECK(f.observations()[4] == Observation{16, 0.5});
    CHECK(f.steps() == steps + 1);
    CHECK(f.editor->message()->text() == QStringLiteral("Pasted 2 observations."));

    // One number copied onto the current cell replaces that cell.
    f.editor->table()->setCurrentIndex(f.editor->model()->index(0, 1));
    f.paste(QStringLiteral("0.125"));
    CHECK(f.observations()[0] == Observation{1, 0.125});
    CHECK(f.observations().size() == 5);
    CHECK(f.steps() == steps + 2);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("past.csv"));
    {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("effort,accuracy\n32,0.6\n64,0.65\n128,0.7\n");
    }
    REQUIRE(f.editor->importCsv(path));
    REQUIRE(f.observations().size() == 8);
    CHECK(f.observations()[7] == Observation{128, 0.7});
    CHECK(f.steps() == steps + 3);
    CHECK(f.editor->message()->text() == QStringLiteral("Imported 3 observations from past.csv."));
    CHECK(f.document->undoStack()->undoText() == QStringLiteral("Import observations from past.csv into B"));

    // Replace All Rows with CSV: the file's rows instead of the 8, as one more step.
    const std::vector<Observation> eight = f.observations();
    const QList<QAction *> importActions = f.editor->importButton()->menu()->actions();
    REQUIRE(importActions.size() == 2);
    CHECK(importActions[0]->text() == QStringLiteral("&Add Rows from CSV…"));
    CHECK(importActions[1]->text() == QStringLiteral("&Replace All Rows with CSV…"));
    REQUIRE(f.editor->importCsv(path, ObservationsModel::Placement::Replace));
    CHECK(f.observations() == std::vector<Observation>{{32, 0.6}, {64, 0.65}, {128, 0.7}});
    CHECK(f.editor->model()->rowCount() == 3);
    CHECK(f.steps() == steps + 4);
    CHECK(f.editor->message()->text() == QStringLiteral("Replaced 8 observations with the 3 of past.csv."));
    CHECK(f.document->undoStack()->undoText() == QStringLiteral("Replace the observations of B with past.csv"));
    f.document->undoStack()->undo();
    CHECK(f.observations() == eight);

    f.document->undoStack()->undo();
    CHECK(f.observations().size() == 5);
    f.document->undoStack()->undo();
    CHECK(f.observations()[0] == Observation{1, 0.1});
    f.document->undoStack()->undo();
    CHECK(f.observations().size() == 3);
    CHECK(f.editor->model()->rowCount() == 3);
}

TEST_CASE("Observations: bad input is refused with a specific message and changes nothing", "[observations][window]")
{
    Fixture f;
    const Scenario before = f.document->scenario();
    const int steps = f.steps();
    const auto refused = [&](const QString &message) {
        CHECK(f.document->scenario() == before);
        CHECK(f.steps() == steps);
        CHECK(f.editor->message()->isVisibleTo(f.editor));
        CHECK(f.editor->message()->text() == QStringLiteral("⚠ ") + message);
        CHECK(f.editor->model()->lastError() == message);
    };

    f.type(0, ObservationsModel::EffortColumn, QStringLiteral("abc"));
    refused(QStringLiteral("Row 1: the effort “abc” is not a number."));
    f.type(0, ObservationsModel::EffortColumn, QStringLiteral("-3"));
    refused(QStringLiteral("Row 1: an effort cannot be negative (-3)."));
    f.type(2, ObservationsModel::AccuracyColumn, QStringLiteral("nan"));
    refused(QStringLiteral("Row 3: the accuracy must be a finite number, not “nan”."));
    f.type(1, ObservationsModel::EffortColumn, QStringLiteral("inf"));
    refused(QStringLiteral("Row 2: the effort must be a finite number, not “inf”."));
    CHECK(f.editor->model()->data(f.editor->model()->index(0, 0), Qt::DisplayRole).toString() == QStringLiteral("1"));

    f.paste(QStringLiteral("effort\taccuracy\n5\t0.4\n-1\t0.5\n"));
    refused(QStringLiteral("Paste refused, nothing changed: line 3: the effort \"-1\" is negative. "
                           "Paste two columns, effort and accuracy."));
    f.paste(QStringLiteral("5\t0.4\n6\tlots\n"));
    refused(QStringLiteral("Paste refused, nothing changed: line 2: the accuracy \"lots\" is not a number. "
                           "Paste two columns, effort and accuracy."));
    f.paste(QStringLiteral("5\t0.4\t9\n"));
    refused(QStringLiteral("Paste refused, nothing changed: line 1: expected 2 columns (effort and accuracy), "
                           "found 3. Paste two columns, effort and accuracy."));

    // 9,998 more rows would make 10,001: over the limit, refused whole.
    QString many;
    for (int i = 0; i < 9998; ++i)
        many += QStringLiteral("%1\t0.5\n").arg(i);
    f.paste(many);
    refused(
        QStringLiteral("B has 3 observations; 9,998 more would make 10,001, over the limit of 10,000 per project."));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.csv"));
    {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("1,0.5\n2,inf\n");
    }
    CHECK_FALSE(f.editor->importCsv(path));
    refused(QStringLiteral("Import refused, nothing changed: %1: line 2: the accuracy \"inf\" is not a finite number")
                .arg(path));
    CHECK_FALSE(f.editor->importCsv(dir.filePath(QStringLiteral("missing.csv"))));
    CHECK_FALSE(f.editor->importCsv(path, ObservationsModel::Placement::Replace)); // the rows stay
    CHECK(f.document->scenario() == before);
    CHECK(f.editor->model()->lastError().startsWith(QStringLiteral("Import refused, nothing changed: ")));

    // A good edit clears the refusal.
    f.type(0, ObservationsModel::EffortColumn, QStringLiteral("1.25"));
    CHECK(f.observations()[0].effort == 1.25);
    CHECK(f.editor->model()->lastError().isEmpty());
}

TEST_CASE("A fit recovers noise-free parameters and applies as one undo step", "[observations][fit][window]")
{
    Scenario s = twoProjects();
    const Curve truth{CurveFamily::Power, 0.05, 0.4, 0.0};
    s.projects[1].observations.clear();
    for (int x = 1; x <= 40; x += 3)
        s.projects[1].observations.push_back({static_cast<double>(x), truth.value(x)});
    Fixture f(s);
    const Scenario before = f.document->scenario();
    const int steps = f.steps();

    QComboBox *family = f.editor->familyBox();
    family->setCurrentIndex(family->findData(static_cast<int>(CurveFamily::Power)));
    QSignalSpy finished(f.controls->fitter(), &FitRunner::finished);
    QTest::mouseClick(f.editor->fitButton(), Qt::LeftButton);
    REQUIRE(finished.wait(20000));
    CHECK(finished.front().at(0).value<FitRunner::Outcome>() == FitRunner::Outcome::Applied);
    const Curve &fitted = f.document->scenario().projects[1].curve;
    CHECK(fitted.family == CurveFamily::Power);
    CHECK(fitted.a == Approx(0.05).epsilon(1e-6));
    CHECK(fitted.b == Approx(0.4).epsilon(1e-6));
    CHECK(f.steps() == steps + 1);
    CHECK(f.document->undoStack()->undoText() == QStringLiteral("Fit curve of B to observations"));
    const QString note = f.editor->fitNote()->text();
    CHECK(note.startsWith(
        QStringLiteral("Fitted a power curve: R² = 1.0000 over 14 observations (the family you chose; AICc ")));
    CHECK(note.contains(QStringLiteral(" Residuals: RMS ")));
    CHECK(note.contains(QStringLiteral(" Standard errors: a ± ")));
    CHECK(f.controls->fitNote()->text() == note);
    CHECK_FALSE(f.editor->busyBar()->isVisible());
    CHECK_FALSE(f.editor->cancelButton()->isVisible());

    f.document->undoStack()->undo();
    CHECK(f.document->scenario() == before);

    // Best by AICc on too few points: says so, changes nothing.
    Scenario few = twoProjects();
    f.window.showScenario(few, QString());
    f.controls->selectProject(1);
    family->setCurrentIndex(0);
    const Scenario fewBefore = f.document->scenario();
    finished.clear();
    QTest::mouseClick(f.editor->fitButton(), Qt::LeftButton);
    REQUIRE(finished.wait(20000));
    CHECK(finished.front().at(0).value<FitRunner::Outcome>() == FitRunner::Outcome::Failed);
    CHECK(f.editor->fitNote()->text()
          == QStringLiteral("No curve fitted to B: 3 observations; choosing a family by AICc needs at least 4 points "
                            "(p + 2 for a 2-parameter curve). Nothing changed."));
    CHECK(f.document->scenario() == fewBefore);
}

TEST_CASE("A fit superseded by an edit is dropped; a cancelled one changes nothing", "[observations][fit][window]")
{
    Scenario s = twoProjects();
    s.projects[1].observations = manyPoints(10000);
    Fixture f(s);
    FitRunner *fitter = f.controls->fitter();
    QSignalSpy finished(fitter, &FitRunner::finished);

    SECTION("an edit of the observations while the fit runs")
    {
        const int steps = f.steps();
        f.controls->fitSelectedProject();
        REQUIRE(fitter->isRunning());
        CHECK(f.editor->busyBar()->isVisible());
        CHECK(f.editor->cancelButton()->isVisible());
        CHECK(f.controls->fitCancelButton()->isVisible());
        f.type(0, ObservationsModel::AccuracyColumn, QStringLiteral("0.3"));
        REQUIRE(finished.size() == 1);
        CHECK(finished.front().at(0).value<FitRunner::Outcome>() == FitRunner::Outcome::Superseded);
        CHECK_FALSE(fitter->isRunning());
        const Scenario edited = f.document->scenario();
        QTest::qWait(3000); // long enough for the dropped fit to have finished
        CHECK(f.document->scenario() == edited);
        CHECK(f.document->scenario().projects[1].curve == s.projects[1].curve);
        CHECK(f.steps() == steps + 1); // the edit only
        CHECK(finished.size() == 1);
        CHECK(f.controls->fitNote()->text()
              == QStringLiteral("Fit of B dropped: the project changed while it ran. Fit again to use the new data."));
    }
    SECTION("the project removed while the fit runs")
    {
        f.controls->fitSelectedProject();
        REQUIRE(fitter->isRunning());
        f.controls->selectProject(0);
        f.controls->removeProject();
        REQUIRE(finished.size() == 1);
        CHECK(finished.front().at(0).value<FitRunner::Outcome>() == FitRunner::Outcome::Superseded);
        const Scenario after = f.document->scenario();
        QTest::qWait(3000);
        CHECK(f.document->scenario() == after);
    }
    SECTION("Cancel, and Esc in the observations window")
    {
        const Scenario before = f.document->scenario();
        const int steps = f.steps();
        f.controls->fitSelectedProject();
        REQUIRE(fitter->isRunning());
        QTest::mouseClick(f.editor->cancelButton(), Qt::LeftButton);
        REQUIRE(finished.size() == 1);
        CHECK(finished.front().at(0).value<FitRunner::Outcome>() == FitRunner::Outcome::Cancelled);
        CHECK(f.editor->fitNote()->text() == QStringLiteral("Fit of B cancelled: nothing changed."));

        f.editor->fit();
        REQUIRE(fitter->isRunning());
        QTest::keyClick(f.editor, Qt::Key_Escape);
        REQUIRE(finished.size() == 2);
        CHECK(finished.back().at(0).value<FitRunner::Outcome>() == FitRunner::Outcome::Cancelled);
        CHECK(f.editor->isVisible()); // Esc stopped the fit; it did not close the window
        QTest::qWait(3000);
        CHECK(f.document->scenario() == before);
        CHECK(f.steps() == steps);
        CHECK(finished.size() == 2);
    }
}

TEST_CASE("Fitting 10,000 observations keeps the window responsive", "[observations][fit][window][timing]")
{
    Scenario s = twoProjects();
    s.projects[1].observations = manyPoints(10000);
    Fixture f(s);
    FitRunner *fitter = f.controls->fitter();
    QSignalSpy finished(fitter, &FitRunner::finished);

    // A 10 ms timer on the UI thread: the longest gap between its ticks is how long the window froze.
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 longestGap = 0;
    int ticks = 0;
    QTimer timer;
    timer.setInterval(10);
    QObject::connect(&timer, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        longestGap = std::max(longestGap, now - last);
        last = now;
        ++ticks;
    });
    clock.start();
    timer.start();
    f.controls->fitSelectedProject();
    REQUIRE(finished.wait(60000));
    const qint64 fitMs = clock.elapsed();
    timer.stop();
    CHECK(finished.front().at(0).value<FitRunner::Outcome>() == FitRunner::Outcome::Applied);
    CHECK(f.document->scenario().projects[1].curve.family == CurveFamily::Learning);
    WARN("10,000-observation fit: " << fitMs << " ms; longest UI-thread gap " << longestGap << " ms over " << ticks
                                    << " ticks");
    CHECK(ticks >= fitMs / 40); // the timer kept ticking all along
    CHECK(longestGap < 250);
}
