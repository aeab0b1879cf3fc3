#include "vision/Landmarks.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace posesmart {

cv::Point2f eyeCentre(const Landmarks& points, std::size_t firstIndex) {
    cv::Point2f sum(0.F, 0.F);
    for (std::size_t i = 0; i < landmark::kEyePoints; ++i) sum += points[firstIndex + i];
    return sum / static_cast<float>(landmark::kEyePoints);
}

double eyeLineRollDeg(const Landmarks& points) {
    const cv::Point2f d = eyeCentre(points, landmark::kLeftEyeFirst) - eyeCentre(points, landmark::kRightEyeFirst);
    return std::atan2(d.y, d.x) * 180.0 / std::numbers::pi;
}

cv::Rect2f boundingBox(const Landmarks& points) {
    const auto [minX, maxX] =
        std::minmax_element(points.begin(), points.end(), [](const auto& a, const auto& b) { return a.x < b.x; });
    const auto [minY, maxY] =
        std::minmax_element(points.begin(), points.end(), [](const auto& a, const auto& b) { return a.y < b.y; });
    return {minX->x, minY->y, maxX->x - minX->x, maxY->y - minY->y};
}

}  // namespace posesmart
