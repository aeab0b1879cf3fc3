#include "CameraSource.h"

#include "common/Error.h"


namespace posesmart {

namespace {
#if defined(__linux__)
constexpr int kCameraBackend = cv::CAP_V4L2;
#else
constexpr int kCameraBackend = cv::CAP_ANY;
#endif
}  // namespace

CameraSource::CameraSource(const CaptureSpec& spec) {
    const std::string device = spec.index ? std::to_string(*spec.index) : spec.path.string();
    const bool opened = spec.index ? m_capture.open(*spec.index, kCameraBackend)
                                   : m_capture.open(spec.path.string(), kCameraBackend);
    if (!opened || !m_capture.isOpened()) {
        throw Error(ErrorKind::BadInput,
                    "no camera at '" + device + "' (not connected, or in use by another application)");
    }
    m_openedAt = std::chrono::steady_clock::now();
    m_info.description = "camera:" + device;
    m_info.fps = m_capture.get(cv::CAP_PROP_FPS);
    m_info.width = static_cast<int>(m_capture.get(cv::CAP_PROP_FRAME_WIDTH));
    m_info.height = static_cast<int>(m_capture.get(cv::CAP_PROP_FRAME_HEIGHT));
    m_info.live = true;
}

std::optional<Frame> CameraSource::next() {
    Frame frame;
    if (!m_capture.read(frame.bgr) || frame.bgr.empty()) {
        throw Error(ErrorKind::Io, "camera lost: " + m_info.description + " stopped delivering frames");
    }
    frame.index = m_nextIndex++;
    frame.timestampSec = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_openedAt).count();
    return frame;
}

}  // namespace posesmart
