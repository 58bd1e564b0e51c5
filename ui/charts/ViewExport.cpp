// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "charts/ViewExport.h"

#include "Growth.h"
#include "charts/Chart.h"
#include "charts/GrowthChart.h"
#include "charts/MarginalChart.h"

#include <qcustomplot.h>

#include <algorithm>

namespace ef {

QString chartViewName(ChartView view)
{
    if (view == ChartView::Marginal)
        return QStringLiteral("marginal");
    return view == ChartView::Growth ? QStringLiteral("growth") : QStringLiteral("accuracy");
}

std::optional<ChartView> chartViewFromName(const QString &name)
{
    if (name == QLatin1String("accuracy"))
        return ChartView::Accuracy;
    if (name == QLatin1String("growth"))
        return ChartView::Growth;
    if (name == QLatin1String("marginal"))
        return ChartView::Marginal;
    return std::nullopt;
}

QStringList chartViewNames()
{
    return {QStringLiteral("accuracy"), QStringLiteral("growth"), QStringLiteral("marginal")};
}

double exportScale(const QSize &size)
{
    const double byWidth = size.width() / 1200.0;
    const double byHeight = size.height() / 800.0;
    return std::clamp(std::min(byWidth, byHeight), 1.0, 4.0);
}

bool exportView(const Scenario &scenario, const AllocationResult &result, const Theme &theme, const QString &path,
                const ExportOptions &options, const ViewExportOptions &view, QString *error)
{
    auto fail = [&](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    if (const QString problem = Chart::sizeProblem(scenario); !problem.isEmpty())
        return fail(problem);
    const Snapshot *baseline = nullptr;
    if (!view.baseline.isEmpty()) {
        baseline = scenario.snapshot(view.baseline.toStdString());
        if (!baseline) {
            QStringList names;
            for (const Snapshot &s : scenario.snapshots)
                names << QStringLiteral("\"%1\"").arg(QString::fromStdString(s.name));
            return fail(names.isEmpty()
                            ? QObject::tr("no snapshot named \"%1\": the scenario has no snapshots").arg(view.baseline)
                            : QObject::tr("no snapshot named \"%1\" (the scenario has %2)")
                                  .arg(view.baseline, names.join(QStringLiteral(", "))));
        }
    }
    QCustomPlot plot;
    plot.resize(options.size);
    if (view.view == ChartView::Growth) {
        auto *chart = new GrowthChart(&plot);
        chart->setScale(exportScale(options.size));
        chart->setTheme(theme);
        chart->update(scenario, growthPath(scenario, scenario.totalEffort));
    } else if (view.view == ChartView::Marginal) {
        auto *chart = new MarginalChart(&plot);
        chart->setScale(exportScale(options.size));
        chart->setTheme(theme);
        chart->update(scenario, result);
    } else {
        auto *chart = new Chart(&plot);
        chart->setScale(exportScale(options.size));
        chart->setTheme(theme);
        chart->setBaseline(baseline);
        chart->update(scenario, result);
    }
    plot.replot(QCustomPlot::rpImmediateRefresh);
    return exportPlot(&plot, path, options, error);
}

} // namespace ef
