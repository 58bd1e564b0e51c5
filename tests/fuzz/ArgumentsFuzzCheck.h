// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

// One fuzz input through the command line's own parsers, with the invariants that must hold for any
// bytes. Shared by the libFuzzer targets and the regression test that replays their corpora.
//
// checkArguments: the input, split at NUL bytes, is an argument list (after the program name). Parsing
// either succeeds or throws one UsageError whose printed line is one line with nothing unsafe in it;
// every value parser (--size, --scale, --total, --method, --family, --samples, --seed and the export pixel
// bound) either gives a
// value inside its documented range that round-trips through its own text, or such an error; every
// argument shown as a file name is one safe line, and exactly the text when it is ordinary UTF-8.
//
// checkOptionValue: the first byte picks a value parser (size, scale, total, method, size with scale,
// --family, --samples, --seed, and against the startup preset --budget-to-reach's stage and --project's
// name), the rest is its text (UTF-8); the same invariants, without the option parser around them.

#include "Allocator.h"
#include "Arguments.h"
#include "ExportLimits.h"
#include "MonteCarlo.h"
#include "Presets.h"
#include "SafeText.h"
#include "ScenarioFile.h"

#include <QStringDecoder>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace ef::fuzz {

[[noreturn]] inline void argumentViolated(const char *what)
{
    std::fprintf(stderr, "fuzz invariant violated: %s\n", what);
    std::abort();
}

inline void checkUsageMessage(const UsageError &error)
{
    const QString line = usageLine(error.message);
    if (error.message.isEmpty())
        argumentViolated("a usage error must say something");
    if (line.contains(QLatin1Char('\n')) || line.contains(QLatin1Char('\r')) || hasUnsafeText(line))
        argumentViolated("a usage error must be one line without control characters, separators or bidi controls");
}

/// Runs `parse` on `text`; a value must round-trip, an error must be one safe line.
template<typename Parse, typename Check> void checkValue(Parse parse, const QString &text, Check check)
{
    try {
        check(parse(text));
    } catch (const UsageError &error) {
        checkUsageMessage(error);
    }
}

inline void checkSize(const QString &text)
{
    checkValue(parseSize, text, [](const QSize &size) {
        if (size.width() < exportLimits::kMinSide || size.height() < exportLimits::kMinSide
            || size.width() > exportLimits::kMaxSide || size.height() > exportLimits::kMaxSide)
            argumentViolated("--size must stay within its sides");
        if (parseSize(QStringLiteral("%1x%2").arg(size.width()).arg(size.height())) != size)
            argumentViolated("--size must round-trip");
    });
}

inline void checkScale(const QString &text)
{
    checkValue(parseScale, text, [](double scale) {
        if (!std::isfinite(scale) || scale < exportLimits::kMinScale || scale > exportLimits::kMaxScale)
            argumentViolated("--scale must stay within 1…4");
        if (parseScale(QString::number(scale, 'g', 17)) != scale)
            argumentViolated("--scale must round-trip");
    });
}

inline void checkTotal(const QString &text)
{
    checkValue(parseTotal, text, [](Effort total) {
        if (total < 0 || total > limits::kMaxTotalEffort)
            argumentViolated("--total must stay within 0…limit");
        if (parseTotal(QString::number(total)) != total)
            argumentViolated("--total must round-trip");
    });
}

inline void checkMethod(const QString &text)
{
    checkValue(parseMethod, text, [](Method method) {
        if (parseMethod(QString::fromStdString(std::string(methodName(method)))) != method)
            argumentViolated("--method must round-trip");
    });
}

inline void checkFamily(const QString &text)
{
    checkValue(parseFamily, text, [](std::optional<CurveFamily> family) {
        const QString name = family ? QString::fromStdString(std::string(familyName(*family))) : QStringLiteral("auto");
        if (parseFamily(name) != family)
            argumentViolated("--family must round-trip");
    });
}

inline void checkSamples(const QString &text)
{
    checkValue(parseSamples, text, [](int samples) {
        if (samples < 1 || samples > kMaxSamples)
            argumentViolated("--samples must stay within 1…kMaxSamples");
        if (parseSamples(QString::number(samples)) != samples)
            argumentViolated("--samples must round-trip");
    });
}

inline void checkSeed(const QString &text)
{
    checkValue(parseSeed, text, [](std::uint64_t seed) {
        if (parseSeed(QString::number(seed)) != seed)
            argumentViolated("--seed must round-trip");
    });
}

inline void checkSizeAndScale(const QString &sizeText, const QString &scaleText)
{
    try {
        const QSize size = parseSize(sizeText);
        const double scale = parseScale(scaleText);
        checkExportSize(size, scale);
        const double pixels = size.width() * scale * size.height() * scale;
        if (!(pixels <= exportLimits::kMaxPixels))
            argumentViolated("an accepted export must stay within the pixel bound");
    } catch (const UsageError &error) {
        checkUsageMessage(error);
    }
}

/// A file name as the system gives it: shown as one safe line, unchanged when it is ordinary text.
inline void checkFileName(const QByteArray &native)
{
    const QString shown = displayFileName(native);
    if (hasUnsafeText(shown) || shown.contains(QLatin1Char('\n')))
        argumentViolated("a file name must be shown as one safe line");
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder(native);
    if (!decoder.hasError() && !hasUnsafeText(decoded) && shown != decoded)
        argumentViolated("an ordinary UTF-8 file name must be shown as it is");
    if (!native.isEmpty() && shown.isEmpty())
        argumentViolated("a file name must never be shown as nothing");
}

inline void checkArguments(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QStringList arguments{QStringLiteral("effort-frontier")};
    const QList<QByteArray> pieces = bytes.split('\0');
    if (pieces.size() > 64)
        return; // the parsers are linear; long lists only slow the fuzzer down
    for (const QByteArray &piece : pieces) {
        arguments << QString::fromUtf8(piece);
        checkFileName(piece);
    }
    QCommandLineParser parser;
    const Options options;
    configureParser(parser, options);
    try {
        parseArguments(parser, arguments);
    } catch (const UsageError &error) {
        checkUsageMessage(error);
        return;
    }
    if (parser.isSet(options.size))
        checkSize(parser.value(options.size));
    if (parser.isSet(options.scale))
        checkScale(parser.value(options.scale));
    if (parser.isSet(options.total))
        checkTotal(parser.value(options.total));
    checkMethod(parser.value(options.method));
    checkFamily(parser.value(options.family));
    if (parser.isSet(options.samples))
        checkSamples(parser.value(options.samples));
    if (parser.isSet(options.seed))
        checkSeed(parser.value(options.seed));
    checkSizeAndScale(parser.value(options.size), parser.value(options.scale));
    for (const QString &file : parser.positionalArguments())
        if (hasUnsafeText(ScenarioError{file, {}, QStringLiteral("x")}.message()))
            argumentViolated("a file name in a scenario message must be escaped");
}

/// --budget-to-reach STAGE and --project NAME against the startup preset: an index in range that names
/// (or numbers) what was asked for, or one safe line.
inline void checkStageAndProject(const QString &text, bool stage)
{
    static const Scenario scenario = *loadPreset(QStringLiteral("startup")).scenario;
    const auto parse = [&](const QString &t) { return stage ? parseStage(t, scenario) : parseProject(t, scenario); };
    checkValue(parse, text, [&](std::size_t index) {
        const std::size_t count = stage ? scenario.stages.size() : scenario.projects.size();
        if (index >= count)
            argumentViolated("--budget-to-reach/--project must give an index in range");
        const std::string &name = stage ? scenario.stages[index].name : scenario.projects[index].name;
        if (text.toStdString() != name && text.toLongLong() != static_cast<qlonglong>(index + 1))
            argumentViolated("--budget-to-reach/--project must pick the named or numbered entry");
    });
}

inline void checkOptionValue(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));
    switch (data[0] % 10) {
    case 0:
        checkSize(text);
        break;
    case 1:
        checkScale(text);
        break;
    case 2:
        checkTotal(text);
        break;
    case 3:
        checkMethod(text);
        break;
    case 5:
        checkFamily(text);
        break;
    case 6:
        checkSamples(text);
        break;
    case 7:
        checkSeed(text);
        break;
    case 8:
        checkStageAndProject(text, true);
        break;
    case 9:
        checkStageAndProject(text, false);
        break;
    default: {
        const qsizetype split = text.indexOf(QLatin1Char(' '));
        checkSizeAndScale(text.left(split), split < 0 ? QString() : text.mid(split + 1));
        break;
    }
    }
}

} // namespace ef::fuzz
