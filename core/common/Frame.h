// Frame: one decoded picture with its position in the stream and its capture time.
#pragma once

#include <cstdint>
#include <opencv2/core/mat.hpp>

namespace posesmart {

struct Frame {
    cv::Mat bgr;                // 8-bit, 3 channels, owned or shared with the decoder
    std::int64_t index = 0;     // 0-based in decode order
    double timestampSec = 0.0;  // from the file for videos, a monotonic clock for cameras
};

}  // namespace posesmart
