// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// --fit DATA.csv end to end: the JSON contract, CSV with and without a header, and exit 2 with one line
// naming the line for bad data.
#include "Curve.h"
#include "RunProgram.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cmath>

using namespace ef;
using ef::test::runProgram;

namespace {

QString writeFile(const QTemporaryDir &dir, const char *name, const QByteArray &bytes)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
    return path;
}

/// Exact points of `c` at efforts 2, 4, …, 60 as CSV lines with `separator`.
QByteArray csvOf(const Curve &c, char separator, const char *lineEnd = "\n")
{
    QByteArray out;
    for (int x = 2; x <= 60; x += 2)
        out += QByteArray::number(x) + separator + QByteArray::number(c.value(x), 'g', 17) + lineEnd;
    return out;
}

QJsonObject fitted(const QStringList &arguments)
{
    return ef::test::jsonObjectOf(runProgram(arguments));
}

void checkRefused(const QStringList &arguments, const QString &expected)
{
    const ef::test::ProgramRun r = runProgram(arguments);
    INFO("stderr: " << r.err.toStdString());
    CHECK(r.exitCode == 2);
    CHECK(r.out.isEmpty());
    CHECK(r.err.count('\n') == 1);
    CHECK(QString::fromUtf8(r.err).trimmed() == expected);
}

} // namespace

TEST_CASE("Fit: --fit prints the fitted learning curve as one JSON object", "[app][fit]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    Curve truth{CurveFamily::Learning, 0.9, 0.6, 0.0};
    truth.scale = 15;
    const QString withHeader = writeFile(dir, "header.csv", "effort,accuracy\r\n" + csvOf(truth, ',', "\r\n"));
    const QJsonObject o
        = fitted({QStringLiteral("--fit"), withHeader, QStringLiteral("--family"), QStringLiteral("learning")});
    CHECK(o.keys() == QStringList{"a", "aicc", "b", "family", "points", "r2", "scale", "stderr"});
    CHECK(o.value("family").toString() == QStringLiteral("learning"));
    CHECK(o.value("a").toDouble() == Approx(0.9).epsilon(1e-6));
    CHECK(o.value("b").toDouble() == Approx(0.6).epsilon(1e-6));
    CHECK(o.value("scale").toDouble() == Approx(15).epsilon(1e-6));
    CHECK(o.value("r2").toDouble() == Approx(1).epsilon(1e-9));
    CHECK(o.value("points").toInteger() == 30);
    CHECK(o.value("aicc").isDouble());
    CHECK(o.value("stderr").toObject().keys() == QStringList{"a", "b", "scale"});

    // The same points without a header, tab-separated: auto chooses learning by AICc.
    const QString plain = writeFile(dir, "plain.tsv", csvOf(truth, '\t'));
    const QJsonObject automatic = fitted({QStringLiteral("--fit"), plain});
    CHECK(automatic.value("family").toString() == QStringLiteral("learning"));
    CHECK(automatic.value("scale").toDouble() == Approx(15).epsilon(1e-6));
}

TEST_CASE("the README's --fit sample is what the binary prints", "[app][fit][readme]")
{
    QFile readme(QStringLiteral(EF_README));
    REQUIRE(readme.open(QIODevice::ReadOnly));
    const QByteArray text = readme.readAll();
    const auto block = [&](const QByteArray &after, const QByteArray &fence) {
        const qsizetype at = text.indexOf(after);
        REQUIRE(at >= 0);
        const qsizetype start = text.indexOf(fence, at) + fence.size();
        const qsizetype end = text.indexOf("```", start);
        REQUIRE(end > start);
        return text.mid(start, end - start);
    };
    const QByteArray csv = block("With `pricing.csv`", "```\n");
    const QByteArray json = block("`auto` chooses the learning curve", "```json\n");
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = writeFile(dir, "pricing.csv", csv);
    const ef::test::ProgramRun r = runProgram({QStringLiteral("--fit"), path});
    CHECK(r.exitCode == 0);
    CHECK(r.out == json);
}

TEST_CASE("Fit: --fit with a logistic family reports the midpoint by its file name", "[app][fit]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const Curve truth{CurveFamily::Logistic, 0.8, 0.2, 30};
    const QString path = writeFile(dir, "s.csv", "x;y\n" + csvOf(truth, ';'));
    const QJsonObject o
        = fitted({QStringLiteral("--fit"), path, QStringLiteral("--family"), QStringLiteral("logistic")});
    CHECK(o.keys() == QStringList{"a", "aicc", "b", "family", "midpoint", "points", "r2", "stderr"});
    CHECK(o.value("midpoint").toDouble() == Approx(30).epsilon(1e-6));
    CHECK(o.value("stderr").toObject().keys() == QStringList{"a", "b", "midpoint"});
}

TEST_CASE("Fit: --fit refuses bad data with exit 2 and one line naming the line", "[app][fit][usage]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString missing = writeFile(dir, "missing.csv", "effort,accuracy\n1,0.1\n2\n");
    checkRefused(
        {QStringLiteral("--fit"), missing},
        QStringLiteral("effort-frontier: %1: line 3: expected 2 columns (effort and accuracy), found 1").arg(missing));
    const QString word = writeFile(dir, "word.csv", "1,0.1\n2,0.2\n3,high\n");
    checkRefused({QStringLiteral("--fit"), word},
                 QStringLiteral("effort-frontier: %1: line 3: the accuracy \"high\" is not a number").arg(word));
    const QString negative = writeFile(dir, "negative.csv", "1,0.1\n-2,0.2\n");
    checkRefused({QStringLiteral("--fit"), negative},
                 QStringLiteral("effort-frontier: %1: line 2: the effort \"-2\" is negative").arg(negative));
    const QString few = writeFile(dir, "few.csv", "1,0.1\n2,0.2\n");
    checkRefused({QStringLiteral("--fit"), few, QStringLiteral("--family"), QStringLiteral("learning")},
                 QStringLiteral("effort-frontier: %1: 2 observations; the learning family has 3 parameters and "
                                "needs at least 3 points")
                     .arg(few));
    const QString big = writeFile(dir, "big.csv", QByteArray(1024 * 1024 + 1, '1'));
    checkRefused(
        {QStringLiteral("--fit"), big},
        QStringLiteral("effort-frontier: %1: the file has 1048577 bytes, more than the limit of 1 MiB").arg(big));
    checkRefused({QStringLiteral("--fit"), few, QStringLiteral("--family"), QStringLiteral("cubic")},
                 QStringLiteral("effort-frontier: --family: \"cubic\" is not one of auto, log, log1p, exp, power, "
                                "logistic, learning"));
    checkRefused({QStringLiteral("--fit"), few, QStringLiteral("--allocate")},
                 QStringLiteral("effort-frontier: give --fit on its own, not with --allocate or --export"));
    checkRefused({QStringLiteral("--allocate"), QStringLiteral("--family"), QStringLiteral("exp")},
                 QStringLiteral("effort-frontier: --family goes with --fit DATA.csv"));
}
