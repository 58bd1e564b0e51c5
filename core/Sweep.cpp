// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "Sweep.h"

#include "ScenarioFile.h"

#include <charconv>
#include <cmath>
#include <initializer_list>

namespace ef {

namespace {

std::optional<double> readNumber(std::string_view text)
{
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::string shown(std::string_view text)
{
    std::string out(text.substr(0, 40));
    if (text.size() > 40)
        out.append("…");
    return out;
}

/// The pieces joined (appending, not `"literal" + std::string`, which GCC 12 misreads as overlapping copies).
std::string join(std::initializer_list<std::string_view> pieces)
{
    std::string out;
    for (const std::string_view piece : pieces)
        out.append(piece);
    return out;
}

} // namespace

double Sweep::valueAt(int frame, int frames) const
{
    if (frames < 2)
        return from;
    const double t = static_cast<double>(frame) / static_cast<double>(frames - 1);
    const double value = from + (to - from) * t;
    return parameter == Parameter::Total ? std::round(value) : value;
}

std::string Sweep::label() const
{
    switch (parameter) {
    case Parameter::Total:
        return "total";
    case Parameter::Weight:
        return join({"weight[", project, "]"});
    case Parameter::A:
        return join({"a[", project, "]"});
    case Parameter::B:
        return join({"b[", project, "]"});
    }
    return {};
}

SweepParse parseSweep(std::string_view text)
{
    auto fail = [](std::string message) { return SweepParse{std::nullopt, std::move(message)}; };
    const std::size_t equals = text.rfind('=');
    if (equals == std::string_view::npos)
        return fail(join({"\"", shown(text), "\" is not PARAM=LO:HI (e.g. total=0:300 or \"weight[NAME]=1:6\")"}));
    const std::string_view target = text.substr(0, equals);
    const std::string_view range = text.substr(equals + 1);
    Sweep sweep;
    if (target == "total") {
        sweep.parameter = Sweep::Parameter::Total;
    } else {
        const std::size_t open = target.find('[');
        if (open == std::string_view::npos || target.back() != ']' || open + 1 >= target.size() - 1)
            return fail(join({"\"", shown(target), "\" is not total, weight[NAME], a[NAME] or b[NAME]"}));
        const std::string_view name = target.substr(0, open);
        if (name == "weight")
            sweep.parameter = Sweep::Parameter::Weight;
        else if (name == "a")
            sweep.parameter = Sweep::Parameter::A;
        else if (name == "b")
            sweep.parameter = Sweep::Parameter::B;
        else
            return fail(join(
                {"\"", shown(name), "\" is not a parameter to sweep; use total, weight[NAME], a[NAME] or b[NAME]"}));
        sweep.project = std::string(target.substr(open + 1, target.size() - open - 2));
    }
    const std::size_t colon = range.find(':');
    const auto from = colon == std::string_view::npos ? std::nullopt : readNumber(range.substr(0, colon));
    const auto to = colon == std::string_view::npos ? std::nullopt : readNumber(range.substr(colon + 1));
    if (!from || !to)
        return fail(join({"\"", shown(range), "\" is not a range LO:HI of two numbers (e.g. 0:300)"}));
    sweep.from = *from;
    sweep.to = *to;
    const std::string label = sweep.parameter == Sweep::Parameter::Weight ? "weight" : "a";
    switch (sweep.parameter) {
    case Sweep::Parameter::Total:
        for (const double v : {sweep.from, sweep.to})
            if (v != std::floor(v) || v < 0 || v > static_cast<double>(limits::kMaxTotalEffort))
                return fail(join({"total: ", shown(range), " is not a range of whole units between 0 and 1000000000"}));
        break;
    case Sweep::Parameter::Weight:
    case Sweep::Parameter::A:
        if (sweep.from < 0 || sweep.to < 0)
            return fail(join({label, ": ", shown(range), " goes below 0; it must stay at 0 or above"}));
        break;
    case Sweep::Parameter::B:
        if (sweep.from <= 0 || sweep.to <= 0)
            return fail(join({"b: ", shown(range), " must stay above 0"}));
        break;
    }
    return {sweep, {}};
}

std::string bindSweep(Sweep &sweep, const Scenario &scenario)
{
    if (sweep.parameter == Sweep::Parameter::Total)
        return {};
    for (std::size_t i = 0; i < scenario.projects.size(); ++i)
        if (scenario.projects[i].name == sweep.project) {
            sweep.projectIndex = i;
            return {};
        }
    std::string names;
    for (std::size_t i = 0; i < scenario.projects.size() && i < 5; ++i)
        names.append(i ? ", \"" : "\"").append(scenario.projects[i].name).append("\"");
    if (scenario.projects.size() > 5)
        names += ", …";
    return join({"no project named \"", shown(sweep.project), "\" (the scenario has ", names, ")"});
}

Scenario sweepFrame(const Scenario &scenario, const Sweep &sweep, int frame, int frames)
{
    Scenario out = scenario;
    const double value = sweep.valueAt(frame, frames);
    switch (sweep.parameter) {
    case Sweep::Parameter::Total:
        out.totalEffort = static_cast<Effort>(value);
        break;
    case Sweep::Parameter::Weight:
        out.projects[sweep.projectIndex].weight = value;
        break;
    case Sweep::Parameter::A:
        out.projects[sweep.projectIndex].curve.a = value;
        break;
    case Sweep::Parameter::B:
        out.projects[sweep.projectIndex].curve.b = value;
        break;
    }
    return out;
}

} // namespace ef
