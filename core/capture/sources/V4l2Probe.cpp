#include "V4l2Probe.h"

#include "capture/CameraMessages.h"
#include "common/Error.h"

#include <cerrno>
#include <cstring>

#ifdef __linux__
#include <fcntl.h>
#include <linux/videodev2.h>
#include <sys/ioctl.h>
#include <unistd.h>
#endif

namespace posesmart {

#ifdef __linux__

namespace {

class Descriptor {
public:
    explicit Descriptor(int fd) : m_fd(fd) {}
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() {
        if (m_fd >= 0) ::close(m_fd);
    }
    [[nodiscard]] int get() const { return m_fd; }

private:
    int m_fd;
};

bool query(int fd, unsigned long request, void* argument) {
    int result = 0;
    do {
        result = ::ioctl(fd, request, argument);
    } while (result == -1 && errno == EINTR);
    return result == 0;
}

// The rates a size offers; stepwise and continuous ranges give their two ends.
std::vector<double> ratesOf(int fd, std::uint32_t pixelFormat, int width, int height) {
    std::vector<double> rates;
    v4l2_frmivalenum interval{};
    interval.pixel_format = pixelFormat;
    interval.width = static_cast<std::uint32_t>(width);
    interval.height = static_cast<std::uint32_t>(height);
    const auto rate = [](const v4l2_fract& f) { return f.numerator > 0 ? double(f.denominator) / f.numerator : 0.0; };
    for (interval.index = 0; query(fd, VIDIOC_ENUM_FRAMEINTERVALS, &interval); ++interval.index) {
        if (interval.type == V4L2_FRMIVAL_TYPE_DISCRETE) {
            rates.push_back(rate(interval.discrete));
        } else {
            rates.push_back(rate(interval.stepwise.min));  // the shortest interval: the highest rate
            rates.push_back(rate(interval.stepwise.max));
            break;
        }
    }
    return rates;
}

void addSizes(int fd, std::uint32_t pixelFormat, std::vector<CameraMode>& modes) {
    v4l2_frmsizeenum size{};
    size.pixel_format = pixelFormat;
    std::vector<std::pair<int, int>> sizes;
    for (size.index = 0; query(fd, VIDIOC_ENUM_FRAMESIZES, &size); ++size.index) {
        if (size.type == V4L2_FRMSIZE_TYPE_DISCRETE) {
            sizes.emplace_back(size.discrete.width, size.discrete.height);
        } else {
            sizes.emplace_back(size.stepwise.min_width, size.stepwise.min_height);
            sizes.emplace_back(size.stepwise.max_width, size.stepwise.max_height);
            break;
        }
    }
    for (const auto& [width, height] : sizes) {
        for (const double fps : ratesOf(fd, pixelFormat, width, height)) {
            modes.push_back({pixelFormat, width, height, fps});
        }
    }
}

std::string openFailure(const std::filesystem::path& device, int error) {
    switch (error) {
        case EACCES:
        case EPERM:
            return kCameraNoPermission;
        case EBUSY:
            return cameraInUseMessage(otherUsersOf(device));
        case ENOENT:
        case ENODEV:
        case ENXIO:
            return "no camera at '" + device.string() + "' (not connected)";
        default:
            return "the camera at '" + device.string() + "' cannot be opened: " + std::strerror(error);
    }
}

}  // namespace

CameraProbe probeCamera(const std::filesystem::path& device) {
    const Descriptor fd(::open(device.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC));
    if (fd.get() < 0) throw Error(ErrorKind::BadInput, openFailure(device, errno));
    v4l2_capability capability{};
    if (!query(fd.get(), VIDIOC_QUERYCAP, &capability)) {
        if (errno == ENODEV) throw Error(ErrorKind::BadInput, kCameraUnplugged);
        throw Error(ErrorKind::BadInput, "'" + device.string() + "' is not a camera");
    }
    const std::uint32_t caps =
        (capability.capabilities & V4L2_CAP_DEVICE_CAPS) != 0 ? capability.device_caps : capability.capabilities;
    if ((caps & V4L2_CAP_VIDEO_CAPTURE) == 0) {
        throw Error(ErrorKind::BadInput, "'" + device.string() + "' is not a camera (it captures no video)");
    }
    CameraProbe probe;
    probe.name.assign(reinterpret_cast<const char*>(capability.card),
                      strnlen(reinterpret_cast<const char*>(capability.card), sizeof capability.card));
    // Setting the format in force is refused (EBUSY) while another handle streams: uvcvideo's
    // word for "in use", which OpenCV's open() would only report as a failure.
    v4l2_format current{};
    current.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    if (query(fd.get(), VIDIOC_G_FMT, &current) && !query(fd.get(), VIDIOC_S_FMT, &current) && errno == EBUSY) {
        throw Error(ErrorKind::BadInput, cameraInUseMessage(otherUsersOf(device)));
    }
    v4l2_fmtdesc format{};
    format.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    for (format.index = 0; query(fd.get(), VIDIOC_ENUM_FMT, &format); ++format.index) {
        addSizes(fd.get(), format.pixelformat, probe.modes);
    }
    return probe;
}

#else

// Elsewhere OpenCV's default back end picks the mode; nothing is known beforehand.
CameraProbe probeCamera(const std::filesystem::path&) {
    return {};
}

#endif

}  // namespace posesmart
