// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// Uncertainty ranges set in the window: the "Ranges…" dialog of the project editor applies them as one
// undo step (and the chart then shows the Monte Carlo's whiskers), refuses invalid ones with a message
// naming the parameter, and fills value ± 2 SE from the fit that gave the current curve.

#include "UiTestSupport.h"

#include "FileTestSupport.h"
#include "Fit.h"
#include "document/FitRunner.h"
#include "widgets/ControlPanel.h"
#include "widgets/RangesDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <cmath>

using namespace ef;
using namespace ef::test;

namespace {

void clickOk(RangesDialog *dialog)
{
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    REQUIRE(buttons != nullptr);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

/// Ticks (or unticks) a checkbox by clicking its indicator, as a user does.
void tick(QCheckBox *check)
{
    QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(8, check->height() / 2));
}

/// The step of a box: its bounds are the exact values up to half of it.
double step(const QDoubleSpinBox *box)
{
    return std::pow(10.0, -box->decimals());
}

} // namespace

TEST_CASE("Ranges set in the dialog land in the scenario as one undo step, and whiskers appear",
          "[ranges][window][montecarlo]")
{
    MainWindow window;
    Document *document = window.document();
    ControlPanel *controls = window.controlPanel();
    const std::size_t pricing = projectNamed(document->scenario(), "Dynamic pricing");
    controls->selectProject(static_cast<int>(pricing));
    REQUIRE(document->monteCarlo() == nullptr);
    CHECK(controls->rangesButton()->text() == QStringLiteral("Ranges…"));
    const Project before = document->scenario().projects[pricing];
    const int undoBefore = document->undoStack()->count();

    QTest::mouseClick(controls->rangesButton(), Qt::LeftButton);
    auto *dialog = window.findChild<RangesDialog *>();
    REQUIRE(dialog != nullptr);
    CHECK(dialog->isVisible());
    CHECK_FALSE(dialog->fromFitButton()->isEnabled()); // no fit gave this curve
    CHECK_FALSE(dialog->lowBox(RangesDialog::A)->isEnabled());

    // Ticking fills the value ± 20 %.
    tick(dialog->check(RangesDialog::A));
    REQUIRE(dialog->check(RangesDialog::A)->isChecked());
    QDoubleSpinBox *aLow = dialog->lowBox(RangesDialog::A);
    QDoubleSpinBox *aHigh = dialog->highBox(RangesDialog::A);
    CHECK(aLow->isEnabled());
    CHECK(aLow->value() == Approx(0.8 * before.curve.a).margin(step(aLow)));
    CHECK(aHigh->value() == Approx(1.2 * before.curve.a).margin(step(aHigh)));
    tick(dialog->check(RangesDialog::Weight));
    dialog->lowBox(RangesDialog::Weight)->setValue(0.5 * before.weight);
    dialog->highBox(RangesDialog::Weight)->setValue(2 * before.weight);
    clickOk(dialog);
    QTest::qWait(0); // the deferred delete of the closed dialog

    const Uncertainty &u = document->scenario().projects[pricing].uncertainty;
    REQUIRE(u.a.has_value());
    REQUIRE(u.weight.has_value());
    CHECK_FALSE(u.b.has_value());
    CHECK_FALSE(u.midpoint.has_value());
    CHECK(u.a->low == Approx(0.8 * before.curve.a).margin(1e-5));
    CHECK(u.a->high == Approx(1.2 * before.curve.a).margin(1e-5));
    CHECK(u.weight->low == Approx(0.5 * before.weight).margin(1e-4));
    CHECK(u.weight->high == Approx(2 * before.weight).margin(1e-4));
    CHECK(document->undoStack()->count() == undoBefore + 1);
    CHECK(controls->rangesButton()->text() == QStringLiteral("Ranges… (2)"));

    REQUIRE(waitUntil([&] { return document->monteCarlo() != nullptr; }, 30000));
    QTest::qWait(50); // the queued replot
    QCPErrorBars *whiskers = window.chartWidget()->chart()->whiskers();
    CHECK(whiskers->visible());
    CHECK_FALSE(whiskers->data()->isEmpty());

    // One undo takes both ranges away.
    document->undoStack()->undo();
    CHECK(document->scenario().projects[pricing] == before);
    CHECK(controls->rangesButton()->text() == QStringLiteral("Ranges…"));
}

TEST_CASE("An invalid range is refused with a message naming the parameter", "[ranges][window]")
{
    Scenario s;
    s.name = "refusal";
    s.totalEffort = 40;
    Project power;
    power.name = "Power";
    power.curve = Curve{CurveFamily::Power, 0.05, 0.5, 0.0};
    Project log = power;
    log.name = "Log";
    log.curve = Curve{CurveFamily::Log, 0.1, 2.0, 0.0};
    s.projects = {power, log};
    MainWindow window;
    window.showScenario(s, QString());
    Document *document = window.document();
    ControlPanel *controls = window.controlPanel();
    controls->selectProject(0);
    const Scenario before = document->scenario();
    const int undoBefore = document->undoStack()->count();

    RangesDialog *dialog = controls->openRanges();
    REQUIRE(dialog != nullptr);
    CHECK_FALSE(dialog->check(RangesDialog::Midpoint)->isVisibleTo(dialog)); // not logistic
    // b above the power family's largest b (10).
    tick(dialog->check(RangesDialog::B));
    dialog->highBox(RangesDialog::B)->setValue(12);
    clickOk(dialog);
    CHECK(dialog->isVisible());
    CHECK(dialog->problemLabel()->isVisibleTo(dialog));
    CHECK(dialog->problemLabel()->text() == QStringLiteral("b: high must be at most 10. Nothing changed."));
    CHECK(document->scenario() == before);
    CHECK(document->undoStack()->count() == undoBefore);

    // A range that does not hold the value.
    dialog->highBox(RangesDialog::B)->setValue(0.6);
    tick(dialog->check(RangesDialog::A));
    dialog->lowBox(RangesDialog::A)->setValue(0.06);
    dialog->highBox(RangesDialog::A)->setValue(0.07);
    clickOk(dialog);
    CHECK(dialog->isVisible());
    CHECK(dialog->problemLabel()->text()
          == QStringLiteral("a: [0.06, 0.07] must contain the value 0.05. Nothing changed."));
    CHECK(document->scenario() == before);

    // Below the domain.
    dialog->lowBox(RangesDialog::A)->setValue(-0.01);
    clickOk(dialog);
    CHECK(dialog->problemLabel()->text() == QStringLiteral("a: low must be ≥ 0. Nothing changed."));
    CHECK(document->scenario() == before);
    CHECK(document->undoStack()->count() == undoBefore);
    CHECK(controls->rangesButton()->text() == QStringLiteral("Ranges…"));
    dialog->reject();
}

TEST_CASE("\"From last fit\" fills value ± 2 SE of the fit that gave the curve", "[ranges][window][fit]")
{
    // Log curve points with a deterministic wobble, so the standard errors are not zero.
    const Curve truth{CurveFamily::Log, 0.1, 0.5, 0.0};
    Scenario s;
    s.name = "fit";
    s.totalEffort = 60;
    Project p;
    p.name = "Evidence";
    p.curve = Curve{CurveFamily::Log, 0.2, 1.0, 0.0};
    for (int x = 2; x <= 40; x += 2)
        p.observations.push_back({static_cast<double>(x), truth.value(x) + ((x / 2) % 2 ? 0.004 : -0.004)});
    Project other = p;
    other.name = "Other";
    other.observations.clear();
    s.projects = {p, other};
    MainWindow window;
    window.showScenario(s, QString());
    Document *document = window.document();
    ControlPanel *controls = window.controlPanel();
    controls->selectProject(0);

    QSignalSpy finished(controls->fitter(), &FitRunner::finished);
    controls->fitSelectedProjectAs(CurveFamily::Log);
    REQUIRE(finished.wait(20000));
    REQUIRE(finished.at(0).at(0).value<FitRunner::Outcome>() == FitRunner::Outcome::Applied);

    // Independently: the core's fit of the same points.
    const FitResult expected = fitCurve(s.projects[0].observations, CurveFamily::Log);
    REQUIRE(expected.ok());
    const FitStandardErrors &se = expected.standardErrors;
    REQUIRE(se.a > 0);
    REQUIRE(se.b > 0);
    const Curve fitted = document->scenario().projects[0].curve;
    CHECK(fitted.a == Approx(expected.curve.a));
    CHECK(fitted.b == Approx(expected.curve.b));

    RangesDialog *dialog = controls->openRanges();
    REQUIRE(dialog != nullptr);
    REQUIRE(dialog->fromFitButton()->isEnabled());
    QTest::mouseClick(dialog->fromFitButton(), Qt::LeftButton);
    CHECK(dialog->check(RangesDialog::A)->isChecked());
    CHECK(dialog->check(RangesDialog::B)->isChecked());
    CHECK_FALSE(dialog->check(RangesDialog::Weight)->isChecked()); // not fitted
    const auto near = [](const QDoubleSpinBox *box, double value) {
        CHECK(box->value() == Approx(value).margin(0.51 * step(box)));
    };
    near(dialog->lowBox(RangesDialog::A), std::max(0.0, fitted.a - 2 * se.a));
    near(dialog->highBox(RangesDialog::A), fitted.a + 2 * se.a);
    near(dialog->lowBox(RangesDialog::B), std::max(step(dialog->lowBox(RangesDialog::B)), fitted.b - 2 * se.b));
    near(dialog->highBox(RangesDialog::B), fitted.b + 2 * se.b);
    const int undoBefore = document->undoStack()->count();
    clickOk(dialog);
    QTest::qWait(0);
    const Uncertainty &u = document->scenario().projects[0].uncertainty;
    REQUIRE(u.a.has_value());
    REQUIRE(u.b.has_value());
    CHECK(u.a->high == Approx(fitted.a + 2 * se.a).margin(1e-5));
    CHECK(u.a->low <= fitted.a);
    CHECK(u.b->high >= fitted.b);
    CHECK(document->undoStack()->count() == undoBefore + 1);
    CHECK(controls->rangesButton()->text() == QStringLiteral("Ranges… (2)"));

    // Another project, or this one after its curve is edited: no fit gave that curve.
    controls->selectProject(1);
    dialog = controls->openRanges();
    CHECK_FALSE(dialog->fromFitButton()->isEnabled());
    dialog->reject();
    QTest::qWait(0);
    controls->selectProject(0);
    document->edit(QStringLiteral("edit"), [](Scenario &sc) { sc.projects[0].curve.a *= 1.1; });
    dialog = controls->openRanges();
    CHECK_FALSE(dialog->fromFitButton()->isEnabled());
    dialog->reject();
}

TEST_CASE("A range typed as ± percent sets low and high around the value; low and high apart show asym.",
          "[ranges][window]")
{
    MainWindow window;
    Document *document = window.document();
    ControlPanel *controls = window.controlPanel();
    const std::size_t pricing = projectNamed(document->scenario(), "Dynamic pricing");
    controls->selectProject(static_cast<int>(pricing));
    const double b = document->scenario().projects[pricing].curve.b; // 2 in the startup preset
    QTest::mouseClick(controls->rangesButton(), Qt::LeftButton);
    auto *dialog = window.findChild<RangesDialog *>();
    REQUIRE(dialog != nullptr);

    QDoubleSpinBox *pm = dialog->plusMinusBox(RangesDialog::B);
    QDoubleSpinBox *low = dialog->lowBox(RangesDialog::B);
    QDoubleSpinBox *high = dialog->highBox(RangesDialog::B);
    CHECK_FALSE(pm->isEnabled());
    tick(dialog->check(RangesDialog::B));
    CHECK(pm->isEnabled());
    CHECK(pm->value() == Approx(20.0)); // the first guess, ± 20 %

    // Typed as a user does: select, type 35, Enter.
    pm->selectAll();
    QTest::keyClicks(pm, QStringLiteral("35"));
    QTest::keyClick(pm, Qt::Key_Return);
    CHECK(low->value() == Approx(0.65 * b).margin(step(low)));
    CHECK(high->value() == Approx(1.35 * b).margin(step(high)));
    CHECK(pm->value() == Approx(35.0));

    // Low moved on its own: no longer symmetric.
    low->setValue(0.5 * b);
    CHECK(pm->value() == pm->minimum());
    CHECK(pm->text() == QStringLiteral("asym."));
    CHECK(high->value() == Approx(1.35 * b).margin(step(high))); // untouched

    clickOk(dialog);
    QTest::qWait(0);
    const auto &range = document->scenario().projects[pricing].uncertainty.b;
    REQUIRE(range.has_value());
    CHECK(range->low == Approx(0.5 * b).margin(1e-4));
    CHECK(range->high == Approx(1.35 * b).margin(1e-4));
}
