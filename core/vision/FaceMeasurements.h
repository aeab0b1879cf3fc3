// FaceMeasurements: what one frame's landmarks say about eyes, head pose and distance.
#pragma once

#include "vision/CameraModel.h"
#include "vision/Landmarks.h"

namespace posesmart {

struct FaceMeasurements {
    double earLeft = 0.0;  // eye aspect ratio of the person's left eye
    double earRight = 0.0;
    double iodPx = 0.0;  // distance between the two eye centres
    cv::Rect2f faceBox;  // around the 68 landmarks
    cv::Point2f eyeLineCentre;
    cv::Point2f noseTip;
    double rollDeg = 0.0;   // eye line against the horizontal; positive: clockwise in the image
    double pitchDeg = 0.0;  // see HeadAngles
    double yawDeg = 0.0;
    double distanceCm = 0.0;  // camera to eyes, from the inter-ocular distance
    bool poseValid = false;   // pitch/yaw came from a successful 3-D fit
};

// Mean adult interpupillary distance (about 6.3 cm across studies); eye centres sit on the pupils.
inline constexpr double kMeanInterpupillaryCm = 6.3;

// Eye aspect ratio (Soukupova & Cech 2016) of the six points starting at `firstIndex`.
double eyeAspectRatio(const Landmarks& points, std::size_t firstIndex);

FaceMeasurements measureFace(const Landmarks& points, const CameraModel& camera);

}  // namespace posesmart
