// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// Catch2 with a QApplication made after Catch has read its arguments. The tests always run on the
// offscreen platform unless told otherwise, and keep their
// settings in a temporary folder so they never touch the user's.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "IsolatedSettings.h"

#include <QApplication>
#include <QDir>
#include <QSettings>
#include <QTemporaryDir>

int main(int argc, char **argv)
{
    Catch::Session session;
    if (const int rc = session.applyCommandLine(argc, argv); rc != 0)
        return rc;
    const Catch::ConfigData &config = session.configData();
    if (config.listTests || config.listTestNamesOnly || config.listTags || config.listReporters)
        return session.run(); // listing (CTest's discovery at build time) needs no GUI
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int qtArgc = 1;
    QApplication app(qtArgc, argv);
    QTemporaryDir settingsDir;
    ef::test::isolateSettings(QStringLiteral("ui_tests"), settingsDir.path());
    // Recovery files (autosave) go to the temporary folder too, unless a test picks its own.
    qputenv("EF_RECOVERY_DIR", QDir(settingsDir.path()).filePath(QStringLiteral("recovery")).toLocal8Bit());
    return session.run();
}
