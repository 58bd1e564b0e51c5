// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "ScenarioFile.h"

#include "JsonWriter.h"
#include "SafeText.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QSet>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <initializer_list>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ef {

namespace {

QString number(double value)
{
    return QString::number(value, 'g', 12);
}

QString plural(qint64 count, const char *what)
{
    return QStringLiteral("%1 %2%3").arg(count).arg(QLatin1String(what)).arg(count == 1 ? "" : "s");
}

/// Length in characters (Unicode code points), not UTF-16 code units.
qsizetype characterCount(const QString &text)
{
    qsizetype count = 0;
    for (const QChar c : text)
        count += c.isLowSurrogate() ? 0 : 1;
    return count;
}

/// A name that passes validation made from arbitrary text (a file name): control characters dropped,
/// cut to the name limit.
QString usableName(const QString &text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            out += c;
            out += text[++i];
        } else if (!c.isSurrogate() && !isUnsafeCodePoint(c.unicode())) {
            out += c;
        }
    }
    while (characterCount(out) > limits::kMaxNameLength)
        out.chop(out.back().isLowSurrogate() ? 2 : 1);
    return out;
}

/// Text from the file, quoted for a one-line message: control characters, line separators, bidi
/// controls and lone surrogates escaped, long text cut.
QString quoted(const QString &text)
{
    constexpr int kShown = 60;
    QString shown = text.left(kShown);
    if (!shown.isEmpty() && shown.back().isHighSurrogate() && text.size() > kShown && text[kShown].isLowSurrogate())
        shown.chop(1); // never cut a character in half
    QString out;
    for (const QChar c : shown) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    return QLatin1Char('"') + escapedForMessage(out) + (text.size() > kShown ? QStringLiteral("…") : QString())
        + QLatin1Char('"');
}

/// 1-based line and column of a byte offset, for JSON syntax errors.
QString lineAndColumn(const QByteArray &json, int offset)
{
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < json.size(); ++i) {
        if (json[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(json[i]) & 0xC0) != 0x80) { // count characters, not bytes
            ++column;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

qsizetype firstToken(const QByteArray &json);

bool isNumberCharacter(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

bool isLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/**
 * Where a JSON syntax error is, as a byte offset: the start of the token Qt stopped at. Qt 6.4 reports
 * the offset just past the token for most errors (it has already read it), and the end of a number
 * for a number it cannot read; a message should point at the token itself.
 */
int errorOffset(const QByteArray &json, const QJsonParseError &error)
{
    int offset = error.offset;
    if (offset <= 0 || offset > json.size())
        return std::max(offset, 0);
    const auto at = [&](int i) { return json[i]; };
    switch (error.error) {
    case QJsonParseError::IllegalNumber:
        while (offset > 0 && isNumberCharacter(at(offset - 1)))
            --offset;
        return offset;
    case QJsonParseError::IllegalValue:
        if (offset - 1 == firstToken(json))
            return offset - 1; // garbage where the document should start
        // "tru", "nul", "NaN", "Infinity": back to the start of the word
        while (offset > 0 && isLetter(at(offset - 1)))
            --offset;
        return offset;
    case QJsonParseError::MissingObject: // always one token too far: a "}" or the end after a comma
        return std::isspace(static_cast<unsigned char>(at(offset - 1))) ? offset : offset - 1;
    case QJsonParseError::UnterminatedObject:
    case QJsonParseError::UnterminatedArray:
    case QJsonParseError::MissingNameSeparator:
    case QJsonParseError::MissingValueSeparator:
        // At the end of the input the offset is where more was expected: keep it.
        if (offset < json.size() && !std::isspace(static_cast<unsigned char>(at(offset - 1))))
            return offset - 1;
        return offset;
    default:
        return offset;
    }
}

/// The name of the encoding of a file that is UTF-16 or UTF-32 text (by its byte order mark or its
/// pattern of zero bytes), or an empty string.
QString wideEncoding(const QByteArray &bytes)
{
    const auto b = [&](qsizetype i) { return i < bytes.size() ? static_cast<unsigned char>(bytes[i]) : -1; };
    if (b(0) == 0xFF && b(1) == 0xFE && b(2) == 0 && b(3) == 0)
        return QStringLiteral("UTF-32 (little-endian)");
    if (b(0) == 0 && b(1) == 0 && b(2) == 0xFE && b(3) == 0xFF)
        return QStringLiteral("UTF-32 (big-endian)");
    if (b(0) == 0xFF && b(1) == 0xFE)
        return QStringLiteral("UTF-16 (little-endian)");
    if (b(0) == 0xFE && b(1) == 0xFF)
        return QStringLiteral("UTF-16 (big-endian)");
    if (bytes.size() < 4)
        return {};
    if (b(0) != 0 && b(1) == 0 && b(2) == 0 && b(3) == 0)
        return QStringLiteral("UTF-32 (little-endian)");
    if (b(0) == 0 && b(1) == 0 && b(2) == 0 && b(3) != 0)
        return QStringLiteral("UTF-32 (big-endian)");
    if (b(0) != 0 && b(1) == 0 && b(2) != 0 && b(3) == 0)
        return QStringLiteral("UTF-16 (little-endian)");
    if (b(0) == 0 && b(1) != 0 && b(2) == 0 && b(3) != 0)
        return QStringLiteral("UTF-16 (big-endian)");
    return {};
}

/// Offset of the document's first byte that is not whitespace (after a UTF-8 byte order mark), or -1.
qsizetype firstToken(const QByteArray &json)
{
    const qsizetype start = json.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    for (qsizetype i = start; i < json.size(); ++i)
        if (!std::isspace(static_cast<unsigned char>(json[i])))
            return i;
    return -1;
}

/// What a document that starts with a JSON scalar holds ("a number"), or an empty string.
QString scalarKind(const QByteArray &json)
{
    const qsizetype first = firstToken(json);
    if (first < 0)
        return {};
    const char c = json[first];
    if (c == '"')
        return QStringLiteral("a string");
    if (c == '-' || (c >= '0' && c <= '9'))
        return QStringLiteral("a number");
    if (json.mid(first, 4) == "null")
        return QStringLiteral("null");
    if (json.mid(first, 4) == "true" || json.mid(first, 5) == "false")
        return QStringLiteral("true or false");
    return {};
}

/**
 * The first object key that appears twice in the same object, with its path, in a document Qt has
 * already accepted as valid JSON. QJsonDocument silently keeps the last duplicate, so a file could show
 * a reader one "weight" and give the app another. Keys with escapes are decoded before comparing.
 */
std::optional<std::pair<QString, QString>> findDuplicateKey(const QByteArray &json)
{
    struct Frame {
        bool object = false;
        qsizetype index = 0;   // arrays: the current element
        QByteArray key;        // objects: the current key
        bool expectKey = true; // objects: the next string is a key
        QSet<QByteArray> keys; // hashed: a hostile object may hold a million keys
    };
    std::vector<Frame> stack;
    const auto pathOf = [&](std::size_t depth) {
        QString path;
        for (std::size_t i = 0; i < depth; ++i) {
            const Frame &f = stack[i];
            if (f.object)
                path += (path.isEmpty() ? QString() : QStringLiteral(".")) + QString::fromUtf8(f.key);
            else
                path += QStringLiteral("[%1]").arg(f.index);
        }
        return path;
    };
    const qsizetype n = json.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = json[i];
        if (c == '{' || c == '[') {
            Frame frame;
            frame.object = c == '{';
            stack.push_back(std::move(frame));
        } else if (c == '}' || c == ']') {
            if (!stack.empty())
                stack.pop_back();
        } else if (c == ',') {
            if (!stack.empty()) {
                Frame &top = stack.back();
                top.object ? void(top.expectKey = true) : void(++top.index);
            }
        } else if (c == '"') {
            const qsizetype start = i + 1;
            for (++i; i < n && json[i] != '"'; ++i)
                if (json[i] == '\\')
                    ++i;
            if (stack.empty() || !stack.back().object || !stack.back().expectKey)
                continue;
            Frame &top = stack.back();
            top.key = json.mid(start, i - start);
            if (top.key.contains('\\')) // "totalEff\u006frt" is "totalEffort"
                top.key = QJsonDocument::fromJson('[' + json.mid(start - 1, i - start + 2) + ']')
                              .array()
                              .at(0)
                              .toString()
                              .toUtf8();
            top.expectKey = false;
            if (top.keys.contains(top.key))
                return std::pair{pathOf(stack.size() - 1),
                                 QStringLiteral("duplicate key %1").arg(quoted(QString::fromUtf8(top.key)))};
            top.keys.insert(top.key);
        }
    }
    return std::nullopt;
}

/// Walks the JSON tree, converting and type-checking fields; remembers the first problem with its path.
class Reader
{
public:
    explicit Reader(QString source) { m_error.source = std::move(source); }

    [[nodiscard]] bool failed() const { return !m_error.reason.isEmpty(); }
    [[nodiscard]] const ScenarioError &error() const { return m_error; }

    bool fail(const QString &location, const QString &reason)
    {
        if (!failed()) {
            m_error.location = location;
            m_error.reason = reason;
        }
        return false;
    }

    bool onlyKeys(const QJsonObject &object, const QString &path, std::initializer_list<const char *> allowed)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            bool known = false;
            for (const char *key : allowed)
                known = known || it.key() == QLatin1String(key);
            if (!known)
                return fail(path, QStringLiteral("unknown key %1").arg(quoted(it.key())));
        }
        return true;
    }

    bool object(const QJsonValue &value, const QString &path, QJsonObject &out)
    {
        if (!value.isObject())
            return fail(path, QStringLiteral("must be an object"));
        out = value.toObject();
        return true;
    }

    bool real(const QJsonObject &object, const QString &key, const QString &path, double &out, bool required)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return required ? fail(path, QStringLiteral("missing")) : true;
        if (!value.isDouble())
            return fail(path, QStringLiteral("must be a number"));
        out = value.toDouble();
        if (!std::isfinite(out))
            return fail(path, QStringLiteral("must be a finite number"));
        return true;
    }

    bool whole(const QJsonObject &object, const QString &key, const QString &path, Effort &out, bool required,
               Effort maximum)
    {
        double value = 0;
        if (!real(object, key, path, value, required))
            return false;
        if (!object.contains(key))
            return true;
        if (value != std::floor(value))
            return fail(path, QStringLiteral("must be a whole number of units"));
        if (value < 0)
            return fail(path, QStringLiteral("must be ≥ 0"));
        if (value > static_cast<double>(maximum))
            return fail(path, QStringLiteral("must be at most %1").arg(maximum));
        out = static_cast<Effort>(value);
        return true;
    }

    bool text(const QJsonObject &object, const QString &key, const QString &path, std::string &out, bool required)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return required ? fail(path, QStringLiteral("missing")) : true;
        if (!value.isString())
            return fail(path, QStringLiteral("must be a string"));
        const QString s = value.toString();
        for (qsizetype i = 0; i < s.size(); ++i) {
            const bool paired = s[i].isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate();
            if (paired)
                ++i;
            else if (s[i].isSurrogate()) // "\ud800" alone: not a character, and UTF-8 cannot hold it
                return fail(path,
                            QStringLiteral("contains a lone surrogate (%1), which is not a character")
                                .arg(escapedForMessage(s.mid(i, 1))));
        }
        if (characterCount(s) > limits::kMaxNameLength)
            return fail(path,
                        QStringLiteral("is %1 characters long; the limit is %2")
                            .arg(characterCount(s))
                            .arg(limits::kMaxNameLength));
        out = s.toStdString();
        return true;
    }

private:
    ScenarioError m_error;
};

/// Control characters (C0, DEL, C1 such as NEL), line separators and bidi controls: see SafeText.h.
bool hasControlCharacters(const std::string &s)
{
    return hasUnsafeText(QString::fromStdString(s));
}

bool isHexColor(const std::string &s)
{
    if (s.size() != 7 || s[0] != '#')
        return false;
    for (std::size_t i = 1; i < s.size(); ++i)
        if (!std::isxdigit(static_cast<unsigned char>(s[i])))
            return false;
    return true;
}

bool readCurve(Reader &r, const QJsonValue &value, const QString &path, Curve &curve)
{
    QJsonObject o;
    if (!r.object(value, path, o) || !r.onlyKeys(o, path, {"family", "a", "b", "midpoint", "scale"}))
        return false;
    std::string family;
    if (!r.text(o, QStringLiteral("family"), path + ".family", family, true))
        return false;
    const auto parsed = familyFromName(family);
    if (!parsed)
        return r.fail(path + ".family",
                      QStringLiteral("unknown family %1 (expected log, log1p, exp, power, logistic or learning)")
                          .arg(quoted(QString::fromStdString(family))));
    curve.family = *parsed;
    if (!r.real(o, QStringLiteral("a"), path + ".a", curve.a, true)
        || !r.real(o, QStringLiteral("b"), path + ".b", curve.b, true))
        return false;
    const bool logistic = curve.family == CurveFamily::Logistic;
    if (!logistic && o.contains(QStringLiteral("midpoint")))
        return r.fail(path + ".midpoint", QStringLiteral("only logistic curves have a midpoint"));
    if (!r.real(o, QStringLiteral("midpoint"), path + ".midpoint", curve.midpoint, logistic))
        return false;
    const bool learning = curve.family == CurveFamily::Learning;
    if (!learning && o.contains(QStringLiteral("scale")))
        return r.fail(path + ".scale", QStringLiteral("only learning curves have a scale"));
    return r.real(o, QStringLiteral("scale"), path + ".scale", curve.scale, learning);
}

/// "observations": [[effort, accuracy], ...]; the ranges are checked by firstStateProblem.
bool readObservations(Reader &r, const QJsonValue &value, const QString &path, std::vector<Observation> &out)
{
    if (!value.isArray())
        return r.fail(path, QStringLiteral("must be an array of [effort, accuracy] pairs"));
    const QJsonArray array = value.toArray();
    if (array.size() > limits::kMaxObservations)
        return r.fail(path,
                      QStringLiteral("has %1; the limit is %2")
                          .arg(plural(array.size(), "observation"))
                          .arg(limits::kMaxObservations));
    out.assign(static_cast<std::size_t>(array.size()), Observation{});
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = path + QStringLiteral("[%1]").arg(i);
        const QJsonArray pair = array[i].toArray();
        if (!array[i].isArray() || pair.size() != 2)
            return r.fail(at, QStringLiteral("must be a pair [effort, accuracy]"));
        for (qsizetype j = 0; j < 2; ++j)
            if (!pair[j].isDouble() || !std::isfinite(pair[j].toDouble()))
                return r.fail(at + QStringLiteral("[%1]").arg(j), QStringLiteral("must be a finite number"));
        out[static_cast<std::size_t>(i)] = Observation{pair[0].toDouble(), pair[1].toDouble()};
    }
    return true;
}

/// One range of an "uncertainty" block: [low, high], two finite numbers with low ≤ high.
bool readRange(Reader &r, const QJsonObject &o, const char *key, const QString &path,
               std::optional<ParameterRange> &range)
{
    const QJsonValue value = o.value(QLatin1String(key));
    if (value.isUndefined())
        return true;
    const QString at = path + QLatin1Char('.') + QLatin1String(key);
    const QJsonArray pair = value.toArray();
    if (!value.isArray() || pair.size() != 2 || !pair[0].isDouble() || !pair[1].isDouble())
        return r.fail(at, QStringLiteral("must be [low, high], two numbers"));
    const double low = pair[0].toDouble();
    const double high = pair[1].toDouble();
    if (!std::isfinite(low) || !std::isfinite(high))
        return r.fail(at, QStringLiteral("must be [low, high], two finite numbers"));
    if (low > high)
        return r.fail(at, QStringLiteral("low (%1) is above high (%2)").arg(number(low), number(high)));
    range = ParameterRange{low, high};
    return true;
}

/// A project's "uncertainty": {"a": [low, high], "b": [...], "midpoint": [...], "weight": [...]}.
bool readUncertainty(Reader &r, const QJsonValue &value, const QString &path, Uncertainty &uncertainty)
{
    QJsonObject o;
    return r.object(value, path, o) && r.onlyKeys(o, path, {"a", "b", "midpoint", "weight"})
        && readRange(r, o, "a", path, uncertainty.a) && readRange(r, o, "b", path, uncertainty.b)
        && readRange(r, o, "midpoint", path, uncertainty.midpoint)
        && readRange(r, o, "weight", path, uncertainty.weight);
}

bool readProject(Reader &r, const QJsonValue &value, const QString &path, Project &project)
{
    QJsonObject o;
    if (!r.object(value, path, o)
        || !r.onlyKeys(
            o, path,
            {"name", "weight", "curve", "minEffort", "maxEffort", "color", "observations", "uncertainty", "planned"}))
        return false;
    if (!r.text(o, QStringLiteral("name"), path + ".name", project.name, true)
        || !r.real(o, QStringLiteral("weight"), path + ".weight", project.weight, false)
        || !r.text(o, QStringLiteral("color"), path + ".color", project.color, false))
        return false;
    if (!o.contains(QStringLiteral("curve")))
        return r.fail(path + ".curve", QStringLiteral("missing"));
    if (!readCurve(r, o.value(QStringLiteral("curve")), path + ".curve", project.curve))
        return false;
    if (!r.whole(o, QStringLiteral("minEffort"), path + ".minEffort", project.minEffort, false,
                 limits::kMaxTotalEffort))
        return false;
    if (o.contains(QStringLiteral("maxEffort"))) {
        Effort cap = 0;
        if (!r.whole(o, QStringLiteral("maxEffort"), path + ".maxEffort", cap, true, limits::kMaxTotalEffort))
            return false;
        project.maxEffort = cap;
    }
    if (o.contains(QStringLiteral("observations"))
        && !readObservations(r, o.value(QStringLiteral("observations")), path + ".observations", project.observations))
        return false;
    if (o.contains(QStringLiteral("uncertainty"))
        && !readUncertainty(r, o.value(QStringLiteral("uncertainty")), path + ".uncertainty", project.uncertainty))
        return false;
    if (o.contains(QStringLiteral("planned"))) {
        Effort planned = 0;
        if (!r.whole(o, QStringLiteral("planned"), path + ".planned", planned, true, limits::kMaxTotalEffort))
            return false;
        project.planned = planned;
    }
    return true;
}

bool readStage(Reader &r, const QJsonValue &value, const QString &path, Stage &stage)
{
    QJsonObject o;
    return r.object(value, path, o) && r.onlyKeys(o, path, {"name", "from"})
        && r.text(o, QStringLiteral("name"), path + ".name", stage.name, true)
        && r.whole(o, QStringLiteral("from"), path + ".from", stage.from, true, limits::kMaxTotalEffort);
}

/// The state every scenario and snapshot has: its total, stages and projects. `at` prefixes paths
/// in messages ("" or "snapshots[2].").
bool readState(Reader &r, const QJsonObject &o, const QString &at, Effort &totalEffort, std::vector<Stage> &stages,
               std::vector<Project> &projects)
{
    if (!r.whole(o, QStringLiteral("totalEffort"), at + QStringLiteral("totalEffort"), totalEffort, true,
                 limits::kMaxTotalEffort))
        return false;

    if (o.contains(QStringLiteral("stages"))) {
        const QJsonValue stagesValue = o.value(QStringLiteral("stages"));
        if (!stagesValue.isArray())
            return r.fail(at + QStringLiteral("stages"), QStringLiteral("must be an array"));
        const QJsonArray array = stagesValue.toArray();
        if (array.size() > limits::kMaxStages)
            return r.fail(
                at + QStringLiteral("stages"),
                QStringLiteral("has %1; the limit is %2").arg(plural(array.size(), "stage")).arg(limits::kMaxStages));
        stages.assign(static_cast<std::size_t>(array.size()), Stage{});
        for (qsizetype i = 0; i < array.size(); ++i)
            if (!readStage(r, array[i], at + QStringLiteral("stages[%1]").arg(i), stages[static_cast<std::size_t>(i)]))
                return false;
    }

    const QJsonValue projectsValue = o.value(QStringLiteral("projects"));
    if (projectsValue.isUndefined())
        return r.fail(at + QStringLiteral("projects"), QStringLiteral("missing"));
    if (!projectsValue.isArray())
        return r.fail(at + QStringLiteral("projects"), QStringLiteral("must be an array"));
    const QJsonArray array = projectsValue.toArray();
    if (array.size() > limits::kMaxProjects)
        return r.fail(
            at + QStringLiteral("projects"),
            QStringLiteral("has %1; the limit is %2").arg(plural(array.size(), "project")).arg(limits::kMaxProjects));
    projects.assign(static_cast<std::size_t>(array.size()), Project{});
    for (qsizetype i = 0; i < array.size(); ++i)
        if (!readProject(r, array[i], at + QStringLiteral("projects[%1]").arg(i),
                         projects[static_cast<std::size_t>(i)]))
            return false;
    return true;
}

bool readSnapshot(Reader &r, const QJsonValue &value, const QString &path, Snapshot &snapshot)
{
    QJsonObject o;
    if (!r.object(value, path, o) || !r.onlyKeys(o, path, {"name", "totalEffort", "stages", "projects", "efforts"})
        || !r.text(o, QStringLiteral("name"), path + ".name", snapshot.name, true))
        return false;
    snapshot.stages = defaultStages(); // like a scenario's
    if (!readState(r, o, path + QLatin1Char('.'), snapshot.totalEffort, snapshot.stages, snapshot.projects))
        return false;
    const QJsonValue efforts = o.value(QStringLiteral("efforts"));
    if (efforts.isUndefined())
        return r.fail(path + ".efforts", QStringLiteral("missing"));
    if (!efforts.isArray())
        return r.fail(path + ".efforts", QStringLiteral("must be an array"));
    const QJsonArray array = efforts.toArray();
    if (static_cast<std::size_t>(array.size()) != snapshot.projects.size())
        return r.fail(path + ".efforts",
                      QStringLiteral("has %1; the snapshot has %2")
                          .arg(plural(array.size(), "effort"))
                          .arg(plural(static_cast<qsizetype>(snapshot.projects.size()), "project")));
    snapshot.efforts.assign(static_cast<std::size_t>(array.size()), 0);
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue v = array[i];
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d != std::floor(d) || d < 0 || d > static_cast<double>(limits::kMaxTotalEffort))
            return r.fail(path + QStringLiteral(".efforts[%1]").arg(i),
                          QStringLiteral("must be a whole number from 0 to %1").arg(limits::kMaxTotalEffort));
        snapshot.efforts[static_cast<std::size_t>(i)] = static_cast<Effort>(d);
    }
    return true;
}

bool readScenario(Reader &r, const QJsonDocument &document, Scenario &scenario)
{
    if (!document.isObject())
        return r.fail({}, QStringLiteral("the document must be a JSON object"));
    const QJsonObject o = document.object();

    const QJsonValue version = o.value(QStringLiteral("version"));
    if (version.isUndefined())
        return r.fail(QStringLiteral("version"),
                      QStringLiteral("missing (this format is version %1)").arg(kFormatVersion));
    if (!version.isDouble() || version.toDouble() != std::floor(version.toDouble()) || version.toDouble() < 1)
        return r.fail(QStringLiteral("version"), QStringLiteral("must be a whole number ≥ 1"));
    if (version.toDouble() > kFormatVersion)
        return r.fail(QStringLiteral("version"),
                      QStringLiteral("%1 is newer than this Effort Frontier understands (up to %2); update the app")
                          .arg(number(version.toDouble()))
                          .arg(kFormatVersion));
    // After the version: a newer file's new keys should read as "update the app", not as typos.
    if (!r.onlyKeys(o, {}, {"version", "name", "totalEffort", "stages", "projects", "snapshots"}))
        return false;

    if (!r.text(o, QStringLiteral("name"), QStringLiteral("name"), scenario.name, false)
        || !readState(r, o, QString(), scenario.totalEffort, scenario.stages, scenario.projects))
        return false;
    if (o.contains(QStringLiteral("snapshots"))) {
        const QJsonValue snapshots = o.value(QStringLiteral("snapshots"));
        if (!snapshots.isArray())
            return r.fail(QStringLiteral("snapshots"), QStringLiteral("must be an array"));
        const QJsonArray array = snapshots.toArray();
        if (array.size() > limits::kMaxSnapshots)
            return r.fail(QStringLiteral("snapshots"),
                          QStringLiteral("has %1; the limit is %2")
                              .arg(plural(array.size(), "snapshot"))
                              .arg(limits::kMaxSnapshots));
        scenario.snapshots.assign(static_cast<std::size_t>(array.size()), Snapshot{});
        for (qsizetype i = 0; i < array.size(); ++i)
            if (!readSnapshot(r, array[i], QStringLiteral("snapshots[%1]").arg(i),
                              scenario.snapshots[static_cast<std::size_t>(i)]))
                return false;
    }
    return true;
}

std::optional<std::pair<QString, QString>> firstStateProblem(const Scenario &s);
/**
 * A project's ranges: each must hold the point value (low ≤ value ≤ high) and stay inside the
 * parameter's domain, so that every draw is a valid project; a midpoint range only on a logistic curve.
 */
std::optional<std::pair<QString, QString>> uncertaintyProblem(const Project &p, const QString &at)
{
    using Problem = std::pair<QString, QString>;
    const Uncertainty &u = p.uncertainty;
    struct Check {
        const char *key;
        const std::optional<ParameterRange> &range;
        double value;
        double minimum;
        bool minimumIncluded;
        double maximum;
    };
    const Check checks[] = {
        {"a", u.a, p.curve.a, 0, true, limits::kMaxA},
        {"b", u.b, p.curve.b, 0, false, limits::maxB(p.curve.family)},
        {"midpoint", u.midpoint, p.curve.midpoint, 0, true, limits::kMaxMidpoint},
        {"weight", u.weight, p.weight, 0, true, limits::kMaxWeight},
    };
    if (u.midpoint && p.curve.family != CurveFamily::Logistic)
        return Problem{at + ".midpoint", QStringLiteral("only logistic curves have a midpoint")};
    for (const Check &c : checks) {
        if (!c.range)
            continue;
        const QString where = at + QLatin1Char('.') + QLatin1String(c.key);
        const double low = c.range->low, high = c.range->high;
        if (!std::isfinite(low) || !std::isfinite(high) || low > high)
            return Problem{where, QStringLiteral("must be [low, high] with low ≤ high")};
        if (c.minimumIncluded ? low < c.minimum : low <= c.minimum)
            return Problem{where,
                           (c.minimumIncluded ? QStringLiteral("low must be ≥ %1") : QStringLiteral("low must be > %1"))
                               .arg(c.minimum)};
        if (high > c.maximum)
            return Problem{where, QStringLiteral("high must be at most %1").arg(number(c.maximum))};
        if (!(low <= c.value && c.value <= high))
            return Problem{
                where,
                QStringLiteral("[%1, %2] must contain the value %3").arg(number(low), number(high), number(c.value))};
    }
    return std::nullopt;
}

/// The range checks shared by files and in-memory scenarios, snapshots included.
std::optional<std::pair<QString, QString>> firstProblem(const Scenario &s)
{
    using Problem = std::pair<QString, QString>;
    if (auto problem = firstStateProblem(s))
        return problem;
    if (s.snapshots.size() > static_cast<std::size_t>(limits::kMaxSnapshots))
        return Problem{QStringLiteral("snapshots"),
                       QStringLiteral("the limit is %1 snapshots").arg(limits::kMaxSnapshots)};
    for (std::size_t i = 0; i < s.snapshots.size(); ++i) {
        const Snapshot &snapshot = s.snapshots[i];
        const QString at = QStringLiteral("snapshots[%1]").arg(i);
        if (auto problem = firstStateProblem(snapshot.toScenario()))
            return Problem{at + QLatin1Char('.') + problem->first, problem->second};
        if (snapshot.name.empty())
            return Problem{at + ".name", QStringLiteral("must not be empty")};
        for (std::size_t j = 0; j < i; ++j)
            if (s.snapshots[j].name == snapshot.name)
                return Problem{at + ".name",
                               QStringLiteral("%1 is the name of snapshots[%2] too; names must differ")
                                   .arg(quoted(QString::fromStdString(snapshot.name)))
                                   .arg(j)};
        if (snapshot.efforts.size() != snapshot.projects.size())
            return Problem{at + ".efforts", QStringLiteral("must list one effort per project")};
        Effort sum = 0;
        for (std::size_t k = 0; k < snapshot.efforts.size(); ++k) {
            const Effort e = snapshot.efforts[k];
            if (e < 0 || e > limits::kMaxTotalEffort)
                return Problem{at + QStringLiteral(".efforts[%1]").arg(k),
                               QStringLiteral("must be between 0 and %1").arg(limits::kMaxTotalEffort)};
            sum += e;
        }
        if (sum != snapshot.totalEffort)
            return Problem{
                at + ".efforts",
                QStringLiteral("add up to %1, not the snapshot's totalEffort (%2)").arg(sum).arg(snapshot.totalEffort)};
    }
    return std::nullopt;
}

/// The range checks of one state (a scenario or a snapshot's), without its snapshots.
std::optional<std::pair<QString, QString>> firstStateProblem(const Scenario &s)
{
    using Problem = std::pair<QString, QString>;
    const auto tooLong
        = [](const std::string &text) { return characterCount(QString::fromStdString(text)) > limits::kMaxNameLength; };
    if (tooLong(s.name) || hasControlCharacters(s.name))
        return Problem{QStringLiteral("name"),
                       tooLong(s.name) ? QStringLiteral("is too long")
                                       : QStringLiteral("must not contain control characters")};
    if (s.totalEffort < 0 || s.totalEffort > limits::kMaxTotalEffort)
        return Problem{QStringLiteral("totalEffort"),
                       QStringLiteral("must be between 0 and %1").arg(limits::kMaxTotalEffort)};

    if (s.stages.empty())
        return Problem{QStringLiteral("stages"), QStringLiteral("must list at least one stage")};
    if (s.stages.size() > static_cast<std::size_t>(limits::kMaxStages))
        return Problem{QStringLiteral("stages"), QStringLiteral("the limit is %1 stages").arg(limits::kMaxStages)};
    for (std::size_t i = 0; i < s.stages.size(); ++i) {
        const QString at = QStringLiteral("stages[%1]").arg(i);
        const Stage &stage = s.stages[i];
        if (stage.name.empty() || tooLong(stage.name) || hasControlCharacters(stage.name))
            return Problem{
                at + ".name",
                QStringLiteral("must be a non-empty name of at most %1 characters without control characters")
                    .arg(limits::kMaxNameLength)};
        for (std::size_t j = 0; j < i; ++j)
            if (s.stages[j].name == stage.name)
                return Problem{at + ".name",
                               QStringLiteral("repeats the name of stages[%1] (\"%2\"); stage names must be unique")
                                   .arg(j)
                                   .arg(QString::fromStdString(stage.name))};
        if (i == 0 && stage.from != 0)
            return Problem{at + ".from", QStringLiteral("the first stage must start at 0")};
        if (i > 0 && stage.from <= s.stages[i - 1].from)
            return Problem{at + ".from",
                           QStringLiteral("must be greater than the previous stage's (%1)").arg(s.stages[i - 1].from)};
        if (stage.from > limits::kMaxTotalEffort)
            return Problem{at + ".from", QStringLiteral("must be at most %1").arg(limits::kMaxTotalEffort)};
    }

    if (s.projects.empty())
        return Problem{QStringLiteral("projects"), QStringLiteral("must list at least one project")};
    if (s.projects.size() > static_cast<std::size_t>(limits::kMaxProjects))
        return Problem{QStringLiteral("projects"),
                       QStringLiteral("the limit is %1 projects").arg(limits::kMaxProjects)};
    Effort minSum = 0;
    Effort maxSum = 0;
    bool allCapped = true;
    for (std::size_t i = 0; i < s.projects.size(); ++i) {
        const QString at = QStringLiteral("projects[%1]").arg(i);
        const Project &p = s.projects[i];
        const Curve &c = p.curve;
        if (p.name.empty() || tooLong(p.name) || hasControlCharacters(p.name))
            return Problem{
                at + ".name",
                QStringLiteral("must be a non-empty name of at most %1 characters without control characters")
                    .arg(limits::kMaxNameLength)};
        if (!std::isfinite(p.weight) || p.weight < 0)
            return Problem{at + ".weight", QStringLiteral("must be ≥ 0")};
        if (p.weight > limits::kMaxWeight)
            return Problem{at + ".weight", QStringLiteral("must be at most %1").arg(number(limits::kMaxWeight))};
        if (!p.color.empty() && !isHexColor(p.color))
            return Problem{at + ".color", QStringLiteral("must be a colour like \"#8dd3c7\"")};
        if (!std::isfinite(c.a) || c.a < 0)
            return Problem{at + ".curve.a", QStringLiteral("must be ≥ 0")};
        if (c.a > limits::kMaxA)
            return Problem{at + ".curve.a", QStringLiteral("must be at most %1").arg(number(limits::kMaxA))};
        if (!std::isfinite(c.b) || c.b <= 0)
            return Problem{at + ".curve.b", QStringLiteral("must be > 0")};
        if (c.b > limits::maxB(c.family))
            return Problem{at + ".curve.b",
                           QStringLiteral("must be at most %1%2")
                               .arg(number(limits::maxB(c.family)))
                               .arg(c.family == CurveFamily::Power ? QStringLiteral(" for a power curve") : QString())};
        if (c.family != CurveFamily::Logistic && c.midpoint != 0)
            return Problem{at + ".curve.midpoint", QStringLiteral("only logistic curves have a midpoint")};
        if (!std::isfinite(c.midpoint) || c.midpoint < 0)
            return Problem{at + ".curve.midpoint", QStringLiteral("must be ≥ 0")};
        if (c.midpoint > limits::kMaxMidpoint)
            return Problem{at + ".curve.midpoint",
                           QStringLiteral("must be at most %1").arg(number(limits::kMaxMidpoint))};
        if (c.family != CurveFamily::Learning && c.scale != 1)
            return Problem{at + ".curve.scale", QStringLiteral("only learning curves have a scale")};
        if (!std::isfinite(c.scale) || c.scale <= 0)
            return Problem{at + ".curve.scale", QStringLiteral("must be > 0")};
        if (c.scale > limits::kMaxScale)
            return Problem{at + ".curve.scale", QStringLiteral("must be at most %1").arg(number(limits::kMaxScale))};
        if (p.observations.size() > static_cast<std::size_t>(limits::kMaxObservations))
            return Problem{at + ".observations",
                           QStringLiteral("the limit is %1 observations").arg(limits::kMaxObservations)};
        for (std::size_t k = 0; k < p.observations.size(); ++k) {
            const Observation &obs = p.observations[k];
            const QString point = at + QStringLiteral(".observations[%1]").arg(k);
            if (!std::isfinite(obs.effort) || obs.effort < 0)
                return Problem{point + "[0]", QStringLiteral("the effort must be a finite number ≥ 0")};
            if (!std::isfinite(obs.accuracy))
                return Problem{point + "[1]", QStringLiteral("the accuracy must be a finite number")};
        }
        if (p.minEffort < 0 || p.minEffort > limits::kMaxTotalEffort)
            return Problem{at + ".minEffort", QStringLiteral("must be between 0 and %1").arg(limits::kMaxTotalEffort)};
        if (p.maxEffort && (*p.maxEffort < p.minEffort || *p.maxEffort > limits::kMaxTotalEffort))
            return Problem{
                at + ".maxEffort",
                QStringLiteral("must be between minEffort (%1) and %2").arg(p.minEffort).arg(limits::kMaxTotalEffort)};
        if (auto problem = uncertaintyProblem(p, at + ".uncertainty"))
            return problem;
        if (p.planned && (*p.planned < 0 || *p.planned > limits::kMaxTotalEffort))
            return Problem{at + ".planned", QStringLiteral("must be between 0 and %1").arg(limits::kMaxTotalEffort)};
        minSum += p.minEffort;
        if (p.maxEffort)
            maxSum += *p.maxEffort;
        else
            allCapped = false;
    }
    if (minSum > s.totalEffort)
        return Problem{QStringLiteral("projects"),
                       QStringLiteral("the minEffort values add up to %1, more than totalEffort (%2)")
                           .arg(minSum)
                           .arg(s.totalEffort)};
    if (allCapped && maxSum < s.totalEffort)
        return Problem{QStringLiteral("projects"),
                       QStringLiteral("the maxEffort values add up to %1, less than totalEffort (%2)")
                           .arg(maxSum)
                           .arg(s.totalEffort)};
    return std::nullopt;
}

} // namespace

QString ScenarioError::message() const
{
    QString text = source;
    if (!location.isEmpty())
        text += QStringLiteral(": ") + location;
    text += QStringLiteral(": ") + reason;
    // Always one line that reads as it is, even for a file name with a newline or a bidi override in it.
    return escapedForMessage(text);
}

std::optional<ScenarioError> validateScenario(const Scenario &scenario, const QString &source)
{
    if (auto problem = firstProblem(scenario))
        return ScenarioError{source, problem->first, problem->second};
    return std::nullopt;
}

LoadResult parseScenario(const QByteArray &json, const QString &source, const QString &defaultName)
{
    LoadResult result;
    result.error.source = source;
    if (json.trimmed().isEmpty()) {
        result.error.reason = QStringLiteral("the file is empty");
        return result;
    }
    if (json.size() > limits::kMaxFileBytes) {
        result.error.reason
            = QStringLiteral("the file is larger than the limit of %1 MiB").arg(limits::kMaxFileBytes >> 20);
        return result;
    }
    if (const QString encoding = wideEncoding(json); !encoding.isEmpty()) {
        result.error.reason
            = QStringLiteral("the file is %1 text; scenario files are UTF-8: save it again as UTF-8").arg(encoding);
        return result;
    }
    if (const QString kind = scalarKind(json); !kind.isEmpty()) {
        result.error.reason = QStringLiteral("the document must be a JSON object, not %1").arg(kind);
        return result;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error.location = lineAndColumn(json, errorOffset(json, parseError));
        result.error.reason = QStringLiteral("not valid JSON: ") + parseError.errorString();
        return result;
    }
    if (auto duplicate = findDuplicateKey(json)) {
        result.error.location = duplicate->first;
        result.error.reason = duplicate->second;
        return result;
    }
    Reader reader(source);
    Scenario scenario;
    const QString fallbackName = usableName(defaultName);
    scenario.name = fallbackName.isEmpty() ? std::string("Untitled") : fallbackName.toStdString();
    if (!readScenario(reader, document, scenario)) { // an explicit "name" replaces the fallback
        result.error = reader.error();
        return result;
    }
    if (auto problem = validateScenario(scenario, source)) {
        result.error = *problem;
        return result;
    }
    result.scenario = std::move(scenario);
    return result;
}

namespace {

/// The system's reason for a failed open or read, in words that name the real cause.
QString systemReason(int error)
{
    switch (error) {
    case ENOENT:
        return QStringLiteral("no such file");
    case EACCES:
    case EPERM:
        return QStringLiteral("permission denied");
    case ELOOP:
        return QStringLiteral("too many levels of symbolic links (a symbolic link loop?)");
    case ENAMETOOLONG:
        return QStringLiteral("the file name or path is too long for the system");
    case ENOTDIR:
        return QStringLiteral("a part of the path is not a folder");
    case EAGAIN:
        return QStringLiteral("reading would block: not a file that can be read now");
    default:
        return QString::fromLocal8Bit(std::strerror(error));
    }
}

QString fileTypeName(mode_t mode)
{
    if (S_ISFIFO(mode))
        return QStringLiteral("a named pipe (FIFO)");
    if (S_ISCHR(mode))
        return QStringLiteral("a character device");
    if (S_ISBLK(mode))
        return QStringLiteral("a block device");
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket");
    return QStringLiteral("not a regular file");
}

/// Closes a file descriptor when it goes out of scope.
struct FileDescriptor {
    int fd = -1;
    ~FileDescriptor()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

} // namespace

LoadResult loadScenarioFile(const QString &path)
{
    LoadResult result = loadNativeScenarioFile(QFile::encodeName(path));
    result.error.source = path;
    return result;
}

LoadResult loadNativeScenarioFile(const QByteArray &nativePath)
{
    LoadResult result;
    result.error.source = displayFileName(nativePath);
    const auto fail = [&](const QString &reason) {
        result.error.reason = reason;
        return result;
    };
    if (nativePath.isEmpty())
        return fail(QStringLiteral("no such file (the name is empty)"));
    if (nativePath.contains('\0'))
        return fail(QStringLiteral("the name contains a NUL byte"));
    // Open first, without blocking (a FIFO or a device opens at once instead of waiting), then look at
    // what was opened: no window between a check and the open for the path to be swapped.
    FileDescriptor file;
    do
        file.fd = ::open(nativePath.constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    while (file.fd < 0 && errno == EINTR);
    if (file.fd < 0)
        return fail(errno == ENOENT ? QStringLiteral("no such file")
                                    : QStringLiteral("cannot be opened: ") + systemReason(errno));
    struct stat info { };
    if (::fstat(file.fd, &info) != 0)
        return fail(QStringLiteral("cannot be read: ") + systemReason(errno));
    if (S_ISDIR(info.st_mode))
        return fail(QStringLiteral("is a directory, not a scenario file"));
    // Only regular files: a FIFO would block, a device could stream forever.
    if (!S_ISREG(info.st_mode))
        return fail(QStringLiteral("is %1, not a regular file").arg(fileTypeName(info.st_mode)));
    if (info.st_size > limits::kMaxFileBytes)
        return fail(QStringLiteral("the file has %1 bytes, more than the limit of %2 MiB")
                        .arg(static_cast<qint64>(info.st_size))
                        .arg(limits::kMaxFileBytes >> 20));
    // Read at most one byte past the limit: the file may have grown since fstat, and files such as
    // those in /proc report no size at all. O_NONBLOCK stays on: a "regular" file that would block
    // (/proc/kmsg) answers EAGAIN instead of hanging.
    QByteArray json;
    constexpr qint64 kLimit = limits::kMaxFileBytes + 1;
    char buffer[64 * 1024];
    while (json.size() < kLimit) {
        const auto wanted = static_cast<std::size_t>(std::min<qint64>(sizeof buffer, kLimit - json.size()));
        const ssize_t got = ::read(file.fd, buffer, wanted);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return fail(QStringLiteral("cannot be read: ") + systemReason(errno));
        if (got == 0)
            break;
        json.append(buffer, static_cast<qsizetype>(got));
    }
    const int slash = static_cast<int>(nativePath.lastIndexOf('/'));
    const QString baseName = QFileInfo(QFile::decodeName(nativePath.mid(slash + 1))).completeBaseName();
    return parseScenario(json, result.error.source, baseName);
}

namespace {

void writeUncertainty(JsonWriter &w, const Uncertainty &u)
{
    w.key("uncertainty");
    w.beginObject();
    const std::pair<const char *, const std::optional<ParameterRange> &> ranges[]
        = {{"a", u.a}, {"b", u.b}, {"midpoint", u.midpoint}, {"weight", u.weight}};
    for (const auto &[key, range] : ranges) {
        if (!range)
            continue;
        w.key(key);
        w.beginArray();
        w.value(range->low);
        w.value(range->high);
        w.endArray();
    }
    w.endObject();
}

void writeState(JsonWriter &w, Effort totalEffort, const std::vector<Stage> &stages,
                const std::vector<Project> &projects)
{
    w.key("totalEffort");
    w.value(std::int64_t{totalEffort});
    w.key("stages");
    w.beginArray();
    for (const Stage &stage : stages) {
        w.beginObject();
        w.key("name");
        w.value(stage.name);
        w.key("from");
        w.value(std::int64_t{stage.from});
        w.endObject();
    }
    w.endArray();
    w.key("projects");
    w.beginArray();
    for (const Project &p : projects) {
        w.beginObject();
        w.key("name");
        w.value(p.name);
        w.key("weight");
        w.value(p.weight);
        w.key("curve");
        w.beginObject();
        w.key("family");
        w.value(familyName(p.curve.family));
        w.key("a");
        w.value(p.curve.a);
        w.key("b");
        w.value(p.curve.b);
        if (p.curve.family == CurveFamily::Logistic) {
            w.key("midpoint");
            w.value(p.curve.midpoint);
        }
        if (p.curve.family == CurveFamily::Learning) {
            w.key("scale");
            w.value(p.curve.scale);
        }
        w.endObject();
        if (p.minEffort > 0) {
            w.key("minEffort");
            w.value(std::int64_t{p.minEffort});
        }
        if (p.maxEffort) {
            w.key("maxEffort");
            w.value(std::int64_t{*p.maxEffort});
        }
        if (!p.color.empty()) {
            w.key("color");
            w.value(p.color);
        }
        if (!p.observations.empty()) {
            w.key("observations");
            w.beginArray();
            for (const Observation &obs : p.observations) {
                w.beginArray();
                w.value(obs.effort);
                w.value(obs.accuracy);
                w.endArray();
            }
            w.endArray();
        }
        if (!p.uncertainty.empty())
            writeUncertainty(w, p.uncertainty);
        if (p.planned) {
            w.key("planned");
            w.value(std::int64_t{*p.planned});
        }
        w.endObject();
    }
    w.endArray();
}

} // namespace

int formatVersionFor(const Scenario &scenario)
{
    // The oldest version that holds everything: files without the newer keys stay readable by older builds.
    const auto usesVersion3 = [](const std::vector<Project> &projects) {
        return std::any_of(projects.begin(), projects.end(), [](const Project &p) {
            return !p.observations.empty() || !p.uncertainty.empty() || p.planned.has_value()
                || p.curve.family == CurveFamily::Learning;
        });
    };
    if (usesVersion3(scenario.projects)
        || std::any_of(scenario.snapshots.begin(), scenario.snapshots.end(),
                       [&](const Snapshot &snapshot) { return usesVersion3(snapshot.projects); }))
        return 3;
    return scenario.snapshots.empty() ? 1 : 2;
}

std::string serializeScenario(const Scenario &scenario)
{
    JsonWriter w;
    w.beginObject();
    w.key("version");
    w.value(std::int64_t{formatVersionFor(scenario)});
    w.key("name");
    w.value(scenario.name);
    writeState(w, scenario.totalEffort, scenario.stages, scenario.projects);
    if (!scenario.snapshots.empty()) {
        w.key("snapshots");
        w.beginArray();
        for (const Snapshot &snapshot : scenario.snapshots) {
            w.beginObject();
            w.key("name");
            w.value(snapshot.name);
            writeState(w, snapshot.totalEffort, snapshot.stages, snapshot.projects);
            w.key("efforts");
            w.beginArray();
            for (const Effort e : snapshot.efforts)
                w.value(std::int64_t{e});
            w.endArray();
            w.endObject();
        }
        w.endArray();
    }
    w.endObject();
    return w.text();
}

} // namespace ef
