// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include <QByteArray>
#include <QSize>
#include <QString>
#include <QStringList>

namespace ef {

/**
 * What the window remembers between runs (QSettings), in one place: each value with its key, its
 * default and its validation.
 *
 * | key             | type        | default     | valid                       |
 * |-----------------|-------------|-------------|-----------------------------|
 * | window/geometry | QByteArray  | empty       | anything restoreGeometry takes |
 * | window/state    | QByteArray  | empty       | anything restoreState takes |
 * | view/theme      | QString     | "dark"      | a Theme id                  |
 * | view/growth     | bool        | false       | true or false               |
 * | files/recent    | QStringList | empty       | at most kMaxRecentFiles     |
 * | export/size     | QSize       | 1200×800    | 16…20000 each side          |
 * | export/scale    | int         | 2           | 1…4                         |
 */
namespace settings {

inline constexpr int kMaxRecentFiles = 8;

QByteArray windowGeometry();
void setWindowGeometry(const QByteArray &value);
QByteArray windowState();
void setWindowState(const QByteArray &value);

QString themeId();
void setThemeId(const QString &id);

/// Whether the growth view (how the split grows with the budget) is shown.
bool growthViewShown();
void setGrowthViewShown(bool shown);

/// Whether the accuracy axis shows numbers (off: the reference look, where the shape matters).
bool accuracyNumbersShown();
void setAccuracyNumbersShown(bool shown);

/// Whether the chart plots weight × accuracy instead of accuracy (View ▸ Weighted Value; off by default).
bool weightedValueShown();
void setWeightedValueShown(bool shown);

QStringList recentFiles();
/// Puts `path` first in the recent files (dropping duplicates and the oldest beyond the limit).
void addRecentFile(const QString &path);
void removeRecentFile(const QString &path);

QSize exportSize();
void setExportSize(const QSize &size);
int exportScale();
void setExportScale(int scale);

} // namespace settings
} // namespace ef
