// HeadPose: pitch and yaw of the head from 14 landmarks and a generic 3-D face (cv::solvePnP).
#pragma once

#include "vision/CameraModel.h"
#include "vision/Landmarks.h"

#include <optional>

namespace posesmart {

struct HeadAngles {
    double pitchDeg = 0.0;  // positive: nose down (chin toward the chest)
    double yawDeg = 0.0;    // positive: nose toward the image's right (the person's left)
    double rollDeg = 0.0;   // positive: clockwise in the image
};

// Nullopt when the fit fails (degenerate points).
std::optional<HeadAngles> estimateHeadPose(const Landmarks& points, const CameraModel& camera);

}  // namespace posesmart
