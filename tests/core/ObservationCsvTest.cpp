// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// The --fit data file: two columns with an optional header, three separators, CRLF; every refusal
// names its line.
#include "ObservationCsv.h"
#include "ScenarioFile.h"

#include <catch2/catch.hpp>

#include <QTemporaryDir>

#include <sys/stat.h>

using namespace ef;

namespace {
std::vector<Observation> parsed(const char *text)
{
    const ObservationCsvResult result = parseObservationCsv(QByteArray(text));
    INFO(result.error.toStdString());
    REQUIRE(result.ok());
    return result.observations;
}

std::string errorOf(const QByteArray &text)
{
    const ObservationCsvResult result = parseObservationCsv(text);
    CHECK_FALSE(result.ok());
    CHECK(result.observations.empty());
    return result.error.toStdString();
}
} // namespace

TEST_CASE("observations CSV: header or not, comma, semicolon or tab, CRLF", "[csv]")
{
    const std::vector<Observation> expected = {{1, 0.25}, {2.5, 0.5}, {10, -0.125}};
    CHECK(parsed("1,0.25\n2.5,0.5\n10,-0.125\n") == expected);
    CHECK(parsed("effort,accuracy\n1,0.25\n2.5,0.5\n10,-0.125") == expected);
    CHECK(parsed("effort;accuracy\r\n1;0.25\r\n2.5;0.5\r\n10;-0.125\r\n") == expected);
    CHECK(parsed("effort\taccuracy\n1\t0.25\n\n2.5\t0.5\n10\t-0.125\n\n") == expected);
    CHECK(parsed("\xEF\xBB\xBF 1 , 0.25\n2.5, 0.5\n1e1,-1.25e-1\n") == expected);
}

TEST_CASE("observations CSV: every refusal names its line", "[csv]")
{
    CHECK(errorOf("effort,accuracy\n1,0.2\n2\n") == "line 3: expected 2 columns (effort and accuracy), found 1");
    CHECK(errorOf("1,0.2,7\n") == "line 1: expected 2 columns (effort and accuracy), found 3");
    CHECK(errorOf("1,0.2\n2,abc\n") == "line 2: the accuracy \"abc\" is not a number");
    CHECK(errorOf("1,0.2\n2,\n") == "line 2: the accuracy is missing");
    CHECK(errorOf("1,0.2\r\nnan,0.3\r\n") == "line 2: the effort \"nan\" is not a finite number");
    CHECK(errorOf("1,0.2\n2,inf\n") == "line 2: the accuracy \"inf\" is not a finite number");
    CHECK(errorOf("h1,h2\n1,0.2\n-3,0.3\n") == "line 3: the effort \"-3\" is negative");
    CHECK(errorOf("1,abc\n") == "line 1: the accuracy \"abc\" is not a number"); // not taken for a header
    CHECK(errorOf("effort,accuracy\n") == "no data points (expected lines of effort,accuracy)");
    CHECK(errorOf("") == "no data points (expected lines of effort,accuracy)");
    QByteArray many;
    for (int i = 0; i <= limits::kMaxObservations; ++i)
        many += QByteArray::number(i) + ",0.5\n";
    CHECK(errorOf(many) == "line 10001: more than 10000 data points; that is the limit");
    CHECK(errorOf(QByteArray(kMaxObservationFileBytes + 1, '1')) == "the file is larger than the limit of 1 MiB");
}

TEST_CASE("observations file: read from disk, directories and FIFOs refused", "[csv][file]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("data.csv"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("effort,accuracy\n1,0.1\n2,x\n");
    file.close();
    ObservationCsvResult result = loadObservationCsv(QFile::encodeName(path));
    CHECK(result.error == path + QStringLiteral(": line 3: the accuracy \"x\" is not a number"));
    result = loadObservationCsv(QFile::encodeName(dir.path()));
    CHECK(result.error == dir.path() + QStringLiteral(": is a directory, not a data file"));
    const QByteArray fifo = QFile::encodeName(dir.filePath(QStringLiteral("fifo")));
    REQUIRE(::mkfifo(fifo.constData(), 0600) == 0);
    result = loadObservationCsv(fifo); // must not block
    CHECK(result.error.endsWith(QStringLiteral(": is not a regular file")));
    result = loadObservationCsv(QFile::encodeName(dir.filePath(QStringLiteral("missing.csv"))));
    CHECK(result.error.endsWith(QStringLiteral("missing.csv: no such file")));
}
