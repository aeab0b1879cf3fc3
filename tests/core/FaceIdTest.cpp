// Face ID on real faces: the converted network, checked against people rather than against
// itself. All pair distances over ../shared/testdata/identity (named people and Yale subjects):
// >= 95% of pairs on the right side of the chosen threshold. And end to end through posesmart-cli:
// a person enrolled from a photo is recognised in another photo; a video of someone else is not.
#include "CliRun.h"
#include "TestData.h"
#include "identity/FaceDescriptor.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace posesmart;

TEST_CASE("same-person and different-person pair distances separate at the threshold") {
    const auto out = test::scratchDir("face-pairs") / "pairs.json";
    const auto run = test::runCli("identity pairs " + test::quoted(test::testData("identity/named")) + " " +
                                  test::quoted(test::testData("identity/yale")) + " --json " + test::quoted(out));
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    WARN(run.output);
    std::ifstream in(out);
    const auto doc = nlohmann::json::parse(in);
    CHECK(doc["faces"].get<int>() >= 95);  // 100 photos; a face or two in harsh side light is not found
    CHECK(doc["same"]["count"].get<int>() >= 400);
    CHECK(doc["different"]["count"].get<int>() >= 4000);
    CHECK(doc["threshold"].get<double>() == FaceDescriptorModel::kSamePersonDistance);
    CHECK(doc["right_share"].get<double>() >= 0.95);
    CHECK(doc["same"]["median"].get<double>() < doc["different"]["median"].get<double>() - 0.3);
}

TEST_CASE("enrolled from a photo: the same person is recognised, someone else is not") {
    const auto dir = test::scratchDir("face-enroll");
    const auto db = test::quoted(dir / "history.db");
    const auto enroll = test::runCli("identity enroll --profile obama --db " + db + " " +
                                     test::quoted(test::testData("identity/named/obama/obama.jpg")));
    INFO(enroll.output);
    REQUIRE(enroll.exitCode == 0);

    const auto same = test::runCli("identity verify --db " + db + " " +
                                   test::quoted(test::testData("identity/named/obama/obama3.jpg")));
    INFO(same.output);
    CHECK(same.exitCode == 0);
    CHECK_THAT(same.output, Catch::StartsWith("you: obama"));

    const auto video =
        test::runCli("identity verify --db " + db + " " + test::quoted(test::testData("blink/talkingface_0-100s.mp4")));
    INFO(video.output);
    CHECK(video.exitCode == 0);
    CHECK_THAT(video.output, Catch::StartsWith("another person"));
}

namespace {

nlohmann::json analyzeAs(const std::filesystem::path& db, const std::string& user, const std::filesystem::path& video,
                         const std::filesystem::path& jsonOut) {
    const auto run = test::runCli("analyze " + test::quoted(video) + " --db " + test::quoted(db) + " --user " + user +
                                  " --start 2026-11-20T09:00 --json " + test::quoted(jsonOut));
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    std::ifstream in(jsonOut);
    return nlohmann::json::parse(in);
}

}  // namespace

TEST_CASE("end to end: a video of one person, enrolled from a photo of another, is another person") {
    const auto dir = test::scratchDir("face-id-run");
    const auto db = dir / "history.db";
    const auto video = test::testData("blink/seven_blinks_webcam.mp4");
    REQUIRE(test::runCli("identity enroll --profile obama --db " + test::quoted(db) + " " +
                         test::quoted(test::testData("identity/named/obama/obama.jpg")))
                .exitCode == 0);
    const auto other = analyzeAs(db, "obama", video, dir / "other.json");
    const double duration = other["frames"].get<double>() / other["fps"].get<double>();
    const auto identity = other["summary"]["identity"];
    CHECK(identity["enrolled"] == true);
    CHECK(identity["checks"].get<int>() >= 2);
    for (const auto& distance : identity["distances"]) CHECK(distance.get<double>() >= 0.5);
    CHECK(identity["seconds_by_state"].value("another_person", 0.0) >= 0.9 * duration);
    CHECK(identity["seconds_by_state"].value("you", 0.0) == 0.0);
    // Nothing of the other person is measured, recorded or alerted on.
    CHECK(other["blinks"].empty());
    CHECK(other["alerts"].empty());
    CHECK(other["summary"]["face_frames"] == 0);
    const auto report = test::runCli("report --db " + test::quoted(db) + " --user obama --day 2026-11-20 --json");
    INFO(report.output);
    REQUIRE(report.exitCode == 0);
    CHECK(nlohmann::json::parse(report.output)["monitored_s"].get<double>() == 0.0);

    // The person of the video, enrolled from the video itself, is measured as usual.
    REQUIRE(test::runCli("identity enroll --profile blinker --db " + test::quoted(db) + " " + test::quoted(video))
                .exitCode == 0);
    const auto self = analyzeAs(db, "blinker", video, dir / "self.json");
    CHECK(self["summary"]["identity"]["seconds_by_state"].value("you", 0.0) >= 0.9 * duration);
    CHECK(self["blinks"].size() == 7);
}
