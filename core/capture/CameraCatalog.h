// CameraCatalog: the cameras plugged in, each by its name and a stable path, and which of them a
// saved choice means now. /dev/videoN numbers change when cameras are re-plugged or added; udev's
// /dev/v4l/by-id/ links (USB vendor, model and serial) do not, so the choice is kept by that link,
// then by the camera's name, and by index only when neither is found.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace posesmart {

struct CameraEntry {
    std::string name;                  // the driver's name, "HD Pro Webcam C920"
    std::filesystem::path node;        // its /dev/videoN now
    std::filesystem::path stablePath;  // its /dev/v4l/by-id/ link, or the node when it has none
    int index = 0;                     // N of /dev/videoN
};

// The video capture devices under `devRoot` (/dev, or a test's folder): devRoot/videoN answering
// V4L2's QUERYCAP with video capture (metadata and output nodes are left out), in index order, each
// with the devRoot/v4l/by-id/ link that points to it. Nodes that cannot be opened are listed by
// their node (name empty): another user's or a busy camera is still a camera.
std::vector<CameraEntry> listCameras(const std::filesystem::path& devRoot = "/dev");

// What Settings keeps of the user's choice; an empty path: the first camera.
struct CameraChoice {
    std::string path;  // the stable path chosen
    std::string name;
};

// The device to open for `saved` among `cameras`: its stable path when a camera has it; else the
// camera of the same name; else, for a /dev/videoN path, that node if present; else the first
// camera. nullopt when no camera is plugged in.
std::optional<std::filesystem::path> resolveCamera(const CameraChoice& saved, const std::vector<CameraEntry>& cameras);

}  // namespace posesmart
