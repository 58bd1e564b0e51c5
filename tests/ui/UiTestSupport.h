// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Allocator.h"
#include "Presets.h"
#include "charts/Chart.h"
#include "charts/ChartWidget.h"
#include "document/Document.h"
#include "widgets/ResultsTable.h"
#include "window/MainWindow.h"

#include <qcustomplot.h>

#include <QAbstractSpinBox>
#include <QApplication>
#include <QByteArray>
#include <QFile>
#include <QImage>
#include <QMessageBox>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QTest>

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

namespace ef::test {

/// A built-in preset's scenario (the preset must load).
inline Scenario presetScenario(const char *name)
{
    LoadResult loaded = loadPreset(QString::fromLatin1(name));
    REQUIRE(loaded.ok());
    return *loaded.scenario;
}

/// Everything in the file at `path` (it must open).
inline QByteArray readBytes(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

/// Shows `window` at `size` (an invalid size: as it is) and waits until it is active, so keys reach it.
/// The index of the project called `name` (fails the test when there is none).
inline std::size_t projectNamed(const Scenario &scenario, const std::string &name)
{
    for (std::size_t i = 0; i < scenario.projects.size(); ++i)
        if (scenario.projects[i].name == name)
            return i;
    FAIL("no project " << name);
    return 0;
}

/// What a run of the program gave.
struct Run {
    int exitCode;
    QByteArray out;
    QByteArray err;
};

/// Runs effort-frontier with no display at all (no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM).
inline Run runHeadless(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(EF_EXECUTABLE), arguments);
    REQUIRE(process.waitForFinished(60000));
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

inline void showActive(MainWindow &window, QSize size = QSize(1280, 720))
{
    if (size.isValid())
        window.resize(size);
    window.show();
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
}

/// Shows `window` at 1280×720 and waits until it is on screen (exposed), active or not.
inline void showExposed(MainWindow &window)
{
    window.resize(1280, 720);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
}

/// Gives `spin` the keyboard focus and types `text` over what it holds (Ctrl+A, then the keys), as a user
/// does; no Enter, so a box that commits on Enter has not committed yet.
inline void typeOver(QAbstractSpinBox *spin, const char *text)
{
    spin->setFocus();
    QApplication::processEvents();
    REQUIRE(QApplication::focusWidget() == spin);
    QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(spin, text);
}

/// Answers the window's next "Unsaved changes" question with `button`, through the window's prompt
/// interface (no modal loop, no timer); the question must come.
struct UnsavedAnswer {
    std::shared_ptr<int> asked = std::make_shared<int>(0);
};
inline UnsavedAnswer answerUnsaved(MainWindow &window, QMessageBox::StandardButton button)
{
    UnsavedAnswer answer;
    window.setPromptHandler([button, asked = answer.asked](QMessageBox &box) {
        CHECK(box.windowTitle() == QStringLiteral("Unsaved changes"));
        ++*asked;
        return button;
    });
    return answer;
}

/// The efforts the red dots sit at, in project order (read from the plot itself).
inline std::vector<Effort> dotEfforts(const MainWindow &window)
{
    QCPCurve *dots = window.chartWidget()->chart()->dots();
    std::vector<Effort> efforts(window.document()->scenario().projects.size(), -1);
    for (auto it = dots->data()->constBegin(); it != dots->data()->constEnd(); ++it) {
        const auto index = static_cast<std::size_t>(it->t);
        REQUIRE(index < efforts.size());
        efforts[index] = static_cast<Effort>(it->key);
        REQUIRE(it->key == static_cast<double>(efforts[index])); // exactly on a whole unit
    }
    return efforts;
}

/// The core allocator's efforts for `scenario` at `total` units.
inline std::vector<Effort> allocatorEfforts(const Scenario &scenario, Effort total)
{
    const AllocationResult result = allocate(scenario, total, Method::Auto);
    REQUIRE(result.ok());
    std::vector<Effort> efforts;
    for (const ProjectAllocation &pa : result.allocation->projects)
        efforts.push_back(pa.effort);
    return efforts;
}

/// The effort column of the results table.
inline std::vector<Effort> tableEfforts(const MainWindow &window)
{
    const ResultsModel *model = window.resultsTable()->model();
    std::vector<Effort> efforts;
    for (int row = 0; row < model->rowCount(); ++row) {
        bool ok = false;
        efforts.push_back(model->text(row, ResultsTable::EffortColumn).remove(QLatin1Char(',')).toLongLong(&ok));
        REQUIRE(ok);
    }
    return efforts;
}

/// Pixels of exactly the optimal points' colour, #ff0000.
inline int redPixels(const QImage &image)
{
    int count = 0;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            if ((line[x] & 0xffffffu) == 0xff0000u)
                ++count;
    }
    return count;
}

/**
 * Separate blobs of at least `minPixels` #ff0000 pixels (4-connected): one per optimal point drawn,
 * plus the legend's sample. Single pure-red pixels where a dot's rim meets a curve are not counted.
 */
inline int redBlobs(const QImage &image, int minPixels = 30)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    const int w = rgb.width();
    const int h = rgb.height();
    std::vector<char> seen(static_cast<std::size_t>(w) * static_cast<std::size_t>(h), 0);
    auto red = [&](int x, int y) { return (rgb.pixel(x, y) & 0xffffffu) == 0xff0000u; };
    auto at = [&](int x, int y) -> char & {
        return seen[static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)];
    };
    int blobs = 0;
    std::vector<std::pair<int, int>> stack;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            if (at(x, y) || !red(x, y))
                continue;
            int size = 0;
            stack.assign(1, {x, y});
            at(x, y) = 1;
            while (!stack.empty()) {
                const auto [cx, cy] = stack.back();
                stack.pop_back();
                ++size;
                const int nx[] = {cx + 1, cx - 1, cx, cx};
                const int ny[] = {cy, cy, cy + 1, cy - 1};
                for (int k = 0; k < 4; ++k) {
                    if (nx[k] < 0 || ny[k] < 0 || nx[k] >= w || ny[k] >= h || at(nx[k], ny[k]) || !red(nx[k], ny[k]))
                        continue;
                    at(nx[k], ny[k]) = 1;
                    stack.emplace_back(nx[k], ny[k]);
                }
            }
            if (size >= minPixels)
                ++blobs;
        }
    }
    return blobs;
}

} // namespace ef::test
