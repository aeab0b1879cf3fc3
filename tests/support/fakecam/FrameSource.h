// Loads the OpenCV frames module on first use and wraps one of its frame producers.
#pragma once

#include "FramesModuleApi.h"

#include <cstdint>
#include <memory>
#include <string>

namespace fakecam {

class FrameSource {
public:
    // nullptr with `error` set when the module cannot be loaded or the video cannot be opened.
    static std::unique_ptr<FrameSource> open(const std::string& videoPath, uint32_t fourcc, uint32_t width,
                                             uint32_t height, int jpegQuality, std::string& error);
    ~FrameSource();
    FrameSource(const FrameSource&) = delete;
    FrameSource& operator=(const FrameSource&) = delete;

    // The encoded frame for `seconds` since STREAMON; valid until the next call. False on failure.
    bool frameAt(double seconds, const unsigned char*& data, size_t& size);

    [[nodiscard]] bool matches(uint32_t fourcc, uint32_t width, uint32_t height) const {
        return fourcc == m_fourcc && width == m_width && height == m_height;
    }

private:
    FrameSource(PosesmartFakecamFrames* frames, uint32_t fourcc, uint32_t width, uint32_t height)
        : m_frames(frames), m_fourcc(fourcc), m_width(width), m_height(height) {}

    PosesmartFakecamFrames* m_frames;
    uint32_t m_fourcc;
    uint32_t m_width;
    uint32_t m_height;
};

}  // namespace fakecam
