// The camera is asked for the analysis rate, against the V4L2 test camera (this program runs with it
// preloaded, see CMakeLists.txt): in place before the stream starts, by opening the camera again
// while it streams (UVC refuses a new rate then, as the test camera does), and not at all when the
// camera offers nothing closer; the frames then come at the camera's new rate, on its times.
#include "TestData.h"
#include "capture/FrameSource.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace posesmart;

namespace {

// One test camera in a folder of its own, offering `profile`, with its event log.
class TestCamera {
public:
    TestCamera(const std::string& name, const std::string& profile)
        : m_dir(test::scratchDir("camera-rate-" + name)), m_node(m_dir / "video0") {
        std::ofstream{m_node};
        ::setenv("POSESMART_FAKECAM_DIR", m_dir.c_str(), 1);
        ::setenv("POSESMART_FAKECAM_LOG", log().c_str(), 1);
        ::setenv("POSESMART_FAKECAM_PROFILE", profile.c_str(), 1);
        ::setenv("POSESMART_FAKECAM_VIDEO", test::testData("blink/seven_blinks_webcam.mp4").c_str(), 1);
    }
    ~TestCamera() {
        for (const char* name : {"POSESMART_FAKECAM_DIR", "POSESMART_FAKECAM_LOG", "POSESMART_FAKECAM_PROFILE",
                                 "POSESMART_FAKECAM_VIDEO"}) {
            ::unsetenv(name);
        }
    }
    TestCamera(const TestCamera&) = delete;
    TestCamera& operator=(const TestCamera&) = delete;

    [[nodiscard]] std::string spec() const { return "camera:" + m_node.string(); }
    [[nodiscard]] fs::path log() const { return m_dir / "fakecam.log"; }
    // The device's closings and stream starts, in order, each start with the frame interval then in
    // force ("streamon 1/15"; OpenCV sets the rate more than once on the way).
    [[nodiscard]] std::vector<std::string> streams() const {
        std::ifstream in(log());
        std::vector<std::string> found;
        std::string interval;
        for (std::string line; std::getline(in, line);) {
            if (line.rfind("s_parm ", 0) == 0) interval = line.substr(7);
            if (line == "streamon") found.push_back("streamon " + interval);
            if (line == "close") found.push_back(line);
        }
        return found;
    }

private:
    fs::path m_dir;
    fs::path m_node;
};

// The median time between `count` frames read from `source`.
double medianInterval(FrameSource& source, int count) {
    std::vector<double> intervals;
    std::optional<double> last;
    for (int i = 0; i < count; ++i) {
        const auto frame = source.next();
        REQUIRE(frame);
        if (last) intervals.push_back(frame->timestampSec - *last);
        last = frame->timestampSec;
    }
    std::sort(intervals.begin(), intervals.end());
    return intervals[intervals.size() / 2];
}

}  // namespace

TEST_CASE("a camera is asked for 15 fps when 15 are analysed, before it streams: no second opening") {
    const TestCamera camera("before", "uvc");
    const auto source = openFrameSource(camera.spec());
    CHECK(source->info().mode == "YUYV 640x480 at 30 fps");
    source->setMaxFps(15.0);
    CHECK(source->info().mode == "YUYV 640x480 at 15 fps");
    CHECK(source->info().fps == Approx(15.0));
    CHECK(medianInterval(*source, 8) == Approx(1.0 / 15.0).margin(0.01));
    // The probe opened and closed the device; the stream was started once, at 15 from the start.
    CHECK(camera.streams() == std::vector<std::string>{"close", "streamon 1/15"});
}

TEST_CASE("a streaming camera is opened again for a new analysis rate, and frames follow the new rate") {
    const TestCamera camera("while", "uvc");
    const auto source = openFrameSource(camera.spec());
    CHECK(medianInterval(*source, 6) == Approx(1.0 / 30.0).margin(0.01));
    source->setMaxFps(15.0);  // on battery
    CHECK(source->info().mode == "YUYV 640x480 at 15 fps");
    CHECK(medianInterval(*source, 6) == Approx(1.0 / 15.0).margin(0.01));
    source->setMaxFps(30.0);  // back on mains
    CHECK(source->info().mode == "YUYV 640x480 at 30 fps");
    CHECK(medianInterval(*source, 6) == Approx(1.0 / 30.0).margin(0.01));
    source->setMaxFps(0.0);  // every frame: the camera's usual 30, nothing to change
    source->setMaxFps(30.0);
    CHECK(camera.streams() ==
          std::vector<std::string>{"close", "streamon 1/30", "close", "streamon 1/15", "close", "streamon 1/30"});
}

TEST_CASE("a camera that offers only 30 fps is left at 30 and its frames are thinned to 15") {
    const TestCamera camera("only30", "custom:YUYV 640x480@30");
    const auto source = openFrameSource(camera.spec());
    (void)source->next();
    source->setMaxFps(15.0);
    CHECK(source->info().mode == "YUYV 640x480 at 30 fps");
    CHECK(medianInterval(*source, 8) == Approx(2.0 / 30.0).margin(0.01));
    CHECK(camera.streams() == std::vector<std::string>{"close", "streamon 1/30"});
}
