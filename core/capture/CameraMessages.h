// CameraMessages: the plain reasons given when the camera cannot be used, in the reader's words.
// The same sentences reach the window, the notifications and posesmart-cli's messages.
#pragma once

#include "capture/DeviceUsers.h"

#include <string>
#include <vector>

namespace posesmart {

// "another application is using the camera (zoom, pid 4242)"; without the parenthesis when the
// users are not known (another user's process, or a driver that says busy without telling who).
std::string cameraInUseMessage(const std::vector<DeviceUser>& users);

inline constexpr const char* kCameraNoPermission =
    "no permission to use the camera: add yourself to the `video` group or log in again";
inline constexpr const char* kCameraUnplugged = "the camera was unplugged";
// Added by the capture loop to a camera's failure: it tries again by itself.
inline constexpr const char* kCameraWaiting = "; waiting for it";

}  // namespace posesmart
