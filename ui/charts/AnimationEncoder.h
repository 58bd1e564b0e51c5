// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#pragma once

// Animated GIF (giflib) and animated WebP (libwebp's WebPAnimEncoder) from a stream of frames.

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace ef {

/// File formats of animations, chosen by the file name's extension.
enum class AnimationFormat {
    Gif,
    WebP
};
/// .gif or .webp (case-insensitive), or std::nullopt.
std::optional<AnimationFormat> animationFormatFor(const QString &path);

/**
 * A GIF palette shared by every frame: 255 colours by median cut over sample frames (the chart has few
 * colours: the theme's, the projects' and their antialiasing blends), index 255 kept for "unchanged
 * since the previous frame" (transparent). Maps any colour to its nearest entry through a 32768-entry
 * table (5 bits a channel), each populated cell resolved from its mean colour so the theme's exact
 * colours stay exact.
 */
class GifPalette
{
public:
    static constexpr int kColors = 255;
    static constexpr std::uint8_t kTransparent = 255;

    explicit GifPalette(const std::vector<QImage> &samples);
    [[nodiscard]] const std::vector<QRgb> &colors() const { return m_colors; }
    [[nodiscard]] std::uint8_t indexOf(QRgb color) const
    {
        return m_lookup[static_cast<std::size_t>(((qRed(color) >> 3) << 10) | ((qGreen(color) >> 3) << 5)
                                                 | (qBlue(color) >> 3))];
    }

private:
    std::vector<QRgb> m_colors;
    std::vector<std::uint8_t> m_lookup;
};

/// Receives the frames of an animation in order and gives the file's bytes at the end.
class AnimationEncoder
{
public:
    virtual ~AnimationEncoder() = default;
    /// Adds one frame (size() pixels, any format) shown for `delayMs` milliseconds; false on an error.
    virtual bool add(const QImage &frame, int delayMs) = 0;
    /// The finished file, or empty with `error` set.
    virtual QByteArray finish(QString *error) = 0;
};

/**
 * An animated GIF of `size` with the shared `palette`. `loop`: how many times it plays, 0 = forever
 * (the NETSCAPE2.0 extension; 1 writes none, so it plays once). Frames after the first store only the
 * rectangle that changed, with unchanged pixels transparent (disposal "do not dispose"). Delays are
 * kept to the centisecond with the rounding error carried, so the total is exact.
 */
std::unique_ptr<AnimationEncoder> makeGifEncoder(QSize size, GifPalette palette, int loop);

/// An animated WebP (lossless, method 1) of `size`; `loop` as for GIF (0 = forever).
std::unique_ptr<AnimationEncoder> makeWebPEncoder(QSize size, int loop);

} // namespace ef
