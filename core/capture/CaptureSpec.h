// CaptureSpec: what the user asked to read, parsed once for every place that needs it:
// "camera:N" (the Nth V4L2 device, /dev/videoN), "camera:/dev/..." (a device path, such as a stable
// /dev/v4l/by-id/... link), or anything else: a video file, an image, or a folder of images.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace posesmart {

struct CaptureSpec {
    bool camera = false;
    std::filesystem::path path;  // the device node (a camera) or the file or folder
    std::optional<int> index;    // "camera:N"
};

inline constexpr const char* kCameraPrefix = "camera:";

// Throws Error(BadArgument) for "camera:" with nothing after it or a negative or huge index.
CaptureSpec parseCaptureSpec(const std::string& spec);

}  // namespace posesmart
