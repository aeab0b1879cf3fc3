#include "CameraSource.h"

#include "V4l2Probe.h"
#include "capture/CameraMessages.h"
#include "common/Error.h"

#include <cerrno>
#include <opencv2/imgproc.hpp>

namespace posesmart {

namespace {
#if defined(__linux__)
constexpr int kCameraBackend = cv::CAP_V4L2;
#else
constexpr int kCameraBackend = cv::CAP_ANY;
#endif
constexpr int kMaxUndecodableInARow = 30;
}  // namespace

CameraSource::CameraSource(const CaptureSpec& spec, const CameraNeeds& needs) : m_spec(spec), m_needs(needs) {
    const CameraProbe probe = probeCamera(spec.path);
    m_offered = probe.modes;
    m_info.description = "camera:" + spec.path.string();
    m_info.name = probe.name;
    m_info.live = true;
    start();
}

void CameraSource::start() {
    const std::string device = m_spec.path.string();
#if defined(__linux__)
    const bool opened = m_capture.open(device, kCameraBackend);
#else
    const bool opened =
        m_spec.index ? m_capture.open(*m_spec.index, kCameraBackend) : m_capture.open(device, kCameraBackend);
#endif
    if (!opened || !m_capture.isOpened()) {
        // The driver let us look but not stream (S_FMT answered EBUSY): someone else streams.
        const std::vector<DeviceUser> users = otherUsersOf(m_spec.path);
        throw Error(ErrorKind::BadInput, !users.empty() || errno == EBUSY
                                             ? cameraInUseMessage(users)
                                             : "the camera at '" + device + "' could not be started");
    }
    m_streaming = false;
    negotiate();
}

void CameraSource::negotiate() {
    if (const auto wanted = chooseCameraMode(m_offered, m_needs)) {
        // OpenCV re-requests its remembered rate after each change of format or size: the rate last.
        m_capture.set(cv::CAP_PROP_FOURCC, static_cast<double>(wanted->fourcc));
        m_capture.set(cv::CAP_PROP_FRAME_WIDTH, wanted->width);
        m_capture.set(cv::CAP_PROP_FRAME_HEIGHT, wanted->height);
        m_capture.set(cv::CAP_PROP_FPS, wanted->fps);
    }
    // What the driver agreed to, which is what streams.
    m_mode.fourcc = static_cast<std::uint32_t>(m_capture.get(cv::CAP_PROP_FOURCC));
    m_mode.width = static_cast<int>(m_capture.get(cv::CAP_PROP_FRAME_WIDTH));
    m_mode.height = static_cast<int>(m_capture.get(cv::CAP_PROP_FRAME_HEIGHT));
    m_mode.fps = m_capture.get(cv::CAP_PROP_FPS);
    // YUYV and MJPEG are converted here, into each frame's own picture; OpenCV converts the rest.
    m_rawFrames =
        (m_mode.fourcc == kFourccYuyv || m_mode.fourcc == kFourccMjpeg) && m_capture.set(cv::CAP_PROP_CONVERT_RGB, 0);
    m_info.mode = describeCameraMode(m_mode);
    m_info.fps = m_mode.fps;
    m_info.width = m_mode.width;
    m_info.height = m_mode.height;
}

void CameraSource::setMaxFps(double fps) {
    m_thinner.setFps(fps);
    CameraNeeds needs = m_needs;
    needs.fps = fps > 0.0 ? fps : CameraNeeds{}.fps;
    if (needs.fps == m_needs.fps) return;
    const auto wanted = chooseCameraMode(m_offered, needs);
    m_needs = needs;
    if (!wanted || *wanted == m_mode) return;  // the camera has nothing closer to the new rate
    if (m_streaming) {
        m_capture.release();
        start();
    } else {
        negotiate();
    }
}

bool CameraSource::convert(Frame& frame) {
    if (m_mode.fourcc == kFourccMjpeg) {
        if (!m_raw.isContinuous()) return false;
        return m_mjpeg.decode(m_raw.data, m_raw.total() * m_raw.elemSize(), {m_mode.width, m_mode.height}, frame.bgr);
    }
    const std::size_t expected = static_cast<std::size_t>(m_mode.width) * static_cast<std::size_t>(m_mode.height) * 2;
    if (!m_raw.isContinuous() || m_raw.total() * m_raw.elemSize() != expected) return false;
    const cv::Mat yuyv(m_mode.height, m_mode.width, CV_8UC2, m_raw.data);
    cv::cvtColor(yuyv, frame.bgr, cv::COLOR_YUV2BGR_YUYV);
    return true;
}

std::optional<Frame> CameraSource::next() {
    Frame frame;
    int undecodable = 0;
    while (true) {
        errno = 0;
        if (!m_capture.grab()) throw stoppedError();
        m_streaming = true;
        // The driver's capture time: CLOCK_MONOTONIC, in milliseconds.
        const double capturedSec = m_capture.get(cv::CAP_PROP_POS_MSEC) / 1000.0;
        if (!m_thinner.keep(capturedSec)) continue;
        cv::Mat& target = m_rawFrames ? m_raw : frame.bgr;
        if (!m_capture.retrieve(target) || target.empty()) throw stoppedError();
        if (m_rawFrames && !convert(frame)) {
            // A damaged MJPEG frame now and then is normal on USB; many in a row is a broken camera.
            if (++undecodable < kMaxUndecodableInARow) continue;
            throw Error(ErrorKind::Io, "the camera sends pictures that cannot be decoded (" + m_info.mode + ")");
        }
        frame.index = m_nextIndex++;
        frame.timestampSec = capturedSec;
        return frame;
    }
}

Error CameraSource::stoppedError() {
    return {ErrorKind::Io, errno == ENODEV ? std::string(kCameraUnplugged) : "the camera stopped sending pictures"};
}

}  // namespace posesmart
