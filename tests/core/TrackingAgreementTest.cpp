// Tracking must lose nothing against the original detect-every-frame method: a face in at least
// as many frames, and the same landmarks.
#include "TestData.h"
#include "capture/FrameSource.h"
#include "vision/FrameAnalyzer.h"

#include <catch2/catch.hpp>
#include <iostream>

using namespace posesmart;

namespace {

FrameAnalyzer makeAnalyzer(TrackingMode mode) {
    AnalyzerSettings settings;
    settings.tracker.mode = mode;
    return FrameAnalyzer(test::sharedLandmarkModel(), settings);
}

void compareModes(const std::string& video) {
    auto source = openFrameSource(test::testData(video).string());
    FrameAnalyzer tracking = makeAnalyzer(TrackingMode::Tracking);
    FrameAnalyzer reference = makeAnalyzer(TrackingMode::DetectEveryFrame);
    int frames = 0, trackedFaces = 0, referenceFaces = 0, bothFaces = 0;
    double sumDifference = 0.0;
    while (const auto frame = source->next()) {
        const FrameResult a = tracking.analyze(*frame);
        const FrameResult b = reference.analyze(*frame);
        ++frames;
        trackedFaces += a.landmarks ? 1 : 0;
        referenceFaces += b.landmarks ? 1 : 0;
        if (a.landmarks && b.landmarks) {
            const auto& p = *a.landmarks;
            const auto& q = *b.landmarks;
            const double iod = cv::norm(q[landmark::kRightEyeOuter] - q[landmark::kLeftEyeOuter]);
            double sum = 0.0;
            for (std::size_t i = 0; i < kLandmarkCount; ++i) sum += cv::norm(p[i] - q[i]);
            sumDifference += sum / static_cast<double>(kLandmarkCount) / iod;
            ++bothFaces;
        }
    }
    const double meanDifference = bothFaces > 0 ? sumDifference / bothFaces : 1.0;
    std::cout << video << ": " << frames << " frames; a face in " << trackedFaces << " (tracking) vs " << referenceFaces
              << " (detect-every-frame); mean landmark difference " << meanDifference << " IOD\n";
    CHECK(frames > 0);
    CHECK(trackedFaces >= referenceFaces);
    CHECK(meanDifference <= 0.02);
}

}  // namespace

TEST_CASE("tracking agrees with detect-every-frame on the blink videos") {
    compareModes("blink/talkingface_0-100s.mp4");
    compareModes("blink/seven_blinks_webcam.mp4");
}

TEST_CASE("tracking agrees with detect-every-frame on the posture video") {
    compareModes("posture/webcam_lean_turn_a.mp4");
}
