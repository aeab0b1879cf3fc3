#include "vision/CameraModel.h"

#include <cmath>
#include <numbers>

namespace posesmart {

CameraModel CameraModel::fromFieldOfView(int width, int height, double horizontalFovDeg) {
    const double halfFovRad = horizontalFovDeg * std::numbers::pi / 360.0;
    return {0.5 * width / std::tan(halfFovRad), 0.5 * width, 0.5 * height};
}

cv::Matx33d CameraModel::intrinsics() const {
    return {focalPx, 0.0, centreX, 0.0, focalPx, centreY, 0.0, 0.0, 1.0};
}

}  // namespace posesmart
