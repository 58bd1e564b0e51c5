// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

// The numbers behind the chart as CSV (RFC 4180): the allocation table, the curves, the growth path.
// Plain C++: no Qt, so the command line, the window and the tests share one writer.

#include "Allocation.h"
#include "Scenario.h"

#include <string>
#include <string_view>

namespace ef::csv {

/**
 * A number in the C locale at full precision: the shortest text that reads back as the same double
 * ("0.1", "33", "1e-07"), no thousands separators; "inf", "-inf" and "nan" for the non-finite values.
 */
std::string number(double value);

/**
 * A text field: with the formula-injection guard — a field starting with = + - @ (or a tab or carriage
 * return) gets a leading apostrophe, so a spreadsheet shows it as text and never runs it as a formula —
 * then quoted per RFC 4180 when it holds a comma, a double quote, a CR or an LF (quotes doubled).
 */
std::string text(std::string_view value);

/**
 * One row per project (header first): project,weight,effort,share,accuracy,value,marginal_gain,stage.
 * share is effort / total as a fraction (0 when the total is 0); accuracy f(effort); value
 * weight·accuracy; marginal_gain weight·(f(effort+1) − f(effort)); stage the stage reached. Rows end in
 * CRLF (RFC 4180).
 */
std::string allocationTable(const Scenario &scenario, const Allocation &allocation);

/**
 * The curves: a header effort,<project 1>,<project 2>,… and one row per effort: every whole unit from 0
 * to the total when it is at most kMaxCurveRows − 1, otherwise kMaxCurveRows efforts spread evenly
 * from 0 to the total (rounded to whole units). Each cell is the project's accuracy f(effort),
 * unweighted.
 */
inline constexpr Effort kMaxCurveRows = 10'001;
std::string curves(const Scenario &scenario);

/// The growth path: a header budget,<project 1>,… and each sampled budget with every project's effort.
std::string growth(const Scenario &scenario, const std::vector<Effort> &budgets,
                   const std::vector<std::vector<Effort>> &efforts);

} // namespace ef::csv
