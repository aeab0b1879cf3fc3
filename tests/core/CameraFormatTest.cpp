// CameraFormat: the mode asked of a camera, for the offers of common webcams and odd ones.
#include "capture/CameraFormat.h"

#include <catch2/catch.hpp>

using namespace posesmart;

namespace {

// Every size of `sizes` at every rate of `rates`, in `code`.
void offer(std::vector<CameraMode>& modes, std::uint32_t code, std::vector<std::pair<int, int>> sizes,
           std::vector<double> rates) {
    for (const auto& [w, h] : sizes) {
        for (const double fps : rates) modes.push_back({code, w, h, fps});
    }
}

// A typical UVC webcam: YUYV 640x480 and smaller at 30, 720p only at 10; MJPEG up to 1080p at 30.
std::vector<CameraMode> uvcWebcam() {
    std::vector<CameraMode> modes;
    offer(modes, kFourccYuyv, {{640, 480}, {320, 240}}, {30, 15});
    offer(modes, kFourccYuyv, {{1280, 720}}, {10, 5});
    offer(modes, kFourccMjpeg, {{640, 480}, {1280, 720}, {1920, 1080}}, {30, 15});
    return modes;
}

}  // namespace

TEST_CASE("a common webcam: YUYV 640x480 at 30 fps, or at 15 when analysing at 15") {
    CHECK(chooseCameraMode(uvcWebcam()) == CameraMode{kFourccYuyv, 640, 480, 30});
    CHECK(chooseCameraMode(uvcWebcam(), {480, 15}) == CameraMode{kFourccYuyv, 640, 480, 15});
}

TEST_CASE("MJPEG when YUYV cannot reach the rate at that size") {
    std::vector<CameraMode> modes;
    offer(modes, kFourccYuyv, {{640, 480}}, {15});
    offer(modes, kFourccYuyv, {{1280, 720}}, {10});
    offer(modes, kFourccMjpeg, {{640, 480}, {1280, 720}}, {30, 15});
    CHECK(chooseCameraMode(modes) == CameraMode{kFourccMjpeg, 640, 480, 30});
    // At 15 frames a second YUYV is enough again: no decoding.
    CHECK(chooseCameraMode(modes, {480, 15}) == CameraMode{kFourccYuyv, 640, 480, 15});
}

TEST_CASE("the smallest size with at least 480 lines, even when it is large") {
    std::vector<CameraMode> hdOnly;
    offer(hdOnly, kFourccMjpeg, {{1920, 1080}, {1280, 720}}, {30});
    CHECK(chooseCameraMode(hdOnly) == CameraMode{kFourccMjpeg, 1280, 720, 30});

    // A camera without 480 lines: its tallest size, rather than nothing.
    std::vector<CameraMode> small;
    offer(small, kFourccYuyv, {{320, 240}, {352, 288}, {160, 120}}, {30});
    CHECK(chooseCameraMode(small) == CameraMode{kFourccYuyv, 352, 288, 30});
}

TEST_CASE("a camera that cannot reach the rate anywhere gives its fastest mode at a usable size") {
    std::vector<CameraMode> odd;
    offer(odd, kFourccYuyv, {{800, 600}}, {20, 10});
    offer(odd, kFourccYuyv, {{352, 288}}, {25});
    CHECK(chooseCameraMode(odd) == CameraMode{kFourccYuyv, 800, 600, 20});
}

TEST_CASE("other pixel formats only when neither YUYV nor MJPEG will do") {
    std::vector<CameraMode> modes;
    const std::uint32_t nv12 = fourcc('N', 'V', '1', '2');
    offer(modes, nv12, {{640, 480}}, {30});
    offer(modes, kFourccMjpeg, {{640, 480}}, {30});
    CHECK(chooseCameraMode(modes) == CameraMode{kFourccMjpeg, 640, 480, 30});
    CHECK(chooseCameraMode({{nv12, 640, 480, 30}}) == CameraMode{nv12, 640, 480, 30});
    CHECK_FALSE(chooseCameraMode({}));
}

TEST_CASE("rates within a frame interval's rounding count as reaching 30") {
    // 1/30 s stored as 333333/10000000 reads back as 29.99997; 29.97 (NTSC) counts as 30 too.
    const CameraMode ntsc{kFourccYuyv, 640, 480, 29.97};
    const CameraMode mjpeg{kFourccMjpeg, 640, 480, 30.0};
    CHECK(chooseCameraMode({ntsc, mjpeg}) == ntsc);
}

TEST_CASE("modes are described for the log and the window") {
    CHECK(describeCameraMode({kFourccYuyv, 640, 480, 30.0}) == "YUYV 640x480 at 30 fps");
    CHECK(describeCameraMode({kFourccMjpeg, 1280, 720, 7.5}) == "MJPEG 1280x720 at 7.5 fps");
    CHECK(fourccName(fourcc('N', 'V', '1', '2')) == "NV12");
}
