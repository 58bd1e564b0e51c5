// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// The command line's meeting exports: --export OUT.csv (the split, the curves, the growth path),
// --export OUT.pdf --brief, --export OUT.gif|webp --animate, and every refusal as exit 2 with one line.
#include "CsvParse.h"
#include "RunProgram.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <string>

using namespace ef::test;

namespace {

/// Exit 2, exactly one line on stderr containing `needle`, nothing written to `out`.
void requireRefused(const QStringList &arguments, const QString &needle, const QString &out = {})
{
    const ProgramRun r = runProgram(arguments);
    INFO(arguments.join(QLatin1Char(' ')).toStdString() << " -> " << r.err.toStdString());
    CHECK(r.exitCode == 2);
    CHECK(r.err.count('\n') == 1);
    CHECK(QString::fromUtf8(r.err).contains(needle));
    if (!out.isEmpty())
        CHECK_FALSE(QFile::exists(out));
}

} // namespace

TEST_CASE("CSV export: --export OUT.csv matches --allocate, number for number", "[app][numbers]")
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("ml-first.csv"));
    const ProgramRun csvRun
        = runProgram({QStringLiteral("--preset"), QStringLiteral("ml-first"), QStringLiteral("--export"), out});
    REQUIRE(csvRun.exitCode == 0);
    CHECK(csvRun.err.isEmpty());
    const ProgramRun json
        = runProgram({QStringLiteral("--preset"), QStringLiteral("ml-first"), QStringLiteral("--allocate")});
    REQUIRE(json.exitCode == 0);
    const QJsonArray projects = QJsonDocument::fromJson(json.out).object()[QStringLiteral("projects")].toArray();
    const QByteArray bytes = readBytes(out);
    CHECK(bytes.contains("\r\n"));
    const auto rows = parseCsv(bytes.toStdString());
    REQUIRE(rows.size() == static_cast<std::size_t>(projects.size()) + 1);
    CHECK(rows[0][0] == "project");
    for (qsizetype i = 0; i < projects.size(); ++i) {
        const QJsonObject p = projects[i].toObject();
        const auto &row = rows[static_cast<std::size_t>(i) + 1];
        CHECK(QString::fromStdString(row[0]) == p[QStringLiteral("name")].toString());
        CHECK(std::stoll(row[2]) == p[QStringLiteral("effort")].toInteger());
        CHECK(std::stod(row[3]) == Approx(p[QStringLiteral("effort")].toDouble() / 100.0));
        CHECK(std::stod(row[4]) == p[QStringLiteral("accuracy")].toDouble());
        CHECK(std::stod(row[5]) == p[QStringLiteral("value")].toDouble());
        CHECK(std::stod(row[6]) == p[QStringLiteral("marginal")].toDouble());
        CHECK(QString::fromStdString(row[7]) == p[QStringLiteral("stage")].toString());
    }
}

TEST_CASE("CSV export: --view curves and --view growth", "[app][numbers]")
{
    QTemporaryDir dir;
    const QString curves = dir.filePath(QStringLiteral("curves.csv"));
    REQUIRE(runProgram({QStringLiteral("--export"), curves, QStringLiteral("--view"), QStringLiteral("curves"),
                        QStringLiteral("--total"), QStringLiteral("40")})
                .exitCode
            == 0);
    auto rows = parseCsv(readBytes(curves).toStdString());
    REQUIRE(rows.size() == 42); // header + 0…40
    CHECK(rows[0].size() == 6);
    CHECK(rows[41][0] == "40");

    const QString growth = dir.filePath(QStringLiteral("growth.csv"));
    REQUIRE(runProgram({QStringLiteral("--preset"), QStringLiteral("growth"), QStringLiteral("--export"), growth,
                        QStringLiteral("--view"), QStringLiteral("growth")})
                .exitCode
            == 0);
    rows = parseCsv(readBytes(growth).toStdString());
    REQUIRE(rows.size() > 10);
    CHECK(rows[0][0] == "budget");
    // The last sampled budget is the total, split as MODEL.md says.
    CHECK(rows.back() == std::vector<std::string>{"300", "100", "80", "60", "40", "20"});
}

TEST_CASE("Brief export: --export OUT.pdf --brief writes a one-page PDF", "[app][brief]")
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("brief.pdf"));
    const ProgramRun r = runProgram({QStringLiteral("--preset"), QStringLiteral("growth"), QStringLiteral("--export"),
                                     out, QStringLiteral("--brief")});
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.isEmpty());
    const QByteArray pdf = readBytes(out);
    CHECK(pdf.startsWith("%PDF-"));
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page[^s]"));
    CHECK(QString::fromLatin1(pdf).count(page) == 1);
}

TEST_CASE("Animated export: --export OUT.gif --animate writes a GIF, OUT.webp an animated WebP", "[app][animation]")
{
    QTemporaryDir dir;
    const QString gif = dir.filePath(QStringLiteral("total.gif"));
    ProgramRun r = runProgram({QStringLiteral("--export"), gif, QStringLiteral("--animate"),
                               QStringLiteral("total=0:300"), QStringLiteral("--frames"), QStringLiteral("6"),
                               QStringLiteral("--size"), QStringLiteral("320x200")});
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.isEmpty());
    CHECK(readBytes(gif).startsWith("GIF89a"));

    const QString webp = dir.filePath(QStringLiteral("b.webp"));
    r = runProgram({QStringLiteral("--export"), webp, QStringLiteral("--animate"),
                    QStringLiteral("b[Generated menu images]=0.5:3"), QStringLiteral("--frames"), QStringLiteral("4"),
                    QStringLiteral("--duration"), QStringLiteral("1"), QStringLiteral("--loop"), QStringLiteral("2"),
                    QStringLiteral("--size"), QStringLiteral("320x200")});
    REQUIRE(r.exitCode == 0);
    const QByteArray bytes = readBytes(webp);
    CHECK(bytes.startsWith("RIFF"));
    CHECK(bytes.contains("ANIM"));
}

TEST_CASE("Meeting exports refuse bad input with exit 2 and one line", "[app][usage][animation][numbers]")
{
    QTemporaryDir dir;
    const QString gif = dir.filePath(QStringLiteral("x.gif"));
    const QString e = QStringLiteral("--export");
    const QString a = QStringLiteral("--animate");
    requireRefused({e, gif, a, QStringLiteral("total=0-300")}, QStringLiteral("not a range"), gif);
    requireRefused({e, gif, a, QStringLiteral("speed=0:1")}, QStringLiteral("is not total, weight"), gif);
    requireRefused({e, gif, a, QStringLiteral("weight[Nobody]=1:6")}, QStringLiteral("no project named"), gif);
    requireRefused({e, gif, a, QStringLiteral("b[Dynamic pricing]=0:2")}, QStringLiteral("above 0"), gif);
    requireRefused({e, gif, a, QStringLiteral("weight[Dynamic pricing]=-1:2")}, QStringLiteral("below 0"), gif);
    requireRefused({e, gif, a, QStringLiteral("total=0:300"), QStringLiteral("--frames"), QStringLiteral("1")},
                   QStringLiteral("--frames"), gif);
    requireRefused({e, gif, a, QStringLiteral("total=0:300"), QStringLiteral("--frames"), QStringLiteral("601")},
                   QStringLiteral("--frames"), gif);
    requireRefused({e, gif, a, QStringLiteral("total=0:300"), QStringLiteral("--loop"), QStringLiteral("-1")},
                   QStringLiteral("--loop"), gif);
    requireRefused({e, gif, a, QStringLiteral("total=0:300"), QStringLiteral("--duration"), QStringLiteral("0")},
                   QStringLiteral("--duration"), gif);
    requireRefused({e, gif}, QStringLiteral("needs --animate"), gif);
    requireRefused({e, dir.filePath(QStringLiteral("x.png")), a, QStringLiteral("total=0:3")},
                   QStringLiteral(".gif or .webp"));
    requireRefused({e, dir.filePath(QStringLiteral("x.png")), QStringLiteral("--frames"), QStringLiteral("5")},
                   QStringLiteral("for animations"));
    requireRefused({a, QStringLiteral("total=0:3")}, QStringLiteral("needs --export"));
    requireRefused({e, dir.filePath(QStringLiteral("b.png")), QStringLiteral("--brief")},
                   QStringLiteral("the brief is a PDF"));
    requireRefused({e, dir.filePath(QStringLiteral("n.csv")), QStringLiteral("--view"), QStringLiteral("pie")},
                   QStringLiteral("accuracy, curves, growth"));
    // Unwritable: a folder that does not exist, and a path that is a folder.
    requireRefused({e, dir.filePath(QStringLiteral("none/n.csv"))}, QStringLiteral("does not exist"));
    requireRefused({e, dir.filePath(QStringLiteral("none/b.pdf")), QStringLiteral("--brief")},
                   QStringLiteral("does not exist"));
    QDir(dir.path()).mkdir(QStringLiteral("taken.csv"));
    requireRefused({e, dir.filePath(QStringLiteral("taken.csv"))}, QStringLiteral("not written"));
}

TEST_CASE("A brief draws the accuracy or the growth view and refuses the marginal one", "[app][brief][usage]")
{
    // The brief has no marginal chart: --view marginal used to give the accuracy chart without a word.
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("brief.pdf"));
    const QString e = QStringLiteral("--export");
    requireRefused({e, out, QStringLiteral("--brief"), QStringLiteral("--view"), QStringLiteral("marginal")},
                   QStringLiteral("--view: a brief shows the accuracy or the growth view, not marginal"), out);
    const ProgramRun growth
        = runProgram({e, out, QStringLiteral("--brief"), QStringLiteral("--view"), QStringLiteral("growth")});
    CHECK(growth.exitCode == 0);
    CHECK(growth.err.isEmpty());
    CHECK(readBytes(out).startsWith("%PDF-"));
}
