#include "capture/DeviceWatch.h"

#ifdef __linux__
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <sys/inotify.h>
#include <unistd.h>
#endif

namespace posesmart {

#ifdef __linux__

namespace {
// Opens and closes; a change of the node itself (unlinked on unplug: its link count changes, or
// its permissions set anew) or its removal means it is watched afresh.
constexpr std::uint32_t kUse = IN_OPEN | IN_CLOSE_WRITE | IN_CLOSE_NOWRITE;
constexpr std::uint32_t kReplaced = IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED | IN_UNMOUNT;
}  // namespace

DeviceWatch::DeviceWatch() : m_inotify(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {}

DeviceWatch::~DeviceWatch() {
    if (m_inotify >= 0) ::close(m_inotify);  // drops the watch with it
}

bool DeviceWatch::changed(const std::filesystem::path& device) {
    if (m_inotify < 0) return true;
    if (device != m_device) {
        if (m_watch >= 0) ::inotify_rm_watch(m_inotify, m_watch);
        m_watch = -1;
        m_device = device;
    }
    if (m_watch < 0) {
        // inotify follows a symbolic link (/dev/v4l/by-id/...) to the node it names now.
        m_watch = ::inotify_add_watch(m_inotify, m_device.c_str(), kUse | kReplaced);
        return true;
    }
    bool changed = false;
    bool rewatch = false;
    alignas(inotify_event) char buffer[4096];
    while (true) {
        const ssize_t got = ::read(m_inotify, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;  // EAGAIN: nothing more
        for (std::size_t at = 0; at < static_cast<std::size_t>(got);) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
            at += sizeof(inotify_event) + event->len;
            if ((event->mask & IN_Q_OVERFLOW) != 0) {
                changed = true;                 // events were lost
            } else if (event->wd == m_watch) {  // not the last word of a watch given up before
                changed = true;
                rewatch = rewatch || (event->mask & kReplaced) != 0;
            }
        }
    }
    if (rewatch) {
        ::inotify_rm_watch(m_inotify, m_watch);  // fails harmlessly when the kernel dropped it already
        m_watch = -1;
    }
    return changed;
}

#else

DeviceWatch::DeviceWatch() = default;
DeviceWatch::~DeviceWatch() = default;
bool DeviceWatch::changed(const std::filesystem::path& /*device*/) {
    return true;
}

#endif

}  // namespace posesmart
