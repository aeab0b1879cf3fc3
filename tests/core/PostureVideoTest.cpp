// Posture on a real recording (webcam_lean_turn_a.mp4, calibrated on its first 10 s): the
// baseline part is good, the lean toward the camera is flagged, the head turns are not read as
// slouching. And the calibration's verdict on every 10 s window of ordinary sitting and talking
// (accepted) and on windows that cannot serve as a baseline (refused, with the reason).
#include "CliRun.h"
#include "TestData.h"
#include "analysis/PostureCalibration.h"
#include "capture/FrameSource.h"
#include "vision/FrameAnalyzer.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <optional>

using namespace posesmart;

namespace {

// Seconds of each state inside [from, to) from the JSON's posture segments.
std::map<std::string, double> secondsByState(const nlohmann::json& segments, double from, double to) {
    std::map<std::string, double> out;
    for (const auto& s : segments) {
        const double start = std::max(from, s["start_s"].get<double>());
        const double end = std::min(to, s["end_s"].get<double>());
        if (end > start) out[s["state"].get<std::string>()] += end - start;
    }
    return out;
}

struct Measured {
    double timestampSec;
    std::optional<FaceMeasurements> face;
};

// Every frame of `video` in [from, to) seconds, analysed once.
std::vector<Measured> measure(const std::string& video, double from, double to) {
    const auto source = openFrameSource(test::testData(video).string());
    FrameAnalyzer analyzer(test::sharedLandmarkModel());
    std::vector<Measured> out;
    while (auto frame = source->next()) {
        if (frame->timestampSec >= to) break;
        const FrameResult result = analyzer.analyze(*frame);
        if (frame->timestampSec >= from) out.push_back({frame->timestampSec, result.measurements});
    }
    return out;
}

// Calibrates on the frames in [from, from + 10 s), each passed through `edit` first.
CalibrationResult calibrate(
    const std::vector<Measured>& frames, double from,
    const std::function<std::optional<FaceMeasurements>(double, std::optional<FaceMeasurements>)>& edit = {}) {
    PostureCalibrator calibrator;
    for (const auto& f : frames) {
        if (f.timestampSec < from) continue;
        const auto face = edit ? edit(f.timestampSec - from, f.face) : f.face;
        if (calibrator.add(f.timestampSec, face, cv::Size(640, 480))) break;
    }
    return calibrator.finish();
}

// A lean toward the camera: the face 15% larger and its eye line 0.3 inter-ocular distances lower.
std::optional<FaceMeasurements> leanedIn(std::optional<FaceMeasurements> face) {
    if (face) {
        face->eyeLineCentre.y += static_cast<float>(0.3 * face->iodPx);
        face->iodPx *= 1.15;
    }
    return face;
}

}  // namespace

TEST_CASE("calibration accepts every 10 s window of ordinary sitting and talking") {
    SECTION("the talking face, 0-100 s") {
        const auto frames = measure("blink/talkingface_0-100s.mp4", 0.0, 100.0);
        for (double from = 0.0; from + 10.0 <= 100.0; from += 2.0) {
            const CalibrationResult result = calibrate(frames, from);
            INFO("window from " << from << " s: " << result.reason << " (steady " << result.steadyShare << ")");
            CHECK(result.baseline);
        }
    }
    SECTION("the webcam clip's frontal part, 0-22 s") {
        const auto frames = measure("posture/webcam_lean_turn_a.mp4", 0.0, 22.0);
        for (double from = 0.0; from + 10.0 <= 22.0; from += 2.0) {
            const CalibrationResult result = calibrate(frames, from);
            INFO("window from " << from << " s: " << result.reason << " (steady " << result.steadyShare << ")");
            CHECK(result.baseline);
        }
    }
}

TEST_CASE("calibration refuses what breaks a baseline, and says which") {
    const auto talking = measure("blink/talkingface_0-100s.mp4", 0.0, 30.0);
    SECTION("walking away for 4 of the 10 s") {
        const auto result =
            calibrate(talking, 10.0, [](double t, auto face) { return t >= 3.0 && t < 7.0 ? std::nullopt : face; });
        CHECK_FALSE(result.baseline);
        CHECK_THAT(result.reason, Catch::Contains("a face was seen in"));
    }
    SECTION("leaning in for 4 of the 10 s") {
        const auto result =
            calibrate(talking, 10.0, [](double t, auto face) { return t >= 3.0 && t < 7.0 ? leanedIn(face) : face; });
        CHECK_FALSE(result.baseline);
        CHECK_THAT(result.reason, Catch::Contains("out of your usual place"));
    }
    SECTION("turned aside (35 degrees) for most of the time") {
        const auto result = calibrate(talking, 10.0, [](double t, auto face) {
            if (face && t >= 2.0) face->yawDeg += 35.0;
            return face;
        });
        CHECK_FALSE(result.baseline);
        CHECK_THAT(result.reason, Catch::Contains("degrees away from the camera"));
    }
    SECTION("a real lean in and back (the webcam clip, windows starting 27-33 s)") {
        const auto frames = measure("posture/webcam_lean_turn_a.mp4", 27.0, 44.0);
        for (double from = 27.0; from <= 33.0; from += 2.0) {
            const CalibrationResult result = calibrate(frames, from);
            INFO("window from " << from << " s (steady " << result.steadyShare << ")");
            CHECK_FALSE(result.baseline);
            CHECK_THAT(result.reason, Catch::Contains("out of your usual place"));
        }
    }
}

TEST_CASE("lean and turn recording: good baseline, lean flagged, turns not slouch") {
    const auto out = test::scratchDir("posture-video") / "lean.json";
    const auto run = test::runCli("analyze " + test::quoted(test::testData("posture/webcam_lean_turn_a.mp4")) +
                                  " --calibrate-seconds 10 --json " + test::quoted(out));
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    std::ifstream in(out);
    const auto doc = nlohmann::json::parse(in);
    REQUIRE(doc["summary"]["calibration"]["status"] == "ok");
    const auto& posture = doc["posture"];

    const auto baseline = secondsByState(posture, 0.0, 22.0);
    const double good = baseline.count("good") ? baseline.at("good") : 0.0;
    CHECK(good >= 0.95 * 22.0);

    const auto lean = secondsByState(posture, 32.0, 35.0);
    const double flagged = (lean.count("too_close") ? lean.at("too_close") : 0.0) +
                           (lean.count("forward_head") ? lean.at("forward_head") : 0.0);
    CHECK(flagged >= 1.0);

    // The turns: the largest yaw (about 20 degrees) is at 19-21 s, the rest at 23-31 s.
    const auto turns = secondsByState(posture, 19.0, 31.0);
    CHECK(turns.count("slouch") == 0);
    CHECK(turns.count("forward_head") == 0);
}

TEST_CASE("calibration says why footage cannot be a baseline") {
    SECTION("no face") {
        const cv::Mat dogs = cv::imread(test::testData("bad/no_face_dogs.jpg").string(), cv::IMREAD_COLOR);
        FrameAnalyzer analyzer(test::sharedLandmarkModel());
        PostureCalibrator calibrator;
        for (int i = 0;; ++i) {
            const double t = i / 5.0;
            if (calibrator.add(t, analyzer.analyze(Frame{dogs, i, t}).measurements, dogs.size())) break;
        }
        const CalibrationResult result = calibrator.finish();
        CHECK_FALSE(result.baseline);
        CHECK(result.faceFrames == 0);
        CHECK_THAT(result.reason, Catch::Contains("a face was seen in 0 of"));
    }
    SECTION("sitting still (the first 10 s)") {
        const auto source = openFrameSource(test::testData("posture/webcam_lean_turn_a.mp4").string());
        FrameAnalyzer analyzer(test::sharedLandmarkModel());
        PostureCalibrator calibrator;
        while (auto frame = source->next()) {
            if (calibrator.add(frame->timestampSec, analyzer.analyze(*frame).measurements, frame->bgr.size())) break;
        }
        const CalibrationResult result = calibrator.finish();
        INFO(result.reason);
        REQUIRE(result.baseline);
        CHECK(result.baseline->iodPx > 30.0);
        CHECK(std::abs(result.medianYawDeg) < 15.0);
    }
}
