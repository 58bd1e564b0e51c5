// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

#include <QSize>
#include <QString>

namespace ef::exportLimits {

inline constexpr int kMinSide = 16;    ///< Pixels, each side of the chart.
inline constexpr int kMaxSide = 20000; ///< Pixels, each side of the chart.
inline constexpr double kMinScale = 1;
inline constexpr double kMaxScale = 4;
/// The largest image an export draws: (width × scale) × (height × scale) pixels, 4 bytes each in
/// memory (200 MB). 7680×4320 (8K) fits; 20000×20000 does not.
inline constexpr double kMaxPixels = 50'000'000;

/// Why a chart of `size` at `scale` cannot be exported (sides, scale, pixel count), or an empty string.
inline QString sizeProblem(const QSize &size, double scale)
{
    if (size.width() < kMinSide || size.height() < kMinSide || size.width() > kMaxSide || size.height() > kMaxSide)
        return QStringLiteral("size %1x%2 is outside %3…%4 pixels a side")
            .arg(size.width())
            .arg(size.height())
            .arg(kMinSide)
            .arg(kMaxSide);
    if (!(scale >= kMinScale && scale <= kMaxScale))
        return QStringLiteral("scale %1 is outside %2…%3").arg(scale).arg(kMinScale).arg(kMaxScale);
    const double pixels = size.width() * scale * size.height() * scale;
    if (pixels > kMaxPixels)
        return QStringLiteral("%1x%2 at scale %3 is %4 million pixels; the limit is %5 million (for example "
                              "7680x4320, or 3840x2160 at scale 2)")
            .arg(size.width())
            .arg(size.height())
            .arg(scale)
            .arg(pixels / 1e6, 0, 'f', 1)
            .arg(kMaxPixels / 1e6, 0, 'f', 0);
    return {};
}

} // namespace ef::exportLimits
