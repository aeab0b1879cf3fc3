#include "vision/HeadPose.h"

#include <array>
#include <opencv2/calib3d.hpp>

namespace posesmart {

namespace {

struct ModelPoint {
    std::size_t landmark;
    cv::Point3d position;  // cm; x to the image's right, y down, z away from the camera
};

// A generic adult head (the 14-point anthropometric model used widely with dlib's 68 points),
// centred near the nose.
const std::array<ModelPoint, 14> kHeadModel = {{
    {17, {-6.825897, -6.760612, -4.402142}},
    {21, {-1.330353, -7.122144, -6.903745}},
    {22, {1.330353, -7.122144, -6.903745}},
    {26, {6.825897, -6.760612, -4.402142}},
    {36, {-5.311432, -5.485328, -3.987654}},
    {39, {-1.789930, -5.393625, -4.413414}},
    {42, {1.789930, -5.393625, -4.413414}},
    {45, {5.311432, -5.485328, -3.987654}},
    {31, {-2.005628, -1.409845, -6.165652}},
    {35, {2.005628, -1.409845, -6.165652}},
    {48, {-2.774015, 2.080775, -5.048531}},
    {54, {2.774015, 2.080775, -5.048531}},
    {57, {0.000000, 3.116408, -6.097667}},
    {8, {0.000000, 7.415691, -4.070434}},
}};

}  // namespace

std::optional<HeadAngles> estimateHeadPose(const Landmarks& points, const CameraModel& camera) {
    std::array<cv::Point3d, kHeadModel.size()> objectPoints;
    std::array<cv::Point2d, kHeadModel.size()> imagePoints;
    for (std::size_t i = 0; i < kHeadModel.size(); ++i) {
        objectPoints[i] = kHeadModel[i].position;
        imagePoints[i] = points[kHeadModel[i].landmark];
    }
    cv::Vec3d rvec;
    cv::Vec3d tvec;
    const bool ok = cv::solvePnP(objectPoints, imagePoints, camera.intrinsics(), cv::noArray(), rvec, tvec, false,
                                 cv::SOLVEPNP_SQPNP);
    if (!ok) return std::nullopt;
    cv::Matx33d rotation;
    cv::Rodrigues(rvec, rotation);
    cv::Matx33d upper;
    cv::Matx33d orthogonal;
    const cv::Vec3d euler = cv::RQDecomp3x3(rotation, upper, orthogonal);
    // Rotation about x tips the nose (-z) toward +y (down); about y toward -x; about z is clockwise.
    return HeadAngles{euler[0], -euler[1], euler[2]};
}

}  // namespace posesmart
