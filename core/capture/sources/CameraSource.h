// CameraSource: a live camera by index or device path. It asks the camera for the mode PoseSmart
// needs (CameraFormat), converts each frame itself straight from the driver's YUYV or MJPEG into the
// frame's own picture, and stamps it with the driver's capture time (the monotonic clock). It asks the
// camera for the analysis rate (15 fps when analysing 15, which halves the camera's work and the USB
// traffic): before the stream starts by setting the rate, later by closing and opening the camera
// again (a UVC camera refuses a new rate while it streams). Frames beyond the analysis rate are
// dropped as soon as their time is known, unconverted.
#pragma once

#include "MjpegDecoder.h"
#include "capture/AnalysisRate.h"
#include "capture/CameraFormat.h"
#include "capture/CaptureSpec.h"
#include "capture/FrameSource.h"
#include "common/Error.h"

#include <opencv2/videoio.hpp>

namespace posesmart {

class CameraSource final : public FrameSource {
public:
    // Throws Error(BadInput) with the plain reason (CameraMessages) when the camera cannot be used.
    CameraSource(const CaptureSpec& spec, const CameraNeeds& needs);
    [[nodiscard]] const SourceInfo& info() const override { return m_info; }
    // Throws Error(Io) when the camera is unplugged or stops sending.
    std::optional<Frame> next() override;
    // Throws Error(BadInput) when the camera must be opened again for the new rate and cannot be.
    void setMaxFps(double fps) override;

private:
    void start();
    void negotiate();
    bool convert(Frame& frame);
    // Why a read failed: unplugged (ENODEV) or no picture in time.
    static Error stoppedError();

    cv::VideoCapture m_capture;
    CaptureSpec m_spec;
    std::vector<CameraMode> m_offered;  // what the driver listed
    CameraNeeds m_needs;
    bool m_streaming = false;  // a frame was grabbed: the mode can no longer change in place
    SourceInfo m_info;
    CameraMode m_mode;
    bool m_rawFrames = false;  // OpenCV hands over the driver's bytes; convert() makes the picture
    cv::Mat m_raw;             // reused: the driver's bytes of the latest frame
    MjpegDecoder m_mjpeg;      // MJPEG frames to BGR (libjpeg-turbo)
    FrameThinner m_thinner;    // frames beyond the analysis rate are dropped before conversion
    std::int64_t m_nextIndex = 0;
};

}  // namespace posesmart
