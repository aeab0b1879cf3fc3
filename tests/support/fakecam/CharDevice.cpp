// Reports fake nodes as character devices 81:N and serves their sysfs uevent file.
#include "CharDevice.h"

#include "Config.h"
#include "FakeNode.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <string_view>
#include <sys/mman.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace fakecam {

namespace {

constexpr unsigned kVideoMajor = 81;  // the V4L2 character device major number

std::string descriptorPath(int fd) {
    char link[32];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    char target[4096];
    const ssize_t length = ::readlink(link, target, sizeof target - 1);
    return length > 0 ? std::string(target, static_cast<size_t>(length)) : std::string();
}

}  // namespace

bool charDeviceDisguise() {
    const char* enabled = std::getenv("POSESMART_FAKECAM_CHARDEV");
    return enabled && *enabled && std::strcmp(enabled, "0") != 0 && fakeCameraDir();
}

void disguiseStat(int dirFd, const char* path, int fd, struct stat& info) {
    // Nodes are empty regular files; everything else is left alone without a path lookup.
    if (!S_ISREG(info.st_mode) || info.st_size != 0 || !charDeviceDisguise()) return;
    const int savedErrno = errno;
    std::string full;
    if (!path || !*path) {
        full = descriptorPath(path ? dirFd : fd);
    } else if (path[0] == '/' || dirFd == AT_FDCWD) {
        full = path;
    } else {
        full = descriptorPath(dirFd) + "/" + path;
    }
    const int index = full.empty() ? -1 : fakeNodeIndex(full);
    if (index >= 0) {
        info.st_mode = S_IFCHR | (info.st_mode & 07777);
        info.st_rdev = makedev(kVideoMajor, static_cast<unsigned>(index));
    }
    errno = savedErrno;
}

FILE* openFakeUevent(const char* path) {
    constexpr std::string_view prefix = "/sys/dev/char/81:";
    constexpr std::string_view suffix = "/uevent";
    const std::string_view text(path);
    if (!text.starts_with(prefix) || !text.ends_with(suffix) || !charDeviceDisguise()) return nullptr;
    const std::string number(text.substr(prefix.size(), text.size() - prefix.size() - suffix.size()));
    if (number.empty() || number.find_first_not_of("0123456789") != std::string::npos) return nullptr;
    const std::string node = std::string(fakeCameraDir()) + "/video" + number;
    if (fakeNodeIndex(node) < 0) return nullptr;
    const std::string uevent = "MAJOR=81\nMINOR=" + number + "\nDEVNAME=video" + number + "\n";
    const int fd = ::memfd_create("posesmart-fakecam-uevent", MFD_CLOEXEC);
    if (fd < 0) return nullptr;
    if (::write(fd, uevent.data(), uevent.size()) != static_cast<ssize_t>(uevent.size()) || ::lseek(fd, 0, SEEK_SET) != 0) {
        ::close(fd);
        return nullptr;
    }
    FILE* stream = ::fdopen(fd, "r");
    if (!stream) ::close(fd);
    return stream;
}

}  // namespace fakecam
