// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// Help ▸ About names the version, the licence and the Qt and QCustomPlot in use.
#include "window/MainWindow.h"

#include <qcustomplot.h>

#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QTextDocument>

#include <catch2/catch.hpp>

using namespace ef;

TEST_CASE("Help > About shows the version, the licence and the library versions", "[about]")
{
    MainWindow window;
    QAction *about = nullptr;
    for (QAction *action : window.findChildren<QAction *>())
        if (action->menuRole() == QAction::AboutRole)
            about = action;
    REQUIRE(about != nullptr);
    CHECK(about->text() == QStringLiteral("&About Effort Frontier"));

    QString title;
    QString text;
    bool shown = false;
    // Every box of the window goes through its prompter: read the box and answer it.
    window.setPromptHandler([&](QMessageBox &box) {
        shown = true;
        title = box.windowTitle();
        QTextDocument html;
        html.setHtml(box.text());
        text = html.toPlainText();
        return QMessageBox::Ok;
    });
    about->trigger();
    REQUIRE(shown);
    INFO(text.toStdString());
    CHECK(title == QStringLiteral("About Effort Frontier"));
    CHECK(text.contains(QStringLiteral("Effort Frontier " EF_PROJECT_VERSION)));
    CHECK(text.contains(QStringLiteral("Licence: GPL-3.0-or-later (GNU GPL version 3 or later)")));
    CHECK(text.contains(QStringLiteral("NO WARRANTY")));
    // Qt as loaded at run time; QCustomPlot as its header says (it has no run-time version query).
    CHECK(text.contains(QStringLiteral("Using Qt %1 and QCustomPlot %2.")
                            .arg(QLatin1String(qVersion()), QLatin1String(QCUSTOMPLOT_VERSION_STR))));
}
