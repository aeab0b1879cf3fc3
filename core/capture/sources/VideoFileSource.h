// VideoFileSource: frames of a video file, timestamped from the container.
#pragma once

#include "capture/FrameSource.h"

#include <opencv2/videoio.hpp>

namespace posesmart {

class VideoFileSource final : public FrameSource {
public:
    explicit VideoFileSource(const std::string& path);
    [[nodiscard]] const SourceInfo& info() const override { return m_info; }
    std::optional<Frame> next() override;

private:
    cv::VideoCapture m_capture;
    SourceInfo m_info;
    std::string m_path;
    std::int64_t m_nextIndex = 0;
    double m_lastTimestampSec = -1.0;
};

}  // namespace posesmart
