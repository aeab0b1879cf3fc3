#include "vision/LandmarkModel.h"

#include "common/Error.h"
#include "common/HeapTrim.h"
#include "vision/ShapeRegressor.h"

namespace posesmart {

struct LandmarkModel::Impl {
    explicit Impl(const std::filesystem::path& file) : regressor(file) {}
    ShapeRegressor regressor;
};

LandmarkModel::LandmarkModel(const std::filesystem::path& modelFile) : m_impl(std::make_unique<Impl>(modelFile)) {
    if (m_impl->regressor.pointCount() != kLandmarkCount) {
        throw Error(ErrorKind::BadModel, "landmark model '" + modelFile.string() + "' predicts " +
                                             std::to_string(m_impl->regressor.pointCount()) + " points, expected 68");
    }
    releaseFreedHeap();  // the trees were built in small blocks, then packed
}

LandmarkModel::~LandmarkModel() = default;

Landmarks LandmarkModel::fit(const cv::Mat& bgr, const cv::Rect2f& box, double rollDeg) const {
    if (bgr.type() != CV_8UC3) throw Error(ErrorKind::BadArgument, "LandmarkModel needs an 8-bit BGR image");
    // Thread-local scratch keeps fit() const, thread-safe and free of per-frame allocation.
    thread_local std::vector<float> shape;
    m_impl->regressor.predict(bgr, box, rollDeg, shape);
    Landmarks points{};
    for (std::size_t i = 0; i < kLandmarkCount; ++i) points[i] = cv::Point2f(shape[2 * i], shape[2 * i + 1]);
    return points;
}

}  // namespace posesmart
