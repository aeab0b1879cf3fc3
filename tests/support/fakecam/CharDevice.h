// Opt-in (POSESMART_FAKECAM_CHARDEV=1) disguise of fake nodes as V4L2 character devices.

// For tools that check what a node is before opening it: v4l2-ctl stats the node and reads
// /sys/dev/char/MAJOR:MINOR/uevent. OpenCV and the product need none of this.
#pragma once

#include <cstdio>
#include <sys/stat.h>

namespace fakecam {

// Whether the disguise is on (the variable is set and a fake camera directory is configured).
bool charDeviceDisguise();
// Makes `info` describe a character device 81:N when it is the status of fake node DIR/videoN.
// `path` relative to `dirFd` (AT_FDCWD or a directory descriptor), or `fd` when path is nullptr.
void disguiseStat(int dirFd, const char* path, int fd, struct stat& info);
// /sys/dev/char/81:N/uevent of a fake node N as a readable stream, or nullptr when `path` is not one.
FILE* openFakeUevent(const char* path);

}  // namespace fakecam
