// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

// Test programs keep their settings (QSettings) in a folder of their own, never the user's.

#include <QCoreApplication>
#include <QSettings>
#include <QString>

namespace ef::test {

/// Names the program `application` and stores its settings as INI files under `folder`.
inline void isolateSettings(const QString &application, const QString &folder)
{
    QCoreApplication::setOrganizationName(QStringLiteral("Effort Frontier Tests"));
    QCoreApplication::setApplicationName(application);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder);
}

} // namespace ef::test
