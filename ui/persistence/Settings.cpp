// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "persistence/Settings.h"

#include "charts/Theme.h"

#include <QFileInfo>
#include <QSettings>

namespace ef::settings {

namespace {

const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kTheme = QStringLiteral("view/theme");
const QString kGrowth = QStringLiteral("view/growth");
const QString kRecent = QStringLiteral("files/recent");
const QString kExportSize = QStringLiteral("export/size");
const QString kExportScale = QStringLiteral("export/scale");

} // namespace

QByteArray windowGeometry()
{
    return QSettings().value(kGeometry).toByteArray();
}

void setWindowGeometry(const QByteArray &value)
{
    QSettings().setValue(kGeometry, value);
}

QByteArray windowState()
{
    return QSettings().value(kState).toByteArray();
}

void setWindowState(const QByteArray &value)
{
    QSettings().setValue(kState, value);
}

QString themeId()
{
    const QString id = QSettings().value(kTheme, QStringLiteral("dark")).toString();
    return Theme::byId(id) ? id : QStringLiteral("dark");
}

void setThemeId(const QString &id)
{
    QSettings().setValue(kTheme, id);
}

bool growthViewShown()
{
    return QSettings().value(kGrowth, false).toBool();
}

void setGrowthViewShown(bool shown)
{
    QSettings().setValue(kGrowth, shown);
}

bool accuracyNumbersShown()
{
    return QSettings().value(QStringLiteral("view/accuracyNumbers"), false).toBool();
}

void setAccuracyNumbersShown(bool shown)
{
    QSettings().setValue(QStringLiteral("view/accuracyNumbers"), shown);
}

bool weightedValueShown()
{
    return QSettings().value(QStringLiteral("view/weightedValue"), false).toBool();
}

void setWeightedValueShown(bool shown)
{
    QSettings().setValue(QStringLiteral("view/weightedValue"), shown);
}

QStringList recentFiles()
{
    QStringList files = QSettings().value(kRecent).toStringList();
    files.removeAll(QString());
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    return files;
}

void addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    QSettings().setValue(kRecent, files);
}

void removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    QSettings().setValue(kRecent, files);
}

QSize exportSize()
{
    const QSize size = QSettings().value(kExportSize, QSize(1920, 1080)).toSize();
    const bool valid = size.width() >= 16 && size.height() >= 16 && size.width() <= 20000 && size.height() <= 20000;
    return valid ? size : QSize(1920, 1080);
}

void setExportSize(const QSize &size)
{
    QSettings().setValue(kExportSize, size);
}

int exportScale()
{
    const int scale = QSettings().value(kExportScale, 2).toInt();
    return scale >= 1 && scale <= 4 ? scale : 2;
}

void setExportScale(int scale)
{
    QSettings().setValue(kExportScale, scale);
}

} // namespace ef::settings
