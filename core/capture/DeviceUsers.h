// DeviceUsers: which other processes have a device node open, so that the camera can be handed
// over when another application (a video call) opens it. It reads every process's descriptors:
// tens of milliseconds on a busy desktop, so it is asked only after DeviceWatch saw an open or close.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace posesmart {

// Pids of the processes other than this one with `device` open, each once. Matches the opened
// file by device and inode, so any path to it counts (e.g. /dev/v4l/by-id/... for /dev/video0).
// Processes we may not inspect (other users', exiting ones) are skipped silently; a device that
// does not exist has no users. On Linux it reads /proc; elsewhere it always returns nothing.
std::vector<int> otherProcessesUsing(const std::filesystem::path& device);

struct DeviceUser {
    int pid = 0;
    std::string name;  // the program's name (/proc/PID/comm); empty when it could not be read
    bool operator==(const DeviceUser&) const = default;
};

// otherProcessesUsing(device) with each process's name.
std::vector<DeviceUser> otherUsersOf(const std::filesystem::path& device);

}  // namespace posesmart
