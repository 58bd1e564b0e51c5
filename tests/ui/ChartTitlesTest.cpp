// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// The subtitle shrinks with the title on a narrow view: a smaller font (never below 3/4 of its size),
// at most two lines, then "…" with the whole text as the tooltip. A wide view draws it as before.

#include "UiTestSupport.h"

#include "charts/ChartFrame.h"
#include "charts/GrowthView.h"
#include "charts/PlotWidget.h"
#include "document/AllocationService.h"
#include "persistence/Settings.h"

#include <QAction>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QTest>
#include <QToolTip>

using namespace ef;

namespace {

/// Leaves the growth view switched off for the next test, whatever this one did.
struct GrowthOffAfterwards {
    ~GrowthOffAfterwards() { settings::setGrowthViewShown(false); }
};

/// `plot` laid out at `width` × 400 px (the frame fits its titles after a layout; the second pass settles).
void layOut(PlotWidget *plot, int width)
{
    plot->resize(width, 400);
    plot->replot(QCustomPlot::rpImmediateRefresh);
    plot->replot(QCustomPlot::rpImmediateRefresh);
}

/// The deep-learning-bet preset (the longest growth subtitle of the presets) with the growth view on.
void showDeepLearningBet(MainWindow &window)
{
    REQUIRE(window.openPreset(QStringLiteral("deep-learning-bet")));
    window.resize(1280, 720);
    window.growthViewAction()->setChecked(true);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(window.document()->service()->waitForIdle());
    QCoreApplication::processEvents();
    REQUIRE(window.growthView()->subtitle().contains(QStringLiteral("where the split jumps")));
}

/// Every line of the drawn subtitle fits the room in the font it is drawn in.
void requireLinesFit(const ChartFrame *frame)
{
    const QFontMetricsF metrics(frame->subtitleFont());
    for (const QString &line : frame->shownSubtitle().split(QLatin1Char('\n'))) {
        INFO(line.toStdString());
        CHECK(metrics.horizontalAdvance(line) <= frame->titleRoom() + 0.5);
    }
}

} // namespace

TEST_CASE("A narrow growth view shrinks its subtitle and keeps it to two lines; a wide one is unchanged",
          "[chart][titles]")
{
    const GrowthOffAfterwards reset;
    MainWindow window;
    showDeepLearningBet(window);
    PlotWidget *plot = window.growthView();
    const ChartFrame *frame = plot->frame();
    const QString subtitle = frame->subtitle();
    const double normal = frame->font().pointSizeF(); // the theme's base size, as applied to every label

    layOut(plot, 1800);
    INFO("wide: " << frame->shownSubtitle().toStdString());
    // Wide: exactly as before, the base font and the whole subtitle on one line.
    CHECK(frame->subtitleFont() == frame->font());
    CHECK(frame->shownSubtitle() == subtitle);
    CHECK(frame->subtitleToolTipAt(frame->subtitleRect().center()).isEmpty());
    const double oneLine = frame->subtitleRect().height();

    // A third of a 1280 px window.
    layOut(plot, 1280 / 3);
    const QString narrow = frame->shownSubtitle();
    INFO("narrow: " << narrow.toStdString());
    const double size = frame->subtitleFont().pointSizeF();
    CHECK(size < normal);
    CHECK(size >= 0.75 * normal - 1e-9);
    CHECK(narrow.count(QLatin1Char('\n')) <= 1);
    // Laid out, it takes at most two lines of its font (plus the element's margins, those of one line).
    const QFontMetricsF metrics(frame->subtitleFont());
    const double margins = oneLine - QFontMetricsF(frame->font()).height();
    CHECK(frame->subtitleRect().height() <= 2 * metrics.height() + margins + 1);
    CHECK(frame->subtitleRect().height() > oneLine - 0.5);
    requireLinesFit(frame);
    // Nothing is lost at this width: the same words in the same order.
    CHECK(QString(narrow).replace(QLatin1Char('\n'), QLatin1Char(' ')) == subtitle);
    CHECK(frame->subtitleToolTipAt(frame->subtitleRect().center()).isEmpty());

    // Back to wide: back to the base font and one line.
    layOut(plot, 1800);
    CHECK(frame->subtitleFont() == frame->font());
    CHECK(frame->shownSubtitle() == subtitle);
}

TEST_CASE("A subtitle too long for two lines ends in an ellipsis and shows all of itself as a tooltip",
          "[chart][titles]")
{
    const GrowthOffAfterwards reset;
    MainWindow window;
    showDeepLearningBet(window);
    PlotWidget *plot = window.growthView();
    const ChartFrame *frame = plot->frame();
    const QString subtitle = frame->subtitle();

    layOut(plot, 200);
    const QString shown = frame->shownSubtitle();
    INFO(shown.toStdString());
    // At the smallest size it may take (3/4 of the base size, or 7 pt), two lines and an ellipsis.
    CHECK(frame->subtitleFont().pointSizeF() == Approx(std::max(0.75 * frame->font().pointSizeF(), 7.0)).margin(1e-9));
    CHECK(shown.count(QLatin1Char('\n')) == 1);
    REQUIRE(shown.endsWith(QChar(0x2026)));
    requireLinesFit(frame);
    // What is shown is the subtitle's beginning.
    const QString kept = QString(shown).replace(QLatin1Char('\n'), QLatin1Char(' ')).chopped(1);
    CHECK(subtitle.startsWith(kept));
    CHECK(kept.size() < subtitle.size());

    // Hovering the subtitle shows it whole; hovering the plot's middle does not.
    const QPoint on = frame->subtitleRect().center().toPoint();
    CHECK(frame->subtitleToolTipAt(on) == subtitle);
    CHECK(frame->subtitleToolTipAt(plot->axisRect()->rect().center()).isEmpty());
    QHelpEvent help(QEvent::ToolTip, on, plot->mapToGlobal(on));
    QCoreApplication::sendEvent(plot, &help);
    CHECK(QToolTip::text() == subtitle);
    QToolTip::hideText();
}

TEST_CASE("The accuracy chart's subtitle shrinks and stays within two lines as well", "[chart][titles]")
{
    MainWindow window;
    window.resize(1280, 720);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(window.document()->service()->waitForIdle());
    QCoreApplication::processEvents();
    PlotWidget *plot = window.chartWidget();
    const ChartFrame *frame = plot->frame();
    REQUIRE_FALSE(frame->subtitle().isEmpty());

    layOut(plot, 1800);
    CHECK(frame->subtitleFont() == frame->font());
    CHECK(frame->shownSubtitle() == frame->subtitle());

    layOut(plot, 260);
    INFO(frame->shownSubtitle().toStdString());
    CHECK(frame->subtitleFont().pointSizeF() < frame->font().pointSizeF());
    CHECK(frame->shownSubtitle().count(QLatin1Char('\n')) <= 1);
    requireLinesFit(frame);
}
