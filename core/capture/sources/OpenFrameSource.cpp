#include "CameraSource.h"
#include "ImageSequenceSource.h"
#include "VideoFileSource.h"
#include "capture/CaptureSpec.h"
#include "capture/FrameSource.h"
#include "common/Error.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <opencv2/imgcodecs.hpp>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace posesmart {

namespace {

constexpr unsigned kVideo4LinuxMajor = 81;

// A camera path must be a video4linux device. A regular file is let through: test cameras are
// files (tests/support/fakecam); what happens when it opens is the camera source's to say.
void checkCameraPath(const std::string& spec, const std::filesystem::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        throw Error(ErrorKind::BadInput, "no camera at '" + path.string() + "': " + std::strerror(errno));
    }
    if (S_ISCHR(info.st_mode) && ::major(info.st_rdev) != kVideo4LinuxMajor) {
        throw Error(ErrorKind::BadInput,
                    "'" + spec + "': " + path.string() + " is not a camera (a device of another kind)");
    }
    if (!S_ISCHR(info.st_mode) && !S_ISREG(info.st_mode)) {
        throw Error(ErrorKind::BadInput, "'" + spec + "': " + path.string() + " is not a camera device");
    }
}

// A file or a folder that exists and can be read; a FIFO, a socket or a device is refused before
// it is opened (opening a FIFO waits for a writer; sniffing its first bytes would eat them).
void checkFilePath(const std::string& spec, const std::filesystem::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            throw Error(ErrorKind::BadInput, "input '" + spec + "' does not exist");
        throw Error(ErrorKind::BadInput, "cannot read input '" + spec + "': " + std::strerror(errno));
    }
    if (!S_ISREG(info.st_mode) && !S_ISDIR(info.st_mode)) {
        const char* kind = S_ISFIFO(info.st_mode)   ? "a FIFO"
                           : S_ISSOCK(info.st_mode) ? "a socket"
                           : S_ISCHR(info.st_mode)  ? "a device (a camera is opened as camera:PATH)"
                                                    : "a device";
        throw Error(ErrorKind::BadInput,
                    "input '" + spec + "' is " + std::string(kind) + ", not a video, an image or a folder of images");
    }
    if (::access(path.c_str(), S_ISDIR(info.st_mode) ? (R_OK | X_OK) : R_OK) != 0) {
        throw Error(ErrorKind::BadInput, "cannot read input '" + spec + "': " + std::strerror(errno));
    }
}

}  // namespace

std::unique_ptr<FrameSource> openFrameSource(const std::string& spec) {
    const CaptureSpec parsed = parseCaptureSpec(spec);
    if (parsed.camera) {
        if (!parsed.index) checkCameraPath(spec, parsed.path);
        return std::make_unique<CameraSource>(parsed, CameraNeeds{});
    }
    const std::filesystem::path& path = parsed.path;
    checkFilePath(spec, path);
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec) || cv::haveImageReader(spec)) {
        return std::make_unique<ImageSequenceSource>(path);
    }
    return std::make_unique<VideoFileSource>(spec);
}

}  // namespace posesmart
