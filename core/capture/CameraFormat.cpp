#include "capture/CameraFormat.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace posesmart {

namespace {

// A rate "reaches" the need within the rounding of frame intervals (1/30 s is 30.00003 fps...).
constexpr double kFpsTolerance = 0.05;

int formatRank(std::uint32_t code) {
    if (code == kFourccYuyv) return 0;
    if (code == kFourccMjpeg) return 1;
    return 2;
}

}  // namespace

std::optional<CameraMode> chooseCameraMode(const std::vector<CameraMode>& offered, const CameraNeeds& needs) {
    // Lower is better, compared field by field in the order of the rules.
    const auto rank = [&needs](const CameraMode& m) {
        const bool tall = m.height >= needs.minLines;
        const bool reaches = m.fps + kFpsTolerance >= needs.fps;
        const long long area = static_cast<long long>(m.width) * m.height;
        return std::make_tuple(tall ? 0 : 1, tall ? 0 : -m.height, reaches ? 0 : 1, area, formatRank(m.fourcc),
                               reaches ? m.fps : -m.fps);
    };
    const auto best = std::min_element(offered.begin(), offered.end(),
                                       [&rank](const CameraMode& a, const CameraMode& b) { return rank(a) < rank(b); });
    if (best == offered.end()) return std::nullopt;
    return *best;
}

std::string fourccName(std::uint32_t code) {
    if (code == kFourccMjpeg) return "MJPEG";
    std::string name;
    for (int shift = 0; shift < 32; shift += 8) {
        const char c = static_cast<char>((code >> static_cast<unsigned>(shift)) & 0xFFU);
        if (c != '\0' && c != ' ') name += c;
    }
    return name;
}

std::string describeCameraMode(const CameraMode& mode) {
    const double fps = std::round(mode.fps * 10.0) / 10.0;
    std::string rate = std::to_string(fps);
    rate.erase(rate.find_last_not_of('0') + 1);
    if (rate.back() == '.') rate.pop_back();
    return fourccName(mode.fourcc) + " " + std::to_string(mode.width) + "x" + std::to_string(mode.height) + " at " +
           rate + " fps";
}

}  // namespace posesmart
