// InlineDescriber: descriptors computed at once, on the caller's thread (posesmart-cli, tests):
// the result of a submit is ready for the take() that follows.
#pragma once

#include "identity/DescriptorService.h"

#include <memory>

namespace posesmart {

class InlineDescriber : public DescriptorService {
public:
    explicit InlineDescriber(std::unique_ptr<FaceDescriptorModel> model);
    bool submit(const cv::Mat& bgr, const Landmarks& points, double streamSec, bool enrolment) override;
    [[nodiscard]] bool busy() const override { return false; }
    std::optional<Result> take() override;

private:
    std::unique_ptr<FaceDescriptorModel> m_model;
    std::optional<Result> m_result;
};

}  // namespace posesmart
