// The tracker stays with the face it follows when a second, larger face comes into view: its
// periodic full detection (every 2 s) must not switch to the nearest face.
#include "PeopleFrames.h"
#include "TestData.h"
#include "vision/FaceTracker.h"

#include <catch2/catch.hpp>
#include <opencv2/imgproc.hpp>

using namespace posesmart;

namespace {

// The head and shoulders around the face in `bgr`, scaled to a square of `side` pixels and
// pasted at `x` of `canvas`.
void paste(cv::Mat& canvas, const cv::Mat& bgr, int x, int side) {
    StageTimes times;
    const auto found = FaceTracker(test::sharedLandmarkModel()).detectAll(bgr, times);
    REQUIRE(found.size() == 1);
    const cv::Rect2f& face = found.front().box;
    const cv::Rect region =
        cv::Rect(cv::Rect2f(face.x - face.width, face.y - face.height * 0.8F, face.width * 3.F, face.width * 3.F)) &
        cv::Rect(0, 0, bgr.cols, bgr.rows);
    cv::Mat scaled;
    cv::resize(bgr(region), scaled, cv::Size(side, side), 0, 0, cv::INTER_AREA);
    scaled.copyTo(canvas(cv::Rect(x, 0, side, side)));
}

}  // namespace

TEST_CASE("a larger face coming into view does not take the tracker from the face it follows") {
    const auto people = test::peopleFrames();
    REQUIRE(people.size() >= 3);
    constexpr int kWidth = 1440;
    constexpr int kHeight = 720;
    cv::Mat alone(kHeight, kWidth, CV_8UC3, cv::Scalar(128, 128, 128));
    paste(alone, people[0].bgr, 0, kHeight / 2);  // the user, a little further away
    cv::Mat both = alone.clone();
    paste(both, people[2].bgr, kWidth / 2, kHeight);  // someone nearer, on the right

    FaceTracker tracker(test::sharedLandmarkModel());
    StageTimes times;
    REQUIRE(tracker.detectAll(both, times).size() == 2);
    int followed = 0;
    for (int i = 0; i < 150; ++i) {  // 5 s at 30 fps: two periodic full detections with both in view
        const double t = i / 30.0;
        const TrackResult result = tracker.process(t < 1.0 ? alone : both, t, times);
        INFO("frame " << i << " at " << t << " s");
        REQUIRE(result.landmarks);
        const cv::Rect2f extent = boundingBox(*result.landmarks);
        CHECK(extent.x + extent.width < kWidth / 2.F);  // still the face on the left
        if (t >= 1.0 && result.method == TrackMethod::FullDetection) {
            CHECK(result.facesSeen == 2);
            ++followed;
        }
    }
    CHECK(followed >= 2);
}
