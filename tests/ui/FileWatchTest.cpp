// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// A file changed on disk by someone else while open is noticed.
#include "FileTestSupport.h"
#include "document/Document.h"
#include "persistence/FileWatcher.h"
#include "window/MainWindow.h"

#include <QPushButton>
#include <QTemporaryDir>

using namespace ef;
using namespace ef::test;

namespace {

struct Fixture {
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("team.json"));
    MainWindow window;
    int asked = 0;
    QString question;
    QMessageBox::StandardButton answer = QMessageBox::No;

    Fixture()
    {
        writeInPlace(path, fileBytes(presetScenario("startup")));
        REQUIRE(window.openFile(path));
        window.fileWatcher()->setSettleDelay(50);
        window.setPromptHandler([this](QMessageBox &box) {
            ++asked;
            question = box.text() + QLatin1Char('\n') + box.informativeText();
            return answer;
        });
    }
};

} // namespace

TEST_CASE("An unmodified file changed on disk is reloaded, with a message", "[watch]")
{
    Fixture f;
    const Scenario growth = presetScenario("growth");
    replaceByRename(f.path, fileBytes(growth)); // as editors save: a new file renamed over it
    REQUIRE(waitUntil([&] { return f.window.document()->scenario() == growth; }));
    CHECK(f.asked == 0);
    CHECK(f.window.messageText().contains(
        QStringLiteral("was changed on disk by another program and has been reloaded")));
    CHECK_FALSE(f.window.isWindowModified());
    CHECK(f.window.document()->filePath() == QFileInfo(f.path).absoluteFilePath());

    // The watch survives the rename: a second change, written in place, is noticed too.
    const Scenario mlFirst = presetScenario("ml-first");
    writeInPlace(f.path, fileBytes(mlFirst));
    REQUIRE(waitUntil([&] { return f.window.document()->scenario() == mlFirst; }));
}

TEST_CASE("A modified document asks: Keep Mine keeps the edits, Reload takes the disk version", "[watch]")
{
    Fixture f;
    f.window.document()->edit(QStringLiteral("edit"), [](Scenario &s) { s.totalEffort = 150; });
    const Scenario mine = f.window.document()->scenario();

    f.answer = QMessageBox::No; // Keep Mine
    replaceByRename(f.path, fileBytes(presetScenario("growth")));
    REQUIRE(waitUntil([&] { return f.asked == 1; }));
    CHECK(f.question.contains(QStringLiteral("“team.json” was changed on disk by another program")));
    CHECK(f.question.contains(QStringLiteral("Keep Mine: keep working on your version")));
    QTest::qWait(300);
    CHECK(f.asked == 1); // asked once per change
    CHECK(f.window.document()->scenario() == mine);
    CHECK(f.window.isWindowModified());

    f.answer = QMessageBox::Yes; // Reload
    const Scenario mlFirst = presetScenario("ml-first");
    replaceByRename(f.path, fileBytes(mlFirst));
    REQUIRE(waitUntil([&] { return f.asked == 2; }));
    CHECK(f.window.document()->scenario() == mlFirst);
    CHECK_FALSE(f.window.isWindowModified());
}

TEST_CASE("Our own saves are not reported as changes on disk", "[watch]")
{
    Fixture f;
    for (int total = 110; total <= 140; total += 10) {
        f.window.document()->edit(QStringLiteral("edit"), [total](Scenario &s) { s.totalEffort = total; });
        REQUIRE(f.window.saveFile(f.path));
        QTest::qWait(150);
    }
    QTest::qWait(300);
    CHECK(f.asked == 0);
    CHECK_FALSE(f.window.messageText().contains(QStringLiteral("changed on disk")));
    CHECK(f.window.document()->scenario().totalEffort == 140);

    // … but a change after them is.
    const Scenario growth = presetScenario("growth");
    replaceByRename(f.path, fileBytes(growth));
    REQUIRE(waitUntil([&] { return f.window.document()->scenario() == growth; }));
}

TEST_CASE("A deleted file is reported and an unreadable new version is not loaded", "[watch]")
{
    Fixture f;
    const Scenario startup = f.window.document()->scenario();
    writeInPlace(f.path, "{\"version\": 1, \"totalEffort\": ");
    REQUIRE(waitUntil([&] { return f.window.messageText().contains(QStringLiteral("cannot be read")); }));
    CHECK(f.window.document()->scenario() == startup);
    CHECK(f.asked == 0);

    REQUIRE(QFile::remove(f.path));
    REQUIRE(waitUntil([&] { return f.window.messageText().contains(QStringLiteral("was deleted or moved")); }));
    CHECK(f.window.document()->scenario() == startup);

    // Written again (e.g. restored from the bin): noticed again.
    const Scenario growth = presetScenario("growth");
    writeInPlace(f.path, fileBytes(growth));
    REQUIRE(waitUntil([&] { return f.window.document()->scenario() == growth; }));
}
