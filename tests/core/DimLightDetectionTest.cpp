// Finding a face in dim light: real webcam frames (seven_blinks, a 1620x1080 webcam clip) shown as a
// 540x360 camera would show them in a dim room (half the light, fresh sensor noise), the face about
// 136 px wide, searched at full size as any camera frame of up to 640 px. The noise (deviation 7
// grey levels) drowns the gradients HOG reads: the face is found in 7 of 20 frames; the tracker's
// second look at the picture smoothed (TrackerSettings::denoiseSigma, 1.5 px) finds it in 18.
#include "TestData.h"
#include "VideoFrames.h"
#include "vision/FaceTracker.h"

#include <catch2/catch.hpp>
#include <opencv2/imgproc.hpp>
#include <vector>

using namespace posesmart;

TEST_CASE("in dim light with sensor noise the face is found in the picture smoothed") {
    std::vector<int> indices;
    for (int i = 0; i < 300; i += 15) indices.push_back(i);
    const auto frames = test::framesAt(test::testData("blink/seven_blinks_webcam.mp4"), indices);
    REQUIRE(frames.size() == indices.size());
    TrackerSettings plainOnly;
    plainOnly.denoiseSigma = 0.0;
    const FaceTracker tracker(test::sharedLandmarkModel());
    const FaceTracker plainTracker(test::sharedLandmarkModel(), plainOnly);
    cv::RNG rng(20261203);
    int found = 0;
    int foundPlain = 0;
    int foundClean = 0;
    for (const cv::Mat& full : frames) {
        cv::Mat small;
        cv::resize(full, small, cv::Size(540, 360), 0, 0, cv::INTER_AREA);
        const cv::Mat dim = test::dimAndNoisy(small, 7.0, rng);
        StageTimes times;
        foundClean += plainTracker.detectAll(small, times).size() == 1 ? 1 : 0;
        foundPlain += plainTracker.detectAll(dim, times).size() == 1 ? 1 : 0;
        found += tracker.detectAll(dim, times).size() == 1 ? 1 : 0;
    }
    const auto n = static_cast<int>(frames.size());
    INFO(n << " frames: clean " << foundClean << ", dim and noisy " << foundPlain << ", smoothed " << found);
    CHECK(foundClean == n);
    CHECK(foundPlain <= n / 2);
    CHECK(found >= n * 3 / 4);
}
