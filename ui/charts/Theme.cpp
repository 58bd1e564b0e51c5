// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "charts/Theme.h"

#include <QApplication>
#include <QCoreApplication>
#include <QStyle>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <numbers>

namespace ef {

namespace {

/// A colour in CIE L*a*b* (D65 white), where distances approximate perceived differences.
struct Lab {
    double l = 0;
    double a = 0;
    double b = 0;
};

double toLinear(double encoded)
{
    return encoded <= 0.04045 ? encoded / 12.92 : std::pow((encoded + 0.055) / 1.055, 2.4);
}

/// sRGB (components 0…1, gamma-encoded) to CIE L*a*b*.
Lab labOf(double red, double green, double blue)
{
    const double r = toLinear(red);
    const double g = toLinear(green);
    const double b = toLinear(blue);
    const double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
    const double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    const double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
    constexpr double delta = 6.0 / 29.0;
    const auto f
        = [](double t) { return t > delta * delta * delta ? std::cbrt(t) : t / (3 * delta * delta) + 4.0 / 29.0; };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

Lab labOf(const QColor &color)
{
    return labOf(color.redF(), color.greenF(), color.blueF());
}

/// The CIEDE2000 colour difference (Sharma, Wu and Dalal's formulation).
double deltaE2000(const Lab &first, const Lab &second)
{
    constexpr double pi = std::numbers::pi;
    const auto radians = [](double degrees) { return degrees * pi / 180; };
    const auto degrees = [](double r) {
        const double d = r * 180 / pi;
        return d < 0 ? d + 360 : d;
    };
    const double cBar = (std::hypot(first.a, first.b) + std::hypot(second.a, second.b)) / 2;
    const double cBar7 = std::pow(cBar, 7);
    const double g = 0.5 * (1 - std::sqrt(cBar7 / (cBar7 + std::pow(25.0, 7))));
    const double a1 = (1 + g) * first.a;
    const double a2 = (1 + g) * second.a;
    const double c1 = std::hypot(a1, first.b);
    const double c2 = std::hypot(a2, second.b);
    const double h1 = (a1 == 0 && first.b == 0) ? 0 : degrees(std::atan2(first.b, a1));
    const double h2 = (a2 == 0 && second.b == 0) ? 0 : degrees(std::atan2(second.b, a2));
    const double dL = second.l - first.l;
    const double dC = c2 - c1;
    double dh = 0;
    if (c1 * c2 != 0) {
        dh = h2 - h1;
        if (dh > 180)
            dh -= 360;
        else if (dh < -180)
            dh += 360;
    }
    const double dH = 2 * std::sqrt(c1 * c2) * std::sin(radians(dh / 2));
    const double lBar = (first.l + second.l) / 2;
    const double cBarP = (c1 + c2) / 2;
    double hBar = h1 + h2;
    if (c1 * c2 != 0) {
        if (std::abs(h1 - h2) <= 180)
            hBar = (h1 + h2) / 2;
        else
            hBar = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
    }
    const double t = 1 - 0.17 * std::cos(radians(hBar - 30)) + 0.24 * std::cos(radians(2 * hBar))
        + 0.32 * std::cos(radians(3 * hBar + 6)) - 0.20 * std::cos(radians(4 * hBar - 63));
    const double dTheta = 30 * std::exp(-std::pow((hBar - 275) / 25, 2));
    const double cBarP7 = std::pow(cBarP, 7);
    const double rC = 2 * std::sqrt(cBarP7 / (cBarP7 + std::pow(25.0, 7)));
    const double sL = 1 + 0.015 * (lBar - 50) * (lBar - 50) / std::sqrt(20 + (lBar - 50) * (lBar - 50));
    const double sC = 1 + 0.045 * cBarP;
    const double sH = 1 + 0.015 * cBarP * t;
    const double rT = -std::sin(radians(2 * dTheta)) * rC;
    return std::sqrt((dL / sL) * (dL / sL) + (dC / sC) * (dC / sC) + (dH / sH) * (dH / sH)
                     + rT * (dC / sC) * (dH / sH));
}

/// What a theme's generated colours depend on.
QString sequenceKey(const Theme &theme)
{
    QString key;
    for (const QColor &color : theme.cycle)
        key += color.name();
    for (const QColor &color : {theme.plotBackground, theme.background, theme.foreground, theme.dot})
        key += color.name();
    for (const double bound :
         {theme.generatedLightnessMin, theme.generatedLightnessMax, theme.generatedChromaMin, theme.generatedChromaMax})
        key += QLatin1Char('/') + QString::number(bound);
    return key;
}

} // namespace

/**
 * The generated colours after a theme's cycle: farthest-point sampling of an sRGB grid, so each new
 * colour is the one that differs most (CIEDE2000) from the cycle, the background, the text, the red
 * of the optimal points and every colour generated before it. Extended on demand (about 0.1 ms a colour).
 */
class ColorSequence
{
public:
    explicit ColorSequence(const Theme &theme)
        : m_cycle(theme.cycle), m_fixed{theme.plotBackground, theme.background, theme.foreground, theme.dot},
          m_band{theme.generatedLightnessMin, theme.generatedLightnessMax, theme.generatedChromaMin,
                 theme.generatedChromaMax}
    {
        constexpr int steps = 16; // 17³ grid points, about 1,800 of them in a theme's band
        const Lab dot = labOf(theme.dot);
        for (int r = 0; r <= steps; ++r) {
            for (int g = 0; g <= steps; ++g) {
                for (int b = 0; b <= steps; ++b) {
                    const QColor color = QColor::fromRgb(qRound(255.0 * r / steps), qRound(255.0 * g / steps),
                                                         qRound(255.0 * b / steps));
                    const Lab lab = labOf(color);
                    const double chroma = std::hypot(lab.a, lab.b);
                    if (lab.l < theme.generatedLightnessMin || lab.l > theme.generatedLightnessMax
                        || chroma < theme.generatedChromaMin || chroma > theme.generatedChromaMax
                        || deltaE2000(lab, dot) < kMinDistanceFromDot)
                        continue;
                    m_candidates.push_back(color);
                    m_labs.push_back(lab);
                }
            }
        }
        m_distance.assign(m_labs.size(), std::numeric_limits<double>::infinity());
        for (const QColor &color : m_cycle)
            keepAwayFrom(labOf(color));
        for (const QColor &color : m_fixed)
            keepAwayFrom(labOf(color));
    }

    /// True when `theme` would generate this very sequence (a cheap check: a few colours and numbers).
    [[nodiscard]] bool matches(const Theme &theme) const
    {
        return theme.cycle == m_cycle
            && m_fixed == std::array{theme.plotBackground, theme.background, theme.foreground, theme.dot}
        && m_band
            == std::array{theme.generatedLightnessMin, theme.generatedLightnessMax, theme.generatedChromaMin,
                          theme.generatedChromaMax};
    }

    /// The generated colour number `index` (0 is the first after the cycle). Thread-safe.
    QColor at(std::size_t index)
    {
        const std::lock_guard lock(m_mutex);
        if (m_candidates.empty())
            return QColor(Qt::gray);
        if (index >= m_candidates.size())
            index %= m_candidates.size();
        while (m_picked.size() <= index) {
            std::size_t best = 0;
            for (std::size_t i = 1; i < m_distance.size(); ++i)
                if (m_distance[i] > m_distance[best])
                    best = i;
            if (m_distance[best] <= 0) // every candidate taken or equal to a fixed colour: repeat
                return m_picked.empty() ? QColor(Qt::gray) : m_picked[index % m_picked.size()];
            m_picked.push_back(m_candidates[best]);
            keepAwayFrom(m_labs[best]);
            m_distance[best] = -1; // never picked twice
        }
        return m_picked[index];
    }

private:
    static constexpr double kMinDistanceFromDot = 20; ///< ΔE00: curves never read as the red dots.

    void keepAwayFrom(const Lab &lab)
    {
        for (std::size_t i = 0; i < m_labs.size(); ++i)
            if (m_distance[i] > 0)
                m_distance[i] = std::min(m_distance[i], deltaE2000(m_labs[i], lab));
    }

    std::vector<QColor> m_cycle;
    std::array<QColor, 4> m_fixed;
    std::array<double, 4> m_band;
    std::mutex m_mutex;
    std::vector<QColor> m_candidates;
    std::vector<Lab> m_labs;
    std::vector<double> m_distance; ///< Each candidate's distance to the nearest colour taken.
    std::vector<QColor> m_picked;
};

Theme Theme::dark()
{
    Theme t;
    t.id = QStringLiteral("dark");
    t.displayName = QCoreApplication::translate("Theme", "Dark (reference look)");
    t.background = QColor(0x1e, 0x1e, 0x1e);
    t.plotBackground = QColor(0x12, 0x12, 0x12);
    t.foreground = QColor(0xe8, 0xe8, 0xe8);
    t.grid = QColor(0x4a, 0x4a, 0x4a);
    t.stageBand = QColor(0x1f, 0x1f, 0x1f); // opaque: every SVG viewer shows it alike
    t.stageLine = QColor(0x9a, 0x9a, 0x9a);
    t.labelBackground = QColor(0x12, 0x12, 0x12);
    t.dot = QColor(0xff, 0x00, 0x00);
    t.cycle = {QColor(0x8d, 0xd3, 0xc7), QColor(0xfe, 0xff, 0xb3), QColor(0xbf, 0xbb, 0xd9), QColor(0xfa, 0x81, 0x74),
               QColor(0x81, 0xb1, 0xd2)};
    // Generated colours after the cycle: light enough to read on the dark plot.
    t.generatedLightnessMin = 55;
    t.generatedLightnessMax = 92;
    t.generatedChromaMin = 20;
    t.generatedChromaMax = 80;
    return t;
}

Theme Theme::light()
{
    Theme t;
    t.id = QStringLiteral("light");
    t.displayName = QCoreApplication::translate("Theme", "Light (print)");
    t.background = QColor(Qt::white);
    t.plotBackground = QColor(Qt::white);
    t.foreground = QColor(0x20, 0x20, 0x20);
    t.grid = QColor(0xd0, 0xd0, 0xd0);
    t.stageBand = QColor(0xf2, 0xf2, 0xf2);
    t.stageLine = QColor(0x70, 0x70, 0x70);
    t.labelBackground = QColor(Qt::white);
    t.dot = QColor(0xff, 0x00, 0x00);
    // Okabe and Ito's colour-blind-safe palette (blue, orange, bluish green, reddish purple, sky blue):
    // told apart with every common colour-vision deficiency. Its yellow vanishes on white and its
    // vermillion reads as the red dots, so neither is used.
    t.cycle = {QColor(0x00, 0x72, 0xb2), QColor(0xe6, 0x9f, 0x00), QColor(0x00, 0x9e, 0x73), QColor(0xcc, 0x79, 0xa7),
               QColor(0x56, 0xb4, 0xe9)};
    // Generated colours after the cycle: dark enough to read on white paper.
    t.generatedLightnessMin = 30;
    t.generatedLightnessMax = 68;
    t.generatedChromaMin = 25;
    t.generatedChromaMax = 90;
    return t;
}

std::optional<Theme> Theme::byId(const QString &id)
{
    if (id == QLatin1String("dark"))
        return dark();
    if (id == QLatin1String("light"))
        return light();
    return std::nullopt;
}

QStringList Theme::ids()
{
    return {QStringLiteral("dark"), QStringLiteral("light")};
}

QPalette Theme::windowPalette() const
{
    if (id != QLatin1String("dark"))
        return QApplication::style()->standardPalette();
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2b);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor text(0xe8, 0xe8, 0xe8);
    const QColor disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x55, 0x55));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x4a));
    p.setColor(QPalette::Midlight, QColor(0x40, 0x40, 0x40));
    p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x30));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x18));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xb0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x81, 0xb1, 0xd2));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

QColor Theme::projectColor(std::size_t index, const std::string &ownColor) const
{
    if (!ownColor.empty()) {
        const QColor own(QString::fromStdString(ownColor));
        if (own.isValid())
            return own;
    }
    return automaticColor(index);
}

QColor Theme::automaticColor(std::size_t index) const
{
    if (index < cycle.size())
        return cycle[index];
    // Checking the key costs a string; the chart asks for every project's colour on every update, so
    // the sequence is kept with the theme and looked up again only when it is missing.
    if (!m_generated || !m_generated->matches(*this)) {
        static std::mutex mutex;
        static std::map<QString, std::shared_ptr<ColorSequence>> sequences;
        const QString key = sequenceKey(*this);
        const std::lock_guard lock(mutex);
        std::shared_ptr<ColorSequence> &sequence = sequences[key];
        if (!sequence)
            sequence = std::make_shared<ColorSequence>(*this);
        m_generated = sequence;
    }
    return m_generated->at((index - cycle.size()) % kDistinctColors);
}

} // namespace ef
