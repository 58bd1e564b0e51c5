// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// The results table under a moving slider: it announces (and so repaints) only the cells that changed,
// keeps its columns as wide as their contents, and its objective line does not make the window lay
// itself out again on every step.

#include "UiTestSupport.h"

#include "document/Document.h"
#include "widgets/ControlPanel.h"
#include "widgets/ParameterControl.h"
#include "widgets/ResultsTable.h"
#include "widgets/SettledLabel.h"

#include <QApplication>
#include <QFontMetrics>
#include <QHeaderView>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QTableView>
#include <QTest>

#include <set>
#include <utility>

using namespace ef;
using namespace ef::test;

namespace {

std::vector<std::vector<QString>> cellTexts(const ResultsModel &model)
{
    std::vector<std::vector<QString>> texts;
    for (int r = 0; r < model.rowCount(); ++r) {
        texts.emplace_back();
        for (int c = 0; c < model.columnCount(); ++c)
            texts.back().push_back(model.text(r, c));
    }
    return texts;
}

} // namespace

TEST_CASE("A slider step announces exactly the cells whose text changed", "[results][speed]")
{
    MainWindow window;
    window.resize(1280, 720);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    const ResultsModel &model = *window.resultsTable()->model();
    QSlider *slider = window.controlPanel()->totalControl()->slider();
    slider->setValue(100);
    window.document()->service()->waitForIdle();
    QApplication::processEvents();

    for (const int total : {101, 102, 140, 139}) {
        const auto before = cellTexts(model);
        QSignalSpy announced(&model, &QAbstractItemModel::dataChanged);
        slider->setValue(total);
        window.document()->service()->waitForIdle();
        QApplication::processEvents();
        const auto after = cellTexts(model);
        REQUIRE(after.size() == before.size());

        std::set<std::pair<int, int>> changed, told;
        for (int r = 0; r < static_cast<int>(after.size()); ++r)
            for (int c = 0; c < static_cast<int>(after[0].size()); ++c)
                if (after[r][c] != before[r][c])
                    changed.insert({r, c});
        bool whole = false;
        for (const QList<QVariant> &signal : announced) {
            const auto from = signal[0].value<QModelIndex>();
            const auto to = signal[1].value<QModelIndex>();
            if (from != to)
                whole = from.row() == 0 && from.column() == 0 && to.row() == model.rowCount() - 1
                    && to.column() == model.columnCount() - 1;
            else
                told.insert({from.row(), from.column()});
        }
        CAPTURE(total);
        REQUIRE_FALSE(changed.empty()); // every step moves at least one effort and every share
        // One range for the whole table only when most cells changed (it repaints every cell).
        if (whole)
            CHECK(changed.size() > 2 * after.size() + 4);
        else
            CHECK(told == changed);
        // The names never changed, so a cell-by-cell announcement never names them.
        for (const auto &[row, column] : told)
            CHECK(column != ResultsModel::ProjectColumn);
        CHECK(tableEfforts(window) == dotEfforts(window));
    }
}

TEST_CASE("Columns follow their contents without the header's resize-to-contents mode", "[results]")
{
    MainWindow window;
    window.resize(1280, 720);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QTableView *table = window.resultsTable()->table();
    const int before = table->horizontalHeader()->sectionSize(ResultsModel::ProjectColumn);
    const std::string longName = "A project with a much, much longer name than any preset has";
    window.document()->edit(QStringLiteral("Rename"), [&](Scenario &s) { s.projects[0].name = longName; });
    QApplication::processEvents();
    // Wider at once (no waiting for the table to be still) ...
    const int after = table->horizontalHeader()->sectionSize(ResultsModel::ProjectColumn);
    CHECK(after > before);
    CHECK(after >= QFontMetrics(table->font()).horizontalAdvance(QString::fromStdString(longName)));
    // ... and back: the column shrinks again once the table has been still for a moment, not before.
    window.document()->undoStack()->undo();
    QApplication::processEvents();
    CHECK(table->horizontalHeader()->sectionSize(ResultsModel::ProjectColumn) == after);
    QTest::qWait(ResultsTable::kFitColumnsDelayMs + 100);
    CHECK(table->horizontalHeader()->sectionSize(ResultsModel::ProjectColumn) == before);
}

TEST_CASE("The objective line changes on every step without asking for a new layout each time", "[results][speed]")
{
    MainWindow window;
    window.resize(1280, 720);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    auto *line = window.resultsTable()->findChild<SettledLabel *>();
    REQUIRE(line != nullptr);
    QSlider *slider = window.controlPanel()->totalControl()->slider();
    slider->setValue(60);
    window.document()->service()->waitForIdle();
    QApplication::processEvents();

    const int updates = line->geometryUpdates();
    std::set<QString> texts;
    for (int total = 61; total <= 90; ++total) {
        slider->setValue(total);
        window.document()->service()->waitForIdle();
        QApplication::processEvents();
        texts.insert(line->text());
        // Never clipped: the label is as tall as its text needs at its width.
        CHECK(line->height() >= line->heightForWidth(line->width()));
    }
    CHECK(texts.size() == 30);                     // the objective changed on every step ...
    CHECK(line->geometryUpdates() - updates <= 2); // ... its height (one line) hardly ever
    CHECK(window.resultsTable()->objectiveText() == window.resultsTable()->model()->objectiveText());

    // A text needing more lines does get the room.
    const int oneLine = line->height();
    line->setText(line->text() + QStringLiteral("<br>second line<br>third line"));
    QApplication::processEvents();
    QApplication::processEvents();
    CHECK(line->height() > oneLine);
    CHECK(line->height() >= line->heightForWidth(line->width()));
}
