// The ioctl switch of a fake camera and the format answers, modelled on uvcvideo (uvc_v4l2.c).
#include "Device.h"

#include <cerrno>
#include <cstring>
#include <linux/version.h>
#include <linux/videodev2.h>

namespace fakecam {

namespace {

void copyString(uint8_t* target, size_t size, const std::string& text) {
    std::memset(target, 0, size);
    std::memcpy(target, text.data(), std::min(text.size(), size - 1));
}

void describe(v4l2_pix_format& pix, uint32_t fourcc, uint32_t width, uint32_t height) {
    pix = v4l2_pix_format{};
    pix.width = width;
    pix.height = height;
    pix.pixelformat = fourcc;
    pix.field = V4L2_FIELD_NONE;
    pix.bytesperline = bytesPerLine(fourcc, width);
    pix.sizeimage = frameBytes(width, height);
    // uvc's defaults when a camera has no colour matching descriptor.
    pix.colorspace = V4L2_COLORSPACE_SRGB;
    pix.priv = V4L2_PIX_FMT_PRIV_MAGIC;
    pix.ycbcr_enc = V4L2_YCBCR_ENC_601;
    pix.xfer_func = V4L2_XFER_FUNC_SRGB;
}

bool isKnownIoctl(unsigned long request) {
    switch (request) {
    case VIDIOC_QUERYCAP:
    case VIDIOC_ENUM_FMT:
    case VIDIOC_ENUM_FRAMESIZES:
    case VIDIOC_ENUM_FRAMEINTERVALS:
    case VIDIOC_G_FMT:
    case VIDIOC_TRY_FMT:
    case VIDIOC_S_FMT:
    case VIDIOC_G_PARM:
    case VIDIOC_S_PARM:
    case VIDIOC_REQBUFS:
    case VIDIOC_QUERYBUF:
    case VIDIOC_QBUF:
    case VIDIOC_DQBUF:
    case VIDIOC_STREAMON:
    case VIDIOC_STREAMOFF:
    case VIDIOC_ENUMINPUT:
    case VIDIOC_G_INPUT:
    case VIDIOC_S_INPUT:
    case VIDIOC_G_PRIORITY:
    case VIDIOC_S_PRIORITY:
    case VIDIOC_QUERYCTRL:
    case VIDIOC_QUERY_EXT_CTRL:
    case VIDIOC_QUERYMENU:
    case VIDIOC_G_CTRL:
    case VIDIOC_S_CTRL:
    case VIDIOC_SUBSCRIBE_EVENT:
    case VIDIOC_G_EXT_CTRLS:
    case VIDIOC_S_EXT_CTRLS:
    case VIDIOC_TRY_EXT_CTRLS:
        return true;
    default:
        return false;
    }
}

}  // namespace

int Device::ioctl(unsigned long request, void* arg) {
    Lock lock(m_mutex);
    const int result = dispatch(request, arg, lock);
    // Tests assert that a busy camera was refused; log the refusals uvc answers with EBUSY.
    if (result == -EBUSY) {
        const char* name = request == VIDIOC_S_FMT     ? "s_fmt"
                           : request == VIDIOC_S_PARM  ? "s_parm"
                           : request == VIDIOC_REQBUFS ? "reqbufs"
                           : request == VIDIOC_STREAMON ? "streamon"
                                                        : nullptr;
        if (name) log(std::string(name) + " error=EBUSY");
    }
    return result;
}

int Device::dispatch(unsigned long request, void* arg, Lock& lock) {
    if (m_closed) return -EBADF;
    if (checkUnplugged()) return -ENODEV;  // after a disconnect every ioctl fails so
    if (!arg) return isKnownIoctl(request) ? -EFAULT : -ENOTTY;
    switch (request) {
    case VIDIOC_QUERYCAP:
        return queryCapability(*static_cast<v4l2_capability*>(arg));
    case VIDIOC_ENUM_FMT:
        return enumFormat(*static_cast<v4l2_fmtdesc*>(arg));
    case VIDIOC_ENUM_FRAMESIZES:
        return enumFrameSizes(*static_cast<v4l2_frmsizeenum*>(arg));
    case VIDIOC_ENUM_FRAMEINTERVALS:
        return enumFrameIntervals(*static_cast<v4l2_frmivalenum*>(arg));
    case VIDIOC_G_FMT:
        return getFormat(*static_cast<v4l2_format*>(arg));
    case VIDIOC_TRY_FMT:
        return tryFormat(*static_cast<v4l2_format*>(arg));
    case VIDIOC_S_FMT:
        return setFormat(*static_cast<v4l2_format*>(arg));
    case VIDIOC_G_PARM:
        return getParm(*static_cast<v4l2_streamparm*>(arg));
    case VIDIOC_S_PARM:
        return setParm(*static_cast<v4l2_streamparm*>(arg));
    case VIDIOC_REQBUFS:
        return requestBuffers(*static_cast<v4l2_requestbuffers*>(arg));
    case VIDIOC_QUERYBUF:
        return queryBuffer(*static_cast<v4l2_buffer*>(arg));
    case VIDIOC_QBUF:
        return queueBuffer(*static_cast<v4l2_buffer*>(arg));
    case VIDIOC_DQBUF:
        return dequeueBuffer(*static_cast<v4l2_buffer*>(arg), lock);
    case VIDIOC_STREAMON:
    case VIDIOC_STREAMOFF:
        if (*static_cast<const int*>(arg) != V4L2_BUF_TYPE_VIDEO_CAPTURE) return -EINVAL;
        return request == VIDIOC_STREAMON ? streamOn(lock) : streamOff(lock);
    case VIDIOC_ENUMINPUT:
        return enumInput(*static_cast<v4l2_input*>(arg));
    case VIDIOC_G_INPUT:
        *static_cast<int*>(arg) = 0;
        return 0;
    case VIDIOC_S_INPUT:
        return *static_cast<const int*>(arg) == 0 ? 0 : -EINVAL;
    case VIDIOC_G_PRIORITY:  // answered by the V4L2 core for every driver
        *static_cast<uint32_t*>(arg) = V4L2_PRIORITY_DEFAULT;
        return 0;
    case VIDIOC_S_PRIORITY:
        return 0;
    // Controls: this camera has none, which drivers report as EINVAL ("no such control").
    case VIDIOC_QUERYCTRL:
    case VIDIOC_QUERY_EXT_CTRL:
    case VIDIOC_QUERYMENU:
    case VIDIOC_G_CTRL:
    case VIDIOC_S_CTRL:
    case VIDIOC_SUBSCRIBE_EVENT:
        return -EINVAL;
    case VIDIOC_G_EXT_CTRLS:
    case VIDIOC_S_EXT_CTRLS:
    case VIDIOC_TRY_EXT_CTRLS: {
        // An empty list is valid (applications probe support so); any control in it is unknown.
        auto& controls = *static_cast<v4l2_ext_controls*>(arg);
        if (controls.count == 0) return 0;
        // As the V4L2 core reports a list it cannot validate: TRY names the first control.
        controls.error_idx = request == VIDIOC_TRY_EXT_CTRLS ? 0 : controls.count;
        return -EINVAL;
    }
    default:
        return -ENOTTY;
    }
}

int Device::queryCapability(v4l2_capability& cap) const {
    cap = v4l2_capability{};
    copyString(cap.driver, sizeof cap.driver, "uvcvideo");
    copyString(cap.card, sizeof cap.card, m_config.cardName);
    copyString(cap.bus_info, sizeof cap.bus_info, "usb-0000:00:14.0-1");
    cap.version = LINUX_VERSION_CODE;
    cap.device_caps = V4L2_CAP_VIDEO_CAPTURE | V4L2_CAP_STREAMING | V4L2_CAP_EXT_PIX_FORMAT;
    cap.capabilities = cap.device_caps | V4L2_CAP_DEVICE_CAPS;
    return 0;
}

int Device::enumFormat(v4l2_fmtdesc& desc) const {
    if (desc.type != V4L2_BUF_TYPE_VIDEO_CAPTURE || desc.index >= m_config.formats.size()) return -EINVAL;
    const uint32_t index = desc.index;
    const auto& format = m_config.formats[index];
    desc = v4l2_fmtdesc{};
    desc.index = index;
    desc.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    const bool jpeg = format.fourcc == V4L2_PIX_FMT_MJPEG;
    desc.flags = jpeg ? V4L2_FMT_FLAG_COMPRESSED : 0;
    copyString(desc.description, sizeof desc.description, jpeg ? "Motion-JPEG" : "YUYV 4:2:2");
    desc.pixelformat = format.fourcc;
    return 0;
}

int Device::enumFrameSizes(v4l2_frmsizeenum& size) const {
    const PixelFormat* format = findFormat(m_config.formats, size.pixel_format);
    if (!format || size.index >= format->sizes.size()) return -EINVAL;
    const auto& frame = format->sizes[size.index];
    std::memset(size.reserved, 0, sizeof size.reserved);
    size.type = V4L2_FRMSIZE_TYPE_DISCRETE;
    size.discrete.width = frame.width;
    size.discrete.height = frame.height;
    return 0;
}

int Device::enumFrameIntervals(v4l2_frmivalenum& interval) const {
    const PixelFormat* format = findFormat(m_config.formats, interval.pixel_format);
    if (!format) return -EINVAL;
    for (const auto& size : format->sizes) {
        if (size.width != interval.width || size.height != interval.height) continue;
        if (interval.index >= size.intervals.size()) return -EINVAL;
        std::memset(interval.reserved, 0, sizeof interval.reserved);
        interval.type = V4L2_FRMIVAL_TYPE_DISCRETE;
        interval.discrete.numerator = size.intervals[interval.index].numerator;
        interval.discrete.denominator = size.intervals[interval.index].denominator;
        return 0;
    }
    return -EINVAL;
}

int Device::getFormat(v4l2_format& format) const {
    if (format.type != V4L2_BUF_TYPE_VIDEO_CAPTURE) return -EINVAL;
    describe(format.fmt.pix, m_fourcc, m_width, m_height);
    return 0;
}

int Device::tryFormat(v4l2_format& format) const {
    if (format.type != V4L2_BUF_TYPE_VIDEO_CAPTURE) return -EINVAL;
    auto& pix = format.fmt.pix;
    const PixelFormat* chosen = findFormat(m_config.formats, pix.pixelformat);
    if (!chosen) chosen = &m_config.formats.front();  // uvc falls back to the default format
    const FrameSize& size = nearestSize(*chosen, pix.width, pix.height);
    describe(pix, chosen->fourcc, size.width, size.height);
    return 0;
}

int Device::setFormat(v4l2_format& format) {
    if (format.type != V4L2_BUF_TYPE_VIDEO_CAPTURE) return -EINVAL;
    if (!acquirePrivileges()) return -EBUSY;
    if (!m_buffers.empty()) return -EBUSY;  // uvc refuses while buffers are allocated
    tryFormat(format);
    const auto& pix = format.fmt.pix;
    m_fourcc = pix.pixelformat;
    m_width = pix.width;
    m_height = pix.height;
    // uvc resets the frame interval to the new frame size's default.
    const PixelFormat* chosen = findFormat(m_config.formats, m_fourcc);
    m_interval = nearestSize(*chosen, m_width, m_height).intervals.front();
    log("s_fmt " + fourccName(m_fourcc) + " " + std::to_string(m_width) + "x" + std::to_string(m_height));
    return 0;
}

int Device::getParm(v4l2_streamparm& parm) const {
    if (parm.type != V4L2_BUF_TYPE_VIDEO_CAPTURE) return -EINVAL;
    parm = v4l2_streamparm{};
    parm.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    parm.parm.capture.capability = V4L2_CAP_TIMEPERFRAME;
    parm.parm.capture.timeperframe.numerator = m_interval.numerator;
    parm.parm.capture.timeperframe.denominator = m_interval.denominator;
    return 0;
}

int Device::setParm(v4l2_streamparm& parm) {
    if (parm.type != V4L2_BUF_TYPE_VIDEO_CAPTURE) return -EINVAL;
    if (!acquirePrivileges()) return -EBUSY;
    if (m_streaming) return -EBUSY;  // uvc cannot change the rate of a running stream
    const auto& wanted = parm.parm.capture.timeperframe;
    const PixelFormat* format = findFormat(m_config.formats, m_fourcc);
    m_interval = nearestInterval(nearestSize(*format, m_width, m_height), Fraction{wanted.numerator, wanted.denominator});
    log("s_parm " + std::to_string(m_interval.numerator) + "/" + std::to_string(m_interval.denominator));
    return getParm(parm);
}

int Device::enumInput(v4l2_input& input) const {
    if (input.index != 0) return -EINVAL;
    input = v4l2_input{};
    copyString(input.name, sizeof input.name, "Camera 1");
    input.type = V4L2_INPUT_TYPE_CAMERA;
    return 0;
}

}  // namespace fakecam
