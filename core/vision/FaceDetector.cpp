#include "vision/FaceDetector.h"

#include "vision/DrawnFace.h"
#include "common/Error.h"

#include <algorithm>
#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/opencv/cv_image.h>

namespace posesmart {

struct FaceDetector::Impl {
    // dlib's detector keeps scratch buffers, so each FaceDetector owns one.
    mutable dlib::frontal_face_detector detector = dlib::get_frontal_face_detector();
};

FaceDetector::FaceDetector() : m_impl(std::make_unique<Impl>()) {}
FaceDetector::~FaceDetector() = default;

std::vector<Detection> FaceDetector::detect(const cv::Mat& grey) const {
    if (grey.type() != CV_8UC1) throw Error(ErrorKind::BadArgument, "FaceDetector needs an 8-bit grey image");
    if (grey.cols < kMinFacePx || grey.rows < kMinFacePx) return {};
    const dlib::cv_image<unsigned char> image(grey);
    std::vector<dlib::rect_detection> found;
    m_impl->detector(image, found);
    std::vector<Detection> result;
    result.reserve(found.size());
    for (const auto& d : found) {
        const auto& r = d.rect;
        if (looksDrawn(grey, cv::Rect(static_cast<int>(r.left()), static_cast<int>(r.top()),
                                      static_cast<int>(r.width()), static_cast<int>(r.height())))) {
            continue;
        }
        result.push_back({cv::Rect2f(static_cast<float>(r.left()), static_cast<float>(r.top()),
                                     static_cast<float>(r.width()), static_cast<float>(r.height())),
                          d.detection_confidence});
    }
    std::sort(result.begin(), result.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
    return result;
}

}  // namespace posesmart
