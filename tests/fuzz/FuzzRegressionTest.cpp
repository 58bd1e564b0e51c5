// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// Replays the fuzz corpus and every input that once crashed (tests/fuzz/regressions) through the
// fuzz invariants, in the normal test suite: the fuzzer's findings stay fixed.
#include "ScenarioFuzzCheck.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>

namespace {

int replay(const QString &directory)
{
    int replayed = 0;
    const QDir dir(directory);
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        REQUIRE(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        INFO(name.toStdString());
        ef::fuzz::checkScenarioBytes(reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                                     static_cast<std::size_t>(bytes.size()));
        ++replayed;
    }
    return replayed;
}

} // namespace

TEST_CASE("the fuzz corpus passes every invariant", "[fuzz]")
{
    CHECK(replay(QStringLiteral(EF_FUZZ_DIR "/corpus")) >= 3);
}

TEST_CASE("inputs that once broke an invariant stay fixed", "[fuzz]")
{
    replay(QStringLiteral(EF_FUZZ_DIR "/regressions"));
}
