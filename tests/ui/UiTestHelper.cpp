// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// The child process of the "nothing lost" tests: it does one thing a real session does (save,
// edit) and is then interrupted by its parent test — by a file size limit, or by SIGKILL.
//
//   ui_test_helper save-limited FILE LIMIT   save a 40-project scenario over FILE with RLIMIT_FSIZE =
//                                            LIMIT bytes (SIGXFSZ ignored); prints what happened
//   ui_test_helper save-loop FILE PROJECTS   save two big scenarios ("A", "B") over FILE in turn,
//                                            forever; prints "saving" once the first save starts
//                                            and "saved" after each save
//   ui_test_helper edit-and-wait FILE        open FILE, change the total effort to 137, wait for the
//                                            recovery file ($EF_RECOVERY_DIR), print "ready PATH", idle
#include "BigScenario.h"
#include "IsolatedSettings.h"
#include "ScenarioFile.h"
#include "document/Document.h"
#include "persistence/AtomicFile.h"
#include "persistence/Autosave.h"
#include "widgets/ControlPanel.h"
#include "widgets/ParameterControl.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QDoubleSpinBox>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <sys/resource.h>

using namespace ef;

namespace {

void say(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

int saveLimited(const QString &path, rlim_t limit)
{
    std::signal(SIGXFSZ, SIG_IGN); // a write beyond the limit fails with EFBIG instead of killing us
    MainWindow window;
    window.showScenario(test::bigScenario("limited", 40), QString());
    window.document()->edit(QStringLiteral("edit"), [](Scenario &s) { s.totalEffort = 321; });
    QString prompt;
    window.setPromptHandler([&](QMessageBox &box) {
        prompt = box.text() + QLatin1Char(' ') + box.informativeText();
        return QMessageBox::Ok;
    });
    const rlimit fsize{limit, limit};
    if (setrlimit(RLIMIT_FSIZE, &fsize) != 0) {
        say(QStringLiteral("setrlimit failed"));
        return 3;
    }
    const bool saved = window.saveFile(path);
    say(QStringLiteral("saved=%1").arg(saved ? 1 : 0));
    say(QStringLiteral("modified=%1").arg(window.isWindowModified() ? 1 : 0));
    say(QStringLiteral("prompt=%1").arg(QString(prompt).replace(QLatin1Char('\n'), QLatin1Char(' '))));
    say(QStringLiteral("bar=%1").arg(window.messageText().replace(QLatin1Char('\n'), QLatin1Char(' '))));
    return 0;
}

int saveLoop(const QString &path, int projects)
{
    const std::string a = serializeScenario(test::bigScenario("A", projects));
    const std::string b = serializeScenario(test::bigScenario("B", projects));
    say(QStringLiteral("saving"));
    for (unsigned i = 0;; ++i) {
        const std::string &text = i % 2 == 0 ? a : b;
        QString error;
        if (!writeFileAtomically(path, QByteArray(text.data(), static_cast<qsizetype>(text.size())), &error)) {
            say(QStringLiteral("error=%1").arg(error));
            return 4;
        }
        say(QStringLiteral("saved"));
    }
}

int editAndWait(const QString &path)
{
    MainWindow window;
    if (!window.openFile(path)) {
        say(QStringLiteral("open failed: %1").arg(window.messageText()));
        return 5;
    }
    window.controlPanel()->totalControl()->spinBox()->setValue(137);
    const QString recovery = window.autosave()->recoveryPath();
    while (!QFile::exists(recovery)) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(10);
    }
    say(QStringLiteral("ready %1").arg(recovery));
    return QApplication::exec(); // until the parent kills us
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: ui_test_helper save-limited|save-loop|edit-and-wait FILE [N]\n");
        return 2;
    }
    const std::string mode = argv[1];
    const QString file = QString::fromLocal8Bit(argv[2]);
    const long long number = argc > 3 ? std::atoll(argv[3]) : 0;
    if (mode == "save-loop") // no GUI needed: the same atomic write the window uses
        return saveLoop(file, static_cast<int>(number));

    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int qtArgc = 1;
    QApplication app(qtArgc, argv);
    QTemporaryDir settingsDir;
    ef::test::isolateSettings(QStringLiteral("ui_test_helper"), settingsDir.path());
    if (mode == "save-limited")
        return saveLimited(file, static_cast<rlim_t>(number));
    if (mode == "edit-and-wait")
        return editAndWait(file);
    std::fprintf(stderr, "ui_test_helper: unknown mode %s\n", mode.c_str());
    return 2;
}
