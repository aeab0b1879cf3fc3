// The C library's own versions of the interposed functions, found with dlsym(RTLD_NEXT).
#pragma once

#include <cstddef>
#include <cstdio>
#include <poll.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/types.h>

namespace fakecam::real {

// Each forwards to the next definition in the lookup order (normally glibc's), resolving it on first
// use; the interposed functions can run before this library's constructors, so nothing here may
// depend on static initialisation.
int open(const char* path, int flags, mode_t mode);
int open64(const char* path, int flags, mode_t mode);
int openat(int dirFd, const char* path, int flags, mode_t mode);
int openat64(int dirFd, const char* path, int flags, mode_t mode);
int open2(const char* path, int flags);
int open64_2(const char* path, int flags);
int openat2(int dirFd, const char* path, int flags);
int openat64_2(int dirFd, const char* path, int flags);
int close(int fd);
int ioctl(int fd, unsigned long request, void* arg);
void* mmap(void* addr, size_t length, int prot, int flags, int fd, off_t offset);
ssize_t read(int fd, void* buffer, size_t count);
ssize_t readChk(int fd, void* buffer, size_t count, size_t bufferSize);
int poll(pollfd* fds, nfds_t count, int timeoutMs);
int ppoll(pollfd* fds, nfds_t count, const timespec* timeout, const sigset_t* mask);
int select(int nfds, fd_set* readFds, fd_set* writeFds, fd_set* exceptFds, timeval* timeout);
int pselect(int nfds, fd_set* readFds, fd_set* writeFds, fd_set* exceptFds, const timespec* timeout,
            const sigset_t* mask);
int epollCtl(int epollFd, int op, int fd, epoll_event* event);
int dup2(int oldFd, int newFd);
int dup3(int oldFd, int newFd, int flags);
int closeRange(unsigned int first, unsigned int last, int flags);
int stat(const char* path, struct stat* info);
int stat64(const char* path, struct stat64* info);
int lstat(const char* path, struct stat* info);
int lstat64(const char* path, struct stat64* info);
int fstat(int fd, struct stat* info);
int fstat64(int fd, struct stat64* info);
int fstatat(int dirFd, const char* path, struct stat* info, int flags);
int fstatat64(int dirFd, const char* path, struct stat64* info, int flags);
FILE* fopen(const char* path, const char* mode);
FILE* fopen64(const char* path, const char* mode);

}  // namespace fakecam::real
