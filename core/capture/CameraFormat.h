// CameraFormat: which of the modes a camera offers to ask it for. PoseSmart needs a face at 480
// lines and a frame rate for blinks (30 frames a second, or 15 when analysing at 15): it asks for the
// smallest size with at least that many lines that reaches the rate, uncompressed YUYV when it does,
// MJPEG when only MJPEG reaches the rate (no decoding cost is worth missing blinks), any other format
// only when neither is offered. No I/O: the modes come from the driver (V4L2's ENUM_FMT,
// ENUM_FRAMESIZES and ENUM_FRAMEINTERVALS) through the camera source.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace posesmart {

// A four-character code as V4L2 and OpenCV spell pixel formats ('Y','U','Y','V' -> 0x56595559).
constexpr std::uint32_t fourcc(char a, char b, char c, char d) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(a)) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(b)) << 8U) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(c)) << 16U) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(d)) << 24U);
}
inline constexpr std::uint32_t kFourccYuyv = fourcc('Y', 'U', 'Y', 'V');
inline constexpr std::uint32_t kFourccMjpeg = fourcc('M', 'J', 'P', 'G');

// One pixel format, size and frame rate the camera offers.
struct CameraMode {
    std::uint32_t fourcc = 0;
    int width = 0;
    int height = 0;
    double fps = 0.0;
    bool operator==(const CameraMode&) const = default;
};

struct CameraNeeds {
    int minLines = 480;  // the face must be big enough for the landmarks
    double fps = 30.0;   // the analysis rate
};

// The mode to ask for, first match wins: (1) at least minLines lines (else the tallest size);
// (2) reaches needs.fps; (3) the smallest such size; (4) YUYV, then MJPEG, then anything else;
// (5) the lowest rate that reaches needs.fps, or the highest one when none does.
// nullopt when nothing is offered (then the driver's default is used).
std::optional<CameraMode> chooseCameraMode(const std::vector<CameraMode>& offered, const CameraNeeds& needs = {});

// "YUYV", "MJPEG", or the four characters.
std::string fourccName(std::uint32_t code);

// "YUYV 640x480 at 30 fps": for the log and the window.
std::string describeCameraMode(const CameraMode& mode);

}  // namespace posesmart
