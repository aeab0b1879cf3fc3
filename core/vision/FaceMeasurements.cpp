#include "vision/FaceMeasurements.h"

#include "vision/HeadPose.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace posesmart {

namespace {
// Beyond this yaw the foreshortening correction of the inter-ocular distance is unreliable.
constexpr double kMaxYawCorrectionDeg = 60.0;

double distance(const cv::Point2f& a, const cv::Point2f& b) {
    return std::hypot(static_cast<double>(a.x - b.x), static_cast<double>(a.y - b.y));
}
}  // namespace

double eyeAspectRatio(const Landmarks& points, std::size_t firstIndex) {
    const auto p = [&](std::size_t i) { return points[firstIndex + i]; };
    const double width = distance(p(0), p(3));
    if (width <= 0.0) return 0.0;
    return (distance(p(1), p(5)) + distance(p(2), p(4))) / (2.0 * width);
}

FaceMeasurements measureFace(const Landmarks& points, const CameraModel& camera) {
    FaceMeasurements m;
    m.earRight = eyeAspectRatio(points, landmark::kRightEyeFirst);
    m.earLeft = eyeAspectRatio(points, landmark::kLeftEyeFirst);
    const cv::Point2f rightEye = eyeCentre(points, landmark::kRightEyeFirst);
    const cv::Point2f leftEye = eyeCentre(points, landmark::kLeftEyeFirst);
    m.iodPx = distance(rightEye, leftEye);
    m.faceBox = boundingBox(points);
    m.eyeLineCentre = (rightEye + leftEye) * 0.5F;
    m.noseTip = points[landmark::kNoseTip];
    m.rollDeg = eyeLineRollDeg(points);

    if (const auto pose = estimateHeadPose(points, camera)) {
        m.pitchDeg = pose->pitchDeg;
        m.yawDeg = pose->yawDeg;
        m.poseValid = true;
    }
    const double yawRad = std::min(std::abs(m.yawDeg), kMaxYawCorrectionDeg) * std::numbers::pi / 180.0;
    const double frontalIodPx = m.iodPx / std::cos(yawRad);
    m.distanceCm = frontalIodPx > 0.0 ? camera.focalPx * kMeanInterpupillaryCm / frontalIodPx : 0.0;
    return m;
}

}  // namespace posesmart
