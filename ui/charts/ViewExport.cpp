// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "charts/ViewExport.h"

#include "Growth.h"
#include "charts/Chart.h"
#include "charts/GrowthChart.h"
#include "charts/MarginalChart.h"

#include <qcustomplot.h>

#include <algorithm>
#include <memory>

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
    std::vector<ChartView> views{view.view};
    views.insert(views.end(), view.besides.begin(), view.besides.end());
    const int w = options.size.width();
    const int h = options.size.height();
    std::vector<int> widths;
    if (views.size() == 1)
        widths = {w};
    else if (views.size() == 2)
        widths = {w * 3 / 5, w - w * 3 / 5};
    else
        widths = {w / 2, w / 4, w - w / 2 - w / 4};
    // Side by side, each panel is narrower than the page: its text keeps a size near the page's.
    const double scale = views.size() == 1 ? exportScale(options.size) : std::max(1.0, exportScale(options.size) * 0.8);
    std::vector<std::unique_ptr<QCustomPlot>> plots;
    std::vector<QCustomPlot *> drawn;
    GrowthPath growth;
    bool growthComputed = false;
    for (std::size_t i = 0; i < views.size() && i < widths.size(); ++i) {
        auto plot = std::make_unique<QCustomPlot>();
        plot->resize(widths[i], h);
        if (views[i] == ChartView::Growth) {
            if (!growthComputed) {
                growth = growthPath(scenario, scenario.totalEffort);
                growthComputed = true;
            }
            auto *chart = new GrowthChart(plot.get());
            chart->setScale(scale);
            chart->setTheme(theme);
            chart->update(scenario, growth);
        } else if (views[i] == ChartView::Marginal) {
            auto *chart = new MarginalChart(plot.get());
            chart->setScale(scale);
            chart->setTheme(theme);
            chart->update(scenario, result);
        } else {
            auto *chart = new Chart(plot.get());
            chart->setScale(scale);
            chart->setTheme(theme);
            chart->setBaseline(baseline);
            chart->setUncertainty(view.uncertainty);
            chart->setWeighted(view.weighted);
            chart->update(scenario, result);
        }
        plot->replot(QCustomPlot::rpImmediateRefresh);
        drawn.push_back(plot.get());
        plots.push_back(std::move(plot));
    }
    return exportPlots(drawn, widths, path, options, error);
}

bool parseViewList(const QString &text, ViewExportOptions &options)
{
    const QStringList names = text.split(QLatin1Char('+'));
    if (names.isEmpty() || names.size() > 3)
        return false;
    std::vector<ChartView> views;
    for (const QString &name : names) {
        const std::optional<ChartView> v = chartViewFromName(name.trimmed());
        if (!v || std::find(views.begin(), views.end(), *v) != views.end())
            return false;
        views.push_back(*v);
    }
    options.view = views.front();
    options.besides.assign(views.begin() + 1, views.end());
    return true;
}

} // namespace ef
