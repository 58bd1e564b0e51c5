// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// Saves are atomic: an interrupted save (a full disk, a kill) never leaves a half-written file.
#include "BigScenario.h"
#include "FileTestSupport.h"
#include "document/Document.h"
#include "persistence/AtomicFile.h"
#include "window/MainWindow.h"

#include <QProcess>
#include <QTemporaryDir>

#include <random>

#include <sys/stat.h>
#include <unistd.h>

using namespace ef;
using namespace ef::test;

TEST_CASE("A save cut short by a full disk fails with the reason, keeps the old file and the edits", "[save]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("team.json"));
    const QByteArray old = fileBytes(presetScenario("growth"));
    writeInPlace(path, old);

    // The child saves a 40-project scenario whose file is far larger than the limit it sets.
    Scenario edited = bigScenario("limited", 40);
    edited.totalEffort = 321;
    const qint64 newSize = fileBytes(edited).size();
    const qint64 limit = newSize / 2;
    REQUIRE(limit > 1000);

    QProcess child;
    startHelper(child, {QStringLiteral("save-limited"), path, QString::number(limit)},
                dir.filePath(QStringLiteral("recovery")));
    REQUIRE(child.waitForFinished(60000));
    const QString out = QString::fromUtf8(child.readAllStandardOutput());
    INFO("child stdout: " << out.toStdString() << " stderr: " << child.readAllStandardError().toStdString());
    REQUIRE(child.exitStatus() == QProcess::NormalExit);
    REQUIRE(child.exitCode() == 0);
    CHECK(out.contains(QStringLiteral("saved=0")));
    CHECK(out.contains(QStringLiteral("modified=1"))); // the edits are still there, unsaved
    CHECK(out.contains(QStringLiteral("prompt=The scenario could not be saved to")));
    CHECK(out.contains(QStringLiteral("The file on disk is unchanged")));
    CHECK(out.contains(QStringLiteral("bar=Not saved")));

    CHECK(readBytes(path) == old); // byte-identical
    QStringList left = entries(dir.path());
    left.removeAll(QStringLiteral("recovery"));
    CHECK(left == QStringList{QStringLiteral("team.json")}); // no temporary file left behind
}

TEST_CASE("A save killed part way leaves the old or the new file complete, never a partial one", "[save]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("big.json"));
    constexpr int kProjects = 40000; // a file of a few MB: each save takes a while
    const QByteArray old = fileBytes(bigScenario("old", kProjects));
    const QByteArray a = fileBytes(bigScenario("A", kProjects));
    const QByteArray b = fileBytes(bigScenario("B", kProjects));
    writeInPlace(path, old);

    std::mt19937 rng(20261126);
    std::uniform_int_distribution<int> delay(0, 250);
    int sawNew = 0;
    for (int round = 0; round < 6; ++round) {
        QProcess child;
        startHelper(child, {QStringLiteral("save-loop"), path, QString::number(kProjects)},
                    dir.filePath(QStringLiteral("recovery")));
        waitForLine(child, QStringLiteral("saving"));
        if (round == 0)
            waitForLine(child, QStringLiteral("saved")); // at least once the kill comes after a whole save
        QTest::qWait(delay(rng));
        child.kill(); // SIGKILL
        REQUIRE(child.waitForFinished(10000));
        REQUIRE(child.exitStatus() == QProcess::CrashExit);

        const QByteArray now = readBytes(path);
        INFO("round " << round << ": " << now.size() << " bytes");
        REQUIRE((now == old || now == a || now == b));
        REQUIRE(loadScenarioFile(path).ok());
        if (now != old)
            ++sawNew;
        // A hard kill can leave QSaveFile's temporary file (never in place of the file): tidy up.
        for (const QString &name : entries(dir.path()))
            if (name.startsWith(QStringLiteral("big.json.")))
                QFile::remove(dir.filePath(name));
    }
    CHECK(sawNew > 0); // the saves did get through between the kills
}

TEST_CASE("writeFileAtomically reports why it failed and creates nothing", "[save]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    QString error;
    CHECK_FALSE(writeFileAtomically(dir.filePath(QStringLiteral("missing/folder/x.json")), "{}", &error));
    CHECK_FALSE(error.isEmpty());
    CHECK(entries(dir.path()).isEmpty());

    const QString path = dir.filePath(QStringLiteral("x.json"));
    REQUIRE(writeFileAtomically(path, "first", &error));
    REQUIRE(writeFileAtomically(path, "second", &error));
    CHECK(readBytes(path) == "second");
    CHECK(entries(dir.path()) == QStringList{QStringLiteral("x.json")});
}

TEST_CASE("A failed save in the window shows the reason in a message box and stays modified", "[save][window]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    MainWindow window;
    window.document()->edit(QStringLiteral("edit"), [](Scenario &s) { s.totalEffort = 150; });
    QString prompt;
    window.setPromptHandler([&](QMessageBox &box) {
        prompt = box.text() + QLatin1Char('\n') + box.informativeText();
        return QMessageBox::Ok;
    });
    // A directory where the file should be: the rename over it fails.
    const QString path = dir.filePath(QStringLiteral("taken.json"));
    REQUIRE(QDir().mkpath(path));
    CHECK_FALSE(window.saveFile(path));
    CHECK(prompt.contains(QStringLiteral("could not be saved")));
    CHECK(prompt.contains(QStringLiteral("Reason:")));
    CHECK(window.isWindowModified());
    CHECK(window.document()->filePath().isEmpty());
    CHECK(window.messageText().contains(QStringLiteral("Not saved")));
    CHECK(entries(dir.path()) == QStringList{QStringLiteral("taken.json")});
}

TEST_CASE("Saving keeps the file's mode; other hard links keep the old content (as README says)", "[save]")
{
    // Audit finding 14, documented behaviour: the new content is a new file renamed into place.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plan.json"));
    const QString link = dir.filePath(QStringLiteral("plan-link.json"));
    const Scenario startup = presetScenario("startup");
    writeInPlace(path, fileBytes(startup));
    REQUIRE(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
    REQUIRE(::link(QFile::encodeName(path).constData(), QFile::encodeName(link).constData()) == 0);

    Scenario changed = startup;
    changed.totalEffort = 444;
    QString error;
    REQUIRE(writeFileAtomically(path, fileBytes(changed), &error));
    struct stat info { };
    REQUIRE(::stat(QFile::encodeName(path).constData(), &info) == 0);
    CHECK((info.st_mode & 07777) == 0640);
    CHECK(info.st_nlink == 1);
    CHECK(readBytes(path) == fileBytes(changed));
    CHECK(readBytes(link) == fileBytes(startup));

    // Private files (backups) are 0600 whatever the umask.
    const QString backup = dir.filePath(QStringLiteral("backup.json"));
    const mode_t oldMask = ::umask(0);
    REQUIRE(writeFileAtomically(backup, "{}", &error, FileAccess::Private));
    ::umask(oldMask);
    REQUIRE(::stat(QFile::encodeName(backup).constData(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
}
