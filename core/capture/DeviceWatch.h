// DeviceWatch: whether a device node has been opened or closed, by anyone, since the last look.
// Finding who has the camera open means walking every process's descriptors (otherUsersOf): about
// 80 ms on a desktop with a browser running (270 processes, 22,000 descriptors), which every two
// seconds would cost more than the analysis itself. The kernel tells of every open and close of a
// file (inotify), so the walk is needed only after one.
#pragma once

#include <filesystem>

namespace posesmart {

class DeviceWatch {
public:
    DeviceWatch();
    ~DeviceWatch();
    DeviceWatch(const DeviceWatch&) = delete;
    DeviceWatch& operator=(const DeviceWatch&) = delete;

    // True when `device` was opened or closed (this process included) since the last call, and
    // whenever that cannot be known: on the first call for a device, while it does not exist, after
    // it was removed or replaced (unplugged, re-plugged: it is watched again from then on), when the
    // kernel dropped events, and where inotify is not available (always, off Linux).
    [[nodiscard]] bool changed(const std::filesystem::path& device);

private:
    std::filesystem::path m_device;
    int m_inotify = -1;
    int m_watch = -1;
};

}  // namespace posesmart
