// CameraSource: a live camera by index or device path. It asks the camera for the mode PoseSmart
// needs (CameraFormat), converts each frame itself straight from the driver's YUYV or MJPEG into the
// frame's own picture, and stamps it with the driver's capture time (the monotonic clock). Frames
// beyond the analysis rate are dropped as soon as their time is known, unconverted.
#pragma once

#include "capture/AnalysisRate.h"
#include "capture/CameraFormat.h"
#include "capture/CaptureSpec.h"
#include "capture/FrameSource.h"
#include "common/Error.h"
#include "MjpegDecoder.h"

#include <opencv2/videoio.hpp>

namespace posesmart {

class CameraSource final : public FrameSource {
public:
    // Throws Error(BadInput) with the plain reason (CameraMessages) when the camera cannot be used.
    CameraSource(const CaptureSpec& spec, const CameraNeeds& needs);
    [[nodiscard]] const SourceInfo& info() const override { return m_info; }
    // Throws Error(Io) when the camera is unplugged or stops sending.
    std::optional<Frame> next() override;
    void setMaxFps(double fps) override { m_thinner.setFps(fps); }

private:
    void negotiate(const CameraNeeds& needs, const std::vector<CameraMode>& offered);
    bool convert(Frame& frame);
    // Why a read failed: unplugged (ENODEV) or no picture in time.
    static Error stoppedError();

    cv::VideoCapture m_capture;
    SourceInfo m_info;
    CameraMode m_mode;
    bool m_rawFrames = false;  // OpenCV hands over the driver's bytes; convert() makes the picture
    cv::Mat m_raw;             // reused: the driver's bytes of the latest frame
    MjpegDecoder m_mjpeg;      // MJPEG frames to BGR (libjpeg-turbo)
    FrameThinner m_thinner;    // frames beyond the analysis rate are dropped before conversion
    std::int64_t m_nextIndex = 0;
};

}  // namespace posesmart
