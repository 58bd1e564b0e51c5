// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include <QColor>
#include <QPalette>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace ef {

/// The colours and sizes the chart is drawn with; one value type for the screen and for exports.
struct Theme {
    QString id;                ///< "dark" or "light", as stored in settings and given to --theme.
    QString displayName;       ///< For menus.
    QColor background;         ///< Behind the whole chart.
    QColor plotBackground;     ///< Inside the axes.
    QColor foreground;         ///< Text, axes, ticks.
    QColor grid;               ///< Major grid lines.
    QColor stageBand;          ///< Fill of every other lifecycle stage band.
    QColor stageLine;          ///< Line at the start of each stage.
    QColor labelBackground;    ///< Behind dot and stage labels, so curves never make them unreadable.
    QColor dot;                ///< The optimal points (pure red in both themes).
    std::vector<QColor> cycle; ///< Curve colours for projects without their own colour.
    double curveWidth = 2.5;   ///< Pen width of the curves, in pixels at scale 1.
    double dotSize = 11;       ///< Diameter of the optimal points, in pixels at scale 1.
    int basePointSize = 11;    ///< Tick labels, legend, labels.
    int titlePointSize = 15;   ///< The chart title.

    /// The reference look of MODEL.md: dark background, pastel cycle, red optimal points.
    static Theme dark();
    /// A white variant with darker curve colours, for printed handouts and bright projectors.
    static Theme light();
    /// The theme with this id, or std::nullopt.
    static std::optional<Theme> byId(const QString &id);
    /// All theme ids ("dark", "light").
    static QStringList ids();

    /**
     * A window palette matching the chart: dark window colours for the dark theme, the style's
     * standard palette for the light one.
     */
    [[nodiscard]] QPalette windowPalette() const;

    /// The colour of project `index`: its own "#rrggbb" when valid, otherwise the cycle's.
    [[nodiscard]] QColor projectColor(std::size_t index, const std::string &ownColor) const;
};

} // namespace ef
