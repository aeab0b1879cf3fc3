// CameraModel: pinhole intrinsics of the camera, from a field of view or a calibrated focal length.
#pragma once

#include <opencv2/core/mat.hpp>

namespace posesmart {

struct CameraModel {
    // Typical built-in and USB webcams see 55-70 degrees across; 60 is the middle of that.
    static constexpr double kDefaultHorizontalFovDeg = 60.0;

    double focalPx = 0.0;
    double centreX = 0.0;
    double centreY = 0.0;

    static CameraModel fromFieldOfView(int width, int height, double horizontalFovDeg = kDefaultHorizontalFovDeg);
    [[nodiscard]] cv::Matx33d intrinsics() const;
};

}  // namespace posesmart
