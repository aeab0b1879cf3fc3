// Format tables of the named camera profiles, the inline spec parser and uvcvideo's snapping rules.
#include "Profiles.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <linux/videodev2.h>
#include <limits>

namespace fakecam {

namespace {

constexpr std::string_view kUvc =
    "YUYV 640x480@30,15 320x240@30,15 1280x720@10,5; MJPG 640x480@30,15 1280x720@30,15 1920x1080@30,15";
constexpr std::string_view kMjpeg30 = "YUYV 640x480@15 1280x720@10; MJPG 640x480@30,15 1280x720@30,15 1920x1080@30,15";
constexpr std::string_view kOdd = "YUYV 800x600@20 352x288@25";
constexpr std::string_view kHdOnly = "MJPG 1920x1080@30 1280x720@30";

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\n");
    return text.substr(first, last - first + 1);
}

std::vector<std::string_view> split(std::string_view text, std::string_view separators) {
    std::vector<std::string_view> parts;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t end = text.find_first_of(separators, start);
        const auto part = trim(text.substr(start, end == std::string_view::npos ? end : end - start));
        if (!part.empty()) parts.push_back(part);
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return parts;
}

std::optional<uint32_t> number(std::string_view text) {
    uint32_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value == 0) return std::nullopt;
    return value;
}

// "640x480@30,15"
std::optional<FrameSize> parseSize(std::string_view text) {
    const auto at = text.find('@');
    const auto x = text.find('x');
    if (at == std::string_view::npos || x == std::string_view::npos || x > at) return std::nullopt;
    const auto width = number(text.substr(0, x));
    const auto height = number(text.substr(x + 1, at - x - 1));
    if (!width || !height) return std::nullopt;
    FrameSize size{*width, *height, {}};
    for (const auto fps : split(text.substr(at + 1), ",")) {
        const auto rate = number(fps);
        if (!rate) return std::nullopt;
        size.intervals.push_back(Fraction{1, *rate});
    }
    if (size.intervals.empty()) return std::nullopt;
    return size;
}

std::optional<FormatTable> parseSpec(std::string_view spec, std::string& error) {
    FormatTable table;
    for (const auto formatText : split(spec, ";")) {
        const auto words = split(formatText, " \t");
        if (words.size() < 2 || words[0].size() != 4) {
            error = "bad format entry '" + std::string(formatText) + "'";
            return std::nullopt;
        }
        const auto name = words[0];
        PixelFormat format{v4l2_fourcc(name[0], name[1], name[2], name[3]), {}};
        if (format.fourcc != V4L2_PIX_FMT_YUYV && format.fourcc != V4L2_PIX_FMT_MJPEG) {
            error = "unsupported fourcc '" + std::string(name) + "' (YUYV or MJPG)";
            return std::nullopt;
        }
        for (size_t i = 1; i < words.size(); ++i) {
            auto size = parseSize(words[i]);
            if (!size || size->width % 2 != 0) {
                error = "bad frame size '" + std::string(words[i]) + "' (WxH@fps,fps with an even width)";
                return std::nullopt;
            }
            format.sizes.push_back(std::move(*size));
        }
        table.push_back(std::move(format));
    }
    if (table.empty()) {
        error = "no formats";
        return std::nullopt;
    }
    return table;
}

// 100 ns units, as UVC states frame intervals; a zero fraction is the longest possible interval.
uint64_t hundredNanoseconds(Fraction interval) {
    if (interval.numerator == 0 || interval.denominator == 0) return std::numeric_limits<uint32_t>::max();
    return uint64_t{interval.numerator} * 10'000'000u / interval.denominator;
}

}  // namespace

std::optional<FormatTable> formatTableFor(std::string_view profile, std::string& error) {
    if (profile.empty() || profile == "uvc") return parseSpec(kUvc, error);
    if (profile == "mjpeg30") return parseSpec(kMjpeg30, error);
    if (profile == "odd") return parseSpec(kOdd, error);
    if (profile == "hd-only") return parseSpec(kHdOnly, error);
    constexpr std::string_view kCustom = "custom:";
    if (profile.starts_with(kCustom)) return parseSpec(profile.substr(kCustom.size()), error);
    error = "unknown profile '" + std::string(profile) + "'";
    return std::nullopt;
}

std::string fourccName(uint32_t fourcc) {
    std::string name(4, ' ');
    for (size_t i = 0; i < 4; ++i) name[i] = static_cast<char>((fourcc >> (8 * i)) & 0xff);
    return name;
}

uint32_t bytesPerLine(uint32_t fourcc, uint32_t width) { return fourcc == V4L2_PIX_FMT_YUYV ? width * 2 : 0; }

uint32_t frameBytes(uint32_t width, uint32_t height) { return width * height * 2; }

const PixelFormat* findFormat(const FormatTable& table, uint32_t fourcc) {
    for (const auto& format : table) {
        if (format.fourcc == fourcc) return &format;
    }
    return nullptr;
}

const FrameSize& nearestSize(const PixelFormat& format, uint32_t width, uint32_t height) {
    const FrameSize* best = &format.sizes.front();
    uint64_t bestDistance = std::numeric_limits<uint64_t>::max();
    for (const auto& size : format.sizes) {
        const uint64_t overlap = uint64_t{std::min(size.width, width)} * std::min(size.height, height);
        const uint64_t distance = uint64_t{size.width} * size.height + uint64_t{width} * height - 2 * overlap;
        if (distance < bestDistance) {
            bestDistance = distance;
            best = &size;
        }
        if (distance == 0) break;
    }
    return *best;
}

Fraction nearestInterval(const FrameSize& size, Fraction wanted) {
    const uint64_t target = hundredNanoseconds(wanted);
    Fraction best = size.intervals.front();
    uint64_t bestDistance = std::numeric_limits<uint64_t>::max();
    for (const auto& interval : size.intervals) {
        const uint64_t value = hundredNanoseconds(interval);
        const uint64_t distance = value > target ? value - target : target - value;
        if (distance < bestDistance) {
            bestDistance = distance;
            best = interval;
        }
    }
    return best;
}

double seconds(Fraction interval) {
    return interval.denominator == 0 ? 0.0 : static_cast<double>(interval.numerator) / interval.denominator;
}

}  // namespace fakecam
