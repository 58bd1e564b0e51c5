// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include "Scenario.h"
#include "charts/Theme.h"

#include <QFont>
#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <vector>

class QCPAxis;
class QCPItemRect;
class QCPItemStraightLine;
class QCPItemText;
class QCPLegend;
class QCPTextElement;
class QCustomPlot;

namespace ef {

/**
 * The frame every view is drawn in, on a QCustomPlot owned by the caller (a widget on screen, an
 * off-screen plot for exports): the title and a subtitle that fit the width, the theme (backgrounds,
 * fonts, axes, grid, legend), the lifecycle stages along the effort axis, and the automatic ranges
 * that hand zooming turns off. The accuracy chart (Chart) and the growth view (GrowthChart) are built
 * on it; everything they share lives here, once.
 *
 * A view fills in its plottables in its own update function and reacts to the frame through three
 * hooks: applyTheme() (pens and fonts of its own items), fitRanges() (its automatic axis ranges) and
 * placeLabels() (pixel-positioned labels, after every layout). The frame never replots by itself.
 */
class ChartFrame : public QObject
{
    Q_OBJECT

public:
    /// Where the stages run: along the x axis (effort on x: shaded bands, names along the top) or
    /// the y axis (effort on y: dashed lines, names at the left above each line).
    enum class StageAxis {
        X,
        Y
    };

    /// Sets up `plot` (owned by the caller; this object becomes its child).
    ChartFrame(QCustomPlot *plot, const QString &title, StageAxis stageAxis);

    [[nodiscard]] QCustomPlot *plot() const { return m_plot; }

    /// Applies colours, fonts and pens to the frame and then to the view's own items.
    void setTheme(const Theme &theme);
    [[nodiscard]] const Theme &theme() const { return m_theme; }
    /// Multiplies every font size and line width (exports at large sizes, presenter mode); 1 on screen.
    void setScale(double scale);
    [[nodiscard]] double scale() const { return m_scale; }
    /// On screen (a PlotWidget) rather than an export: with hundreds of lines the screen draws them
    /// without antialiasing, so a drag stays within a frame; exports always antialias.
    void setOnScreen(bool on) { m_onScreen = on; }
    /// Antialiasing for `lineCount` plotted lines: always in exports, on screen up to a few hundred.
    void antialiasFor(std::size_t lineCount);

    [[nodiscard]] QString title() const { return m_titleText; }
    /// The title as drawn: shrunk to fit, and wrapped at spaces onto more lines when even the smallest
    /// size is too wide.
    [[nodiscard]] QString shownTitle() const;
    /// The width the titles may take, in pixels.
    [[nodiscard]] double titleRoom() const;
    /// The line under the title: when the width is too narrow for it, shrunk (to 3/4 of its size at
    /// most), then wrapped onto two lines, then elided (its tooltip then shows all of it).
    void setSubtitle(const QString &text);
    [[nodiscard]] QString subtitle() const { return m_subtitleText; }
    /// The subtitle as drawn (lines joined by '\n', elided with "…" when even two lines are too short).
    [[nodiscard]] QString shownSubtitle() const;
    /// The font the subtitle is drawn in (the theme's base size unless it had to shrink).
    [[nodiscard]] QFont subtitleFont() const;
    /// Where the subtitle is laid out, in pixels of the plot.
    [[nodiscard]] QRectF subtitleRect() const;
    /// The whole subtitle when it is elided and `pos` is on it; empty otherwise.
    [[nodiscard]] QString subtitleToolTipAt(const QPointF &pos) const;

    /// Shows these stages (rebuilt only when they differ from the ones shown).
    void setStages(const std::vector<Stage> &stages);
    /// The stage names as drawn (elided, or the stage's number when its band is too narrow); one per stage.
    [[nodiscard]] QStringList shownStageNames() const;

    /// When on (the default), the view fits its axes on every update; zooming or panning by hand turns
    /// it off, resetView() turns it on again.
    void setAutoRange(bool on) { m_autoRange = on; }
    [[nodiscard]] bool autoRange() const { return m_autoRange; }
    /// Back to the automatic ranges.
    void resetView();

    /// A description of what is under the pixel `pos` (empty when nothing is near).
    [[nodiscard]] virtual QString toolTipAt(const QPointF &pos) const;

    /// A font of the theme's base size plus `delta` points, scaled.
    [[nodiscard]] QFont font(int delta = 0, bool bold = false, bool italic = false) const;
    /// A pen width scaled for the current export or screen.
    [[nodiscard]] double width(double pixels) const { return pixels * m_scale; }

protected:
    /// Pens and fonts of the view's own items (the frame's are done).
    virtual void applyTheme() { }
    /// The view's automatic axis ranges (called only while autoRange()).
    virtual void fitRanges() { }
    /// Positions pixel-placed labels after each layout; `taken` holds the rectangles of the stage names.
    virtual void placeLabels(std::vector<QRectF> &taken) { Q_UNUSED(taken); }
    /// Redraws the view's data (e.g. after resetView()).
    virtual void redraw() { }
    /// Fits the view's own layout elements (legend columns) to the width; true when something changed.
    virtual bool fitLayout() { return false; }

    /// The legend below the axes (created on first use), in columns so it never hides data.
    QCPLegend *legend();
    /// Ticks `axis` in whole units with thousands separators, as many as fit its length.
    void useEffortTicks(QCPAxis *axis);

private:
    bool fitTitles();
    bool fitSubtitle(double room);
    void applyFrameTheme();
    void placeStageLabels(std::vector<QRectF> &taken);

    QCustomPlot *m_plot;
    StageAxis m_stageAxis;
    Theme m_theme = Theme::dark();
    double m_scale = 1;
    bool m_onScreen = false;
    QString m_titleText;
    QString m_subtitleText;
    bool m_subtitleElided = false;
    QCPTextElement *m_title = nullptr;
    QCPTextElement *m_subtitle = nullptr;
    QCPLegend *m_legend = nullptr;
    std::vector<Stage> m_stages;
    std::vector<QCPItemRect *> m_stageBands;
    std::vector<QCPItemStraightLine *> m_stageLines;
    std::vector<QCPItemText *> m_stageLabels;
    std::vector<QCPAxis *> m_effortAxes;
    bool m_autoRange = true;
};

} // namespace ef
