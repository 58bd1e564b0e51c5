// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// Numbers out of the window: the table on the clipboard (TSV + HTML), CSV files, the one-page brief.
#include "CsvParse.h"
#include "UiTestSupport.h"

#include "charts/Brief.h"
#include "window/MeetingExports.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QMimeData>
#include <QRegularExpression>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

#include <cmath>

using namespace ef;
using namespace ef::test;

namespace {

/// The cells of an HTML table, row by row, as plain text.
std::vector<QStringList> htmlCells(const QString &html)
{
    std::vector<QStringList> rows;
    static const QRegularExpression rowPattern(QStringLiteral("<tr>(.*?)</tr>"),
                                               QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression cellPattern(QStringLiteral("<t[hd][^>]*>(.*?)</t[hd]>"),
                                                QRegularExpression::DotMatchesEverythingOption);
    for (auto rowMatch = rowPattern.globalMatch(html); rowMatch.hasNext();) {
        const QString row = rowMatch.next().captured(1);
        QStringList cells;
        for (auto cellMatch = cellPattern.globalMatch(row); cellMatch.hasNext();) {
            QTextDocument text;
            text.setHtml(cellMatch.next().captured(1));
            cells << text.toPlainText().remove(QChar(0x25a0)).trimmed();
        }
        rows.push_back(cells);
    }
    return rows;
}

} // namespace

TEST_CASE("Ctrl+C on the results table copies it as tab-separated text and HTML with the same numbers", "[numbers]")
{
    MainWindow window;
    REQUIRE(window.openPreset(QStringLiteral("ml-first")));
    showActive(window, QSize());
    QTableView *table = window.resultsTable()->table();
    QApplication::clipboard()->clear();
    table->setFocus();
    QApplication::processEvents();
    REQUIRE(QApplication::focusWidget() == table);
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);

    const QMimeData *mime = QApplication::clipboard()->mimeData();
    REQUIRE(mime);
    REQUIRE(mime->hasText());
    REQUIRE(mime->hasHtml());
    CHECK(!mime->hasImage()); // the table, not the chart
    const QStringList lines = mime->text().trimmed().split(QLatin1Char('\n'));
    const Scenario &scenario = window.document()->scenario();
    const Allocation &allocation = *window.document()->result().allocation;
    REQUIRE(lines.size() == static_cast<qsizetype>(scenario.projects.size()) + 1);
    CHECK(lines[0].split(QLatin1Char('\t')).size() == 8);
    const std::vector<QStringList> html = htmlCells(mime->html());
    REQUIRE(html.size() == static_cast<std::size_t>(lines.size()));
    const std::vector<Effort> expected{75, 10, 7, 5, 3}; // MODEL.md, ML-first
    for (std::size_t i = 0; i < scenario.projects.size(); ++i) {
        const QStringList cells = lines[static_cast<qsizetype>(i) + 1].split(QLatin1Char('\t'));
        REQUIRE(cells.size() == 8);
        CHECK(cells == html[i + 1]); // the same cells in both forms
        CHECK(cells[0] == QString::fromStdString(scenario.projects[i].name));
        CHECK(cells[2].toLongLong() == expected[i]);
        bool ok = false;
        CHECK(cells[3].toDouble(&ok) == Approx(static_cast<double>(expected[i])).epsilon(0.001));
        CHECK(ok);
        CHECK(cells[4].toDouble(&ok) == Approx(allocation.projects[i].accuracy).epsilon(1e-3));
        CHECK(ok);
        CHECK(cells[6].toDouble(&ok) == Approx(allocation.projects[i].marginal).epsilon(1e-3));
        CHECK(ok);
        CHECK(cells[7] == QString::fromStdString(scenario.stageNameFor(expected[i])));
    }
    CHECK(lines[1].split(QLatin1Char('\t'))[1] == QStringLiteral("6.000")); // the ML-first weight

    // A selected row copies that row only; Edit ▸ Copy Table always copies all of them.
    table->selectRow(2);
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    QStringList copied = QApplication::clipboard()->mimeData()->text().trimmed().split(QLatin1Char('\n'));
    REQUIRE(copied.size() == 2);
    CHECK(copied[1].startsWith(QString::fromStdString(scenario.projects[2].name) + QLatin1Char('\t')));
    window.meetingExports()->copyTableAction()->trigger();
    copied = QApplication::clipboard()->mimeData()->text().trimmed().split(QLatin1Char('\n'));
    CHECK(copied.size() == 6);
}

TEST_CASE("Export Numbers writes the window's split as CSV, and an unwritable path says so in the window", "[numbers]")
{
    MainWindow window;
    REQUIRE(window.openPreset(QStringLiteral("growth")));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("growth.csv"));
    QString error;
    REQUIRE(window.meetingExports()->writeNumbers(path, MeetingExports::Numbers::Allocation, &error));
    const auto rows = parseCsv(readBytes(path).toStdString());
    REQUIRE(rows.size() == 6);
    const std::vector<Effort> expected{100, 80, 60, 40, 20}; // MODEL.md, growth
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(std::stoll(rows[i + 1][2]) == expected[i]);
        CHECK(std::stod(rows[i + 1][4]) == window.document()->result().allocation->projects[i].accuracy);
    }

    REQUIRE(window.meetingExports()->writeNumbers(path, MeetingExports::Numbers::Curves, &error));
    CHECK(parseCsv(readBytes(path).toStdString()).size() == 302);

    const QString bad = dir.filePath(QStringLiteral("missing/folder/x.csv"));
    CHECK_FALSE(window.meetingExports()->writeNumbers(bad, MeetingExports::Numbers::Allocation, &error));
    CHECK(error.contains(bad));
    CHECK(window.messageText().contains(QStringLiteral("Export failed")));
    CHECK_FALSE(QFile::exists(bad));
}

TEST_CASE("The brief is a one-page PDF with the scenario's numbers on it", "[numbers][brief]")
{
    MainWindow window;
    REQUIRE(window.openPreset(QStringLiteral("startup")));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("brief.pdf"));
    QString error;
    REQUIRE(window.meetingExports()->writeBrief(path, &error));
    const QByteArray pdf = readBytes(path);
    CHECK(pdf.startsWith("%PDF-"));
    // Exactly one page object ("/Type /Page", not "/Type /Pages").
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page[^s]"));
    CHECK(QString::fromLatin1(pdf).count(page) == 1);
    CHECK(pdf.size() > 20'000); // a chart, two tables and text, not an empty page

    // A file in a folder that does not exist: refused with the reason, nothing written.
    const QString bad = dir.filePath(QStringLiteral("nope/brief.pdf"));
    CHECK_FALSE(window.meetingExports()->writeBrief(bad, &error));
    CHECK(error.contains(QStringLiteral("does not exist")));
    CHECK_FALSE(QFile::exists(bad));
}
