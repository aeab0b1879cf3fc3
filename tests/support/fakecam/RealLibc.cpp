// Resolves and calls the C library's own versions of the interposed functions.
#include "RealLibc.h"

#include <atomic>
#include <cerrno>
#include <dlfcn.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace fakecam::real {

namespace {

// The resolved address is cached in a constant-initialised atomic: usable before any constructor runs
// and from any thread (two threads resolving at once store the same value).
template <typename Fn>
Fn resolve(std::atomic<void*>& slot, const char* name) {
    void* address = slot.load(std::memory_order_acquire);
    if (!address) {
        address = ::dlsym(RTLD_NEXT, name);
        slot.store(address, std::memory_order_release);
    }
    return reinterpret_cast<Fn>(address);
}

#define FAKECAM_REAL(type, name)                 \
    type name##Fn() {                            \
        static constinit std::atomic<void*> slot; \
        return resolve<type>(slot, #name);       \
    }

using OpenFn = int (*)(const char*, int, ...);
using OpenAtFn = int (*)(int, const char*, int, ...);
using Open2Fn = int (*)(const char*, int);
using OpenAt2Fn = int (*)(int, const char*, int);
using CloseFn = int (*)(int);
using IoctlFn = int (*)(int, unsigned long, ...);
using MmapFn = void* (*)(void*, size_t, int, int, int, off_t);
using ReadFn = ssize_t (*)(int, void*, size_t);
using ReadChkFn = ssize_t (*)(int, void*, size_t, size_t);
using PollFn = int (*)(pollfd*, nfds_t, int);
using PpollFn = int (*)(pollfd*, nfds_t, const timespec*, const sigset_t*);
using SelectFn = int (*)(int, fd_set*, fd_set*, fd_set*, timeval*);
using PselectFn = int (*)(int, fd_set*, fd_set*, fd_set*, const timespec*, const sigset_t*);
using EpollCtlFn = int (*)(int, int, int, epoll_event*);
using Dup2Fn = int (*)(int, int);
using Dup3Fn = int (*)(int, int, int);
using CloseRangeFn = int (*)(unsigned int, unsigned int, int);
using StatFn = int (*)(const char*, struct stat*);
using Stat64Fn = int (*)(const char*, struct stat64*);
using FstatFn = int (*)(int, struct stat*);
using Fstat64Fn = int (*)(int, struct stat64*);
using FstatatFn = int (*)(int, const char*, struct stat*, int);
using Fstatat64Fn = int (*)(int, const char*, struct stat64*, int);
using FopenFn = FILE* (*)(const char*, const char*);

FAKECAM_REAL(OpenFn, open)
FAKECAM_REAL(OpenFn, open64)
FAKECAM_REAL(OpenAtFn, openat)
FAKECAM_REAL(OpenAtFn, openat64)
FAKECAM_REAL(Open2Fn, __open_2)
FAKECAM_REAL(Open2Fn, __open64_2)
FAKECAM_REAL(OpenAt2Fn, __openat_2)
FAKECAM_REAL(OpenAt2Fn, __openat64_2)
FAKECAM_REAL(CloseFn, close)
FAKECAM_REAL(IoctlFn, ioctl)
FAKECAM_REAL(ReadFn, read)
FAKECAM_REAL(ReadChkFn, __read_chk)
FAKECAM_REAL(PollFn, poll)
FAKECAM_REAL(PpollFn, ppoll)
FAKECAM_REAL(SelectFn, select)
FAKECAM_REAL(PselectFn, pselect)
FAKECAM_REAL(EpollCtlFn, epoll_ctl)
FAKECAM_REAL(Dup2Fn, dup2)
FAKECAM_REAL(Dup3Fn, dup3)
FAKECAM_REAL(CloseRangeFn, close_range)
FAKECAM_REAL(StatFn, stat)
FAKECAM_REAL(Stat64Fn, stat64)
FAKECAM_REAL(StatFn, lstat)
FAKECAM_REAL(Stat64Fn, lstat64)
FAKECAM_REAL(FstatFn, fstat)
FAKECAM_REAL(Fstat64Fn, fstat64)
FAKECAM_REAL(FstatatFn, fstatat)
FAKECAM_REAL(Fstatat64Fn, fstatat64)
FAKECAM_REAL(FopenFn, fopen)
FAKECAM_REAL(FopenFn, fopen64)

#undef FAKECAM_REAL

}  // namespace

int open(const char* path, int flags, mode_t mode) { return openFn()(path, flags, mode); }
int open64(const char* path, int flags, mode_t mode) { return open64Fn()(path, flags, mode); }
int openat(int dirFd, const char* path, int flags, mode_t mode) { return openatFn()(dirFd, path, flags, mode); }
int openat64(int dirFd, const char* path, int flags, mode_t mode) {
    return openat64Fn()(dirFd, path, flags, mode);
}
int open2(const char* path, int flags) { return __open_2Fn()(path, flags); }
int open64_2(const char* path, int flags) { return __open64_2Fn()(path, flags); }
int openat2(int dirFd, const char* path, int flags) { return __openat_2Fn()(dirFd, path, flags); }
int openat64_2(int dirFd, const char* path, int flags) { return __openat64_2Fn()(dirFd, path, flags); }
int close(int fd) { return closeFn()(fd); }
int ioctl(int fd, unsigned long request, void* arg) { return ioctlFn()(fd, request, arg); }

void* mmap(void* addr, size_t length, int prot, int flags, int fd, off_t offset) {
    // malloc calls mmap, and dlsym may call malloc: while the lookup is not done yet, the system call
    // itself stands in (glibc's mmap is a thin wrapper around it on x86-64).
    static constinit std::atomic<void*> slot;
    static constinit std::atomic<bool> resolving;
    void* address = slot.load(std::memory_order_acquire);
    if (!address && !resolving.exchange(true)) {
        address = ::dlsym(RTLD_NEXT, "mmap");
        slot.store(address, std::memory_order_release);
    }
    if (!address) {
        return reinterpret_cast<void*>(::syscall(SYS_mmap, addr, length, prot, flags, fd, offset));
    }
    return reinterpret_cast<MmapFn>(address)(addr, length, prot, flags, fd, offset);
}

ssize_t read(int fd, void* buffer, size_t count) { return readFn()(fd, buffer, count); }
ssize_t readChk(int fd, void* buffer, size_t count, size_t bufferSize) {
    return __read_chkFn()(fd, buffer, count, bufferSize);
}
int poll(pollfd* fds, nfds_t count, int timeoutMs) { return pollFn()(fds, count, timeoutMs); }
int ppoll(pollfd* fds, nfds_t count, const timespec* timeout, const sigset_t* mask) {
    return ppollFn()(fds, count, timeout, mask);
}
int select(int nfds, fd_set* readFds, fd_set* writeFds, fd_set* exceptFds, timeval* timeout) {
    return selectFn()(nfds, readFds, writeFds, exceptFds, timeout);
}
int pselect(int nfds, fd_set* readFds, fd_set* writeFds, fd_set* exceptFds, const timespec* timeout,
            const sigset_t* mask) {
    return pselectFn()(nfds, readFds, writeFds, exceptFds, timeout, mask);
}
int epollCtl(int epollFd, int op, int fd, epoll_event* event) { return epoll_ctlFn()(epollFd, op, fd, event); }
int dup2(int oldFd, int newFd) { return dup2Fn()(oldFd, newFd); }
int dup3(int oldFd, int newFd, int flags) { return dup3Fn()(oldFd, newFd, flags); }
int closeRange(unsigned int first, unsigned int last, int flags) {
    const auto fn = close_rangeFn();
    if (!fn) {
        errno = ENOSYS;
        return -1;
    }
    return fn(first, last, flags);
}

int stat(const char* path, struct stat* info) { return statFn()(path, info); }
int stat64(const char* path, struct stat64* info) { return stat64Fn()(path, info); }
int lstat(const char* path, struct stat* info) { return lstatFn()(path, info); }
int lstat64(const char* path, struct stat64* info) { return lstat64Fn()(path, info); }
int fstat(int fd, struct stat* info) { return fstatFn()(fd, info); }
int fstat64(int fd, struct stat64* info) { return fstat64Fn()(fd, info); }
int fstatat(int dirFd, const char* path, struct stat* info, int flags) { return fstatatFn()(dirFd, path, info, flags); }
int fstatat64(int dirFd, const char* path, struct stat64* info, int flags) {
    return fstatat64Fn()(dirFd, path, info, flags);
}
FILE* fopen(const char* path, const char* mode) { return fopenFn()(path, mode); }
FILE* fopen64(const char* path, const char* mode) { return fopen64Fn()(path, mode); }

}  // namespace fakecam::real
