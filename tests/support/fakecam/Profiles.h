// The formats, sizes and frame intervals a fake camera offers, and uvcvideo's snapping rules.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fakecam {

// A frame period as V4L2 states it (timeperframe): numerator / denominator seconds.
struct Fraction {
    uint32_t numerator = 1;
    uint32_t denominator = 30;
};

struct FrameSize {
    uint32_t width = 0;
    uint32_t height = 0;
    std::vector<Fraction> intervals;  // fastest first; the first is the default, as uvc descriptors say
};

struct PixelFormat {
    uint32_t fourcc = 0;
    std::vector<FrameSize> sizes;  // the first is the default size at open
};

using FormatTable = std::vector<PixelFormat>;

// The table for a profile name (uvc, mjpeg30, odd, hd-only) or for an inline spec
// "custom:YUYV 640x480@30,15 320x240@30; MJPG 1280x720@30". nullopt and `error` set when invalid.
std::optional<FormatTable> formatTableFor(std::string_view profile, std::string& error);

std::string fourccName(uint32_t fourcc);
uint32_t bytesPerLine(uint32_t fourcc, uint32_t width);
// The buffer size for one frame; for MJPEG the worst case uvc cameras also report (2 bytes a pixel).
uint32_t frameBytes(uint32_t width, uint32_t height);

const PixelFormat* findFormat(const FormatTable& table, uint32_t fourcc);
// uvcvideo's choice: the size whose non-overlapping area with the request is smallest.
const FrameSize& nearestSize(const PixelFormat& format, uint32_t width, uint32_t height);
// uvcvideo's choice: the offered interval nearest in 100 ns units; a zero fraction asks for the slowest.
Fraction nearestInterval(const FrameSize& size, Fraction wanted);
double seconds(Fraction interval);

}  // namespace fakecam
