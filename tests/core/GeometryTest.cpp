// Real frames of several people, rotated and zoomed by known amounts: roll, inter-ocular distance
// and estimated distance must follow the transformation.
#include "PeopleFrames.h"
#include "TestData.h"
#include "VideoFrames.h"
#include "vision/FrameAnalyzer.h"

#include <catch2/catch.hpp>

using namespace posesmart;

namespace {

FaceMeasurements measure(const cv::Mat& bgr) {
    AnalyzerSettings settings;
    settings.independentFrames = true;
    FrameAnalyzer analyzer(test::sharedLandmarkModel(), settings);
    const FrameResult result = analyzer.analyze(Frame{bgr, 0, 0.0});
    REQUIRE(result.measurements);
    return *result.measurements;
}

}  // namespace

TEST_CASE("rotating a frame changes roll by the same angle") {
    for (const auto& sample : test::peopleFrames()) {
        INFO(sample.name);
        const FaceMeasurements base = measure(sample.bgr);
        for (const double direction : {1.0, -1.0}) {
            // A head tilts gradually: the live pipeline follows it frame by frame from upright.
            FrameAnalyzer live(test::sharedLandmarkModel());
            std::int64_t index = 0;
            REQUIRE(live.analyze(Frame{sample.bgr, index++, 0.0}).measurements);
            for (const double step : {5.0, 10.0, 15.0}) {
                const double degrees = direction * step;
                INFO("rotated by " << degrees << " degrees");
                const cv::Mat turned = test::rotated(sample.bgr, degrees, base.eyeLineCentre);
                const FrameResult result = live.analyze(Frame{turned, index, 0.04 * static_cast<double>(index)});
                ++index;
                REQUIRE(result.measurements);
                // Counter-clockwise as displayed is negative roll (roll is clockwise in image coordinates).
                CHECK(result.measurements->rollDeg - base.rollDeg == Approx(-degrees).margin(1.5));
            }
        }
    }
}

TEST_CASE("a tilted face is found from scratch up to 10 degrees") {
    for (const auto& sample : test::peopleFrames()) {
        INFO(sample.name);
        const FaceMeasurements base = measure(sample.bgr);
        for (const double degrees : {5.0, 10.0, 15.0, -5.0, -10.0, -15.0}) {
            INFO("rotated by " << degrees << " degrees");
            const FaceMeasurements turned = measure(test::rotated(sample.bgr, degrees, base.eyeLineCentre));
            CHECK(turned.rollDeg - base.rollDeg == Approx(-degrees).margin(1.5));
        }
    }
}

TEST_CASE("zooming a frame scales the inter-ocular distance and lowers the distance to the camera") {
    for (const auto& sample : test::peopleFrames()) {
        INFO(sample.name);
        const FaceMeasurements base = measure(sample.bgr);
        for (const double factor : {1.1, 1.2, 1.3}) {
            INFO("zoomed by " << factor);
            const FaceMeasurements near = measure(test::zoomed(sample.bgr, factor, base.eyeLineCentre));
            CHECK(near.iodPx / base.iodPx == Approx(factor).epsilon(0.03));
            CHECK(near.distanceCm / base.distanceCm == Approx(1.0 / factor).epsilon(0.05));
        }
    }
}

TEST_CASE("a frontal face at a desk is placed at a plausible distance, level and facing the camera") {
    const FaceMeasurements m = measure(test::peopleFrames()[2].bgr);
    CHECK(m.distanceCm > 30.0);
    CHECK(m.distanceCm < 120.0);
    CHECK(std::abs(m.rollDeg) < 10.0);
    CHECK(std::abs(m.yawDeg) < 20.0);
    CHECK(m.poseValid);
}
