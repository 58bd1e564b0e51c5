// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// The README's `--allocate` sample is what the binary prints, digit for digit.
#include "QtStringMakers.h"
#include "RunProgram.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QStringList>

#include <algorithm>

using namespace ef::test;

namespace {

/// The marker comment in README.md right before the sample's code block.
constexpr const char *kMarker = "<!-- allocate-sample:";

struct Sample {
    QStringList arguments; ///< the command after "$ effort-frontier"
    QStringList lines;     ///< the output shown, up to an elision line "…" if there is one
    bool elided = false;
};

/// The `$ effort-frontier --allocate ...` command in the code block after the marker, and the lines shown under it.
Sample readmeSample()
{
    QFile file(QStringLiteral(EF_README));
    REQUIRE(file.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    qsizetype i = 0;
    while (i < lines.size() && !lines[i].startsWith(QLatin1String(kMarker)))
        ++i;
    INFO("README.md has no line starting with " << kMarker);
    REQUIRE(i < lines.size());
    // The code block right after the marker.
    ++i;
    REQUIRE(i < lines.size());
    REQUIRE(lines[i].startsWith(QLatin1String("```")));
    ++i;
    const QString prompt = QStringLiteral("$ effort-frontier --allocate");
    while (i < lines.size() && !lines[i].startsWith(QLatin1String("```")) && !lines[i].startsWith(prompt))
        ++i;
    INFO("no \"" << prompt.toStdString() << "\" line in the block after the marker");
    REQUIRE(i < lines.size());
    REQUIRE(lines[i].startsWith(prompt));
    Sample sample;
    sample.arguments
        = lines[i].mid(QStringLiteral("$ effort-frontier ").size()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (++i; i < lines.size() && !lines[i].startsWith(QLatin1String("```")); ++i) {
        if (lines[i].trimmed() == QStringLiteral("…")) {
            sample.elided = true;
            break;
        }
        sample.lines << lines[i];
    }
    REQUIRE(i < lines.size()); // the block is closed (or elided inside)
    return sample;
}

} // namespace

TEST_CASE("the README's --allocate sample is what the binary prints", "[app][readme]")
{
    const Sample sample = readmeSample();
    INFO("README command: effort-frontier " << sample.arguments.join(QLatin1Char(' ')).toStdString());
    // A sample worth checking: the document's head and at least one whole project.
    REQUIRE(sample.lines.size() >= 14);

    const ProgramRun run = runProgram(sample.arguments);
    REQUIRE(run.exitCode == 0);
    CHECK(run.err.isEmpty());
    QStringList printed = QString::fromUtf8(run.out).split(QLatin1Char('\n'));
    REQUIRE(printed.size() > 1);
    REQUIRE(printed.back().isEmpty()); // the document ends with a newline
    printed.removeLast();
    if (sample.elided) {
        REQUIRE(printed.size() > sample.lines.size());
        printed = printed.mid(0, sample.lines.size());
    }
    // Line by line, so a failure names the first stale line.
    for (qsizetype line = 0; line < std::max(printed.size(), sample.lines.size()); ++line) {
        INFO("sample line " << line + 1);
        REQUIRE(sample.lines.value(line) == printed.value(line));
    }
}
