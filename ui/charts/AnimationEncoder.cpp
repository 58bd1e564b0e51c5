// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Effort Frontier maintainers

#include "charts/AnimationEncoder.h"

#include <QFileInfo>

#include <gif_lib.h>
#include <webp/encode.h>
#include <webp/mux.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ef {

std::optional<AnimationFormat> animationFormatFor(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("gif"))
        return AnimationFormat::Gif;
    if (suffix == QLatin1String("webp"))
        return AnimationFormat::WebP;
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------------
// Palette: median cut over a 5-bit-a-channel histogram.

namespace {

constexpr int kCells = 32 * 32 * 32;

struct Cell {
    double r = 0, g = 0, b = 0; ///< Mean colour.
    double count = 0;
};

int channelOf(const Cell &cell, int channel)
{
    return static_cast<int>(channel == 0 ? cell.r : channel == 1 ? cell.g : cell.b);
}

} // namespace

GifPalette::GifPalette(const std::vector<QImage> &samples) : m_lookup(kCells, 0)
{
    std::vector<double> count(kCells, 0), sumR(kCells, 0), sumG(kCells, 0), sumB(kCells, 0);
    for (const QImage &sample : samples) {
        const QImage image = sample.convertToFormat(QImage::Format_RGB32);
        for (int y = 0; y < image.height(); ++y) {
            const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
            for (int x = 0; x < image.width(); ++x) {
                const QRgb c = line[x];
                const std::size_t key
                    = static_cast<std::size_t>(((qRed(c) >> 3) << 10) | ((qGreen(c) >> 3) << 5) | (qBlue(c) >> 3));
                count[key] += 1;
                sumR[key] += qRed(c);
                sumG[key] += qGreen(c);
                sumB[key] += qBlue(c);
            }
        }
    }
    std::vector<Cell> cells;
    for (int key = 0; key < kCells; ++key)
        if (count[static_cast<std::size_t>(key)] > 0) {
            const auto k = static_cast<std::size_t>(key);
            cells.push_back({sumR[k] / count[k], sumG[k] / count[k], sumB[k] / count[k], count[k]});
        }
    // Boxes are ranges of `cells`; split the one with the widest channel range at its pixel median.
    struct Box {
        std::size_t begin, end;
    };
    std::vector<Box> boxes;
    if (!cells.empty())
        boxes.push_back({0, cells.size()});

    auto extent = [&](const std::vector<Cell> &all, const Box &box, int &channel) {
        int best = -1;
        for (int c = 0; c < 3; ++c) {
            int lo = 255, hi = 0;
            for (std::size_t i = box.begin; i < box.end; ++i) {
                lo = std::min(lo, channelOf(all[i], c));
                hi = std::max(hi, channelOf(all[i], c));
            }
            if (hi - lo > best) {
                best = hi - lo;
                channel = c;
            }
        }
        return best;
    };
    std::vector<Cell> sortedCells = std::move(cells);
    while (static_cast<int>(boxes.size()) < kColors) {
        int bestBox = -1, bestChannel = 0;
        double bestScore = 0;
        for (std::size_t b = 0; b < boxes.size(); ++b) {
            if (boxes[b].end - boxes[b].begin < 2)
                continue;
            int channel = 0;
            const int e = extent(sortedCells, boxes[b], channel);
            double pixels = 0;
            for (std::size_t i = boxes[b].begin; i < boxes[b].end; ++i)
                pixels += sortedCells[i].count;
            const double score = e * std::sqrt(pixels);
            if (e > 0 && score > bestScore) {
                bestScore = score;
                bestBox = static_cast<int>(b);
                bestChannel = channel;
            }
        }
        if (bestBox < 0)
            break;
        Box box = boxes[static_cast<std::size_t>(bestBox)];
        std::sort(sortedCells.begin() + static_cast<std::ptrdiff_t>(box.begin),
                  sortedCells.begin() + static_cast<std::ptrdiff_t>(box.end),
                  [&](const Cell &x, const Cell &y) { return channelOf(x, bestChannel) < channelOf(y, bestChannel); });
        double total = 0;
        for (std::size_t i = box.begin; i < box.end; ++i)
            total += sortedCells[i].count;
        double running = 0;
        std::size_t split = box.begin + 1;
        for (std::size_t i = box.begin; i < box.end - 1; ++i) {
            running += sortedCells[i].count;
            split = i + 1;
            if (running >= total / 2)
                break;
        }
        boxes[static_cast<std::size_t>(bestBox)] = {box.begin, split};
        boxes.push_back({split, box.end});
    }
    for (const Box &box : boxes) {
        double r = 0, g = 0, b = 0, n = 0;
        for (std::size_t i = box.begin; i < box.end; ++i) {
            r += sortedCells[i].r * sortedCells[i].count;
            g += sortedCells[i].g * sortedCells[i].count;
            b += sortedCells[i].b * sortedCells[i].count;
            n += sortedCells[i].count;
        }
        m_colors.push_back(qRgb(static_cast<int>(std::lround(r / n)), static_cast<int>(std::lround(g / n)),
                                static_cast<int>(std::lround(b / n))));
    }
    if (m_colors.empty())
        m_colors.push_back(qRgb(0, 0, 0));
    // Every cell to its nearest colour: populated cells from their mean, the others from their centre.
    std::vector<double> meanR(kCells), meanG(kCells), meanB(kCells);
    for (int key = 0; key < kCells; ++key) {
        const auto k = static_cast<std::size_t>(key);
        if (count[k] > 0) {
            meanR[k] = sumR[k] / count[k];
            meanG[k] = sumG[k] / count[k];
            meanB[k] = sumB[k] / count[k];
        } else {
            meanR[k] = ((key >> 10) & 31) * 8 + 4;
            meanG[k] = ((key >> 5) & 31) * 8 + 4;
            meanB[k] = (key & 31) * 8 + 4;
        }
        double best = std::numeric_limits<double>::infinity();
        for (std::size_t c = 0; c < m_colors.size(); ++c) {
            const double dr = meanR[k] - qRed(m_colors[c]);
            const double dg = meanG[k] - qGreen(m_colors[c]);
            const double db = meanB[k] - qBlue(m_colors[c]);
            const double d = 2 * dr * dr + 4 * dg * dg + 3 * db * db;
            if (d < best) {
                best = d;
                m_lookup[k] = static_cast<std::uint8_t>(c);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------------
// GIF

namespace {

int writeToBytes(GifFileType *gif, const GifByteType *data, int length)
{
    static_cast<QByteArray *>(gif->UserData)->append(reinterpret_cast<const char *>(data), length);
    return length;
}

class GifEncoder : public AnimationEncoder
{
public:
    GifEncoder(QSize size, GifPalette palette, int loop) : m_size(size), m_palette(std::move(palette))
    {
        int error = 0;
        m_gif = EGifOpen(&m_bytes, writeToBytes, &error);
        if (!m_gif) {
            m_error = QStringLiteral("giflib: %1").arg(QString::fromUtf8(GifErrorString(error)));
            return;
        }
        EGifSetGifVersion(m_gif, true);
        ColorMapObject *map = GifMakeMapObject(256, nullptr);
        for (int i = 0; i < 256; ++i) {
            const QRgb c = i < static_cast<int>(m_palette.colors().size())
                ? m_palette.colors()[static_cast<std::size_t>(i)]
                : qRgb(0, 0, 0);
            map->Colors[i] = {static_cast<GifByteType>(qRed(c)), static_cast<GifByteType>(qGreen(c)),
                              static_cast<GifByteType>(qBlue(c))};
        }
        const bool ok = EGifPutScreenDesc(m_gif, size.width(), size.height(), 8, 0, map) == GIF_OK;
        GifFreeMapObject(map);
        if (!ok) {
            fail();
            return;
        }
        if (loop != 1) {
            // NETSCAPE2.0: repeat count after the first play; 0 means forever.
            const int repeats = loop == 0 ? 0 : std::min(loop - 1, 65535);
            const GifByteType block[3]
                = {1, static_cast<GifByteType>(repeats & 0xff), static_cast<GifByteType>((repeats >> 8) & 0xff)};
            if (EGifPutExtensionLeader(m_gif, APPLICATION_EXT_FUNC_CODE) != GIF_OK
                || EGifPutExtensionBlock(m_gif, 11, "NETSCAPE2.0") != GIF_OK
                || EGifPutExtensionBlock(m_gif, 3, block) != GIF_OK || EGifPutExtensionTrailer(m_gif) != GIF_OK)
                fail();
        }
        const auto pixels = static_cast<std::size_t>(size.width()) * static_cast<std::size_t>(size.height());
        m_previous.assign(pixels, 0);
        m_current.assign(pixels, 0);
    }
    ~GifEncoder() override
    {
        if (m_gif)
            EGifCloseFile(m_gif, nullptr);
    }

    bool add(const QImage &frame, int delayMs) override
    {
        if (!m_error.isEmpty())
            return false;
        const QImage image = frame.format() == QImage::Format_RGB32 || frame.format() == QImage::Format_ARGB32
            ? frame
            : frame.convertToFormat(QImage::Format_RGB32);
        const int w = m_size.width();
        const int h = m_size.height();
        if (image.size() != m_size)
            return setError(QStringLiteral("a frame of %1x%2 in a %3x%4 animation")
                                .arg(image.width())
                                .arg(image.height())
                                .arg(w)
                                .arg(h));
        for (int y = 0; y < h; ++y) {
            const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
            std::uint8_t *out = m_current.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(w);
            for (int x = 0; x < w; ++x)
                out[x] = m_palette.indexOf(line[x]);
        }
        // The changed rectangle (everything for the first frame).
        int left = 0, top = 0, right = w - 1, bottom = h - 1;
        if (m_frames > 0) {
            left = w;
            top = h;
            right = -1;
            bottom = -1;
            for (int y = 0; y < h; ++y) {
                const std::size_t row = static_cast<std::size_t>(y) * static_cast<std::size_t>(w);
                if (std::equal(m_current.begin() + static_cast<std::ptrdiff_t>(row),
                               m_current.begin() + static_cast<std::ptrdiff_t>(row + static_cast<std::size_t>(w)),
                               m_previous.begin() + static_cast<std::ptrdiff_t>(row)))
                    continue;
                top = std::min(top, y);
                bottom = y;
                for (int x = 0; x < w; ++x)
                    if (m_current[row + static_cast<std::size_t>(x)] != m_previous[row + static_cast<std::size_t>(x)]) {
                        left = std::min(left, x);
                        break;
                    }
                for (int x = w - 1; x >= 0; --x)
                    if (m_current[row + static_cast<std::size_t>(x)] != m_previous[row + static_cast<std::size_t>(x)]) {
                        right = std::max(right, x);
                        break;
                    }
            }
            if (right < 0) { // nothing changed: one transparent pixel carries the delay
                left = top = right = bottom = 0;
            }
        }
        // Delays in centiseconds, the rounding carried so the total stays exact.
        m_elapsedMs += delayMs;
        const long long endCs = std::llround(static_cast<double>(m_elapsedMs) / 10.0);
        const int delayCs = static_cast<int>(std::clamp<long long>(endCs - m_elapsedCs, 1, 65535));
        m_elapsedCs += delayCs;

        GraphicsControlBlock gcb;
        gcb.DisposalMode = DISPOSE_DO_NOT;
        gcb.UserInputFlag = false;
        gcb.DelayTime = delayCs;
        gcb.TransparentColor = m_frames > 0 ? GifPalette::kTransparent : NO_TRANSPARENT_COLOR;
        GifByteType extension[4];
        const std::size_t length = EGifGCBToExtension(&gcb, extension);
        if (EGifPutExtension(m_gif, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(length), extension) != GIF_OK)
            return fail();
        const int boxWidth = right - left + 1;
        if (EGifPutImageDesc(m_gif, left, top, boxWidth, bottom - top + 1, false, nullptr) != GIF_OK)
            return fail();
        std::vector<GifPixelType> line(static_cast<std::size_t>(boxWidth));
        for (int y = top; y <= bottom; ++y) {
            const std::size_t row = static_cast<std::size_t>(y) * static_cast<std::size_t>(w);
            for (int x = left; x <= right; ++x) {
                const std::uint8_t now = m_current[row + static_cast<std::size_t>(x)];
                line[static_cast<std::size_t>(x - left)]
                    = (m_frames > 0 && now == m_previous[row + static_cast<std::size_t>(x)]) ? GifPalette::kTransparent
                                                                                             : now;
            }
            if (EGifPutLine(m_gif, line.data(), boxWidth) != GIF_OK)
                return fail();
        }
        std::swap(m_previous, m_current);
        ++m_frames;
        return true;
    }

    QByteArray finish(QString *error) override
    {
        if (m_gif && m_error.isEmpty()) {
            int code = 0;
            if (EGifCloseFile(m_gif, &code) != GIF_OK)
                m_error = QStringLiteral("giflib: %1").arg(QString::fromUtf8(GifErrorString(code)));
            m_gif = nullptr;
        }
        if (!m_error.isEmpty()) {
            if (error)
                *error = m_error;
            return {};
        }
        return m_bytes;
    }

private:
    bool fail()
    {
        return setError(QStringLiteral("giflib: %1").arg(QString::fromUtf8(GifErrorString(m_gif ? m_gif->Error : 0))));
    }
    bool setError(const QString &text)
    {
        if (m_error.isEmpty())
            m_error = text;
        return false;
    }

    QSize m_size;
    GifPalette m_palette;
    QByteArray m_bytes;
    GifFileType *m_gif = nullptr;
    std::vector<std::uint8_t> m_previous;
    std::vector<std::uint8_t> m_current;
    int m_frames = 0;
    long long m_elapsedMs = 0;
    long long m_elapsedCs = 0;
    QString m_error;
};

// ---------------------------------------------------------------------------------------------------
// WebP

class WebPEncoder : public AnimationEncoder
{
public:
    WebPEncoder(QSize size, int loop) : m_size(size)
    {
        WebPAnimEncoderOptions options;
        if (!WebPAnimEncoderOptionsInit(&options)) {
            m_error = QStringLiteral("libwebp: version mismatch");
            return;
        }
        options.anim_params.loop_count = std::clamp(loop, 0, 65535);
        options.allow_mixed = 0;
        options.minimize_size = 0;
        if (!WebPConfigInit(&m_config)) {
            m_error = QStringLiteral("libwebp: could not start the encoder");
            return;
        }
        // Charts are flat colours and text: lossless keeps them sharp. Measured on the 120-frame
        // 1280x720 benchmark sweep: method 0 gives 5.5-5.9 MB, method 1 with quality 0 gives 0.37 MB for
        // about 1.5 s more processor time; higher methods and qualities cost more and save little.
        m_config.lossless = 1;
        m_config.method = 1;
        m_config.quality = 0;
        m_encoder = WebPAnimEncoderNew(size.width(), size.height(), &options);
        if (!m_encoder) {
            m_error = QStringLiteral("libwebp: could not start the encoder");
            return;
        }
    }
    ~WebPEncoder() override
    {
        if (m_encoder)
            WebPAnimEncoderDelete(m_encoder);
    }

    bool add(const QImage &frame, int delayMs) override
    {
        if (!m_error.isEmpty())
            return false;
        const QImage image = frame.convertToFormat(QImage::Format_ARGB32);
        if (image.size() != m_size) {
            m_error = QStringLiteral("a frame of the wrong size");
            return false;
        }
        WebPPicture picture;
        if (!WebPPictureInit(&picture)) {
            m_error = QStringLiteral("libwebp: version mismatch");
            return false;
        }
        picture.use_argb = 1;
        picture.width = m_size.width();
        picture.height = m_size.height();
        // Format_ARGB32 is 0xAARRGGBB per pixel: B, G, R, A bytes on little-endian machines.
        const bool imported = QSysInfo::ByteOrder == QSysInfo::LittleEndian
            ? WebPPictureImportBGRA(&picture, image.constBits(), static_cast<int>(image.bytesPerLine()))
            : WebPPictureImportRGBA(&picture, image.convertToFormat(QImage::Format_RGBA8888).constBits(),
                                    static_cast<int>(image.bytesPerLine()));
        const bool ok = imported && WebPAnimEncoderAdd(m_encoder, &picture, static_cast<int>(m_timestampMs), &m_config);
        WebPPictureFree(&picture);
        if (!ok) {
            m_error = QStringLiteral("libwebp: %1").arg(QString::fromUtf8(WebPAnimEncoderGetError(m_encoder)));
            return false;
        }
        m_timestampMs += delayMs;
        return true;
    }

    QByteArray finish(QString *error) override
    {
        QByteArray bytes;
        if (m_error.isEmpty()) {
            WebPData data;
            WebPDataInit(&data);
            if (WebPAnimEncoderAdd(m_encoder, nullptr, static_cast<int>(m_timestampMs), nullptr)
                && WebPAnimEncoderAssemble(m_encoder, &data))
                bytes = QByteArray(reinterpret_cast<const char *>(data.bytes), static_cast<qsizetype>(data.size));
            else
                m_error = QStringLiteral("libwebp: %1").arg(QString::fromUtf8(WebPAnimEncoderGetError(m_encoder)));
            WebPDataClear(&data);
        }
        if (!m_error.isEmpty() && error)
            *error = m_error;
        return bytes;
    }

private:
    QSize m_size;
    WebPAnimEncoder *m_encoder = nullptr;
    WebPConfig m_config;
    long long m_timestampMs = 0;
    QString m_error;
};

} // namespace

std::unique_ptr<AnimationEncoder> makeGifEncoder(QSize size, GifPalette palette, int loop)
{
    return std::make_unique<GifEncoder>(size, std::move(palette), loop);
}

std::unique_ptr<AnimationEncoder> makeWebPEncoder(QSize size, int loop)
{
    return std::make_unique<WebPEncoder>(size, loop);
}

} // namespace ef
