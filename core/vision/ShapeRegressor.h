// ShapeRegressor: evaluates a dlib shape-predictor model (cascaded regression trees) from a
// compact, cache-friendly copy of its parameters, with sub-pixel output.
//
// dlib keeps every tree's splits and every leaf vector in its own heap block, so fitting one
// face walks ~7,500 scattered 544-byte leaves and is bound by memory latency (4.5 ms per face
// measured on the CI machine). Here the leaves of a cascade are contiguous, and since all trees
// of a cascade read the same feature pixels, their leaf indices are found first and the leaves
// summed afterwards with prefetching. The arithmetic is dlib's own, except that a large face is
// read through windows of pixels, as if it were smaller (less sensor noise).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <opencv2/core/mat.hpp>
#include <vector>

namespace posesmart {

class ShapeRegressor {
public:
    // Throws Error(BadModel) when the file is not a dlib shape predictor.
    explicit ShapeRegressor(const std::filesystem::path& modelFile);
    ~ShapeRegressor();
    ShapeRegressor(const ShapeRegressor&) = delete;
    ShapeRegressor& operator=(const ShapeRegressor&) = delete;

    [[nodiscard]] std::size_t pointCount() const { return m_initialShape.size() / 2; }

    // Shape points (x, y) for the face in `box` of `bgr` (CV_8UC3), in image coordinates; the
    // face is taken as tilted by `rollDeg` (clockwise in the image, about the box centre).
    void predict(const cv::Mat& bgr, const cv::Rect2f& box, double rollDeg, std::vector<float>& shapeOut) const;

private:
    struct Split {
        std::uint16_t pixel1;
        std::uint16_t pixel2;
        float threshold;
    };
    struct Cascade {
        std::vector<std::uint16_t> anchors;  // shape point each feature pixel hangs off
        std::vector<float> deltas;           // (dx, dy) from that point, in the initial shape's frame
        std::vector<Split> splits;           // trees x splitsPerTree, breadth-first per tree
        std::size_t leafOffset = 0;          // first leaf of this cascade in m_leaves
    };
    struct FreeDeleter {
        void operator()(std::int16_t* p) const;
    };

    std::vector<float> m_initialShape;
    std::vector<Cascade> m_cascades;
    std::size_t m_treesPerCascade = 0;
    std::size_t m_splitsPerTree = 0;
    std::unique_ptr<std::int16_t[], FreeDeleter> m_leaves;  // cascade x tree x leaf x shape size
    std::vector<float> m_leafScales;                        // one per leaf
};

}  // namespace posesmart
