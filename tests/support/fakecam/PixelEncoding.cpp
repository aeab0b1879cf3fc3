// BGR to YUYV (BT.601 limited range) and to JPEG, and the centre-crop scaling to the negotiated size.
#include "PixelEncoding.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace fakecam {

namespace {

// Fixed-point BT.601 limited-range coefficients scaled by 256 (the usual integer webcam/ffmpeg form).
inline uint8_t lumaOf(int b, int g, int r) { return static_cast<uint8_t>(((66 * r + 129 * g + 25 * b + 128) >> 8) + 16); }
// Chroma of a pixel pair from the pair's summed components: the extra >> 1 averages the two.
inline uint8_t blueDifference(int b2, int g2, int r2) {
    return static_cast<uint8_t>(((-38 * r2 - 74 * g2 + 112 * b2 + 256) >> 9) + 128);
}
inline uint8_t redDifference(int b2, int g2, int r2) {
    return static_cast<uint8_t>(((112 * r2 - 94 * g2 - 18 * b2 + 256) >> 9) + 128);
}

}  // namespace

void bgrToYuyv(const cv::Mat& bgr, std::vector<uint8_t>& yuyv) {
    CV_Assert(bgr.type() == CV_8UC3 && bgr.cols % 2 == 0);
    yuyv.resize(static_cast<size_t>(bgr.cols) * static_cast<size_t>(bgr.rows) * 2);
    uint8_t* out = yuyv.data();
    for (int y = 0; y < bgr.rows; ++y) {
        const uint8_t* in = bgr.ptr<uint8_t>(y);
        for (int x = 0; x < bgr.cols; x += 2, in += 6, out += 4) {
            const int b0 = in[0], g0 = in[1], r0 = in[2];
            const int b1 = in[3], g1 = in[4], r1 = in[5];
            out[0] = lumaOf(b0, g0, r0);
            out[1] = blueDifference(b0 + b1, g0 + g1, r0 + r1);
            out[2] = lumaOf(b1, g1, r1);
            out[3] = redDifference(b0 + b1, g0 + g1, r0 + r1);
        }
    }
}

void bgrToJpeg(const cv::Mat& bgr, int quality, std::vector<uint8_t>& jpeg) {
    cv::imencode(".jpg", bgr, jpeg, {cv::IMWRITE_JPEG_QUALITY, quality});
}

void fitToSize(const cv::Mat& source, cv::Size size, cv::Mat& scratch, cv::Mat& fitted) {
    cv::Rect crop(0, 0, source.cols, source.rows);
    // Compare aspect ratios exactly: source.cols/source.rows against size.width/size.height.
    const int64_t sourceWide = int64_t{source.cols} * size.height;
    const int64_t targetWide = int64_t{size.width} * source.rows;
    if (sourceWide > targetWide) {
        crop.width = static_cast<int>(targetWide / size.height);
    } else if (sourceWide < targetWide) {
        crop.height = static_cast<int>(sourceWide / size.width);
    }
    const int factor = std::max(1, std::min(crop.width / size.width, crop.height / size.height));
    crop.width -= crop.width % factor;
    crop.height -= crop.height % factor;
    crop.x = (source.cols - crop.width) / 2;
    crop.y = (source.rows - crop.height) / 2;
    const cv::Mat cropped = source(crop);
    if (factor == 1) {
        cv::resize(cropped, fitted, size, 0, 0, cv::INTER_LINEAR);
        return;
    }
    const cv::Size reduced(crop.width / factor, crop.height / factor);
    if (reduced == size) {
        cv::resize(cropped, fitted, size, 0, 0, cv::INTER_AREA);
        return;
    }
    cv::resize(cropped, scratch, reduced, 0, 0, cv::INTER_AREA);
    cv::resize(scratch, fitted, size, 0, 0, cv::INTER_LINEAR);
}

}  // namespace fakecam
