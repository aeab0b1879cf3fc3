#include "capture/CameraCatalog.h"

#include <algorithm>
#include <cstring>

#ifdef __linux__
#include <fcntl.h>
#include <linux/videodev2.h>
#include <sys/ioctl.h>
#include <unistd.h>
#endif

namespace posesmart {

namespace fs = std::filesystem;

namespace {

// N of ".../videoN", or -1.
int videoIndex(const fs::path& path) {
    const std::string name = path.filename().string();
    if (name.rfind("video", 0) != 0 || name.size() == 5) return -1;
    const std::string digits = name.substr(5);
    if (digits.size() > 3 || digits.find_first_not_of("0123456789") != std::string::npos) return -1;
    return std::stoi(digits);
}

enum class Kind { Capture, NotCapture, Unknown };

// Asks the driver whether the node captures video, and its name.
Kind queryNode(const fs::path& node, std::string& name) {
#ifdef __linux__
    const int fd = ::open(node.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return Kind::Unknown;
    v4l2_capability capability{};
    const bool asked = ::ioctl(fd, VIDIOC_QUERYCAP, &capability) == 0;
    ::close(fd);
    if (!asked) return Kind::NotCapture;
    const std::uint32_t caps =
        (capability.capabilities & V4L2_CAP_DEVICE_CAPS) != 0 ? capability.device_caps : capability.capabilities;
    const auto* card = reinterpret_cast<const char*>(capability.card);
    name.assign(card, strnlen(card, sizeof capability.card));
    return (caps & V4L2_CAP_VIDEO_CAPTURE) != 0 ? Kind::Capture : Kind::NotCapture;
#else
    (void)node;
    (void)name;
    return Kind::Unknown;
#endif
}

}  // namespace

std::vector<CameraEntry> listCameras(const fs::path& devRoot) {
    std::vector<CameraEntry> cameras;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(devRoot, ec)) {
        const int index = videoIndex(entry.path());
        if (index < 0) continue;
        CameraEntry camera;
        if (queryNode(entry.path(), camera.name) == Kind::NotCapture) continue;
        camera.node = entry.path();
        camera.stablePath = entry.path();
        camera.index = index;
        cameras.push_back(std::move(camera));
    }
    std::sort(cameras.begin(), cameras.end(),
              [](const CameraEntry& a, const CameraEntry& b) { return a.index < b.index; });
    for (const auto& link : fs::directory_iterator(devRoot / "v4l" / "by-id", ec)) {
        const fs::path target = fs::weakly_canonical(link.path(), ec);
        for (CameraEntry& camera : cameras) {
            // A node may have several links (one per interface); the first in name order is kept.
            if (target == fs::weakly_canonical(camera.node, ec) &&
                (camera.stablePath == camera.node || link.path() < camera.stablePath)) {
                camera.stablePath = link.path();
            }
        }
    }
    return cameras;
}

std::optional<fs::path> resolveCamera(const CameraChoice& saved, const std::vector<CameraEntry>& cameras) {
    if (cameras.empty()) return std::nullopt;
    if (!saved.path.empty()) {
        for (const CameraEntry& camera : cameras) {
            if (camera.stablePath == saved.path) return camera.stablePath;
        }
        for (const CameraEntry& camera : cameras) {
            if (!saved.name.empty() && camera.name == saved.name) return camera.stablePath;
        }
        for (const CameraEntry& camera : cameras) {
            if (camera.node == saved.path) return camera.stablePath;
        }
    }
    return cameras.front().stablePath;
}

}  // namespace posesmart
