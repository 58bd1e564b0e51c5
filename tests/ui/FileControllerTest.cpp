// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// The file policy on its own, without a window: every question it asks and every file name it needs
// come through injected answers, so these tests read the questions instead of driving modal boxes.
#include "window/FileController.h"
#include "FileTestSupport.h"
#include "ScenarioFile.h"
#include "document/Document.h"
#include "persistence/Autosave.h"

#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace ef;
using namespace ef::test;

namespace {

/// A controller around its own document, with the questions it asks recorded and answered.
struct Fixture {
    Document document;
    Prompter prompter;
    FileController files{&document, &prompter, nullptr};
    QStringList questions;
    QMessageBox::StandardButton answer = QMessageBox::Cancel;
    QStringList suggestions;
    QString chosenPath;
    QStringList messages;

    Fixture()
    {
        prompter.setHandler([this](QMessageBox &box) {
            questions << box.windowTitle();
            return answer;
        });
        files.setSavePathChooser([this](const QString &suggestion) {
            suggestions << suggestion;
            return chosenPath;
        });
        QObject::connect(&files, &FileController::messageRaised, [this](const QString &text) { messages << text; });
    }

    void editTotal(Effort total)
    {
        document.edit(QStringLiteral("Total effort"), [total](Scenario &s) { s.totalEffort = total; });
    }
};

} // namespace

TEST_CASE("Switching presets asks about unsaved changes only when there are edits", "[files]")
{
    Fixture f;
    REQUIRE(f.files.openPreset(QStringLiteral("startup")));
    CHECK(f.files.displayName() == QStringLiteral("preset startup"));

    // Unedited: the room sees the next preset at once, without a question.
    REQUIRE(f.files.switchToPreset(QStringLiteral("growth")));
    CHECK(f.questions.isEmpty());
    CHECK(f.document.scenario().totalEffort == 300);

    // Edited, then Cancel: nothing changes, the edits stay.
    f.editTotal(123);
    f.answer = QMessageBox::Cancel;
    CHECK_FALSE(f.files.switchToPreset(QStringLiteral("ml-first")));
    CHECK(f.questions == QStringList{QStringLiteral("Unsaved changes")});
    CHECK(f.document.scenario().totalEffort == 123);
    CHECK(f.document.isModified());
    CHECK(f.files.presetName() == QStringLiteral("growth"));

    // Discard: the preset is shown, unmodified.
    f.answer = QMessageBox::Discard;
    REQUIRE(f.files.switchToPreset(QStringLiteral("ml-first")));
    CHECK(f.questions.size() == 2);
    CHECK(f.files.presetName() == QStringLiteral("ml-first"));
    CHECK_FALSE(f.document.isModified());
    CHECK(f.document.scenario().projects.at(0).weight == 6.0);
}

TEST_CASE("Save on a preset asks for a file name, suggests the preset's, and adds .json", "[files]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    Fixture f;
    REQUIRE(f.files.openPreset(QStringLiteral("growth")));
    f.editTotal(250);

    // Cancelled: nothing is written and the edits stay unsaved.
    f.chosenPath.clear();
    CHECK_FALSE(f.files.save());
    CHECK(f.suggestions == QStringList{QStringLiteral("growth.json")});
    CHECK(f.document.isModified());
    CHECK(entries(dir.path()).isEmpty());

    // A name without a suffix gets .json; the document now belongs to that file.
    f.chosenPath = dir.filePath(QStringLiteral("plan"));
    REQUIRE(f.files.save());
    const QString written = dir.filePath(QStringLiteral("plan.json"));
    CHECK(entries(dir.path()) == QStringList{QStringLiteral("plan.json")});
    CHECK_FALSE(f.document.isModified());
    CHECK(f.document.filePath() == written);
    CHECK(f.files.displayName() == QStringLiteral("plan.json"));
    CHECK(f.files.presetName().isEmpty());
    LoadResult loaded = loadScenarioFile(written);
    REQUIRE(loaded.ok());
    CHECK(loaded.scenario->totalEffort == 250);

    // Save again: no question, straight to the same file.
    f.editTotal(260);
    REQUIRE(f.files.save());
    CHECK(f.suggestions.size() == 2); // the cancelled Save As and the one answered
    CHECK(loadScenarioFile(written).scenario->totalEffort == 260);
}

TEST_CASE("Answering Save to the unsaved-changes question saves before a new scenario", "[files]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    Fixture f;
    REQUIRE(f.files.openPreset(QStringLiteral("startup")));
    f.editTotal(77);
    f.answer = QMessageBox::Save;
    f.chosenPath = dir.filePath(QStringLiteral("kept.json"));
    REQUIRE(f.files.newScenario());
    CHECK(loadScenarioFile(f.chosenPath).scenario->totalEffort == 77);
    CHECK(f.document.scenario().projects.size() == 2);
    CHECK(f.document.filePath().isEmpty());
    CHECK(f.files.displayName() == QStringLiteral("Untitled"));

    // Save As cancelled inside that question: the new scenario is not started.
    f.editTotal(88);
    f.chosenPath.clear();
    CHECK_FALSE(f.files.newScenario());
    CHECK(f.document.scenario().totalEffort == 88);
}

TEST_CASE("A file that cannot be opened never asks and never touches the document", "[files]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    Fixture f;
    REQUIRE(f.files.openPreset(QStringLiteral("startup")));
    f.editTotal(42);
    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    writeInPlace(broken, QByteArrayLiteral("{\"version\": 1, \"projects\": ["));
    CHECK_FALSE(f.files.openFileAsking(broken));
    CHECK(f.questions.isEmpty());
    CHECK(f.document.scenario().totalEffort == 42);
    REQUIRE(f.messages.size() == 1);
    CHECK(f.messages.front().startsWith(QStringLiteral("Could not open the scenario — ")));
    CHECK(f.messages.front().contains(QStringLiteral("broken.json")));
}
