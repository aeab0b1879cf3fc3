// SceneChange: a coarse picture of a frame (the mean grey of each cell of a grid) to tell whether
// anything changed outside the followed face since the tracker last searched the whole frame. A
// face cannot come into view without changing the picture where it appears, so while nothing
// changes there the tracker need not search the whole frame again (FaceTracker).
#pragma once

#include <initializer_list>
#include <opencv2/core/mat.hpp>

namespace posesmart {

class SceneThumbnail {
public:
    static constexpr int kColumns = 32;
    static constexpr int kRows = 24;

    SceneThumbnail() = default;
    // Each cell's mean grey level ((B + G + R) / 3) over an 8 x 8 grid of its pixels.
    explicit SceneThumbnail(const cv::Mat& bgr);

    [[nodiscard]] bool empty() const { return m_cells.empty(); }

    // Whether a cell wholly outside the `ignore` rectangles (frame coordinates) differs from the
    // same cell of `earlier` by more than `levels` grey levels; a frame of another size counts as
    // changed.
    [[nodiscard]] bool changedSince(const SceneThumbnail& earlier, std::initializer_list<cv::Rect2f> ignore,
                                    double levels) const;

private:
    [[nodiscard]] cv::Rect cell(int column, int row) const;

    cv::Size m_frameSize;
    cv::Mat1f m_cells;
};

}  // namespace posesmart
