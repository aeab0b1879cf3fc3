#include "capture/CameraMessages.h"

namespace posesmart {

std::string cameraInUseMessage(const std::vector<DeviceUser>& users) {
    std::string text = "another application is using the camera";
    if (users.empty()) return text;
    text += " (";
    for (std::size_t i = 0; i < users.size(); ++i) {
        if (i > 0) text += "; ";
        if (!users[i].name.empty()) text += users[i].name + ", ";
        text += "pid " + std::to_string(users[i].pid);
    }
    return text + ")";
}

}  // namespace posesmart
