// FaceDetector: dlib's HOG frontal-face detector on an 8-bit grey image, without line drawings
// of faces (DrawnFace.h).
#pragma once

#include <memory>
#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>
#include <optional>
#include <vector>

namespace posesmart {

struct Detection {
    cv::Rect2f box;      // in the coordinates of the image given to detect()
    double score = 0.0;  // SVM margin; higher is more certain
};

// Intersection over union of two boxes: 1 for the same box, 0 for boxes apart.
inline float intersectionOverUnion(const cv::Rect2f& a, const cv::Rect2f& b) {
    const float inter = (a & b).area();
    const float uni = a.area() + b.area() - inter;
    return uni > 0.F ? inter / uni : 0.F;
}

class FaceDetector {
public:
    FaceDetector();
    ~FaceDetector();
    FaceDetector(const FaceDetector&) = delete;
    FaceDetector& operator=(const FaceDetector&) = delete;

    // Faces of at least kMinFacePx in `grey` (CV_8UC1), best first.
    [[nodiscard]] std::vector<Detection> detect(const cv::Mat& grey) const;

    // Faces of about 72 to 106 px only (the first two levels of the detector's pyramid), at a
    // fraction of detect()'s cost: for a picture scaled so that the face looked for is
    // kSizedFacePx wide.
    [[nodiscard]] std::vector<Detection> detectSized(const cv::Mat& grey) const;

    // The face that overlaps `face` most, among those detect() would find around it: the same
    // pyramid levels and HOG cells, but only the levels where a face of that size is found and
    // only the part of the picture around it (about a quarter of the cost at 640x480).
    [[nodiscard]] std::optional<Detection> detectNear(const cv::Mat& grey, const cv::Rect2f& face) const;

    // The detector's scanning window: smaller faces are not found.
    static constexpr int kMinFacePx = 80;
    // detectSized(): the face between its two levels (80 and 96 px), found from about 72 to 106 px.
    static constexpr double kSizedFacePx = 88.0;

private:
    static constexpr int kNearLevels = 2;  // levels searched on each side of the face's own
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace posesmart
