// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// --version names the version, the licence and the libraries in use; a window that cannot open says so in one line.
#include "QtStringMakers.h"
#include "RunProgram.h"

#include <catch2/catch.hpp>

#include <QRegularExpression>
#include <QtGlobal>

#include <algorithm>

using namespace ef::test;

TEST_CASE("the --version text shows the version, the licence and the Qt and QCustomPlot in use", "[app][version]")
{
    const ProgramRun run = runProgram({QStringLiteral("--version")});
    CHECK(run.exitCode == 0);
    CHECK(run.err.isEmpty());
    const QString text = QString::fromUtf8(run.out);
    INFO(text.toStdString());
    const QStringList lines = text.split(QLatin1Char('\n'));
    REQUIRE(lines.size() >= 4);
    // The first line stays "NAME VERSION" for scripts; the version is the CMake project's.
    CHECK(lines.front() == QStringLiteral("effort-frontier " EF_PROJECT_VERSION));
    CHECK(lines.contains(QStringLiteral(
        "Licence: GPL-3.0-or-later (GNU GPL version 3 or later, https://www.gnu.org/licenses/gpl-3.0.html).")));
    CHECK(text.contains(QStringLiteral("There is NO WARRANTY")));
    // The child loads the same Qt library as this test: its run-time version, not the one it was built with.
    const QRegularExpressionMatch libraries
        = QRegularExpression(QStringLiteral("^Using Qt (\\S+) and QCustomPlot (\\d+\\.\\d+\\.\\d+)\\.$"),
                             QRegularExpression::MultilineOption)
              .match(text);
    REQUIRE(libraries.hasMatch());
    CHECK(libraries.captured(1) == QLatin1String(qVersion()));
    CHECK(libraries.captured(2).startsWith(QStringLiteral("2."))); // the QCustomPlot 2 the build requires
    CHECK(text.endsWith(QStringLiteral(".\n")));
}

namespace {

/// Exit code 2, nothing on stdout, and exactly one line on stderr that explains, gives Qt's reason (one of
/// `reasons`) and suggests the headless modes.
void checkNoDisplay(const ProgramRun &run, const QStringList &reasons)
{
    INFO("stderr: " << run.err.toStdString());
    CHECK(run.exitCode == 2);
    CHECK(run.out.isEmpty());
    CHECK(run.err.startsWith("effort-frontier: no display to open the window on (Qt: "));
    CHECK(run.err.endsWith('\n'));
    CHECK(run.err.count('\n') == 1);
    CHECK(run.err.count('\r') == 0);
    CHECK(run.err.contains("--export"));
    CHECK(run.err.contains("--allocate"));
    CHECK(run.err.contains("xvfb-run"));
    const QString err = QString::fromUtf8(run.err);
    CHECK(std::any_of(reasons.begin(), reasons.end(), [&](const QString &reason) { return err.contains(reason); }));
    // None of Qt's own start-up lines get through.
    CHECK_FALSE(run.err.contains("qt.qpa"));
    CHECK_FALSE(run.err.contains("Reinstalling"));
    CHECK_FALSE(run.err.contains("Available platform plugins"));
}

/// The environment of a machine whose X11 display cannot be reached: DISPLAY names a display no server serves.
void unreachableDisplay(QProcessEnvironment &environment, const QString &display)
{
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.insert(QStringLiteral("DISPLAY"), display);
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    environment.remove(QStringLiteral("XAUTHORITY"));
}

} // namespace

TEST_CASE("an unreachable display gives one line and exit 2, not Qt's abort", "[app][display]")
{
    // Qt 6.4 alone prints five lines ("could not connect to display", "Could not load the Qt platform plugin",
    // "Reinstalling the application may fix this problem", ...) and aborts with SIGABRT.
    const QString arguments = QStringLiteral("--preset growth");
    SECTION("DISPLAY set, but no X server behind it (xcb asked for explicitly)")
    {
        const ProgramRun run = runProgram(arguments.split(QLatin1Char(' ')), [](QProcessEnvironment &environment) {
            unreachableDisplay(environment, QStringLiteral(":65001"));
        });
        // Where Qt has the xcb plugin it names the display; elsewhere (Windows, macOS) the missing plugin.
        checkNoDisplay(run, {QStringLiteral("could not connect to display :65001)"), QStringLiteral("\"xcb\"")});
    }
    SECTION("a DISPLAY value with a line break and a bidi override still gives one line")
    {
        const ProgramRun run = runProgram(arguments.split(QLatin1Char(' ')), [](QProcessEnvironment &environment) {
            unreachableDisplay(environment, QStringLiteral(":65001\neffort-frontier: forged\u202e"));
        });
        checkNoDisplay(run, {QStringLiteral("could not connect to display :65001"), QStringLiteral("\"xcb\"")});
        CHECK_FALSE(run.err.contains("\u202e"));
    }
    SECTION("a platform plugin that does not exist")
    {
        const ProgramRun run = runProgram(arguments.split(QLatin1Char(' ')), [](QProcessEnvironment &environment) {
            environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("no-such-platform"));
        });
        checkNoDisplay(run, {QStringLiteral("\"no-such-platform\"")});
    }
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    // X11 and Wayland systems choose their platform from the environment; Windows and macOS ignore DISPLAY.
    SECTION("DISPLAY set but unreachable, Qt left to choose its platform (the audit's case)")
    {
        const ProgramRun run = runProgram(arguments.split(QLatin1Char(' ')), [](QProcessEnvironment &environment) {
            unreachableDisplay(environment, QStringLiteral(":65001"));
            environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
        });
        checkNoDisplay(run, {QStringLiteral("could not connect to display :65001)")});
    }
    SECTION("no DISPLAY and no WAYLAND_DISPLAY at all")
    {
        const ProgramRun run = runProgram(arguments.split(QLatin1Char(' ')), [](QProcessEnvironment &environment) {
            environment.remove(QStringLiteral("DISPLAY"));
            environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
            environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
        });
        checkNoDisplay(run, {QStringLiteral("could not connect to display)")});
    }
#endif
}
