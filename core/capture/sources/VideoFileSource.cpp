#include "VideoFileSource.h"

#include "common/Error.h"

#include <cmath>

namespace posesmart {

namespace {
// A container's frame count is an estimate for some formats; allow this much shortfall
// before calling a file truncated.
constexpr double kTruncationTolerance = 0.02;
}  // namespace

VideoFileSource::VideoFileSource(const std::string& path) : m_path(path) {
    if (!m_capture.open(path, cv::CAP_FFMPEG) || !m_capture.isOpened()) {
        throw Error(ErrorKind::BadInput, "cannot read video '" + path + "': not a video file, or the file is damaged");
    }
    m_info.description = path;
    m_info.fps = m_capture.get(cv::CAP_PROP_FPS);
    m_info.frameCount = static_cast<std::int64_t>(m_capture.get(cv::CAP_PROP_FRAME_COUNT));
    m_info.width = static_cast<int>(m_capture.get(cv::CAP_PROP_FRAME_WIDTH));
    m_info.height = static_cast<int>(m_capture.get(cv::CAP_PROP_FRAME_HEIGHT));
    if (m_info.width <= 0 || m_info.height <= 0) {
        throw Error(ErrorKind::BadInput, "cannot read video '" + path + "': it has no picture");
    }
}

std::optional<Frame> VideoFileSource::next() {
    Frame frame;
    if (!m_capture.read(frame.bgr) || frame.bgr.empty()) {
        const auto expected = m_info.frameCount;
        if (expected > 0 &&
            static_cast<double>(m_nextIndex) < static_cast<double>(expected) * (1.0 - kTruncationTolerance)) {
            throw Error(ErrorKind::BadInput, "video '" + m_path + "' ends at frame " + std::to_string(m_nextIndex) +
                                                 " of " + std::to_string(expected) +
                                                 ": the file is truncated or damaged");
        }
        if (m_nextIndex == 0) {
            throw Error(ErrorKind::BadInput, "cannot read video '" + m_path + "': no frame could be decoded");
        }
        return std::nullopt;
    }
    frame.index = m_nextIndex++;
    const double fromContainer = m_capture.get(cv::CAP_PROP_POS_MSEC) / 1000.0;
    const double fromRate = m_info.fps > 0 ? static_cast<double>(frame.index) / m_info.fps : 0.0;
    // Keep time strictly increasing even when a container reports a stale position.
    frame.timestampSec =
        (std::isfinite(fromContainer) && fromContainer > m_lastTimestampSec) ? fromContainer : fromRate;
    m_lastTimestampSec = frame.timestampSec;
    return frame;
}

}  // namespace posesmart
