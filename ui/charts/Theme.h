// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include <QColor>
#include <QPalette>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ef {

class ColorSequence;

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
    std::vector<QColor> cycle; ///< First curve colours for projects without their own (see automaticColor()).
    double curveWidth = 2.5;   ///< Pen width of the curves, in pixels at scale 1.
    double dotSize = 11;       ///< Diameter of the optimal points, in pixels at scale 1.
    int basePointSize = 11;    ///< Tick labels, legend, labels.
    int titlePointSize = 15;   ///< The chart title.

    /// Where generated colours (after the cycle) may lie, in CIE L* (lightness) and C* (chroma), so
    /// that they read well on `plotBackground`.
    double generatedLightnessMin = 55;
    double generatedLightnessMax = 92;
    double generatedChromaMin = 20;
    double generatedChromaMax = 80;

    /// The reference look: dark background, the pastel cycle #8dd3c7, #feffb3, #bfbbd9, #fa8174, #81b1d2,
    /// red optimal points.
    static Theme dark();
    /**
     * A white variant for printed handouts and bright projectors. Its cycle is Okabe and Ito's
     * colour-blind-safe palette without the colours that vanish on white (yellow) or that read as the
     * red optimal points (vermillion): blue, orange, bluish green, reddish purple, sky blue.
     */
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

    /// The colour of project `index`: its own "#rrggbb" when valid, otherwise automaticColor(index).
    [[nodiscard]] QColor projectColor(std::size_t index, const std::string &ownColor) const;

    /**
     * The automatic colour of the project at `index`: the cycle first, then generated colours, each
     * the candidate (in the lightness and chroma band above, away from the red of the optimal points
     * and from the background) farthest in CIEDE2000 from every colour before it. The first
     * kDistinctColors colours are all different, and the first 40 of each theme are at least 10 ΔE00
     * apart; further indexes repeat the sequence. Generated lazily and cached per theme.
     */
    [[nodiscard]] QColor automaticColor(std::size_t index) const;
    /// How many automatic colours are all different (more than the chart shows projects).
    static constexpr std::size_t kDistinctColors = 512;

private:
    /// The generated colours for this theme's cycle and band, shared by copies and by equal themes.
    mutable std::shared_ptr<ColorSequence> m_generated;
};

} // namespace ef
