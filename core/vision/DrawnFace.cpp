#include "vision/DrawnFace.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace posesmart {

namespace {

constexpr int kDarkClip = 4;
constexpr int kBrightClip = 250;
// Below this share of unclipped pixels, or this many, the face is not judged.
constexpr double kMinUnclippedShare = 0.5;
constexpr int kMinUnclippedPixels = 400;
constexpr double kInnerShare = 0.8;
constexpr double kLevelTolerance = 0.03;

// The grey level below which `share` of the counted pixels lie.
int percentile(const std::array<int, 256>& histogram, int total, double share) {
    const auto wanted = static_cast<int>(share * total);
    int seen = 0;
    for (int level = 0; level < 256; ++level) {
        seen += histogram[static_cast<std::size_t>(level)];
        if (seen > wanted) return level;
    }
    return 255;
}

}  // namespace

double bareShare(const cv::Mat& grey, const cv::Rect& faceBox) {
    CV_Assert(grey.type() == CV_8UC1);
    const int marginX = static_cast<int>(std::lround(faceBox.width * (1.0 - kInnerShare) / 2.0));
    const int marginY = static_cast<int>(std::lround(faceBox.height * (1.0 - kInnerShare) / 2.0));
    const cv::Rect inner =
        cv::Rect(faceBox.x + marginX, faceBox.y + marginY, faceBox.width - 2 * marginX, faceBox.height - 2 * marginY) &
        cv::Rect(0, 0, grey.cols, grey.rows);
    if (inner.empty()) return -1.0;
    std::array<int, 256> histogram{};
    for (int y = inner.y; y < inner.y + inner.height; ++y) {
        const unsigned char* row = grey.ptr<unsigned char>(y);
        for (int x = inner.x; x < inner.x + inner.width; ++x) ++histogram[row[x]];
    }
    int unclipped = 0;
    for (int level = kDarkClip + 1; level < kBrightClip; ++level)
        unclipped += histogram[static_cast<std::size_t>(level)];
    if (unclipped < kMinUnclippedPixels || unclipped < kMinUnclippedShare * inner.area()) return -1.0;
    std::fill(histogram.begin(), histogram.begin() + kDarkClip + 1, 0);
    std::fill(histogram.begin() + kBrightClip, histogram.end(), 0);
    const int low = percentile(histogram, unclipped, 0.05);
    const int high = percentile(histogram, unclipped, 0.95);
    const int median = percentile(histogram, unclipped, 0.5);
    const int tolerance = std::max(1, static_cast<int>(kLevelTolerance * (high - low)));
    int atMedian = 0;
    for (int level = std::max(0, median - tolerance); level <= std::min(255, median + tolerance); ++level) {
        atMedian += histogram[static_cast<std::size_t>(level)];
    }
    return static_cast<double>(atMedian) / unclipped;
}

}  // namespace posesmart
