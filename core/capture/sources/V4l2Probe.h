// V4l2Probe: what a V4L2 camera is and offers, asked of the driver before OpenCV opens it: its name
// and its modes (pixel formats x sizes x frame rates), and, when it cannot be opened, why, in plain
// words (not connected, no permission, in use by another application).
#pragma once

#include "capture/CameraFormat.h"

#include <filesystem>
#include <string>
#include <vector>

namespace posesmart {

struct CameraProbe {
    std::string name;  // the driver's card name, e.g. "HD Pro Webcam C920"
    std::vector<CameraMode> modes;
};

// Opens `device` as OpenCV will (read-write, non-blocking), asks, and closes it. Throws
// Error(BadInput) with the plain reason when it cannot be opened or is not a video capture device.
CameraProbe probeCamera(const std::filesystem::path& device);

}  // namespace posesmart
