// LandmarkModel: dlib's 68-point shape predictor, loaded once and fitted to a face box.
#pragma once

#include "vision/Landmarks.h"

#include <filesystem>
#include <memory>
#include <opencv2/core/mat.hpp>

namespace posesmart {

class LandmarkModel {
public:
    // Throws Error(BadModel) with the reason when the file is missing, unreadable or not a
    // 68-point shape predictor.
    explicit LandmarkModel(const std::filesystem::path& modelFile);
    ~LandmarkModel();
    LandmarkModel(const LandmarkModel&) = delete;
    LandmarkModel& operator=(const LandmarkModel&) = delete;

    // The 68 points of the face in `box`, in the coordinates of `bgr` (CV_8UC3). A face tilted
    // in the image is fitted best when `rollDeg` gives its tilt (as eyeLineRollDeg measures it).
    // Thread-safe.
    [[nodiscard]] Landmarks fit(const cv::Mat& bgr, const cv::Rect2f& box, double rollDeg = 0.0) const;

    static constexpr const char* kFileName = "shape_predictor_68_face_landmarks.dat";

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace posesmart
