// FaceDescriptor: who a face belongs to, as dlib's 128-D face descriptor (the ResNet of dlib's
// face-recognition example, weights converted at build time; see models/face_descriptor.md).
// Two faces of the same person lie closer than kSamePersonDistance (Euclidean).
#pragma once

#include "vision/Landmarks.h"

#include <array>
#include <filesystem>
#include <memory>
#include <opencv2/core/mat.hpp>

namespace posesmart {

using FaceDescriptor = std::array<float, 128>;

double descriptorDistance(const FaceDescriptor& a, const FaceDescriptor& b);

class FaceDescriptorModel {
public:
    // Throws Error(BadModel) when the file is missing or not the network.
    explicit FaceDescriptorModel(const std::filesystem::path& modelFile);
    ~FaceDescriptorModel();
    FaceDescriptorModel(const FaceDescriptorModel&) = delete;
    FaceDescriptorModel& operator=(const FaceDescriptorModel&) = delete;

    // The descriptor of the face with these landmarks (a 150x150 chip aligned on them). Not
    // thread-safe: one model per thread. About 15 ms with OpenBLAS on two cores, 31 ms on one (BENCHMARKS.md).
    FaceDescriptor describe(const cv::Mat& bgr, const Landmarks& points);

    static constexpr const char* kFileName = "dlib_face_recognition_resnet_model_v1.dat";
    // Chosen on ../shared/testdata/identity (README, "Face ID"): at or above it, another person.
    static constexpr double kSamePersonDistance = 0.5;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace posesmart
