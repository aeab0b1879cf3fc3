// CameraSource: a live camera by index or device path, timestamped by a monotonic clock.
#pragma once

#include "capture/CaptureSpec.h"
#include "capture/FrameSource.h"

#include <chrono>
#include <opencv2/videoio.hpp>

namespace posesmart {

class CameraSource final : public FrameSource {
public:
    explicit CameraSource(const CaptureSpec& spec);
    [[nodiscard]] const SourceInfo& info() const override { return m_info; }
    std::optional<Frame> next() override;

private:
    cv::VideoCapture m_capture;
    SourceInfo m_info;
    std::chrono::steady_clock::time_point m_openedAt;
    std::int64_t m_nextIndex = 0;
};

}  // namespace posesmart
