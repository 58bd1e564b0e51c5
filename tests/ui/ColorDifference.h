// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

// How different two colours look, written independently of ui/charts/Theme.cpp so that the palette
// tests do not check the theme's arithmetic against itself: CIE L*a*b* (sRGB, D65), the CIEDE2000
// difference (checked against Sharma, Wu and Dalal's published pairs in ThemePaletteTest.cpp) and
// Machado, Oliveira and Fernandes' (2009) simulation of full protanopia, deuteranopia and tritanopia.

#include <QColor>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

namespace ef::test {

struct LabColor {
    double l = 0;
    double a = 0;
    double b = 0;
};

inline double srgbToLinear(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

/// Linear-light RGB (0…1) to CIE L*a*b* with the D65 white point.
inline LabColor labFromLinear(double r, double g, double b)
{
    const double x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
    const double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    const double z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
    const auto f = [](double t) {
        constexpr double e = 216.0 / 24389.0;
        constexpr double k = 24389.0 / 27.0;
        return t > e ? std::cbrt(t) : (k * t + 16) / 116;
    };
    const double fx = f(x / 0.95047);
    const double fy = f(y);
    const double fz = f(z / 1.08883);
    return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

inline LabColor lab(const QColor &color)
{
    return labFromLinear(srgbToLinear(color.redF()), srgbToLinear(color.greenF()), srgbToLinear(color.blueF()));
}

/// CIEDE2000 (kL = kC = kH = 1).
inline double deltaE00(const LabColor &x, const LabColor &y)
{
    using std::numbers::pi;
    const auto rad = [](double deg) { return deg * pi / 180.0; };
    const auto hue = [](double b, double a) {
        if (a == 0 && b == 0)
            return 0.0;
        const double h = std::atan2(b, a) * 180.0 / pi;
        return h < 0 ? h + 360.0 : h;
    };
    const double cMean = (std::sqrt(x.a * x.a + x.b * x.b) + std::sqrt(y.a * y.a + y.b * y.b)) / 2;
    const double g = 0.5 * (1 - std::sqrt(std::pow(cMean, 7) / (std::pow(cMean, 7) + std::pow(25.0, 7))));
    const double a1 = x.a * (1 + g);
    const double a2 = y.a * (1 + g);
    const double c1 = std::sqrt(a1 * a1 + x.b * x.b);
    const double c2 = std::sqrt(a2 * a2 + y.b * y.b);
    const double h1 = hue(x.b, a1);
    const double h2 = hue(y.b, a2);
    double dhp = 0;
    if (c1 * c2 != 0) {
        dhp = h2 - h1;
        dhp += dhp > 180 ? -360 : (dhp < -180 ? 360 : 0);
    }
    const double dL = y.l - x.l;
    const double dC = c2 - c1;
    const double dH = 2 * std::sqrt(c1 * c2) * std::sin(rad(dhp / 2));
    const double lMean = (x.l + y.l) / 2;
    const double cpMean = (c1 + c2) / 2;
    double hMean = h1 + h2;
    if (c1 * c2 != 0)
        hMean = std::abs(h1 - h2) <= 180 ? (h1 + h2) / 2 : (h1 + h2 + (h1 + h2 < 360 ? 360 : -360)) / 2;
    const double t = 1 - 0.17 * std::cos(rad(hMean - 30)) + 0.24 * std::cos(rad(2 * hMean))
        + 0.32 * std::cos(rad(3 * hMean + 6)) - 0.20 * std::cos(rad(4 * hMean - 63));
    const double rotation = 30 * std::exp(-((hMean - 275) / 25) * ((hMean - 275) / 25));
    const double rc = 2 * std::sqrt(std::pow(cpMean, 7) / (std::pow(cpMean, 7) + std::pow(25.0, 7)));
    const double sl = 1 + 0.015 * (lMean - 50) * (lMean - 50) / std::sqrt(20 + (lMean - 50) * (lMean - 50));
    const double sc = 1 + 0.045 * cpMean;
    const double sh = 1 + 0.015 * cpMean * t;
    const double rt = -std::sin(rad(2 * rotation)) * rc;
    return std::sqrt((dL / sl) * (dL / sl) + (dC / sc) * (dC / sc) + (dH / sh) * (dH / sh)
                     + rt * (dC / sc) * (dH / sh));
}

inline double deltaE00(const QColor &x, const QColor &y)
{
    return deltaE00(lab(x), lab(y));
}

enum class Vision {
    Normal,
    Protanopia,
    Deuteranopia,
    Tritanopia,
};

/// How `color` looks with `vision` (Machado et al. 2009, severity 1, applied to linear RGB), in Lab.
inline LabColor seenWith(const QColor &color, Vision vision)
{
    using Matrix = std::array<std::array<double, 3>, 3>;
    static constexpr Matrix protan{
        {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}};
    static constexpr Matrix deutan{
        {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}};
    static constexpr Matrix tritan{
        {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}};
    const std::array<double, 3> rgb{srgbToLinear(color.redF()), srgbToLinear(color.greenF()),
                                    srgbToLinear(color.blueF())};
    if (vision == Vision::Normal)
        return labFromLinear(rgb[0], rgb[1], rgb[2]);
    const Matrix &m = vision == Vision::Protanopia ? protan : vision == Vision::Deuteranopia ? deutan : tritan;
    std::array<double, 3> out{};
    for (std::size_t i = 0; i < 3; ++i)
        out[i] = std::clamp(m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2], 0.0, 1.0);
    return labFromLinear(out[0], out[1], out[2]);
}

/// The smallest CIEDE2000 difference between any two of `colors` as seen with `vision`.
inline double minimumDifference(const std::vector<QColor> &colors, Vision vision = Vision::Normal)
{
    double minimum = INFINITY;
    for (std::size_t i = 0; i < colors.size(); ++i)
        for (std::size_t j = i + 1; j < colors.size(); ++j)
            minimum = std::min(minimum, deltaE00(seenWith(colors[i], vision), seenWith(colors[j], vision)));
    return minimum;
}

} // namespace ef::test
