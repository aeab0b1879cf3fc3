// `posesmart-cli analyze camera:PATH` against the V4L2 test camera (tests/support/fakecam, preloaded):
// the mode it asks for, the driver's capture times, a camera unplugged and plugged back, a camera in
// use by another process or not permitted, and the camera handed over to another process and taken
// back. OpenCV's real V4L2 code runs in the CLI; only the driver is simulated.
#include "CliRun.h"
#include "TestData.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using namespace posesmart;

namespace {

// A camera node in a folder of its own, and the environment that makes it a camera.
class FakeCamera {
public:
    explicit FakeCamera(const std::string& name, const std::string& settings = {})
        : m_dir(test::scratchDir("camera-cli-" + name)), m_node(m_dir / "video0") {
        std::ofstream{m_node};
        m_env = "env POSESMART_FAKECAM_DIR=" + test::quoted(m_dir) + " POSESMART_FAKECAM_LOG=" + test::quoted(log()) +
                " POSESMART_FAKECAM_VIDEO=" + test::quoted(test::testData("blink/seven_blinks_webcam.mp4")) + " " +
                settings + " LD_PRELOAD=" + test::quoted(POSESMART_FAKECAM_LIB) + " ";
    }
    [[nodiscard]] const fs::path& dir() const { return m_dir; }
    [[nodiscard]] const fs::path& node() const { return m_node; }
    [[nodiscard]] fs::path log() const { return m_dir / "fakecam.log"; }
    [[nodiscard]] fs::path json() const { return m_dir / "run.json"; }

    // The CLI's command line for `seconds` of this camera (a shell command: env + preload).
    [[nodiscard]] std::string analyze(double seconds) const {
        return m_env + test::quoted(POSESMART_CLI) + " analyze camera:" + test::quoted(m_node) +
               " --calibrate-seconds 0 --seconds " + std::to_string(seconds) + " --json " + test::quoted(json());
    }
    [[nodiscard]] std::string preloaded(const std::string& command) const { return m_env + command; }

    // The last line starting with `prefix` before the first "streamon": what the stream runs with.
    [[nodiscard]] std::string inForceAtStreamOn(const std::string& prefix) const {
        std::ifstream in(log());
        std::string line;
        std::string last;
        while (std::getline(in, line) && line != "streamon") {
            if (line.rfind(prefix, 0) == 0) last = line;
        }
        return last;
    }

private:
    fs::path m_dir;
    fs::path m_node;
    std::string m_env;
};

// Runs a shell command line, with everything its commands print (stdout and stderr).
test::CliRun runShell(const std::string& commandLine) {
    return test::runCommand("(" + commandLine + ")");
}

nlohmann::json readJson(const fs::path& file) {
    std::ifstream in(file);
    return nlohmann::json::parse(in);
}

}  // namespace

TEST_CASE("camera: YUYV 640x480 at 30 fps from a common webcam, MJPEG when only MJPEG reaches 30") {
    struct Case {
        std::string profile;
        std::string mode;      // as the CLI and the JSON say it
        std::string format;    // the fake's S_FMT in force at STREAMON
        std::string interval;  // and its S_PARM
    };
    const Case cases[] = {
        {"uvc", "YUYV 640x480 at 30 fps", "s_fmt YUYV 640x480", "s_parm 1/30"},
        {"mjpeg30", "MJPEG 640x480 at 30 fps", "s_fmt MJPG 640x480", "s_parm 1/30"},
        {"hd-only", "MJPEG 1280x720 at 30 fps", "s_fmt MJPG 1280x720", "s_parm 1/30"},
        {"odd", "YUYV 800x600 at 20 fps", "s_fmt YUYV 800x600", "s_parm 1/20"},
    };
    for (const Case& c : cases) {
        SECTION(c.profile) {
            const FakeCamera camera(c.profile, "POSESMART_FAKECAM_PROFILE=" + c.profile);
            const auto run = runShell(camera.analyze(2.0));
            INFO(run.output);
            REQUIRE(run.exitCode == 0);
            CHECK(run.output.find("camera on: PoseSmart Test Camera: " + c.mode) != std::string::npos);
            CHECK(camera.inForceAtStreamOn("s_fmt") == c.format);
            CHECK(camera.inForceAtStreamOn("s_parm") == c.interval);
            const auto json = readJson(camera.json());
            CHECK(json["camera"]["mode"] == c.mode);
            CHECK(json["camera"]["name"] == "PoseSmart Test Camera");
            CHECK(json["width"] == std::stoi(c.format.substr(c.format.rfind(' ') + 1)));
            CHECK(json["frames"].get<int>() >= 5);  // frames flowed and were converted
        }
    }
}

namespace {

// The timing file of the irregular camera: milliseconds from the previous frame slot, lost slots.
struct Slot {
    double afterMs;
    bool filled;
};
const std::vector<Slot> kIrregular = {{25, true},   {41.7, true}, {1000.0 / 30.0, false},
                                      {33.3, true}, {20, true},   {46.6, true},
                                      {10, false},  {30, true},   {36.7, true}};

// The frame times (t_s) of a frame CSV written by `analyze --frames`.
std::vector<double> frameTimes(const fs::path& csv) {
    std::ifstream in(csv);
    std::string line;
    std::getline(in, line);  // header
    std::vector<double> times;
    while (std::getline(in, line)) {
        const auto first = line.find(',');
        times.push_back(std::stod(line.substr(first + 1, line.find(',', first + 1) - first - 1)));
    }
    return times;
}

// Whether every time lies on the scripted grid of filled slots, for some slot of the first frame.
bool onScriptedGrid(const std::vector<double>& times) {
    double cycleMs = 0.0;
    std::vector<double> filledAtMs;
    for (const Slot& slot : kIrregular) {
        cycleMs += slot.afterMs;
        if (slot.filled) filledAtMs.push_back(cycleMs);
    }
    for (const double firstAtMs : filledAtMs) {
        bool all = true;
        for (const double t : times) {
            const double phase = std::fmod((t - times.front()) * 1000.0 + firstAtMs, cycleMs);
            bool near = false;
            for (const double at : filledAtMs) {
                const double d = std::abs(phase - std::fmod(at, cycleMs));
                near = near || std::min(d, cycleMs - d) < 0.5;
            }
            all = all && near;
        }
        if (all) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("camera: frames carry the driver's capture times, so an irregular stream blinks where the file does") {
    const fs::path timing = test::scratchDir("camera-cli-timing-file") / "timing.txt";
    {
        std::ofstream out(timing);
        out << "# an irregular webcam: uneven intervals and lost frames\n";
        for (const Slot& slot : kIrregular) {
            const bool atNegotiatedInterval = slot.afterMs == 1000.0 / 30.0;  // only a lost slot says so
            if (!slot.filled) out << "drop" << (atNegotiatedInterval ? "" : " ");
            if (!atNegotiatedInterval) out << slot.afterMs;
            out << "\n";
        }
    }
    const FakeCamera camera("irregular", "POSESMART_FAKECAM_TIMING=" + test::quoted(timing));
    const fs::path fileJson = camera.dir() / "file.json";
    const auto file = test::runCli("analyze " + test::quoted(test::testData("blink/seven_blinks_webcam.mp4")) +
                                   " --calibrate-seconds 0 --json " + test::quoted(fileJson));
    REQUIRE(file.exitCode == 0);
    const fs::path framesCsv = camera.dir() / "frames.csv";
    const auto live = runShell(camera.analyze(10.3) + " --frames " + test::quoted(framesCsv));
    std::ifstream log(camera.log());
    const std::string fakeLog{std::istreambuf_iterator<char>(log), {}};
    INFO(live.output << fakeLog.substr(fakeLog.rfind("frames filled")));
    REQUIRE(live.exitCode == 0);

    // The times are the driver's: each frame on the scripted grid, whenever read() returned it.
    const std::vector<double> times = frameTimes(framesCsv);
    REQUIRE(times.size() > 100);
    CHECK(onScriptedGrid(times));

    // The blinks are where the file has them, shifted only by when the camera started streaming.
    const auto fromFile = readJson(fileJson)["blinks"];
    const auto fromCamera = readJson(camera.json())["blinks"];
    REQUIRE(fromFile.size() == 7);
    std::vector<double> shifts;
    for (const auto& seen : fromCamera) {
        double nearest = 1e9;
        for (const auto& blink : fromFile) {
            const double shift = seen["start_s"].get<double>() - blink["start_s"].get<double>();
            if (std::abs(shift) < std::abs(nearest)) nearest = shift;
        }
        shifts.push_back(nearest);
    }
    // Frames the loaded test machine could not make in time are lost, as with a real camera: one
    // blink of seven may go with them.
    CHECK(fromCamera.size() >= fromFile.size() - 1);
    CHECK(fromCamera.size() <= fromFile.size());
    REQUIRE_FALSE(shifts.empty());
    std::sort(shifts.begin(), shifts.end());
    const double offset = shifts[shifts.size() / 2];
    CHECK(offset >= -0.05);
    CHECK(offset <= 0.5);
    for (const double shift : shifts) CHECK(std::abs(shift - offset) <= 0.1);
}

TEST_CASE("camera: at --analysis-fps 15 a camera that offers 15 fps is asked for 15") {
    const FakeCamera camera("ask-fifteen");
    const auto run = runShell(camera.analyze(2.0) + " --analysis-fps 15");
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    CHECK(run.output.find("camera on: PoseSmart Test Camera: YUYV 640x480 at 15 fps") != std::string::npos);
    CHECK(camera.inForceAtStreamOn("s_parm") == "s_parm 1/15");
    CHECK(readJson(camera.json())["camera"]["mode"] == "YUYV 640x480 at 15 fps");
}

TEST_CASE("camera: at --analysis-fps 15 half the frames of a 30 fps camera are analysed, on the driver's times") {
    const FakeCamera camera("fifteen", "POSESMART_FAKECAM_PROFILE=" + test::quoted("custom:YUYV 640x480@30"));
    const fs::path framesCsv = camera.dir() / "frames.csv";
    const auto run = runShell(camera.analyze(3.0) + " --analysis-fps 15 --frames " + test::quoted(framesCsv));
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    const std::vector<double> times = frameTimes(framesCsv);
    REQUIRE(times.size() >= 20);
    CHECK(static_cast<double>(times.size()) <= 3.0 * 15 + 2);
    for (std::size_t i = 1; i < times.size(); ++i) {
        INFO("frame " << i);
        CHECK(times[i] - times[i - 1] >= 2.0 / 30.0 - 0.001);  // never two camera frames in a row
    }
}

TEST_CASE("camera: unplugged mid-run, reported lost, reopened when it is back") {
    const FakeCamera camera("unplug", "POSESMART_FAKECAM_UNPLUG_AFTER=20");
    // The fake removes the node at the unplug; it is plugged back a second later.
    const std::string replug = "while [ -e " + test::quoted(camera.node()) + " ]; do sleep 0.1; done; sleep 1; touch " +
                               test::quoted(camera.node());
    const auto run = runShell("(" + replug + ") & " + camera.analyze(6.0) + "; wait");
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    const auto on = run.output.find("camera on: PoseSmart Test Camera: YUYV 640x480 at 30 fps");
    const auto lost = run.output.find("camera lost: the camera was unplugged; waiting for it");
    REQUIRE(on != std::string::npos);
    REQUIRE(lost != std::string::npos);
    CHECK(lost > on);
    CHECK(run.output.find("camera on:", lost) != std::string::npos);  // reopened
    CHECK(readJson(camera.json())["frames"].get<int>() > 20);         // frames after the reopen too
}

TEST_CASE("camera: busy or not permitted, the CLI says so plainly") {
    SECTION("another application streams from it: named, with its pid") {
        const FakeCamera camera("busy");
        // A real second process that opens the test camera and streams from it.
        const std::string holder = camera.preloaded(test::quoted(POSESMART_FAKECAM_PROBE) + " " +
                                                    test::quoted(camera.node()) + " --seconds 30 --grab-only --quiet");
        const auto run = runShell(holder + " & holder=$!; sleep 2; " + camera.analyze(1.0) +
                                  "; echo exit=$? holder=$holder; kill $holder");
        INFO(run.output);
        const auto pidAt = run.output.find("holder=");
        REQUIRE(pidAt != std::string::npos);
        const std::string pid =
            run.output.substr(pidAt + 7, run.output.find_first_not_of("0123456789", pidAt + 7) - pidAt - 7);
        CHECK(run.output.find("exit=0") == std::string::npos);
        CHECK(run.output.find("another application is using the camera (posesmart_fakec, pid " + pid + ")") !=
              std::string::npos);
    }
    SECTION("busy without a process we can see (another user's): at open, or when asked to stream") {
        for (const std::string busy : {"open", "1"}) {
            const FakeCamera camera("busy-" + busy, "POSESMART_FAKECAM_BUSY=" + busy);
            const auto run = runShell(camera.analyze(1.0));
            INFO(run.output);
            CHECK(run.exitCode != 0);
            CHECK(run.output.find("error: another application is using the camera\n") != std::string::npos);
        }
    }
    SECTION("no permission") {
        const FakeCamera camera("eacces", "POSESMART_FAKECAM_EACCES=1");
        const auto run = runShell(camera.analyze(1.0));
        INFO(run.output);
        CHECK(run.exitCode != 0);
        CHECK(run.output.find("no permission to use the camera: add yourself to the `video` group or log in again") !=
              std::string::npos);
    }
}

TEST_CASE("camera: handed over while another process has it open, taken back when it closes") {
    const FakeCamera camera("yield");
    // Once the CLI streams, a shell opens the camera for four seconds, as a video call would.
    const std::string caller = camera.preloaded(
        "bash -c " + test::quoted("until grep -q streamon " + camera.log().string() + "; do sleep 0.1; done; exec 3<>" +
                                  camera.node().string() + "; sleep 4; exec 3>&-"));
    const auto run = runShell(caller + " & " + camera.analyze(9.0) + "; wait");
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    const auto off = run.output.find("camera off: another application is using the camera (bash, pid ");
    REQUIRE(off != std::string::npos);
    CHECK(run.output.find("camera on:", off) != std::string::npos);
}
