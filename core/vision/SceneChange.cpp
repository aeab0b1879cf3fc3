#include "vision/SceneChange.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace posesmart {

namespace {
// Pixels read per cell side: 64 a cell keeps a webcam's noise to a fraction of a grey level.
constexpr int kSamplesPerSide = 8;
}  // namespace

cv::Rect SceneThumbnail::cell(int column, int row) const {
    const int x0 = column * m_frameSize.width / kColumns, x1 = (column + 1) * m_frameSize.width / kColumns;
    const int y0 = row * m_frameSize.height / kRows, y1 = (row + 1) * m_frameSize.height / kRows;
    return {x0, y0, x1 - x0, y1 - y0};
}

SceneThumbnail::SceneThumbnail(const cv::Mat& bgr) : m_frameSize(bgr.size()), m_cells(kRows, kColumns, 0.F) {
    CV_Assert(bgr.type() == CV_8UC3);
    for (int row = 0; row < kRows; ++row) {
        for (int column = 0; column < kColumns; ++column) {
            const cv::Rect r = cell(column, row);
            if (r.empty()) continue;
            const int stepX = std::max(1, r.width / kSamplesPerSide), stepY = std::max(1, r.height / kSamplesPerSide);
            unsigned sum = 0;
            unsigned count = 0;
            for (int y = r.y + stepY / 2; y < r.y + r.height; y += stepY) {
                const auto* line = bgr.ptr<std::uint8_t>(y);
                for (int x = r.x + stepX / 2; x < r.x + r.width; x += stepX) {
                    sum += static_cast<unsigned>(line[3 * x]) + line[3 * x + 1] + line[3 * x + 2];
                    ++count;
                }
            }
            m_cells(row, column) = static_cast<float>(sum) / (3.F * static_cast<float>(count));
        }
    }
}

bool SceneThumbnail::changedSince(const SceneThumbnail& earlier, std::initializer_list<cv::Rect2f> ignore,
                                  double levels) const {
    if (empty() || earlier.empty() || earlier.m_frameSize != m_frameSize) return true;
    for (int row = 0; row < kRows; ++row) {
        for (int column = 0; column < kColumns; ++column) {
            const cv::Rect2f r(cell(column, row));
            const bool ignored = std::any_of(ignore.begin(), ignore.end(),
                                             [&](const cv::Rect2f& zone) { return (zone & r).area() > 0.F; });
            if (!ignored && std::abs(m_cells(row, column) - earlier.m_cells(row, column)) > levels) return true;
        }
    }
    return false;
}

}  // namespace posesmart
