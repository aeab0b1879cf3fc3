#include "ImageSize.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

namespace posesmart {

namespace {

std::uint32_t bigEndian(const unsigned char* p, int bytes) {
    std::uint32_t value = 0;
    for (int i = 0; i < bytes; ++i) value = (value << 8) | p[i];
    return value;
}

std::uint32_t littleEndian(const unsigned char* p, int bytes) {
    std::uint32_t value = 0;
    for (int i = bytes - 1; i >= 0; --i) value = (value << 8) | p[i];
    return value;
}

std::optional<cv::Size> sizeOf(std::uint32_t width, std::uint32_t height) {
    constexpr std::uint32_t kLargest = 1u << 30;  // beyond any format's field: a damaged header
    if (width == 0 || height == 0 || width > kLargest || height > kLargest) return std::nullopt;
    return cv::Size(static_cast<int>(width), static_cast<int>(height));
}

// JPEG: the first start-of-frame marker (SOF0..SOF15 but DHT, JPG and DAC) holds the size.
std::optional<cv::Size> jpegSize(std::istream& in) {
    in.seekg(2);
    unsigned char marker[4];
    for (int guard = 0; guard < 4096 && in.read(reinterpret_cast<char*>(marker), 4); ++guard) {
        if (marker[0] != 0xFF) return std::nullopt;
        const unsigned kind = marker[1];
        if (kind == 0xFF) {  // fill byte
            in.seekg(-3, std::ios::cur);
            continue;
        }
        const std::uint32_t length = bigEndian(marker + 2, 2);
        if (kind >= 0xC0 && kind <= 0xCF && kind != 0xC4 && kind != 0xC8 && kind != 0xCC) {
            unsigned char frame[5];
            if (!in.read(reinterpret_cast<char*>(frame), 5)) return std::nullopt;
            return sizeOf(bigEndian(frame + 3, 2), bigEndian(frame + 1, 2));
        }
        if (length < 2) return std::nullopt;
        in.seekg(length - 2, std::ios::cur);
    }
    return std::nullopt;
}

// PNM (P1..P6): magic, then width and height as text, comments allowed.
std::optional<cv::Size> pnmSize(std::istream& in) {
    in.seekg(2);
    std::array<long long, 2> numbers{};
    for (long long& number : numbers) {
        int c = in.get();
        while (c == '#' || std::isspace(c)) {
            if (c == '#')
                while (c != '\n' && c != EOF) c = in.get();
            c = in.get();
        }
        if (!std::isdigit(c)) return std::nullopt;
        number = 0;
        for (int digits = 0; std::isdigit(c) && digits < 12; ++digits, c = in.get()) number = number * 10 + (c - '0');
    }
    if (numbers[0] > (1LL << 31) || numbers[1] > (1LL << 31)) return cv::Size(1 << 30, 1 << 30);
    return sizeOf(static_cast<std::uint32_t>(numbers[0]), static_cast<std::uint32_t>(numbers[1]));
}

}  // namespace

std::optional<cv::Size> imageSizeFromHeader(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::array<unsigned char, 32> head{};
    in.read(reinterpret_cast<char*>(head.data()), head.size());
    const auto got = in.gcount();
    in.clear();
    const auto is = [&](std::string_view magic, std::size_t at = 0) {
        return static_cast<std::size_t>(got) >= at + magic.size() &&
               std::equal(magic.begin(), magic.end(), head.begin() + static_cast<std::ptrdiff_t>(at),
                          [](char a, unsigned char b) { return static_cast<unsigned char>(a) == b; });
    };
    if (is("\x89PNG\r\n\x1a\n") && got >= 24) return sizeOf(bigEndian(&head[16], 4), bigEndian(&head[20], 4));
    if (is("\xFF\xD8")) return jpegSize(in);
    if (is("BM") && got >= 26) {
        // BITMAPINFOHEADER: signed 32-bit width and height (negative height: top-down rows).
        const auto width = static_cast<std::int32_t>(littleEndian(&head[18], 4));
        const auto height = static_cast<std::int32_t>(littleEndian(&head[22], 4));
        const auto magnitude = [](std::int32_t v) {
            return v < 0 ? 0u - static_cast<std::uint32_t>(v) : static_cast<std::uint32_t>(v);
        };
        return sizeOf(magnitude(width), magnitude(height));
    }
    if (got >= 2 && head[0] == 'P' && head[1] >= '1' && head[1] <= '6') return pnmSize(in);
    if (is("RIFF") && is("WEBP", 8) && got >= 30) {
        if (is("VP8X", 12)) return sizeOf(littleEndian(&head[24], 3) + 1, littleEndian(&head[27], 3) + 1);
        if (is("VP8 ", 12)) return sizeOf(littleEndian(&head[26], 2) & 0x3FFF, littleEndian(&head[28], 2) & 0x3FFF);
        if (is("VP8L", 12)) {
            const std::uint32_t bits = littleEndian(&head[21], 4);
            return sizeOf((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
        }
    }
    return std::nullopt;
}

void limitImageDecoding() {
    const std::string pixels = std::to_string(static_cast<long long>(kMaxImageSide) * kMaxImageSide);
    ::setenv("OPENCV_IO_MAX_IMAGE_PIXELS", pixels.c_str(), 0);
    ::setenv("OPENCV_IO_MAX_IMAGE_WIDTH", std::to_string(kMaxImageSide).c_str(), 0);
    ::setenv("OPENCV_IO_MAX_IMAGE_HEIGHT", std::to_string(kMaxImageSide).c_str(), 0);
}

}  // namespace posesmart
