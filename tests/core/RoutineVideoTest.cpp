// Routines on real frames. ../shared/tools/posture_synth turns the talking-face recording by exact
// amounts (roll by rotation, a smaller face by a zoom out), a recorded head turn gives yaw, and the
// untouched talking clips are the natural movement that must never count as a step. posture_synth
// is built and the clips are made in the test's working folder (the build tree) at test time.
#include "CliRun.h"
#include "TestData.h"
#include "analysis/PostureCalibration.h"
#include "capture/FrameSource.h"
#include "routine/RoutinePlayer.h"
#include "vision/FrameAnalyzer.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

using namespace posesmart;
namespace fs = std::filesystem;

namespace {

struct Measured {
    double t = 0.0;
    std::optional<FaceMeasurements> face;
};

struct Recording {
    std::vector<Measured> frames;
    PostureBaseline baseline;
};

// Every frame's measurements, and the baseline from the first `calibrateSec` seconds; measured
// once per run of the test program (Catch runs a test case again for each section).
Recording measure(const fs::path& video, double calibrateSec) {
    static std::map<std::pair<fs::path, double>, Recording> measured;
    if (const auto it = measured.find({video, calibrateSec}); it != measured.end()) return it->second;
    Recording out;
    const auto source = openFrameSource(video.string());
    FrameAnalyzer analyzer(test::sharedLandmarkModel());
    CalibrationSettings settings;
    settings.seconds = calibrateSec;
    PostureCalibrator calibrator(settings);
    bool calibrated = false;
    while (const auto frame = source->next()) {
        const FrameResult result = analyzer.analyze(*frame);
        out.frames.push_back({frame->timestampSec, result.measurements});
        if (!calibrated && calibrator.add(frame->timestampSec, result.measurements, frame->bgr.size())) {
            calibrated = true;
            const CalibrationResult c = calibrator.finish();
            INFO(c.reason);
            REQUIRE(c.baseline);
            out.baseline = *c.baseline;
        }
    }
    REQUIRE(calibrated);
    measured.emplace(std::make_pair(video, calibrateSec), out);
    return out;
}

// Plays `routine` on the frames from `fromSec`; returns the player after the last frame.
RoutinePlayer play(const Routine& routine, const Recording& recording, double fromSec, double toSec = 1e9) {
    RoutinePlayer player(routine, recording.baseline);
    for (const Measured& m : recording.frames) {
        if (m.t >= fromSec && m.t < toSec) player.update(m.t, m.face);
    }
    return player;
}

Routine routineOf(const char* json) {
    return routineFromJson(nlohmann::json::parse(json));
}

Routine shipped(const char* file) {
    return readRoutine(std::string(POSESMART_ROUTINES_DIR) + "/" + file);
}

fs::path workDir() {
    const fs::path dir = fs::current_path() / "routine_video";
    fs::create_directories(dir);
    return dir;
}

// ../shared/tools/posture_synth, built as its README says.
fs::path postureSynth() {
    const fs::path tool = workDir() / "posture_synth";
    if (!fs::exists(tool)) {
        const fs::path source = test::testDataDir().parent_path() / "tools/posture_synth/posture_synth.cpp";
        const auto run = test::runCommand("g++ -O2 -std=c++17 " + test::quoted(source) + " -o " + test::quoted(tool) +
                                          " $(pkg-config --cflags --libs opencv4)");
        INFO(run.output);
        REQUIRE(run.exitCode == 0);
    }
    return tool;
}

// The talking face's first `seconds`, transformed by `segments` (posture_synth's CSV).
fs::path synthClip(const std::string& name, const std::string& segments, int seconds) {
    const fs::path dir = workDir();
    const fs::path csv = dir / (name + ".csv");
    std::ofstream(csv) << segments;
    const fs::path clip = dir / (name + ".mp4");
    static std::map<std::string, std::string> made;  // name -> segments, made in this run
    if (made[name] == segments) return clip;
    const auto run = test::runCommand(
        test::quoted(postureSynth()) + " " + test::quoted(test::testData("blink/talkingface_0-100s.mp4")) + " 0 " +
        std::to_string(seconds) + " " + test::quoted(csv) + " 2>" + test::quoted(dir / (name + ".labels")) +
        " | ffmpeg -v error -y -f rawvideo -pix_fmt bgr24 -s 360x288 -r 24 -i - -c:v libx264 -crf 16 " +
        test::quoted(clip));
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    made[name] = segments;
    return clip;
}

}  // namespace

TEST_CASE("exact tilts and a smaller face on real frames: done when held, not when held too briefly") {
    // Rotation + is anticlockwise in the image: the person's right ear goes down (tilt right).
    const fs::path clip = synthClip("tilts",
                                    "0,10,good,1,0,0\n"
                                    "10,18,tilt_right,1,0,35\n"
                                    "18,20,good,1,0,0\n"
                                    "20,28,tilt_left,1,0,-35\n"
                                    "28,30,good,1,0,0\n"
                                    "30,38,chin_tuck,0.92,0,0\n"
                                    "38,40,good,1,0,0\n"
                                    "40,45,tilt_right_brief,1,0,35\n"
                                    "45,60,good,1,0,0\n",
                                    60);
    const Recording recording = measure(clip, 8.0);
    const Routine routine = routineOf(R"({"id": "t", "name": "T", "steps": [
        {"target": "tilt_right", "amount": 25, "hold_s": 4, "timeout_s": 15},
        {"target": "tilt_left", "amount": 25, "hold_s": 4, "timeout_s": 15},
        {"target": "chin_tuck", "amount": 0.05, "hold_s": 4, "timeout_s": 15}]})");
    SECTION("the routine, done in order, is counted done") {
        const RoutinePlayer player = play(routine, recording, 10.0, 40.0);
        CHECK(player.outcomes() == std::vector<StepOutcome>{StepOutcome::Done, StepOutcome::Done, StepOutcome::Done});
        CHECK(player.completed());
    }
    SECTION("a tilt held for about 2 s of a 4 s hold is seen, but not counted") {
        const Routine once = routineOf(R"({"id": "t", "name": "T", "steps": [
            {"target": "tilt_right", "amount": 25, "hold_s": 4, "timeout_s": 12}]})");
        RoutinePlayer player(once, recording.baseline);
        double mostHeld = 0.0;
        for (const Measured& m : recording.frames) {
            if (m.t < 38.0) continue;
            mostHeld = std::max(mostHeld, player.update(m.t, m.face).holdProgress);
        }
        CHECK(mostHeld > 0.4);
        CHECK(mostHeld < 0.8);
        CHECK(player.outcomes()[0] == StepOutcome::TimedOut);
    }
    SECTION("the tilts the other way round are not the steps asked for") {
        const Routine swapped = routineOf(R"({"id": "t", "name": "T", "steps": [
            {"target": "tilt_left", "amount": 25, "hold_s": 4, "timeout_s": 10}]})");
        CHECK(play(swapped, recording, 10.0, 21.0).outcomes()[0] == StepOutcome::TimedOut);
    }
}

TEST_CASE(
    "a recorded head turn (webcam_lean_turn_a, about 18 degrees each way near 20 s) counts in its own direction") {
    // The recording turns about 0.6 s with the nose to the image's left (yaw about -18: the
    // person's right), then about 0.45 s the other way; it never turns the Neck routine's 35 degrees.
    const Recording recording = measure(test::testData("posture/webcam_lean_turn_a.mp4"), 5.0);
    SECTION("right then left: both done") {
        const RoutinePlayer player = play(routineOf(R"({"id": "t", "name": "T", "steps": [
            {"target": "turn_right", "amount": 15, "hold_s": 0.5, "timeout_s": 8},
            {"target": "turn_left", "amount": 15, "hold_s": 0.4, "timeout_s": 8}]})"),
                                          recording, 15.0, 23.0);
        CHECK(player.outcomes() == std::vector<StepOutcome>{StepOutcome::Done, StepOutcome::Done});
    }
    SECTION("left then right: the right turn came first, so the second step times out") {
        const RoutinePlayer player = play(routineOf(R"({"id": "t", "name": "T", "steps": [
            {"target": "turn_left", "amount": 15, "hold_s": 0.4, "timeout_s": 8},
            {"target": "turn_right", "amount": 15, "hold_s": 0.5, "timeout_s": 8}]})"),
                                          recording, 15.0, 30.0);
        CHECK(player.outcomes() == std::vector<StepOutcome>{StepOutcome::Done, StepOutcome::TimedOut});
    }
    SECTION("held for a second: the 0.6 s turn is too brief") {
        const RoutinePlayer player = play(routineOf(R"({"id": "t", "name": "T", "steps": [
            {"target": "turn_right", "amount": 15, "hold_s": 1, "timeout_s": 8}]})"),
                                          recording, 15.0, 24.0);
        CHECK(player.outcomes()[0] == StepOutcome::TimedOut);
    }
    SECTION("the Neck routine's 35-degree turns are not reached") {
        const Routine turns = routineOf(R"({"id": "t", "name": "T", "steps": [
            {"target": "turn_right", "amount": 35, "hold_s": 0.3, "timeout_s": 20},
            {"target": "turn_left", "amount": 35, "hold_s": 0.3, "timeout_s": 20}]})");
        CHECK(play(turns, recording, 15.0).stepsDone() == 0);
    }
}

TEST_CASE("the talking clips' natural movement never counts as a step; steps not attempted time out") {
    for (const auto& [clip, fromSec, toSec] : std::vector<std::tuple<const char*, double, double>>{
             {"blink/talkingface_0-100s.mp4", 0.0, 100.0},
             {"blink/seven_blinks_webcam.mp4", 0.0, 10.0},
             {"posture/webcam_lean_turn_a.mp4", 0.0, 22.0}}) {  // frontal and talking, before its head turns
        DYNAMIC_SECTION(clip) {
            const Recording recording = measure(test::testData(clip), 5.0);
            for (const char* file : {"neck-1min.json", "eyes-20-20-20.json"}) {
                // From every 10 s of the clip, the routine as far as the clip goes.
                for (double start = fromSec; start < toSec - 5.0; start += 10.0) {
                    INFO(file << " from " << start << " s");
                    const RoutinePlayer player = play(shipped(file), recording, start, toSec);
                    CHECK(player.stepsDone() == 0);
                    if (player.progress().step > 0) CHECK(player.outcomes()[0] == StepOutcome::TimedOut);
                }
            }
        }
    }
}
