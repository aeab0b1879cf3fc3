#include "capture/DeviceUsers.h"

#include <fstream>

#ifdef __linux__
#include <cstdio>
#include <cstdlib>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace posesmart {

#ifdef __linux__

namespace {

// Owns a DIR*, closing it (and the descriptor it was opened from) on scope exit.
class Directory {
public:
    explicit Directory(int fd) : m_dir(fd >= 0 ? ::fdopendir(fd) : nullptr) {
        if (fd >= 0 && !m_dir) ::close(fd);
    }
    Directory(const Directory&) = delete;
    Directory& operator=(const Directory&) = delete;
    ~Directory() {
        if (m_dir) ::closedir(m_dir);
    }
    [[nodiscard]] DIR* get() const { return m_dir; }

private:
    DIR* m_dir;
};

// The pid a /proc entry names, or 0 for the other entries (self, meminfo, ...).
int pidOf(const char* name) {
    if (*name < '1' || *name > '9') return 0;
    char* end = nullptr;
    const long pid = std::strtol(name, &end, 10);
    return *end == '\0' ? static_cast<int>(pid) : 0;
}

// Whether any descriptor in the process's fd directory refers to the file `target`. stat follows
// each /proc/<pid>/fd/<n> link to the open file itself, so no path is read or compared.
bool hasOpen(int procFd, int pid, const struct stat& target) {
    char fdPath[32];  // "<pid>/fd", relative to /proc
    std::snprintf(fdPath, sizeof fdPath, "%d/fd", pid);

    const Directory fds(::openat(procFd, fdPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fds.get()) return false;  // not ours to read, or gone already
    const int dirFd = ::dirfd(fds.get());
    while (const dirent* entry = ::readdir(fds.get())) {
        if (entry->d_name[0] == '.') continue;
        struct stat opened {};
        if (::fstatat(dirFd, entry->d_name, &opened, 0) != 0) continue;  // closed meanwhile
        if (opened.st_dev == target.st_dev && opened.st_ino == target.st_ino) return true;
    }
    return false;
}

}  // namespace

std::vector<int> otherProcessesUsing(const std::filesystem::path& device) {
    std::vector<int> users;
    struct stat target {};
    if (::stat(device.c_str(), &target) != 0) return users;

    const Directory proc(::open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!proc.get()) return users;
    const int procFd = ::dirfd(proc.get());
    const int self = static_cast<int>(::getpid());
    while (const dirent* entry = ::readdir(proc.get())) {
        const int pid = pidOf(entry->d_name);
        if (pid == 0 || pid == self) continue;
        if (hasOpen(procFd, pid, target)) users.push_back(pid);
    }
    return users;
}

namespace {

std::string processName(int pid) {
    std::ifstream comm("/proc/" + std::to_string(pid) + "/comm");
    std::string name;
    std::getline(comm, name);
    return name;
}

}  // namespace

std::vector<DeviceUser> otherUsersOf(const std::filesystem::path& device) {
    std::vector<DeviceUser> users;
    for (const int pid : otherProcessesUsing(device)) users.push_back({pid, processName(pid)});
    return users;
}

#else

// Only Linux exposes other processes' open files cheaply (/proc); elsewhere foreign use of the
// camera is not detected and the camera is released only when paused or when nobody is in view.
std::vector<int> otherProcessesUsing(const std::filesystem::path&) {
    return {};
}

std::vector<DeviceUser> otherUsersOf(const std::filesystem::path&) {
    return {};
}

#endif

}  // namespace posesmart
