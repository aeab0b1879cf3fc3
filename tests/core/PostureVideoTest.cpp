// Posture on a real recording (webcam_lean_turn_a.mp4, calibrated on its first 10 s): the
// baseline part is good, the lean toward the camera is flagged, the head turns are not read as
// slouching. And the calibration's verdict on footage that cannot serve as a baseline.
#include "CliRun.h"
#include "TestData.h"
#include "analysis/PostureCalibration.h"
#include "capture/FrameSource.h"
#include "vision/FrameAnalyzer.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

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

}  // namespace

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
    SECTION("leaning in and back (30-42 s of the recording)") {
        const auto source = openFrameSource(test::testData("posture/webcam_lean_turn_a.mp4").string());
        FrameAnalyzer analyzer(test::sharedLandmarkModel());
        CalibrationSettings settings;
        settings.seconds = 12.0;
        PostureCalibrator calibrator(settings);
        while (auto frame = source->next()) {
            const FrameResult result = analyzer.analyze(*frame);
            if (frame->timestampSec < 30.0) continue;
            if (calibrator.add(frame->timestampSec, result.measurements, frame->bgr.size())) break;
        }
        const CalibrationResult result = calibrator.finish();
        INFO("drift " << result.driftIod << " iod, scale drift " << result.scaleDrift << ", yaw "
                      << result.medianYawDeg);
        CHECK_FALSE(result.baseline);
        CHECK_THAT(result.reason, Catch::Contains("moved too much"));
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
