#include "identity/FaceDescriptor.h"

#include "common/Error.h"
#include "common/HeapTrim.h"
#include "identity/FaceRecognitionNet.h"

#include <cmath>
#include <dlib/image_transforms.h>
#include <dlib/opencv.h>

namespace posesmart {

double descriptorDistance(const FaceDescriptor& a, const FaceDescriptor& b) {
    double sum = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double d = static_cast<double>(a[i]) - b[i];
        sum += d * d;
    }
    return std::sqrt(sum);
}

struct FaceDescriptorModel::Impl {
    facenet::anet_type net;
};

FaceDescriptorModel::FaceDescriptorModel(const std::filesystem::path& modelFile) : m_impl(std::make_unique<Impl>()) {
    if (!std::filesystem::exists(modelFile)) {
        throw Error(ErrorKind::BadModel, "face descriptor model '" + modelFile.string() + "' is missing");
    }
    try {
        dlib::deserialize(modelFile.string()) >> m_impl->net;
    } catch (const std::exception& e) {
        throw Error(ErrorKind::BadModel,
                    "face descriptor model '" + modelFile.string() + "' is damaged or not dlib's ResNet: " + e.what());
    }
    releaseFreedHeap();
}

FaceDescriptorModel::~FaceDescriptorModel() = default;

FaceDescriptor FaceDescriptorModel::describe(const cv::Mat& bgr, const Landmarks& points) {
    if (bgr.type() != CV_8UC3) throw Error(ErrorKind::BadArgument, "FaceDescriptorModel needs an 8-bit BGR image");
    std::vector<dlib::point> parts;
    parts.reserve(points.size());
    for (const auto& p : points) parts.emplace_back(std::lround(p.x), std::lround(p.y));
    const cv::Rect2f box = boundingBox(points);
    const dlib::full_object_detection shape(
        dlib::rectangle(std::lround(box.x), std::lround(box.y), std::lround(box.x + box.width),
                        std::lround(box.y + box.height)),
        parts);
    // The chip dlib's network was trained on: 150x150, 25% padding, aligned on the landmarks.
    const dlib::cv_image<dlib::bgr_pixel> image(bgr);
    dlib::matrix<dlib::rgb_pixel> chip;
    dlib::extract_image_chip(image, dlib::get_face_chip_details(shape, 150, 0.25), chip);
    const dlib::matrix<float, 0, 1> d = m_impl->net(chip);
    FaceDescriptor out{};
    for (long i = 0; i < d.size() && i < static_cast<long>(out.size()); ++i) out[static_cast<std::size_t>(i)] = d(i);
    return out;
}

}  // namespace posesmart
