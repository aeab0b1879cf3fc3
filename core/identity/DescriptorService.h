// DescriptorService: where the live session gets face descriptors computed. A descriptor costs
// 15-30 ms, so the desktop app computes them on a thread of its own (DescriptorWorker) and the
// per-frame path never waits; posesmart-cli computes them in line (InlineDescriber), so that a
// replayed recording gives the same result every time. One request at a time.
#pragma once

#include "identity/FaceDescriptor.h"

#include <optional>
#include <string>

namespace posesmart {

class DescriptorService {
public:
    struct Result {
        double streamSec = 0.0;  // when the picture was taken
        bool enrolment = false;  // asked for while enrolling (calibration), not to check who is there
        std::optional<FaceDescriptor> descriptor;
        std::string error;  // why there is no descriptor (the model failed on this picture)
        double computeMs = 0.0;
    };

    virtual ~DescriptorService() = default;
    // Queues one picture; false (and nothing queued) while the previous one is still in hand.
    virtual bool submit(const cv::Mat& bgr, const Landmarks& points, double streamSec, bool enrolment) = 0;
    [[nodiscard]] virtual bool busy() const = 0;
    // The finished result, once.
    virtual std::optional<Result> take() = 0;
};

}  // namespace posesmart
