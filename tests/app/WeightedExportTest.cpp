// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// --export --weighted: the accuracy view plots weight × accuracy headless, as View ▸ Weighted Value does;
// without the flag the export is what it always was.

#include "RunProgram.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace ef::test;

TEST_CASE("export --weighted draws weighted value and says so on the axis", "[app][export][weighted]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString plain = dir.filePath("plain.svg");
    const QString weighted = dir.filePath("weighted.svg");
    const QString plainPng = dir.filePath("plain.png");
    const QString weightedPng = dir.filePath("weighted.png");
    for (const QStringList &arguments : {QStringList{"--export", plain, "--preset", "ml-first"},
                                         QStringList{"--export", weighted, "--preset", "ml-first", "--weighted"},
                                         QStringList{"--export", plainPng, "--preset", "ml-first"},
                                         QStringList{"--export", weightedPng, "--preset", "ml-first", "--weighted"}}) {
        const ProgramRun run = runProgram(arguments);
        CHECK(run.exitCode == 0);
        CHECK(run.err.isEmpty());
        CHECK(run.out.isEmpty());
    }
    const QByteArray plainSvg = readBytes(plain);
    const QByteArray weightedSvg = readBytes(weighted);
    CHECK(plainSvg.contains(">Accuracy<"));
    CHECK_FALSE(plainSvg.contains("Weighted value"));
    CHECK(weightedSvg.contains(QString::fromUtf8("Weighted value (weight × accuracy)").toUtf8()));
    CHECK(readBytes(plainPng) != readBytes(weightedPng));
    // Twice the same command, the same bytes: the default export does not depend on anything else.
    const QString again = dir.filePath("again.png");
    REQUIRE(runProgram({"--export", again, "--preset", "ml-first"}).exitCode == 0);
    CHECK(readBytes(again) == readBytes(plainPng));
}

TEST_CASE("The --weighted flag needs an accuracy view of --export", "[app][export][weighted][usage]")
{
    QTemporaryDir dir;
    const struct {
        QStringList arguments;
        const char *message;
    } cases[] = {
        {{"--weighted"}, "effort-frontier: --weighted needs --export OUT\n"},
        {{"--allocate", "--weighted"}, "effort-frontier: --weighted needs --export OUT\n"},
        {{"--export", dir.filePath("g.png"), "--view", "growth", "--weighted"},
         "effort-frontier: --weighted: the growth view has no accuracy axis; use --view accuracy\n"},
        {{"--export", dir.filePath("n.csv"), "--weighted"},
         "effort-frontier: --weighted is for charts, --brief and --animate, not numbers (.csv)\n"},
        {{"--export", dir.filePath("b.pdf"), "--brief", "--view", "growth", "--weighted"},
         "effort-frontier: --weighted: the growth view has no accuracy axis; use --view accuracy\n"},
    };
    for (const auto &c : cases) {
        const ProgramRun run = runProgram(c.arguments);
        INFO(c.arguments.join(' ').toStdString());
        CHECK(run.exitCode == 2);
        CHECK(run.out.isEmpty());
        CHECK(run.err.toStdString() == c.message);
    }
    // Beside another view it applies to the accuracy panel.
    CHECK(runProgram({"--export", dir.filePath("both.png"), "--view", "growth+accuracy", "--weighted"}).exitCode == 0);
}

TEST_CASE("The command line takes --weighted with --brief and --animate", "[app][export][weighted][brief][animation]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    // The brief: a one-page PDF whose chart is the weighted one (only the creation date differs between
    // two drawings of the same brief, so the rest must differ here).
    const QString plainPdf = dir.filePath("plain.pdf");
    const QString weightedPdf = dir.filePath("weighted.pdf");
    for (const QStringList &arguments :
         {QStringList{"--export", plainPdf, "--brief", "--preset", "ml-first"},
          QStringList{"--export", weightedPdf, "--brief", "--preset", "ml-first", "--weighted"}}) {
        const ProgramRun run = runProgram(arguments);
        CHECK(run.exitCode == 0);
        CHECK(run.err.isEmpty());
    }
    const auto withoutDate = [](const QByteArray &pdf) {
        QString text = QString::fromLatin1(pdf);
        text.remove(QRegularExpression(QStringLiteral("/CreationDate\\s*\\([^)]*\\)")));
        return text;
    };
    const QByteArray weightedBrief = readBytes(weightedPdf);
    CHECK(weightedBrief.startsWith("%PDF-"));
    CHECK(withoutDate(weightedBrief) != withoutDate(readBytes(plainPdf)));

    // An animation: every frame weighted, so the file differs; without the flag it is as before.
    const QStringList animate{"--preset", "ml-first", "--animate", "total=60:120",
                              "--frames", "3",        "--size",    "320x200"};
    const QString plainGif = dir.filePath("plain.gif");
    const QString weightedGif = dir.filePath("weighted.gif");
    const QString againGif = dir.filePath("again.gif");
    CHECK(runProgram(QStringList{"--export", plainGif} + animate).exitCode == 0);
    const ProgramRun run = runProgram(QStringList{"--export", weightedGif, "--weighted"} + animate);
    CHECK(run.exitCode == 0);
    CHECK(run.err.isEmpty());
    CHECK(runProgram(QStringList{"--export", againGif} + animate).exitCode == 0);
    CHECK(readBytes(weightedGif).startsWith("GIF89a"));
    CHECK(readBytes(weightedGif) != readBytes(plainGif));
    CHECK(readBytes(againGif) == readBytes(plainGif));
}
