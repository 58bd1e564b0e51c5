// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "window/AboutText.h"

#include <QCoreApplication>
#include <QtGlobal>

// Only this file needs the QCustomPlot version: the big header stays out of AboutText.h.
#include <qcustomplot.h>

namespace ef::about {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ef::about", text);
}

constexpr const char *kLicenceUrl = "https://www.gnu.org/licenses/gpl-3.0.html";

} // namespace

QString version()
{
    return QStringLiteral(EF_VERSION);
}

QString licence()
{
    return QStringLiteral("GPL-3.0-or-later");
}

QString qtVersion()
{
    return QString::fromLatin1(qVersion());
}

QString qcustomplotVersion()
{
    return QStringLiteral(QCUSTOMPLOT_VERSION_STR);
}

QString versionText()
{
    // GNU's --version layout: name and version first (scripts read that line), then copyright and licence.
    return QStringLiteral("effort-frontier %1\n"
                          "Copyright 2026 Effort Frontier maintainers\n"
                          "Licence: %2 (GNU GPL version 3 or later, %3).\n"
                          "This is free software: you are free to change and redistribute it.\n"
                          "There is NO WARRANTY, to the extent permitted by law.\n"
                          "Using Qt %4 and QCustomPlot %5.")
        .arg(version(), licence(), QLatin1String(kLicenceUrl), qtVersion(), qcustomplotVersion());
}

QString aboutHtml()
{
    return tr("<h3>Effort Frontier %1</h3>"
              "<p>Splits a fixed effort budget across ML projects whose effort→accuracy curves have "
              "diminishing returns: each unit goes to the project with the largest weighted marginal "
              "gain, which is optimal for concave curves (an exact method handles S-curves).</p>"
              "<p>Assumptions: projects are independent; returns are linear in accuracy, with weights "
              "expressing importance.</p>"
              "<p>Copyright 2026 Effort Frontier maintainers.<br>"
              "Licence: %2 (<a href=\"%3\">GNU GPL version 3 or later</a>). "
              "This is free software, with NO WARRANTY.</p>"
              "<p>Using Qt %4 and QCustomPlot %5.</p>")
        .arg(version(), licence(), QLatin1String(kLicenceUrl), qtVersion(), qcustomplotVersion());
}

} // namespace ef::about
