// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Allocation.h"
#include "Scenario.h"
#include "charts/Theme.h"

#include <QString>

#include <vector>

class QMimeData;

namespace ef {

/**
 * The results table as text for the clipboard, in two forms with the same cells: tab-separated text
 * (pastes into a spreadsheet cell by cell) and an HTML table (pastes into a slide or a document with
 * its header and the projects' colours). Columns: Project, Weight, Effort, Share (%), Accuracy, Value,
 * Weighted marginal gain, Stage. Numbers are plain so a spreadsheet reads them as numbers: effort
 * without thousands separators, share in per cent with one decimal, the rest with four significant
 * digits (format::number), a '.' decimal point.
 */
struct CopiedTable {
    QString tsv;
    QString html;
};

/// The table for projects `rows` (indices into the scenario; empty: every project).
CopiedTable copyTable(const Scenario &scenario, const AllocationResult &result, const Theme &theme,
                      std::vector<int> rows = {});

/// Both forms in one QMimeData (text/plain and text/html), for QClipboard::setMimeData.
QMimeData *tableMimeData(const CopiedTable &table);

} // namespace ef
