// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "NumbersCsv.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace ef::csv {

namespace {

constexpr std::string_view kEnd = "\r\n";

std::string integer(Effort value)
{
    return std::to_string(value);
}

} // namespace

std::string number(double value)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value < 0 ? "-inf" : "inf";
    char buffer[64];
    // std::to_chars is locale-independent and gives the shortest round-trip form.
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    if (ec != std::errc())
        return "nan";
    return std::string(buffer, end);
}

std::string text(std::string_view value)
{
    std::string guarded;
    if (!value.empty()
        && (value.front() == '=' || value.front() == '+' || value.front() == '-' || value.front() == '@'
            || value.front() == '\t' || value.front() == '\r'))
        guarded.push_back('\'');
    guarded.append(value);
    if (guarded.find_first_of(",\"\r\n") == std::string::npos)
        return guarded;
    std::string quoted = "\"";
    for (const char c : guarded) {
        if (c == '"')
            quoted.push_back('"');
        quoted.push_back(c);
    }
    quoted.push_back('"');
    return quoted;
}

std::string allocationTable(const Scenario &scenario, const Allocation &allocation)
{
    std::string out = "project,weight,effort,share,accuracy,value,marginal_gain,stage";
    out += kEnd;
    const auto total = static_cast<double>(allocation.totalEffort);
    for (std::size_t i = 0; i < allocation.projects.size() && i < scenario.projects.size(); ++i) {
        const ProjectAllocation &pa = allocation.projects[i];
        const Project &project = scenario.projects[i];
        out += text(project.name);
        out += ',' + number(project.weight);
        out += ',' + integer(pa.effort);
        out += ',' + number(total > 0 ? static_cast<double>(pa.effort) / total : 0.0);
        out += ',' + number(pa.accuracy);
        out += ',' + number(pa.value);
        out += ',' + number(pa.marginal);
        out += ',' + text(scenario.stageNameFor(pa.effort));
        out += kEnd;
    }
    return out;
}

std::string curves(const Scenario &scenario)
{
    std::string out = "effort";
    for (const Project &project : scenario.projects)
        out += ',' + text(project.name);
    out += kEnd;
    const Effort total = std::max<Effort>(0, scenario.totalEffort);
    const Effort rows = std::min<Effort>(total + 1, kMaxCurveRows);
    Effort previous = -1;
    for (Effort r = 0; r < rows; ++r) {
        const Effort effort = rows == total + 1
            ? r
            : static_cast<Effort>(
                std::llround(static_cast<double>(r) * static_cast<double>(total) / static_cast<double>(rows - 1)));
        if (effort == previous)
            continue;
        previous = effort;
        out += integer(effort);
        for (const Project &project : scenario.projects)
            out += ',' + number(project.curve.value(static_cast<double>(effort)));
        out += kEnd;
    }
    return out;
}

std::string growth(const Scenario &scenario, const std::vector<Effort> &budgets,
                   const std::vector<std::vector<Effort>> &efforts)
{
    std::string out = "budget";
    for (const Project &project : scenario.projects)
        out += ',' + text(project.name);
    out += kEnd;
    for (std::size_t k = 0; k < budgets.size() && k < efforts.size(); ++k) {
        out += integer(budgets[k]);
        for (const Effort effort : efforts[k])
            out += ',' + integer(effort);
        out += kEnd;
    }
    return out;
}

} // namespace ef::csv
