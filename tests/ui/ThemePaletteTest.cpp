// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

// The curve colours of both themes: the reference cycle kept, every automatic colour distinct, the
// light palette told apart with colour-vision deficiencies.

#include "ColorDifference.h"

#include "ScenarioFile.h"
#include "charts/Theme.h"

#include <catch2/catch.hpp>

#include <QSet>

#include <vector>

using namespace ef;
using namespace ef::test;

namespace {

std::vector<QColor> automaticColors(const Theme &theme, std::size_t count)
{
    std::vector<QColor> colors;
    for (std::size_t i = 0; i < count; ++i)
        colors.push_back(theme.automaticColor(i));
    return colors;
}

std::vector<QColor> fromHex(std::initializer_list<const char *> names)
{
    std::vector<QColor> colors;
    for (const char *name : names)
        colors.emplace_back(QString::fromLatin1(name));
    return colors;
}

} // namespace

TEST_CASE("The test's CIEDE2000 matches the published test pairs of Sharma and Wu and Dalal", "[theme][color]")
{
    // Pairs 1, 7, 17 and 25 of the CIEDE2000 test data (Sharma et al., Color Res. Appl. 30, 2005).
    CHECK(deltaE00(LabColor{50, 2.6772, -79.7751}, LabColor{50, 0, -82.7485}) == Approx(2.0425).margin(1e-4));
    CHECK(deltaE00(LabColor{50, 0, 0}, LabColor{50, -1, 2}) == Approx(2.3669).margin(1e-4));
    CHECK(deltaE00(LabColor{50, 2.5, 0}, LabColor{73, 25, -18}) == Approx(27.1492).margin(1e-4));
    CHECK(deltaE00(LabColor{60.2574, -34.0099, 36.2677}, LabColor{60.4626, -34.1751, 39.4387})
          == Approx(1.2644).margin(1e-4));
    // sRGB white is L* = 100 with no colour; pure red is the textbook (53.24, 80.09, 67.20).
    CHECK(lab(QColor(Qt::white)).l == Approx(100).margin(0.01));
    CHECK(lab(QColor(255, 0, 0)).a == Approx(80.09).margin(0.05));
}

TEST_CASE("The dark theme keeps the reference cycle as its first five colours", "[theme][color]")
{
    const std::vector<QColor> reference = fromHex({"#8dd3c7", "#feffb3", "#bfbbd9", "#fa8174", "#81b1d2"});
    CHECK(Theme::dark().cycle == reference);
    CHECK(automaticColors(Theme::dark(), 5) == reference);
}

TEST_CASE("The first twelve automatic colours of each theme are far apart", "[theme][color]")
{
    // The reference cycle's closest pair (#bfbbd9, #81b1d2) is 18.9 apart; nothing added comes closer.
    for (const Theme &theme : {Theme::dark(), Theme::light()}) {
        INFO(theme.id.toStdString());
        const std::vector<QColor> colors = automaticColors(theme, 12);
        CHECK(minimumDifference(colors) >= 18);
        for (const QColor &color : colors) {
            INFO(color.name().toStdString());
            CHECK(deltaE00(color, theme.plotBackground) >= 25); // a curve never fades into the plot
            CHECK(deltaE00(color, theme.dot) >= 15);            // nor reads as an optimal point
        }
    }
}

TEST_CASE("The light theme's cycle stays distinct with each colour-vision deficiency", "[theme][color]")
{
    const std::vector<QColor> light = Theme::light().cycle;
    REQUIRE(light.size() == 5);
    CHECK(light == fromHex({"#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9"})); // Okabe–Ito
    for (const Vision vision : {Vision::Normal, Vision::Protanopia, Vision::Deuteranopia, Vision::Tritanopia}) {
        INFO("vision " << static_cast<int>(vision));
        CHECK(minimumDifference(light, vision) >= 10);
    }

    // The palette it replaced fails the same check: its ochre and orange (#b8860b, #d95f02) are 1.9
    // apart for a deuteranope, its purple and blue 0.2 for a protanope.
    const std::vector<QColor> old = fromHex({"#1b9e77", "#b8860b", "#7570b3", "#d95f02", "#1f78b4"});
    CHECK(minimumDifference(old, Vision::Deuteranopia) < 3);
    CHECK(minimumDifference(old, Vision::Protanopia) < 3);
    CHECK(deltaE00(seenWith(QColor(0xb8, 0x86, 0x0b), Vision::Deuteranopia),
                   seenWith(QColor(0xd9, 0x5f, 0x02), Vision::Deuteranopia))
          < 3);
}

TEST_CASE("Forty projects get forty clearly different colours and every chart-sized scenario distinct ones",
          "[theme][color]")
{
    for (const Theme &theme : {Theme::dark(), Theme::light()}) {
        INFO(theme.id.toStdString());
        // Before: the cycle of five repeated, so projects 1, 6, 11, ... shared a colour.
        CHECK(minimumDifference(automaticColors(theme, 40)) >= 10);

        QSet<QRgb> seen;
        for (std::size_t i = 0; i < Theme::kDistinctColors; ++i)
            seen.insert(theme.automaticColor(i).rgb());
        CHECK(seen.size() == static_cast<qsizetype>(Theme::kDistinctColors));
        CHECK(Theme::kDistinctColors >= limits::kMaxChartProjects);
        // The same colours every time, and for copies of the theme.
        const Theme copy = theme;
        CHECK(copy.automaticColor(37) == theme.automaticColor(37));
        CHECK(Theme::byId(theme.id)->automaticColor(200) == theme.automaticColor(200));
    }
}

TEST_CASE("A project's own colour wins over the automatic one", "[theme][color]")
{
    const Theme theme = Theme::light();
    CHECK(theme.projectColor(7, "#123456") == QColor(0x12, 0x34, 0x56));
    CHECK(theme.projectColor(7, "") == theme.automaticColor(7));
    CHECK(theme.projectColor(2, "not a colour") == theme.automaticColor(2));
}

TEST_CASE("A theme whose cycle is changed gets colours generated for the new cycle", "[theme][color]")
{
    Theme theme = Theme::dark();
    const QColor before = theme.automaticColor(5);
    theme.cycle = {before};
    CHECK(theme.automaticColor(0) == before);
    CHECK(theme.automaticColor(1) != before); // generated away from the new cycle, not the stale one
    CHECK(minimumDifference(automaticColors(theme, 12)) >= 10);
}
