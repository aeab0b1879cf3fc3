// Blink accuracy on the labelled recordings, scored by the shared scorer
// (../shared/tools/score_blinks.py): F1 >= 0.95 on each video, at the recording's own frame rate
// through posesmart-cli, and at half the frame rate through the engine (time-based behaviour).
#include "CliRun.h"
#include "TestData.h"
#include "analysis/SessionAnalyzer.h"
#include "capture/FrameSource.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

using namespace posesmart;

namespace {

struct Score {
    double f1 = 0.0;
    std::string line;
};

Score score(const std::string& video, const std::filesystem::path& detected) {
    const auto run =
        test::runCommand("python3 " + test::quoted(test::blinkScorer()) + " " +
                         test::quoted(test::testData("blink/labels.csv")) + " " + video + " " + test::quoted(detected));
    REQUIRE(run.exitCode == 0);
    std::smatch match;
    const std::regex f1("f1=([0-9.]+)");
    REQUIRE(std::regex_search(run.output, match, f1));
    return {std::stod(match[1].str()), run.output};
}

nlohmann::json readJson(const std::filesystem::path& path) {
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

const std::vector<std::string> kVideos = {"talkingface_0-100s.mp4", "seven_blinks_webcam.mp4"};

}  // namespace

TEST_CASE("blinks in the labelled videos: F1 >= 0.95 each, with the agreed JSON fields") {
    const auto dir = test::scratchDir("blink-accuracy");
    for (const auto& video : kVideos) {
        INFO(video);
        const auto out = dir / (video + ".json");
        const auto run = test::runCli("analyze " + test::quoted(test::testData("blink/" + video)) + " --json " +
                                      test::quoted(out) + " --calibrate-seconds 0");
        REQUIRE(run.exitCode == 0);
        const Score s = score(video, out);
        WARN(s.line);
        CHECK(s.f1 >= 0.95);

        const auto doc = readJson(out);
        for (const char* key :
             {"source", "fps", "frames", "width", "height", "blinks", "closures", "posture", "alerts", "summary"}) {
            CHECK(doc.contains(key));
        }
        for (const auto& blink : doc["blinks"]) {
            for (const char* key :
                 {"start_frame", "end_frame", "start_s", "end_s", "duration_ms", "min_ear", "complete"}) {
                CHECK(blink.contains(key));
            }
            CHECK(blink["end_frame"].get<int>() >= blink["start_frame"].get<int>());
            // At most 0.5 s between its first and last frame, plus the last frame itself (JSON rounds to 0.1 ms).
            CHECK(blink["duration_ms"].get<double>() <= 500.0 + 1000.0 / doc["fps"].get<double>() + 0.1);
        }
        for (const auto& closure : doc["closures"]) {
            CHECK(closure["end_s"].get<double>() - closure["start_s"].get<double>() > 0.5);
        }
        const auto& summary = doc["summary"];
        for (const char* key : {"blinks", "blink_rate_per_min", "face_frames", "seconds_by_state", "calibration",
                                "ms_per_frame_median"}) {
            CHECK(summary.contains(key));
        }
        CHECK(summary["blinks"].get<std::size_t>() == doc["blinks"].size());
    }
}

TEST_CASE("half the frame rate finds the same blinks (time-based, not frame-count-based)") {
    const auto dir = test::scratchDir("blink-half-rate");
    for (const auto& video : kVideos) {
        INFO(video);
        const auto source = openFrameSource(test::testData("blink/" + video).string());
        FrameAnalyzer analyzer(test::sharedLandmarkModel());
        SessionAnalyzer session;
        nlohmann::json blinks = nlohmann::json::array();
        while (auto frame = source->next()) {
            if (frame->index % 2 == 1) continue;  // every other frame: 12 and 15 fps
            const FrameResult result = analyzer.analyze(*frame);
            const SessionUpdate update = session.update(result, frame->bgr.size());
            if (update.blink) {
                // Frame numbers stay those of the full-rate video, which the labels use.
                blinks.push_back({{"start_frame", update.blink->startFrame},
                                  {"end_frame", update.blink->endFrame},
                                  {"start_s", update.blink->startSec}});
            }
        }
        const auto out = dir / (video + ".json");
        std::ofstream(out) << nlohmann::json{{"fps", source->info().fps}, {"blinks", blinks}}.dump();
        const Score s = score(video, out);
        WARN("every other frame: " << s.line);
        CHECK(s.f1 >= 0.9);
    }
}

TEST_CASE("at the battery analysis rate (15 frames a second, as the app thins them) F1 stays >= 0.93") {
    const auto dir = test::scratchDir("blink-analysis-rate");
    for (const auto& video : kVideos) {
        INFO(video);
        const auto out = dir / (video + ".json");
        const auto run = test::runCli("analyze " + test::quoted(test::testData("blink/" + video)) +
                                      " --analysis-fps 15 --calibrate-seconds 0 --json " + test::quoted(out));
        REQUIRE(run.exitCode == 0);
        const Score s = score(video, out);
        WARN("--analysis-fps 15: " << s.line);
        CHECK(s.f1 >= 0.93);
    }
}
