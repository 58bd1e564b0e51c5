// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// Numerical robustness on screen: any scenario a file can hold, and any value the controls allow,
// gives finite curves, finite dots, sensible axes and a table without "nan".
#include "ExtremeScenario.h"
#include "ScenarioFile.h"
#include "UiTestSupport.h"
#include "widgets/ControlPanel.h"
#include "widgets/ParameterControl.h"

#include <QDoubleSpinBox>
#include <QSlider>

#include <cmath>
#include <random>
#include <sstream>

using namespace ef;
using namespace ef::test;

namespace {

std::string describe(const Scenario &s)
{
    const std::string text = serializeScenario(s);
    return text.size() > 4000 ? text.substr(0, 4000) : text;
}

/// Everything drawn is finite (or a deliberate NaN gap in a curve); the axes are finite and not empty; no "nan" in the table.
void checkFinite(MainWindow &window)
{
    QCustomPlot *plot = window.chartWidget();
    Chart *chart = window.chartWidget()->chart();
    // Draw it for real as well: nothing may throw or hang on extreme values.
    plot->replot(QCustomPlot::rpImmediateRefresh);
    for (std::size_t i = 0; i < chart->curveCount(); ++i) {
        const QCPGraph *graph = chart->curve(i);
        INFO("curve " << i);
        for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
            REQUIRE(std::isfinite(it->key));
            // NaN is QCustomPlot's gap: the chart leaves one where f overflows (power with a huge b)
            // or is −∞ (log at 0). Infinities would break the drawing.
            REQUIRE_FALSE(std::isinf(it->value));
        }
    }
    const QCPCurve *dots = chart->dots();
    for (auto it = dots->data()->constBegin(); it != dots->data()->constEnd(); ++it) {
        REQUIRE(std::isfinite(it->key));
        REQUIRE(std::isfinite(it->value));
    }
    for (const QCPAxis *axis : {plot->xAxis, plot->yAxis}) {
        const QCPRange range = axis->range();
        REQUIRE(std::isfinite(range.lower));
        REQUIRE(std::isfinite(range.upper));
        REQUIRE(range.upper > range.lower);
    }
    const ResultsModel *model = window.resultsTable()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        for (int column = 0; column < model->columnCount(); ++column)
            REQUIRE_FALSE(model->text(row, column).contains(QLatin1String("nan"), Qt::CaseInsensitive));
    REQUIRE_FALSE(window.resultsTable()->objectiveText().contains(QLatin1String("nan"), Qt::CaseInsensitive));
}

} // namespace

TEST_CASE("Random extreme scenarios draw finite curves, dots and axes", "[robustness][window]")
{
    MainWindow window;
    window.resize(900, 600);
    std::mt19937_64 rng(0x5eedull);
    ExtremeScenarioOptions options;
    options.maxProjects = 8;
    for (int round = 0; round < 60; ++round) {
        Scenario s = extremeScenario(rng, options);
        INFO("round " << round << ": " << describe(s));
        window.document()->replace(s, QString());
        checkFinite(window);
        window.chartWidget()->resetView();
        checkFinite(window);
    }
}

TEST_CASE("Every parameter control at its minimum and maximum keeps the chart finite", "[robustness][window]")
{
    MainWindow window;
    window.resize(900, 600);
    ControlPanel *controls = window.controlPanel();
    for (std::size_t project = 0; project < window.document()->scenario().projects.size(); ++project) {
        controls->selectProject(static_cast<int>(project));
        for (ParameterControl *control : {controls->aControl(), controls->bControl(), controls->weightControl()}) {
            QDoubleSpinBox *spin = control->spinBox();
            for (const double value : {spin->minimum(), spin->maximum(), spin->minimum(), spin->value()}) {
                INFO("project " << project << " " << control->objectName().toStdString() << " = " << value);
                spin->setValue(value);
                checkFinite(window);
            }
        }
    }
    // The weights of all projects at zero, then the budget far beyond the slider's range.
    for (std::size_t project = 0; project < window.document()->scenario().projects.size(); ++project) {
        controls->selectProject(static_cast<int>(project));
        controls->weightControl()->spinBox()->setValue(0);
    }
    checkFinite(window);
    QDoubleSpinBox *total = controls->totalControl()->spinBox();
    for (const double value : {10'000'000.0, total->maximum(), 0.0, 1.0}) {
        INFO("total " << value);
        total->setValue(value);
        CHECK(window.document()->scenario().totalEffort == static_cast<Effort>(value));
        checkFinite(window);
    }
}

TEST_CASE("A logistic curve with extreme midpoints, via the controls, stays finite", "[robustness][window]")
{
    MainWindow window;
    ControlPanel *controls = window.controlPanel();
    controls->selectProject(0);
    window.document()->edit(QStringLiteral("family"), [](Scenario &s) {
        s.projects[0].curve.family = CurveFamily::Logistic;
        s.projects[0].curve.midpoint = 40;
    });
    QDoubleSpinBox *midpoint = controls->midpointControl()->spinBox();
    for (const double value : {midpoint->minimum(), midpoint->maximum(), 50.0}) {
        INFO("midpoint " << value);
        midpoint->setValue(value);
        checkFinite(window);
        for (QDoubleSpinBox *spin : {controls->bControl()->spinBox(), controls->aControl()->spinBox()}) {
            spin->setValue(spin->maximum());
            checkFinite(window);
            spin->setValue(spin->minimum());
            checkFinite(window);
        }
    }
}

TEST_CASE("A scenario with an overflowing curve beside a starved log curve shows no nan", "[robustness][window]")
{
    // Files cannot hold this power curve (b ≤ 10), but memory can: one project's value is +∞, the
    // other's −∞, and the objective is −∞ (tests/core/PropertyTest.cpp). The window must stay readable.
    const Scenario s = test::overflowBesideStarvedLog();
    MainWindow window;
    window.document()->replace(s, QString());
    checkFinite(window);
}
