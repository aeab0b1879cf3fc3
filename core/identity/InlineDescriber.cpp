#include "identity/InlineDescriber.h"

#include <chrono>
#include <exception>

namespace posesmart {

InlineDescriber::InlineDescriber(std::unique_ptr<FaceDescriptorModel> model) : m_model(std::move(model)) {}

bool InlineDescriber::submit(const cv::Mat& bgr, const Landmarks& points, double streamSec, bool enrolment) {
    Result result;
    result.streamSec = streamSec;
    result.enrolment = enrolment;
    const auto start = std::chrono::steady_clock::now();
    try {
        result.descriptor = m_model->describe(bgr, points);
    } catch (const std::exception& e) {
        result.error = e.what();
    }
    result.computeMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    m_result = std::move(result);
    return true;
}

std::optional<DescriptorService::Result> InlineDescriber::take() {
    return std::exchange(m_result, std::nullopt);
}

}  // namespace posesmart
