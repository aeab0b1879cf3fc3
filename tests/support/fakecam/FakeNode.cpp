// Recognises fake camera nodes by the path the kernel reports for the open descriptor.

// That path has every symlink resolved (by-id links, symlinked directories), and the check costs
// nothing for files on other file systems.
#include "FakeNode.h"

#include "Config.h"
#include "Device.h"
#include "EventLog.h"
#include "FdTable.h"
#include "RealLibc.h"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace fakecam {

namespace {

struct FakeDir {
    std::string configured;  // POSESMART_FAKECAM_DIR as set
    std::string canonical;   // with symlinks resolved
    dev_t device = 0;
};

constinit std::mutex g_dirMutex;

// The canonical fake directory; recomputed when the variable changes (tests may set it in-process).
bool currentDir(const char* configured, FakeDir& dir) {
    static auto* cached = new FakeDir();
    const std::lock_guard lock(g_dirMutex);
    if (cached->canonical.empty() || cached->configured != configured) {
        char resolved[PATH_MAX];
        struct stat info {};
        if (!::realpath(configured, resolved) || real::stat(resolved, &info) != 0) return false;
        *cached = FakeDir{configured, resolved, info.st_dev};
    }
    dir = *cached;
    return true;
}

// "<dir>/video<digits>"
bool isNodePath(const std::string& path, const std::string& dir) {
    const std::string prefix = dir + "/video";
    if (path.size() <= prefix.size() || path.size() > prefix.size() + 6) return false;
    if (path.compare(0, prefix.size(), prefix) != 0) return false;
    return path.find_first_not_of("0123456789", prefix.size()) == std::string::npos;
}

const char* errnoName(int error) {
    switch (error) {
    case EACCES:
        return "EACCES";
    case EBUSY:
        return "EBUSY";
    default:
        return "EMFILE";
    }
}

int failOpen(int fd, const Config& config, const std::string& path, int error) {
    real::close(fd);
    logEvent(config.logPath, "open " + path + " error=" + errnoName(error));
    errno = error;
    return -1;
}

}  // namespace

int fakeNodeIndex(const std::string& path) {
    const char* configured = fakeCameraDir();
    FakeDir dir;
    if (!configured || !currentDir(configured, dir)) return -1;
    char resolved[PATH_MAX];
    if (!::realpath(path.c_str(), resolved)) return -1;
    const std::string canonical(resolved);
    if (!isNodePath(canonical, dir.canonical)) return -1;
    return std::atoi(canonical.c_str() + dir.canonical.size() + 6);  // after "/video"
}

int adoptIfFakeNode(int fd) {
    const char* configured = fakeCameraDir();
    if (fd < 0 || !configured) return fd;
    const int savedErrno = errno;
    struct stat info {};
    FakeDir dir;
    if (real::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || !currentDir(configured, dir) || info.st_dev != dir.device) {
        errno = savedErrno;
        return fd;
    }
    char link[32];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    char target[PATH_MAX];
    const ssize_t length = ::readlink(link, target, sizeof target - 1);
    if (length <= 0) {
        errno = savedErrno;
        return fd;
    }
    const std::string path(target, static_cast<size_t>(length));
    if (!isNodePath(path, dir.canonical)) {
        errno = savedErrno;
        return fd;
    }

    try {
        Config config = Config::fromEnvironment();
        if (config.denyAccess) return failOpen(fd, config, path, EACCES);
        if (config.busy == BusyFault::Open) return failOpen(fd, config, path, EBUSY);
        const std::string logPath = config.logPath;
        auto device = std::make_shared<Device>(fd, path, std::move(config));
        if (!device->valid() || !fakeFds::insert(fd, device)) {
            real::close(fd);
            errno = EMFILE;
            return -1;
        }
        logEvent(logPath, "open " + path + " fd=" + std::to_string(fd));
    } catch (...) {
        real::close(fd);
        errno = ENOMEM;
        return -1;
    }
    errno = savedErrno;
    return fd;
}

}  // namespace fakecam
