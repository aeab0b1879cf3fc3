// The C library entry points this library replaces when preloaded.

// Each first asks the lock-free fd table whether a fake camera is involved and otherwise forwards
// straight to the C library.
#undef _FORTIFY_SOURCE  // the fortified inline wrappers would clash with these definitions

#include "CharDevice.h"
#include "Device.h"
#include "FakeNode.h"
#include "FdTable.h"
#include "PollBridge.h"
#include "RealLibc.h"

#include <cerrno>
#include <cstdarg>
#include <fcntl.h>
#include <linux/close_range.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <unistd.h>

#define FAKECAM_EXPORT __attribute__((visibility("default")))

using namespace fakecam;

namespace {

bool takesMode(int flags) { return (flags & O_CREAT) != 0 || (flags & O_TMPFILE) == O_TMPFILE; }

mode_t modeArgument(int flags, va_list& args) {
    return takesMode(flags) ? static_cast<mode_t>(va_arg(args, unsigned int)) : 0;
}

// A fake camera's descriptor going away behind close()'s back (dup2 onto it, close_range).
void forget(int fd) {
    if (auto device = fakeFds::remove(fd)) device->close();
}

}  // namespace

extern "C" {

FAKECAM_EXPORT int open(const char* path, int flags, ...) {
    va_list args;
    va_start(args, flags);
    const mode_t mode = modeArgument(flags, args);
    va_end(args);
    return adoptIfFakeNode(real::open(path, flags, mode));
}

FAKECAM_EXPORT int open64(const char* path, int flags, ...) {
    va_list args;
    va_start(args, flags);
    const mode_t mode = modeArgument(flags, args);
    va_end(args);
    return adoptIfFakeNode(real::open64(path, flags, mode));
}

FAKECAM_EXPORT int openat(int dirFd, const char* path, int flags, ...) {
    va_list args;
    va_start(args, flags);
    const mode_t mode = modeArgument(flags, args);
    va_end(args);
    return adoptIfFakeNode(real::openat(dirFd, path, flags, mode));
}

FAKECAM_EXPORT int openat64(int dirFd, const char* path, int flags, ...) {
    va_list args;
    va_start(args, flags);
    const mode_t mode = modeArgument(flags, args);
    va_end(args);
    return adoptIfFakeNode(real::openat64(dirFd, path, flags, mode));
}

// The _FORTIFY_SOURCE variants that callers compiled with fortification use instead.
FAKECAM_EXPORT int __open_2(const char* path, int flags) { return adoptIfFakeNode(real::open2(path, flags)); }
FAKECAM_EXPORT int __open64_2(const char* path, int flags) { return adoptIfFakeNode(real::open64_2(path, flags)); }
FAKECAM_EXPORT int __openat_2(int dirFd, const char* path, int flags) {
    return adoptIfFakeNode(real::openat2(dirFd, path, flags));
}
FAKECAM_EXPORT int __openat64_2(int dirFd, const char* path, int flags) {
    return adoptIfFakeNode(real::openat64_2(dirFd, path, flags));
}

FAKECAM_EXPORT int close(int fd) {
    if (fakeFds::isFake(fd)) forget(fd);
    return real::close(fd);
}

FAKECAM_EXPORT int dup2(int oldFd, int newFd) noexcept {
    if (oldFd != newFd && fakeFds::isFake(newFd)) forget(newFd);
    return real::dup2(oldFd, newFd);
}

FAKECAM_EXPORT int dup3(int oldFd, int newFd, int flags) noexcept {
    if (oldFd != newFd && fakeFds::isFake(newFd)) forget(newFd);
    return real::dup3(oldFd, newFd, flags);
}

FAKECAM_EXPORT int close_range(unsigned int first, unsigned int last, int flags) noexcept {
    if (fakeFds::anyFake() && (flags & CLOSE_RANGE_CLOEXEC) == 0) {
        for (unsigned int fd = first; fd <= last && fd < 65536; ++fd) {
            if (fakeFds::isFake(static_cast<int>(fd))) forget(static_cast<int>(fd));
        }
    }
    return real::closeRange(first, last, flags);
}

FAKECAM_EXPORT int ioctl(int fd, unsigned long request, ...) noexcept {
    va_list args;
    va_start(args, request);
    void* arg = va_arg(args, void*);
    va_end(args);
    if (!fakeFds::isFake(fd)) return real::ioctl(fd, request, arg);
    const auto device = fakeFds::find(fd);
    if (!device) return real::ioctl(fd, request, arg);
    int result = 0;
    try {
        result = device->ioctl(request, arg);
    } catch (...) {
        result = -ENOMEM;
    }
    if (result < 0) {
        errno = -result;
        return -1;
    }
    return result;
}

FAKECAM_EXPORT void* mmap(void* addr, size_t length, int prot, int flags, int fd, off_t offset) noexcept {
    if (fd < 0 || !fakeFds::isFake(fd)) return real::mmap(addr, length, prot, flags, fd, offset);
    const auto device = fakeFds::find(fd);
    if (!device) return real::mmap(addr, length, prot, flags, fd, offset);
    int error = 0;
    void* address = device->mmap(addr, length, prot, flags, offset, error);
    if (address == MAP_FAILED) errno = error;
    return address;
}

FAKECAM_EXPORT void* mmap64(void* addr, size_t length, int prot, int flags, int fd, off64_t offset) noexcept {
    return mmap(addr, length, prot, flags, fd, static_cast<off_t>(offset));
}

// uvcvideo has no read() I/O (only streaming), and answers EINVAL.
FAKECAM_EXPORT ssize_t read(int fd, void* buffer, size_t count) {
    if (fakeFds::isFake(fd)) {
        errno = EINVAL;
        return -1;
    }
    return real::read(fd, buffer, count);
}

FAKECAM_EXPORT ssize_t __read_chk(int fd, void* buffer, size_t count, size_t bufferSize) {
    if (fakeFds::isFake(fd)) {
        errno = EINVAL;
        return -1;
    }
    return real::readChk(fd, buffer, count, bufferSize);
}

FAKECAM_EXPORT int poll(pollfd* fds, nfds_t count, int timeoutMs) {
    if (!fakeFds::anyFake()) return real::poll(fds, count, timeoutMs);
    if (timeoutMs < 0) return pollWithFakes(fds, count, nullptr, nullptr);
    const timespec timeout{timeoutMs / 1000, static_cast<long>(timeoutMs % 1000) * 1'000'000};
    return pollWithFakes(fds, count, &timeout, nullptr);
}

FAKECAM_EXPORT int __poll_chk(pollfd* fds, nfds_t count, int timeoutMs, size_t /*fdsLength*/) {
    return poll(fds, count, timeoutMs);
}

FAKECAM_EXPORT int ppoll(pollfd* fds, nfds_t count, const timespec* timeout, const sigset_t* mask) {
    if (!fakeFds::anyFake()) return real::ppoll(fds, count, timeout, mask);
    return pollWithFakes(fds, count, timeout, mask);
}

FAKECAM_EXPORT int select(int nfds, fd_set* readFds, fd_set* writeFds, fd_set* exceptFds, timeval* timeout) {
    if (!selectHasFakes(nfds, readFds, writeFds, exceptFds)) {
        return real::select(nfds, readFds, writeFds, exceptFds, timeout);
    }
    timespec wait{};
    if (timeout) wait = timespec{timeout->tv_sec, timeout->tv_usec * 1000};
    timespec remaining{};
    const int result = selectWithFakes(nfds, readFds, writeFds, exceptFds, timeout ? &wait : nullptr, nullptr,
                                       timeout ? &remaining : nullptr);
    if (timeout) *timeout = timeval{remaining.tv_sec, remaining.tv_nsec / 1000};
    return result;
}

FAKECAM_EXPORT int pselect(int nfds, fd_set* readFds, fd_set* writeFds, fd_set* exceptFds, const timespec* timeout,
                           const sigset_t* mask) {
    if (!selectHasFakes(nfds, readFds, writeFds, exceptFds)) {
        return real::pselect(nfds, readFds, writeFds, exceptFds, timeout, mask);
    }
    return selectWithFakes(nfds, readFds, writeFds, exceptFds, timeout, mask, nullptr);
}

FAKECAM_EXPORT int epoll_ctl(int epollFd, int op, int fd, epoll_event* event) noexcept {
    if (!fakeFds::isFake(fd)) return real::epollCtl(epollFd, op, fd, event);
    return epollCtlWithFakes(epollFd, op, fd, event);
}

// Only with POSESMART_FAKECAM_CHARDEV=1 do these change anything (see CharDevice.h).
FAKECAM_EXPORT int stat(const char* path, struct stat* info) noexcept {
    const int result = real::stat(path, info);
    if (result == 0) disguiseStat(AT_FDCWD, path, -1, *info);
    return result;
}

FAKECAM_EXPORT int stat64(const char* path, struct stat64* info) noexcept {
    return stat(path, reinterpret_cast<struct stat*>(info));  // the same layout on 64-bit Linux
}

FAKECAM_EXPORT int lstat(const char* path, struct stat* info) noexcept {
    const int result = real::lstat(path, info);
    if (result == 0) disguiseStat(AT_FDCWD, path, -1, *info);
    return result;
}

FAKECAM_EXPORT int lstat64(const char* path, struct stat64* info) noexcept {
    return lstat(path, reinterpret_cast<struct stat*>(info));
}

FAKECAM_EXPORT int fstat(int fd, struct stat* info) noexcept {
    const int result = real::fstat(fd, info);
    if (result == 0) disguiseStat(AT_FDCWD, nullptr, fd, *info);
    return result;
}

FAKECAM_EXPORT int fstat64(int fd, struct stat64* info) noexcept {
    return fstat(fd, reinterpret_cast<struct stat*>(info));
}

FAKECAM_EXPORT int fstatat(int dirFd, const char* path, struct stat* info, int flags) noexcept {
    const int result = real::fstatat(dirFd, path, info, flags);
    if (result == 0) disguiseStat(dirFd, path, -1, *info);
    return result;
}

FAKECAM_EXPORT int fstatat64(int dirFd, const char* path, struct stat64* info, int flags) noexcept {
    return fstatat(dirFd, path, reinterpret_cast<struct stat*>(info), flags);
}

FAKECAM_EXPORT FILE* fopen(const char* path, const char* mode) {
    if (FILE* uevent = openFakeUevent(path)) return uevent;
    return real::fopen(path, mode);
}

FAKECAM_EXPORT FILE* fopen64(const char* path, const char* mode) {
    if (FILE* uevent = openFakeUevent(path)) return uevent;
    return real::fopen64(path, mode);
}

}  // extern "C"
