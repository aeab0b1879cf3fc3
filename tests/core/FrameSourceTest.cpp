#include "TestData.h"
#include "VideoFrames.h"
#include "capture/FrameSource.h"
#include "common/Error.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <opencv2/imgcodecs.hpp>

using namespace posesmart;

namespace {
std::int64_t drain(FrameSource& source) {
    std::int64_t frames = 0;
    while (source.next()) ++frames;
    return frames;
}

void requireBadInput(const std::string& spec, const std::string& expectedWords) {
    try {
        auto source = openFrameSource(spec);
        drain(*source);
        FAIL("bad input was read to the end without an error: " << spec);
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::BadInput);
        CHECK_THAT(e.what(), Catch::Contains(expectedWords));
    }
}
}  // namespace

TEST_CASE("a video yields every frame with its container timestamp") {
    auto source = openFrameSource(test::testData("blink/seven_blinks_webcam.mp4").string());
    CHECK(source->info().width == 1620);
    CHECK(source->info().height == 1080);
    CHECK(source->info().fps == Approx(30.0));
    CHECK_FALSE(source->info().independentFrames);
    CHECK(test::readTimedFrames(*source, 30.0) == 308);
}

TEST_CASE("a 24 fps video is timed at 24 fps") {
    auto source = openFrameSource(test::testData("blink/talkingface_0-100s.mp4").string());
    std::optional<Frame> frame;
    for (int i = 0; i <= 240; ++i) frame = source->next();
    REQUIRE(frame);
    CHECK(frame->index == 240);
    CHECK(frame->timestampSec == Approx(10.0).margin(0.002));
}

TEST_CASE("a folder of images is read in name order as independent stills") {
    auto source = openFrameSource(test::testData("identity/named/obama").string());
    CHECK(source->info().independentFrames);
    CHECK(source->info().frameCount == 4);
    std::vector<cv::Size> sizes;
    while (auto frame = source->next()) sizes.push_back(frame->bgr.size());
    REQUIRE(sizes.size() == 4);
    // obama-480p.jpg sorts first.
    CHECK(sizes.front() == cv::imread(test::testData("identity/named/obama/obama-480p.jpg").string()).size());
}

TEST_CASE("grey and RGBA images become 8-bit BGR frames") {
    for (const char* file : {"identity/yale/subject01/normal.png", "bad/rgba_32bit.png"}) {
        auto source = openFrameSource(test::testData(file).string());
        const auto frame = source->next();
        REQUIRE(frame);
        CHECK(frame->bgr.type() == CV_8UC3);
        CHECK_FALSE(source->next());
    }
}

TEST_CASE("unusable inputs give one clear error") {
    const auto dir = test::scratchDir("bad-inputs");
    SECTION("a path that does not exist") {
        requireBadInput((dir / "nothing.mp4").string(), "does not exist");
    }
    SECTION("a text file named .mp4") {
        std::ofstream(dir / "notes.mp4") << "just some notes, not a video\n";
        requireBadInput((dir / "notes.mp4").string(), "cannot read video");
    }
    SECTION("a truncated video") {
        std::ifstream full(test::testData("blink/talkingface_0-100s.mp4"), std::ios::binary);
        std::vector<char> bytes((std::istreambuf_iterator<char>(full)), std::istreambuf_iterator<char>());
        std::ofstream(dir / "cut.mp4", std::ios::binary)
            .write(bytes.data(), static_cast<std::streamsize>(bytes.size() / 3));
        try {
            auto source = openFrameSource((dir / "cut.mp4").string());
            drain(*source);
            FAIL("a truncated video was read to the end without an error");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::BadInput);
            CHECK_THAT(e.what(), Catch::Contains("cut.mp4"));
        }
    }
    SECTION("an empty folder") {
        requireBadInput(dir.string(), "holds no images");
    }
    SECTION("a camera that is not there") {
        CHECK_THROWS_AS(openFrameSource("camera:/dev/posesmart-no-such-camera"), Error);
    }
}
