// CaptureLoop with scripted sources and simulated time: files paced at their own rate and ended,
// unreadable inputs, a camera lost and reopened, a camera that is not there yet, the camera
// released (and really closed) while paused, while another application uses it (looked up only
// when the device was opened or closed) and when nobody is in view, and the spec parser shared by every place that
// reads "camera:N".
#include "capture/CaptureLoop.h"
#include "common/Error.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

using namespace posesmart;

namespace {

// A source of `frames` frames at `fps` (file), or a camera whose every read takes a frame's time on
// `*liveClock` and stamps the frame `captureLagSec` before the read returns; it fails after `failAfter`.
class ScriptedSource : public FrameSource {
public:
    ScriptedSource(int frames, double fps, double* liveClock, int* openCount, int failAfter = -1)
        : m_frames(frames), m_failAfter(failAfter), m_openCount(openCount), m_liveClock(liveClock) {
        m_info.fps = fps;
        m_info.live = liveClock != nullptr;
        if (m_info.live) {
            m_info.name = "Test Camera";
            m_info.mode = "YUYV 640x480 at 30 fps";
        }
        ++*m_openCount;
    }
    double captureLagSec = 0.0;
    std::vector<std::string> skipAt3;  // what is skipped reading the frame at index 3
    ~ScriptedSource() override { --*m_openCount; }
    std::vector<std::string> takeSkipped() override { return std::exchange(m_skipped, {}); }
    [[nodiscard]] const SourceInfo& info() const override { return m_info; }
    std::optional<Frame> next() override {
        if (m_next == m_failAfter) throw Error(ErrorKind::Io, "camera lost: unplugged");
        if (m_next >= m_frames) return std::nullopt;
        if (m_next == 3) m_skipped = skipAt3;
        Frame f;
        f.bgr = cv::Mat(4, 4, CV_8UC3, cv::Scalar::all(m_next));
        f.index = m_next;
        if (m_liveClock) *m_liveClock += 1.0 / m_info.fps;
        f.timestampSec = m_liveClock ? *m_liveClock - captureLagSec : (m_info.fps > 0.0 ? m_next / m_info.fps : 0.0);
        ++m_next;
        return f;
    }

private:
    SourceInfo m_info;
    int m_frames;
    int m_failAfter;
    int m_next = 0;
    int* m_openCount;
    double* m_liveClock;
    std::vector<std::string> m_skipped;
};

// The world as the loop sees it: a clock that moves only when the loop sleeps or a camera's read
// takes its frame's time, and scripted sources.
class World : public CaptureEnvironment {
public:
    double clock = 1000.0;
    int openSources = 0;  // sources alive now (the device is open while > 0)
    int opens = 0;
    std::function<std::unique_ptr<FrameSource>(int attempt)> opener;
    std::function<bool(double now)> foreignUse = [](double) { return false; };
    std::vector<DeviceUser> foreignUsers{{4242, "zoom"}};  // who, while foreignUse
    std::vector<std::pair<double, Frame>> delivered;
    std::vector<CaptureReport> reports;
    std::vector<std::string> skips;

    std::unique_ptr<FrameSource> open(const std::string&) override { return opener(opens++); }
    double now() override { return clock; }
    void sleepFor(double seconds) override { clock += seconds; }
    // When someone opened or closed the device (DeviceWatch's news); unset: always "may have".
    std::optional<std::vector<double>> deviceEvents;
    double lastDeviceLook = -1.0;
    int userLookups = 0;  // othersUsing calls

    std::vector<DeviceUser> othersUsing(const std::filesystem::path&) override {
        ++userLookups;
        return foreignUse(clock) ? foreignUsers : std::vector<DeviceUser>{};
    }
    bool deviceUseMayHaveChanged(const std::filesystem::path&) override {
        const double since = std::exchange(lastDeviceLook, clock);
        if (!deviceEvents || since < 0.0) return true;
        return std::any_of(deviceEvents->begin(), deviceEvents->end(),
                           [&](double t) { return t > since && t <= clock; });
    }
    void deliver(Frame frame) override { delivered.emplace_back(clock, std::move(frame)); }
    void report(const CaptureReport& report) override { reports.push_back(report); }
    void skipped(const std::string& reason) override { skips.push_back(reason); }

    // Steps the loop until `until` on the clock (or the loop ends).
    bool runUntil(CaptureLoop& loop, double until) {
        while (clock < until) {
            if (!loop.step()) return false;
        }
        return true;
    }
    [[nodiscard]] CaptureState state() const { return reports.back().state; }
};

CaptureLoopSettings quickRelease() {
    CaptureLoopSettings s;
    s.release.nobodyReleaseSec = 60.0;
    s.release.probeEverySec = 30.0;
    s.release.probeSec = 5.0;
    return s;
}

}  // namespace

TEST_CASE("camera specs are parsed in one place") {
    const CaptureSpec index = parseCaptureSpec("camera:2");
    CHECK(index.camera);
    CHECK(index.index == 2);
    CHECK(index.path == "/dev/video2");
    const CaptureSpec byId = parseCaptureSpec("camera:/dev/v4l/by-id/usb-Cam-video-index0");
    CHECK(byId.camera);
    CHECK_FALSE(byId.index);
    CHECK(byId.path == "/dev/v4l/by-id/usb-Cam-video-index0");
    const CaptureSpec file = parseCaptureSpec("clip.mp4");
    CHECK_FALSE(file.camera);
    CHECK(file.path == "clip.mp4");
    CHECK_THROWS_AS(parseCaptureSpec("camera:"), Error);
    CHECK_THROWS_AS(parseCaptureSpec("camera:99999"), Error);
}

TEST_CASE("a video file is played at its own frame rate and then ends") {
    World world;
    world.opener = [&](int) { return std::make_unique<ScriptedSource>(60, 30.0, nullptr, &world.openSources); };
    CaptureLoop loop("clip.mp4", {}, world);
    CHECK_FALSE(world.runUntil(loop, 1e9));  // the loop ends by itself
    REQUIRE(world.delivered.size() == 60);
    for (std::size_t i = 0; i < world.delivered.size(); ++i) {
        // Delivered one frame time apart, stamped with the monotonic clock, numbered in order.
        CHECK(world.delivered[i].first == Approx(1000.0 + static_cast<double>(i) / 30.0));
        CHECK(world.delivered[i].second.timestampSec == Approx(world.delivered[i].first));
        CHECK(world.delivered[i].second.index == static_cast<std::int64_t>(i));
    }
    CHECK(world.reports.front().state == CaptureState::Starting);
    CHECK(world.state() == CaptureState::Ended);
    CHECK(world.reports.back().reason == CaptureReason::VideoEnded);
    CHECK(world.openSources == 0);
}

TEST_CASE("what a folder's source skips is passed on once, and the folder goes on") {
    World world;
    world.opener = [&](int) {
        auto source = std::make_unique<ScriptedSource>(6, 1.0, nullptr, &world.openSources);
        source->skipAt3 = {"image 'b.jpg' cannot be read"};
        return source;
    };
    CaptureLoop loop("folder", {}, world);
    CHECK_FALSE(world.runUntil(loop, 1e9));
    CHECK(world.delivered.size() == 6);
    CHECK(world.skips == std::vector<std::string>{"image 'b.jpg' cannot be read"});
}

TEST_CASE("a file that cannot be opened ends the loop with the reason") {
    World world;
    world.opener = [](int) -> std::unique_ptr<FrameSource> {
        throw Error(ErrorKind::BadInput, "input 'x.mp4' does not exist");
    };
    CaptureLoop loop("x.mp4", {}, world);
    CHECK_FALSE(loop.step());
    CHECK(world.state() == CaptureState::NoSource);
    CHECK(world.reports.back().reason == CaptureReason::OpenFailed);
    CHECK(world.reports.back().detail == "input 'x.mp4' does not exist");
}

TEST_CASE("a paused file delivers nothing and resumes paced from where it was") {
    World world;
    world.opener = [&](int) { return std::make_unique<ScriptedSource>(300, 30.0, nullptr, &world.openSources); };
    CaptureLoop loop("clip.mp4", {}, world);
    world.runUntil(loop, 1001.0);
    const std::size_t before = world.delivered.size();
    loop.setPaused(true);
    world.runUntil(loop, 1011.0);
    CHECK(world.delivered.size() == before);
    CHECK(world.state() == CaptureState::Paused);
    loop.setPaused(false);
    world.runUntil(loop, 1012.0);
    CHECK(world.state() == CaptureState::Running);
    CHECK(world.delivered.size() == Approx(before + 30).margin(2));
    CHECK(world.delivered[before].second.index == static_cast<std::int64_t>(before));
}

TEST_CASE("a camera lost mid-run is reported and reopened every 2 s until it is back") {
    World world;
    world.opener = [&](int attempt) -> std::unique_ptr<FrameSource> {
        if (attempt == 0) return std::make_unique<ScriptedSource>(1000000, 30.0, &world.clock, &world.openSources, 90);
        if (attempt < 4) throw Error(ErrorKind::BadInput, "no camera at '/dev/video0'");
        return std::make_unique<ScriptedSource>(1000000, 30.0, &world.clock, &world.openSources);
    };
    CaptureLoop loop("camera:0", {}, world);
    world.runUntil(loop, 1003.0);
    CHECK(world.delivered.size() == 90);
    REQUIRE(world.reports.size() >= 3);
    CHECK(world.reports[1].state == CaptureState::Running);
    CHECK(world.reports[2].state == CaptureState::Lost);
    CHECK(world.reports[2].reason == CaptureReason::ReadFailed);
    CHECK(world.reports[2].detail == "camera lost: unplugged; waiting for it");
    world.runUntil(loop, 1012.0);
    CHECK(world.opens == 5);  // the first, three failed retries, the one that worked
    CHECK(world.state() == CaptureState::Running);
    // Reopened 2 s apart: frames resume about 4 retries x 2 s after the loss.
    const double resumed = world.delivered[90].first;
    CHECK(resumed == Approx(1003.0 + 4 * 2.0).margin(0.1));
}

TEST_CASE("no camera at the start: NoSource, tried again until one appears") {
    World world;
    world.opener = [&](int attempt) -> std::unique_ptr<FrameSource> {
        if (attempt < 2) throw Error(ErrorKind::BadInput, "no camera at '/dev/video0'");
        return std::make_unique<ScriptedSource>(1000000, 30.0, &world.clock, &world.openSources);
    };
    CaptureLoop loop("camera:0", {}, world);
    world.runUntil(loop, 1002.0);
    CHECK(world.reports[1].state == CaptureState::NoSource);
    world.runUntil(loop, 1006.0);
    CHECK(world.state() == CaptureState::Running);
}

TEST_CASE("the camera is closed while paused and while another application uses it") {
    World world;
    world.opener = [&](int) {
        return std::make_unique<ScriptedSource>(1000000, 30.0, &world.clock, &world.openSources);
    };
    world.foreignUse = [](double now) { return now >= 1010.0 && now < 1020.0; };
    CaptureLoop loop("camera:0", {}, world);
    world.runUntil(loop, 1005.0);
    CHECK(world.openSources == 1);
    loop.setPaused(true);
    world.runUntil(loop, 1008.0);
    CHECK(world.openSources == 0);  // the device really is free
    CHECK(world.state() == CaptureState::Paused);
    loop.setPaused(false);
    world.runUntil(loop, 1009.0);
    CHECK(world.openSources == 1);
    CHECK(world.state() == CaptureState::Running);
    world.runUntil(loop, 1015.0);  // a video call has the camera
    CHECK(world.openSources == 0);
    CHECK(world.state() == CaptureState::Released);
    CHECK(world.reports.back().reason == CaptureReason::OtherApplication);
    CHECK(world.reports.back().detail == "another application is using the camera (zoom, pid 4242)");
    world.runUntil(loop, 1025.0);  // it hung up: back within the 2 s between checks
    CHECK(world.openSources == 1);
    CHECK(world.state() == CaptureState::Running);
}

TEST_CASE("who has the camera open is looked up only at the start and after someone opened or closed it") {
    World world;
    world.opener = [&](int) {
        return std::make_unique<ScriptedSource>(1000000, 30.0, &world.clock, &world.openSources);
    };
    world.foreignUse = [](double now) { return now >= 1010.0 && now < 1020.0; };
    world.deviceEvents = std::vector<double>{1010.0, 1020.0};  // the video call opens it, hangs up
    CaptureLoop loop("camera:0", {}, world);
    world.runUntil(loop, 1009.0);
    CHECK(world.userLookups == 1);  // at the start; the two-second looks after it saw no news
    CHECK(world.state() == CaptureState::Running);
    world.runUntil(loop, 1015.0);
    CHECK(world.userLookups == 2);
    CHECK(world.openSources == 0);
    CHECK(world.reports.back().reason == CaptureReason::OtherApplication);
    world.runUntil(loop, 1025.0);  // back within the 2 s between looks
    CHECK(world.userLookups == 3);
    CHECK(world.openSources == 1);
    CHECK(world.state() == CaptureState::Running);
    world.runUntil(loop, 1100.0);
    CHECK(world.userLookups == 3);
}

TEST_CASE("nobody in view: the camera is released, then probed now and then, and held again for a face") {
    World world;
    world.opener = [&](int) {
        return std::make_unique<ScriptedSource>(1000000, 30.0, &world.clock, &world.openSources);
    };
    CaptureLoop loop("camera:0", quickRelease(), world);
    loop.faceObserved(false);
    world.runUntil(loop, 1059.0);
    CHECK(world.openSources == 1);
    world.runUntil(loop, 1061.0);  // 60 s without a face
    CHECK(world.openSources == 0);
    CHECK(world.reports.back().reason == CaptureReason::NobodyInView);
    world.runUntil(loop, 1091.5);  // the probe at 30 s after the release
    CHECK(world.openSources == 1);
    world.runUntil(loop, 1096.5);  // 5 s of probing found nobody
    CHECK(world.openSources == 0);
    world.runUntil(loop, 1121.5);  // the next probe
    CHECK(world.openSources == 1);
    loop.faceObserved(true);  // somebody sat down
    world.runUntil(loop, 1140.0);
    CHECK(world.openSources == 1);
    CHECK(world.state() == CaptureState::Running);
}

TEST_CASE("a camera's frames keep the driver's capture time, and Running names the camera and its format") {
    World world;
    world.opener = [&](int) {
        auto source = std::make_unique<ScriptedSource>(1000000, 30.0, &world.clock, &world.openSources);
        source->captureLagSec = 0.040;  // captured 40 ms before read() returned
        return source;
    };
    CaptureLoop loop("camera:/dev/v4l/by-id/usb-Test_Camera-video-index0", {}, world);
    world.runUntil(loop, 1001.0);
    REQUIRE(world.delivered.size() >= 20);
    for (const auto& [deliveredAt, frame] : world.delivered) CHECK(frame.timestampSec == Approx(deliveredAt - 0.040));
    CHECK(world.reports[1].state == CaptureState::Running);
    CHECK(world.reports[1].detail == "Test Camera: YUYV 640x480 at 30 fps");
}

TEST_CASE("a camera that cannot be opened at the start says why and that it is waited for") {
    World world;
    world.opener = [](int) -> std::unique_ptr<FrameSource> {
        throw Error(ErrorKind::BadInput,
                    "no permission to use the camera: add yourself to the `video` group or log in again");
    };
    CaptureLoop loop("camera:0", {}, world);
    CHECK(loop.step());  // a camera is never given up
    CHECK(world.state() == CaptureState::NoSource);
    CHECK(world.reports.back().detail ==
          "no permission to use the camera: add yourself to the `video` group or log in again; waiting for it");
}

TEST_CASE("at an analysis rate of 15, a 30 fps camera delivers every other frame, numbered in order") {
    World world;
    world.opener = [&](int) {
        return std::make_unique<ScriptedSource>(1000000, 30.0, &world.clock, &world.openSources);
    };
    CaptureLoopSettings settings;
    settings.analysisFps = 15.0;
    CaptureLoop loop("camera:0", settings, world);
    world.runUntil(loop, 1002.0);
    CHECK(world.delivered.size() == Approx(30).margin(1));
    for (std::size_t i = 1; i < world.delivered.size(); ++i) {
        CHECK(world.delivered[i].second.timestampSec - world.delivered[i - 1].second.timestampSec ==
              Approx(2.0 / 30.0));
        CHECK(world.delivered[i].second.index == static_cast<std::int64_t>(i));
    }
    loop.setAnalysisFps(30.0);  // back on mains
    const std::size_t before = world.delivered.size();
    world.runUntil(loop, 1003.0);
    CHECK(world.delivered.size() - before == Approx(30).margin(1));
}
