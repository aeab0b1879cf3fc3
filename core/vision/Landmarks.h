// Landmarks: the 68 iBUG 300-W face points and the index ranges of the features they outline.
#pragma once

#include <array>
#include <opencv2/core/types.hpp>

namespace posesmart {

inline constexpr std::size_t kLandmarkCount = 68;
using Landmarks = std::array<cv::Point2f, kLandmarkCount>;

// Index ranges in the 68-point layout; "right" and "left" are the person's own sides.
namespace landmark {
inline constexpr std::size_t kJawFirst = 0, kJawLast = 16;
inline constexpr std::size_t kNoseTip = 30;
inline constexpr std::size_t kRightEyeFirst = 36;  // 36..41, on the image's left
inline constexpr std::size_t kLeftEyeFirst = 42;   // 42..47, on the image's right
inline constexpr std::size_t kEyePoints = 6;
inline constexpr std::size_t kRightEyeOuter = 36;
inline constexpr std::size_t kLeftEyeOuter = 45;
}  // namespace landmark

// Mean of the six points of one eye.
cv::Point2f eyeCentre(const Landmarks& points, std::size_t firstIndex);

// Angle of the line from the right to the left eye centre, in degrees; positive: clockwise in the image.
double eyeLineRollDeg(const Landmarks& points);

// The axis-aligned box around all points.
cv::Rect2f boundingBox(const Landmarks& points);

}  // namespace posesmart
