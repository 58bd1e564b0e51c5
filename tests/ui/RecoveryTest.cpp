// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// Nothing lost: the working state is autosaved to a recovery file, and after a hard kill the next
// window offers it back.
#include "FileTestSupport.h"
#include "UiTestSupport.h"
#include "document/Document.h"
#include "persistence/Autosave.h"
#include "persistence/FileWatcher.h"
#include "persistence/RecoveryStore.h"
#include "widgets/ControlPanel.h"
#include "widgets/ParameterControl.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLockFile>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>

#include <QUndoStack>
#include <memory>

#include <cerrno>
#include <csignal>

#include <sys/stat.h>
#include <unistd.h>

using namespace ef;
using namespace ef::test;

namespace {

/// A recovery folder of its own for one test (EF_RECOVERY_DIR), removed afterwards.
struct RecoveryDir {
    QTemporaryDir dir;
    ScopedEnv env{"EF_RECOVERY_DIR", dir.path()};

    /// The recovery files (not the lock files of live windows).
    [[nodiscard]] QStringList files() const { return entries(dir.path()).filter(QRegularExpression("\\.json$")); }
    [[nodiscard]] QStringList all() const { return entries(dir.path()); }
};

/// A pid that belongs to no running process.
qint64 deadPid()
{
    for (qint64 pid = 4000000; pid > 1000; --pid)
        if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
            return pid;
    FAIL("no free pid");
    return 0;
}

} // namespace

TEST_CASE("After a kill -9 the next start offers the unsaved edit back, with its file and modified mark", "[recovery]")
{
    RecoveryDir recovery;
    QTemporaryDir work;
    const QString path = work.filePath(QStringLiteral("team.json"));
    const Scenario startup = presetScenario("startup");
    writeInPlace(path, fileBytes(startup));

    // A real window in another process: open the file, change the total to 137, wait for the
    // autosave, then die without any chance to clean up.
    QProcess child;
    startHelper(child, {QStringLiteral("edit-and-wait"), path}, recovery.dir.path());
    const QString ready = waitForLine(child, QStringLiteral("ready "));
    const QString childRecovery = ready.mid(6);
    child.kill(); // SIGKILL
    REQUIRE(child.waitForFinished(10000));
    REQUIRE(child.exitStatus() == QProcess::CrashExit);
    REQUIRE(QFile::exists(childRecovery));

    MainWindow window;
    QString question;
    int asked = 0;
    window.setPromptHandler([&](QMessageBox &box) {
        ++asked;
        question = box.text() + QLatin1Char('\n') + box.informativeText();
        CHECK(box.button(QMessageBox::Yes)->text() == QStringLiteral("&Restore"));
        CHECK(box.button(QMessageBox::Discard) != nullptr);
        return QMessageBox::Yes;
    });
    REQUIRE(window.offerRecovery());
    CHECK(asked == 1);
    CHECK(question.contains(QStringLiteral("did not close normally")));
    CHECK(question.contains(QStringLiteral("“team.json”")));

    Scenario expected = startup;
    expected.totalEffort = 137;
    CHECK(window.document()->scenario() == expected);
    CHECK(window.controlPanel()->totalControl()->spinBox()->value() == 137);
    CHECK(window.document()->filePath() == QFileInfo(path).absoluteFilePath());
    CHECK(window.document()->isModified());
    CHECK(window.isWindowModified());
    CHECK(window.windowTitle().startsWith(QStringLiteral("team.json")));
    CHECK(readBytes(path) == fileBytes(startup)); // the file itself is untouched until a save

    // The restored work is protected again by this window's own recovery file; the old one is gone.
    CHECK_FALSE(QFile::exists(childRecovery));
    CHECK(QFile::exists(window.autosave()->recoveryPath()));
    CHECK(window.autosave()->recoveryPath() != childRecovery);

    // Saving makes it clean: nothing left to recover.
    REQUIRE(window.saveFile(path));
    CHECK(recovery.files().isEmpty());
    CHECK(loadScenarioFile(path).scenario == expected);
}

TEST_CASE("Discarding a recovered session deletes it for good", "[recovery]")
{
    RecoveryDir recovery;
    const QString orphan = QDir(recovery.dir.path()).filePath(QStringLiteral("recovery-%1-1.json").arg(deadPid()));
    RecoveryState state;
    state.scenario = presetScenario("growth");
    state.scenario.totalEffort = 250;
    state.presetName = QStringLiteral("growth");
    state.savedAt = QDateTime::currentDateTimeUtc();
    writeInPlace(orphan, RecoveryStore::encode(state));

    MainWindow window;
    int asked = 0;
    QString question;
    window.setPromptHandler([&](QMessageBox &box) {
        ++asked;
        question = box.text();
        return QMessageBox::Discard;
    });
    CHECK_FALSE(window.offerRecovery());
    CHECK(asked == 1);
    CHECK(question.contains(QStringLiteral("the preset growth")));
    CHECK(window.document()->scenario() == presetScenario("startup"));
    CHECK_FALSE(window.isWindowModified());
    CHECK(recovery.files().isEmpty());
    CHECK_FALSE(window.offerRecovery());
    CHECK(asked == 1);
}

TEST_CASE("A restored preset keeps its title and is marked modified", "[recovery]")
{
    RecoveryDir recovery;
    RecoveryState state;
    state.scenario = presetScenario("growth");
    state.scenario.projects[1].weight = 3;
    state.presetName = QStringLiteral("growth");
    state.savedAt = QDateTime::currentDateTimeUtc();
    writeInPlace(QDir(recovery.dir.path()).filePath(QStringLiteral("recovery-%1-7.json").arg(deadPid())),
                 RecoveryStore::encode(state));
    MainWindow window;
    window.setPromptHandler([](QMessageBox &) { return QMessageBox::Yes; });
    REQUIRE(window.offerRecovery());
    CHECK(window.document()->scenario() == state.scenario);
    CHECK(window.document()->filePath().isEmpty());
    CHECK(window.windowTitle().contains(QStringLiteral("preset growth")));
    CHECK(window.isWindowModified());
    // Undo has nothing to undo into: the recovered state is the start of the history.
    CHECK_FALSE(window.document()->undoStack()->canUndo());
}

TEST_CASE("A corrupt recovery file is reported, set aside and never crashes the window", "[recovery]")
{
    RecoveryDir recovery;
    const qint64 pid = deadPid();
    const QDir dir(recovery.dir.path());
    const QByteArray valid = RecoveryStore::encode(
        RecoveryState{presetScenario("startup"), {}, {}, true, QDateTime::currentDateTimeUtc(), {}});
    const QList<QByteArray> corrupt = {
        QByteArray(),
        QByteArray("{\"format\": \"effort-frontier-recovery\", \"version\": 1, \"scen"),
        QByteArray("[1, 2, 3]"),
        QByteArray("{\"format\": \"something-else\"}"),
        QByteArray("{\"format\": \"effort-frontier-recovery\", \"version\": 1, \"scenario\": 42}"),
        QByteArray(
            "{\"format\": \"effort-frontier-recovery\", \"version\": 1, \"scenario\": \"{\\\"version\\\": 1}\"}"),
        QByteArray("{\"format\": \"effort-frontier-recovery\", \"version\": 99, \"scenario\": \"\"}"),
        valid.left(valid.size() / 2),
        QByteArray(4096, '\xff'),
    };
    for (qsizetype i = 0; i < corrupt.size(); ++i) {
        INFO("case " << i);
        const QString name = QStringLiteral("recovery-%1-%2.json").arg(pid).arg(i + 1);
        writeInPlace(dir.filePath(name), corrupt[i]);
        MainWindow window;
        int asked = 0;
        window.setPromptHandler([&](QMessageBox &) {
            ++asked;
            return QMessageBox::Yes;
        });
        CHECK_FALSE(window.offerRecovery());
        CHECK(asked == 0);
        CHECK(window.messageText().contains(QStringLiteral("could not be read and was set aside")));
        CHECK(window.document()->scenario() == presetScenario("startup"));
        CHECK_FALSE(QFile::exists(dir.filePath(name)));
        CHECK(QFile::exists(dir.filePath(name + QStringLiteral(".corrupt"))));
    }
}

TEST_CASE("Recovery files of running windows are never offered", "[recovery]")
{
    RecoveryDir recovery;
    QTemporaryDir work;
    const QString path = work.filePath(QStringLiteral("team.json"));
    writeInPlace(path, fileBytes(presetScenario("startup")));
    // A window in another running process, with unsaved work and its lock...
    QProcess child;
    startHelper(child, {QStringLiteral("edit-and-wait"), path}, recovery.dir.path());
    const QString childRecovery = waitForLine(child, QStringLiteral("ready ")).mid(6);
    REQUIRE(QFile::exists(RecoveryStore::lockPath(childRecovery)));
    // ... and another open window of this process.
    MainWindow first;
    first.document()->edit(QStringLiteral("edit"), [](Scenario &s) { s.totalEffort = 222; });
    first.autosave()->flush();
    REQUIRE(QFile::exists(first.autosave()->recoveryPath()));

    MainWindow second;
    second.setPromptHandler([](QMessageBox &) -> QMessageBox::StandardButton {
        FAIL("asked about a live window's work");
        return QMessageBox::Yes;
    });
    CHECK_FALSE(second.offerRecovery());
    CHECK(recovery.files().size() == 2);
    child.kill();
    REQUIRE(child.waitForFinished(10000));
}

TEST_CASE("A backup whose recorded pid now belongs to another live program is still offered", "[recovery]")
{
    // Audit finding 7: pids are reused (in containers especially). The lock records the pid, the host and
    // the application; a live process that is not Effort Frontier does not hold the backup.
    RecoveryDir recovery;
    const QString orphan = QDir(recovery.dir.path()).filePath(QStringLiteral("recovery-reused.json"));
    RecoveryState state{presetScenario("growth"),        {}, QStringLiteral("growth"), true,
                        QDateTime::currentDateTimeUtc(), {}};
    state.scenario.totalEffort = 321;
    writeInPlace(orphan, RecoveryStore::encode(state));
    // A lock file exactly as a window writes it, then pointed at our parent process (alive, another program).
    QByteArray content;
    {
        QLockFile model(recovery.dir.filePath(QStringLiteral("model.lock")));
        REQUIRE(model.tryLock(0));
        content = readBytes(recovery.dir.filePath(QStringLiteral("model.lock")));
    }
    const qsizetype firstLine = content.indexOf('\n');
    REQUIRE(firstLine > 0);
    content = QByteArray::number(static_cast<qint64>(::getppid())) + content.mid(firstLine);
    REQUIRE(::kill(::getppid(), 0) == 0); // the recorded process is alive
    writeInPlace(RecoveryStore::lockPath(orphan), content);

    MainWindow window;
    int asked = 0;
    window.setPromptHandler([&](QMessageBox &) {
        ++asked;
        return QMessageBox::Yes;
    });
    REQUIRE(window.offerRecovery());
    CHECK(asked == 1);
    CHECK(window.document()->scenario().totalEffort == 321);
    CHECK_FALSE(QFile::exists(orphan));
}

TEST_CASE("Backups are private (0600 in a 0700 folder) whatever the scenario file's mode", "[recovery][autosave]")
{
    QTemporaryDir parent;
    ScopedEnv env("EF_RECOVERY_DIR", parent.filePath(QStringLiteral("recovery")));
    QTemporaryDir work;
    const QString path = work.filePath(QStringLiteral("plan.json"));
    writeInPlace(path, fileBytes(presetScenario("startup")));
    REQUIRE(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner)); // 0600
    const mode_t oldMask = ::umask(022);                                                    // files 0644 by default
    MainWindow window;
    REQUIRE(window.openFile(path));
    window.controlPanel()->totalControl()->spinBox()->setValue(140);
    window.autosave()->flush();
    ::umask(oldMask);
    const QString backup = window.autosave()->recoveryPath();
    REQUIRE(QFile::exists(backup));
    struct stat info { };
    REQUIRE(::stat(QFile::encodeName(backup).constData(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    REQUIRE(::stat(QFile::encodeName(parent.filePath(QStringLiteral("recovery"))).constData(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0700);
}

TEST_CASE("Restore after a crash offers Keep Mine or Reload when the file changed on disk meanwhile", "[recovery]")
{
    // Audit finding 4: edit, kill -9, a colleague saves the file, restart, Restore, Ctrl+S used to lose the
    // colleague's version without a word.
    RecoveryDir recovery;
    QTemporaryDir work;
    const QString path = work.filePath(QStringLiteral("team.json"));
    const Scenario startup = presetScenario("startup");
    writeInPlace(path, fileBytes(startup));
    QProcess child;
    startHelper(child, {QStringLiteral("edit-and-wait"), path}, recovery.dir.path());
    const QString childRecovery = waitForLine(child, QStringLiteral("ready ")).mid(6);
    child.kill();
    REQUIRE(child.waitForFinished(10000));
    const RecoveryCandidate backup = RecoveryStore::read(childRecovery);
    REQUIRE(backup.state);
    CHECK(backup.state->baseHash == FileWatcher::contentHash(fileBytes(startup)));

    Scenario colleague = startup;
    colleague.totalEffort = 555;
    replaceByRename(path, fileBytes(colleague));
    Scenario mine = startup;
    mine.totalEffort = 137;

    QString question;
    const auto answerWith = [&](QMessageBox::StandardButton answer) {
        return [&question, answer](QMessageBox &box) {
            question = box.text() + QLatin1Char('\n') + box.informativeText();
            CHECK(box.button(QMessageBox::Yes)->text() == QStringLiteral("Keep &Mine"));
            CHECK(box.button(QMessageBox::No)->text() == QStringLiteral("&Reload"));
            CHECK(box.defaultButton() == box.button(QMessageBox::Cancel));
            return answer;
        };
    };
    SECTION("Later keeps the backup and changes nothing")
    {
        MainWindow window;
        window.setPromptHandler(answerWith(QMessageBox::Cancel));
        CHECK_FALSE(window.offerRecovery());
        CHECK(question.contains(QStringLiteral("has been changed on disk since then")));
        CHECK(QFile::exists(childRecovery));
        CHECK(readBytes(path) == fileBytes(colleague));
    }
    SECTION("Reload opens the colleague's version and deletes the backup")
    {
        MainWindow window;
        window.setPromptHandler(answerWith(QMessageBox::No));
        CHECK_FALSE(window.offerRecovery());
        CHECK(window.document()->scenario() == colleague);
        CHECK(window.document()->filePath() == QFileInfo(path).absoluteFilePath());
        CHECK_FALSE(window.isWindowModified());
        CHECK_FALSE(QFile::exists(childRecovery));
        CHECK(window.messageText().contains(QStringLiteral("Opened the version of “team.json” on disk")));
    }
    SECTION("Keep Mine restores the edits and says that saving overwrites the version on disk")
    {
        MainWindow window;
        window.setPromptHandler(answerWith(QMessageBox::Yes));
        REQUIRE(window.offerRecovery());
        CHECK(window.document()->scenario() == mine);
        CHECK(window.isWindowModified());
        CHECK(window.messageText().contains(QStringLiteral("saving will overwrite it")));
        CHECK(readBytes(path) == fileBytes(colleague)); // nothing written until the user saves
        // The restored work's own backup is based on the version the user has now seen.
        window.autosave()->flush();
        const RecoveryCandidate again = RecoveryStore::read(window.autosave()->recoveryPath());
        REQUIRE(again.state);
        CHECK(again.state->baseHash == FileWatcher::contentHash(fileBytes(colleague)));
    }
}

TEST_CASE("Restore with the file unchanged on disk asks the plain question", "[recovery]")
{
    RecoveryDir recovery;
    QTemporaryDir work;
    const QString path = work.filePath(QStringLiteral("team.json"));
    const Scenario startup = presetScenario("startup");
    writeInPlace(path, fileBytes(startup));
    RecoveryState state{startup, QFileInfo(path).absoluteFilePath(), {},
                        true,    QDateTime::currentDateTimeUtc(),    FileWatcher::contentHash(fileBytes(startup))};
    state.scenario.totalEffort = 150;
    writeInPlace(recovery.dir.filePath(QStringLiteral("recovery-same.json")), RecoveryStore::encode(state));
    // Rewritten with the same bytes (a touch): not a change.
    replaceByRename(path, fileBytes(startup));
    MainWindow window;
    window.setPromptHandler([](QMessageBox &box) {
        CHECK(box.button(QMessageBox::Yes)->text() == QStringLiteral("&Restore"));
        CHECK(box.button(QMessageBox::No) == nullptr);
        return QMessageBox::Yes;
    });
    REQUIRE(window.offerRecovery());
    CHECK(window.document()->scenario().totalEffort == 150);
}

TEST_CASE("Autosave writes once after a burst of edits, not on every slider tick", "[recovery][autosave]")
{
    RecoveryDir recovery;
    MainWindow window;
    Autosave *autosave = window.autosave();
    autosave->setDelay(1000); // far longer than the gaps between ticks, even on a loaded machine
    QSignalSpy written(autosave, &Autosave::written);

    QSlider *slider = window.controlPanel()->totalControl()->slider();
    slider->setSliderDown(true);
    for (int value = 100; value <= 300; value += 10) {
        slider->setValue(value);
        QTest::qWait(10); // a live drag: the event loop runs between ticks
    }
    slider->setSliderDown(false);
    CHECK(autosave->writeCount() == 0);
    CHECK(recovery.files().isEmpty());
    REQUIRE(waitUntil([&] { return autosave->writeCount() > 0; }, 10000));
    QTest::qWait(1500);
    CHECK(autosave->writeCount() == 1);
    CHECK(written.count() == 1);

    const RecoveryCandidate read = RecoveryStore::read(autosave->recoveryPath());
    REQUIRE(read.state);
    CHECK(read.state->scenario == window.document()->scenario());
    CHECK(read.state->scenario.totalEffort == 300);
    CHECK(read.state->presetName == QStringLiteral("startup"));
    CHECK(read.state->modified);
    CHECK(recovery.files() == QStringList{QFileInfo(autosave->recoveryPath()).fileName()});
}

TEST_CASE("Autosave still writes during an endless burst of edits (maximum delay)", "[recovery][autosave]")
{
    RecoveryDir recovery;
    MainWindow window;
    Autosave *autosave = window.autosave();
    autosave->setDelay(400);
    autosave->setMaxDelay(600);
    QDoubleSpinBox *spin = window.controlPanel()->totalControl()->spinBox();
    QElapsedTimer clock;
    clock.start();
    for (int value = 101; clock.elapsed() < 1500; ++value) {
        spin->setValue(value);
        QTest::qWait(50); // never quiet for 400 ms
    }
    CHECK(autosave->writeCount() >= 1);
}

TEST_CASE("A recovery file that cannot be written is reported once and the window carries on", "[recovery][autosave]")
{
    QTemporaryDir dir;
    const QString notAFolder = dir.filePath(QStringLiteral("file"));
    writeInPlace(notAFolder, "x");
    ScopedEnv env("EF_RECOVERY_DIR", notAFolder + QStringLiteral("/recovery"));
    MainWindow window;
    QSignalSpy failed(window.autosave(), &Autosave::failed);
    window.controlPanel()->totalControl()->spinBox()->setValue(120);
    window.autosave()->flush();
    CHECK(failed.count() == 1);
    CHECK(window.messageText().contains(QStringLiteral("Automatic backup failed")));
    window.controlPanel()->totalControl()->spinBox()->setValue(130);
    window.autosave()->flush();
    CHECK(failed.count() == 1); // not repeated on every change
    CHECK(window.document()->scenario().totalEffort == 130);
}

TEST_CASE("The recovery file goes on save, on discard, on undo back to the saved state and on a clean exit",
          "[recovery][autosave]")
{
    RecoveryDir recovery;
    QTemporaryDir work;
    const QString path = work.filePath(QStringLiteral("plan.json"));
    QString recoveryPath;
    {
        MainWindow window;
        recoveryPath = window.autosave()->recoveryPath();
        QDoubleSpinBox *spin = window.controlPanel()->totalControl()->spinBox();
        const auto editAndFlush = [&](int total) {
            spin->setValue(total);
            window.autosave()->flush();
            REQUIRE(QFile::exists(recoveryPath));
        };

        editAndFlush(120);
        REQUIRE(window.saveFile(path));
        CHECK_FALSE(QFile::exists(recoveryPath));

        editAndFlush(130);
        window.document()->undoStack()->undo(); // back to the saved state
        CHECK_FALSE(window.isWindowModified());
        CHECK_FALSE(QFile::exists(recoveryPath));

        editAndFlush(140);
        // "Unsaved changes" → Discard, then quit.
        const UnsavedAnswer discarded = answerUnsaved(window, QMessageBox::Discard);
        CHECK(window.close());
        CHECK(*discarded.asked == 1);
        CHECK_FALSE(QFile::exists(recoveryPath));
    }
    {
        MainWindow window;
        window.controlPanel()->totalControl()->spinBox()->setValue(150);
        window.autosave()->flush();
        REQUIRE(QFile::exists(window.autosave()->recoveryPath()));
        // Quitting cancelled: keep protecting the work.
        const UnsavedAnswer cancelled = answerUnsaved(window, QMessageBox::Cancel);
        CHECK_FALSE(window.close());
        CHECK(*cancelled.asked == 1);
        CHECK(QFile::exists(window.autosave()->recoveryPath()));
    }
    CHECK(recovery.all().isEmpty()); // a window that goes away normally leaves nothing, not even a lock
}
