// Ten minutes of ordinary sitting and talking raise no posture alert: the dev talking clips looped
// (stream copies made at test time with ffmpeg, never stored), calibrated on their first 10 s.
// The talking face blinks about 17 times a minute, so it raises no alert of any kind; the person of
// the webcam clip blinks twice in its 53 s (no other dip of the eye aspect ratio over 10%), so a
// low blink rate is the one alert that may come, and rightly.
#include "CliRun.h"
#include "TestData.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace posesmart;

namespace {

nlohmann::json analyzeLooped(const std::string& video, double seconds, const std::string& name) {
    const auto dir = test::scratchDir("loop-alerts");
    const auto part = dir / (name + "-part.mp4");
    const auto looped = dir / (name + ".mp4");
    const auto json = dir / (name + ".json");
    REQUIRE(test::runCommand("ffmpeg -nostdin -v error -y -i " + test::quoted(test::testData(video)) + " -t " +
                             std::to_string(seconds) + " -c copy " + test::quoted(part))
                .exitCode == 0);
    const int loops = static_cast<int>(600.0 / seconds + 0.999);
    REQUIRE(test::runCommand("ffmpeg -nostdin -v error -y -stream_loop " + std::to_string(loops - 1) + " -i " +
                             test::quoted(part) + " -t 600 -c copy " + test::quoted(looped))
                .exitCode == 0);
    const auto run = test::runCli("analyze " + test::quoted(looped) + " --json " + test::quoted(json));
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    std::ifstream in(json);
    return nlohmann::json::parse(in);
}

}  // namespace

TEST_CASE("10 minutes of the talking face: no alert of any kind") {
    const auto doc = analyzeLooped("blink/talkingface_0-100s.mp4", 100.0, "talkingface");
    INFO(doc["alerts"].dump());
    CHECK(doc["summary"]["calibration"]["status"] == "ok");
    CHECK(doc["frames"].get<int>() >= 14000);
    CHECK(doc["alerts"].empty());
}

TEST_CASE("10 minutes of the webcam clip's frontal part: no posture alert") {
    const auto doc = analyzeLooped("posture/webcam_lean_turn_a.mp4", 22.0, "webcam-frontal");
    INFO(doc["alerts"].dump());
    CHECK(doc["summary"]["calibration"]["status"] == "ok");
    CHECK(doc["frames"].get<int>() >= 14000);
    for (const auto& alert : doc["alerts"]) CHECK(alert["kind"] == "low_blink_rate");
}
