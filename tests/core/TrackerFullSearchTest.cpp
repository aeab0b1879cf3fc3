// The tracker's slow schedule (every 2 s): it stays with the face it follows when a second, larger
// face comes into view, instead of switching to the nearest one; it searches the whole frame when
// the picture changed outside the followed face, or every 10 s, and otherwise only around that face.
// An empty chair: after 2 s the whole frame is searched once a second, not at every frame, with one
// of its retries (smoothed, turned each way) in turn.
#include "PeopleFrames.h"
#include "TestData.h"
#include "vision/FaceTracker.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <optional>
#include <vector>

using namespace posesmart;

namespace {

// A person's picture and the face the detector finds in it.
struct Person {
    cv::Mat bgr;
    cv::Rect2f face;
};

Person person(const cv::Mat& bgr) {
    StageTimes times;
    const auto found = FaceTracker(test::sharedLandmarkModel()).detectAll(bgr, times);
    REQUIRE(found.size() == 1);
    return {bgr, found.front().box};
}

// The head and shoulders around the face, scaled to a square of `side` pixels and pasted at (x, y)
// of `canvas`; `shift` moves the person inside that square (in canvas pixels).
void paste(cv::Mat& canvas, const Person& who, int x, int side, int y = 0, cv::Point2f shift = {}) {
    const cv::Rect2f& face = who.face;
    const float toSource = face.width * 3.F / static_cast<float>(side);
    const cv::Rect region =
        cv::Rect(cv::Rect2f(face.x - face.width - shift.x * toSource, face.y - face.height * 0.8F - shift.y * toSource,
                            face.width * 3.F, face.width * 3.F)) &
        cv::Rect(0, 0, who.bgr.cols, who.bgr.rows);
    cv::Mat scaled;
    cv::resize(who.bgr(region), scaled, cv::Size(side, side), 0, 0, cv::INTER_AREA);
    scaled.copyTo(canvas(cv::Rect(x, y, side, side)));
}

// A user at a desk seen by a 640x480 webcam: the face talks (moves a little), the camera adds
// fresh noise to every frame, and from `secondFaceSec` someone else is in view on the right. The
// user is in the chair from `userSec`.
class DeskScene {
public:
    DeskScene() {
        const auto people = test::peopleFrames();
        REQUIRE(people.size() >= 3);
        m_user = person(people[0].bgr);
        m_other = person(people[2].bgr);
    }

    [[nodiscard]] cv::Mat frame(double t, double secondFaceSec, double userSec = 0.0, double userRollDeg = 0.0) const {
        cv::Mat canvas(480, 640, CV_8UC3);
        for (int y = 0; y < canvas.rows; ++y) canvas.row(y).setTo(cv::Scalar(90 + y / 6, 110 + y / 8, 120 + y / 10));
        const auto dx = static_cast<float>(std::lround(12.0 * std::sin(2.0 * CV_PI * t / 1.7)));
        const auto dy = static_cast<float>(std::lround(6.0 * std::sin(2.0 * CV_PI * t / 2.3)));
        if (t >= userSec) {
            paste(canvas, m_user, 20, 300, 40, cv::Point2f(dx, dy));
            if (userRollDeg != 0.0) {  // the head and shoulders tilted, clockwise
                cv::Mat square = canvas(cv::Rect(20, 40, 300, 300));
                const cv::Mat turn = cv::getRotationMatrix2D(cv::Point2f(150.F, 150.F), -userRollDeg, 1.0);
                cv::warpAffine(square.clone(), square, turn, square.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
            }
        }
        if (t >= secondFaceSec) paste(canvas, m_other, 370, 270, 120);
        cv::Mat noise(canvas.size(), CV_16SC3);
        cv::randn(noise, 0, 6);  // a webcam's sensor noise, fresh in every frame
        cv::Mat noisy;
        canvas.convertTo(noisy, CV_16SC3);
        noisy += noise;
        noisy.convertTo(canvas, CV_8UC3);
        return canvas;
    }

private:
    Person m_user;
    Person m_other;
};

}  // namespace

TEST_CASE("a larger face coming into view does not take the tracker from the face it follows") {
    const auto people = test::peopleFrames();
    REQUIRE(people.size() >= 3);
    constexpr int kWidth = 1440;
    constexpr int kHeight = 720;
    cv::Mat alone(kHeight, kWidth, CV_8UC3, cv::Scalar(128, 128, 128));
    paste(alone, person(people[0].bgr), 0, kHeight / 2);  // the user, a little further away
    cv::Mat both = alone.clone();
    paste(both, person(people[2].bgr), kWidth / 2, kHeight);  // someone nearer, on the right

    FaceTracker tracker(test::sharedLandmarkModel());
    StageTimes times;
    REQUIRE(tracker.detectAll(both, times).size() == 2);
    int fullSearches = 0;
    for (int i = 0; i < 390; ++i) {  // 13 s at 30 fps: full searches at 2 s (the picture changed) and 12 s
        const double t = i / 30.0;
        const TrackResult result = tracker.process(t < 1.0 ? alone : both, t, times);
        INFO("frame " << i << " at " << t << " s");
        REQUIRE(result.landmarks);
        const cv::Rect2f extent = boundingBox(*result.landmarks);
        CHECK(extent.x + extent.width < kWidth / 2.F);  // still the face on the left
        if (t >= 1.0 && result.method == TrackMethod::FullDetection) {
            CHECK(result.facesSeen == 2);
            ++fullSearches;
        }
    }
    CHECK(fullSearches == 2);
}

TEST_CASE("while nothing changes outside the followed face the whole frame is searched every 10 s only") {
    const DeskScene scene;
    FaceTracker tracker(test::sharedLandmarkModel());
    StageTimes times;
    std::vector<double> full;
    std::vector<double> near;
    for (int i = 0; i < 25 * 15; ++i) {  // 25 s at 15 fps
        const double t = i / 15.0;
        const TrackResult result = tracker.process(scene.frame(t, 1e9), t, times);
        INFO("frame " << i << " at " << t << " s");
        REQUIRE(result.landmarks);
        CHECK(result.facesSeen == 1);
        if (result.method == TrackMethod::FullDetection) full.push_back(t);
        if (result.method == TrackMethod::NearDetection) near.push_back(t);
    }
    CHECK(full == std::vector<double>{0.0, 10.0, 20.0});
    // The other runs of the slow schedule look around the face only.
    CHECK(near == std::vector<double>{2.0, 4.0, 6.0, 8.0, 12.0, 14.0, 16.0, 18.0, 22.0, 24.0});
}

TEST_CASE("a face coming into view is found at the next run of the slow schedule, within 2 s") {
    const DeskScene scene;
    FaceTracker tracker(test::sharedLandmarkModel());
    StageTimes times;
    for (const double arrives : {3.0, 5.5}) {
        tracker.reset();
        std::optional<double> found;
        for (int i = 0; i < 10 * 15 && !found; ++i) {
            const double t = i / 15.0;
            const TrackResult result = tracker.process(scene.frame(t, arrives), t, times);
            REQUIRE(result.landmarks);
            if (result.facesSeen == 2) found = t;
        }
        INFO("second face in view from " << arrives << " s");
        REQUIRE(found);
        CHECK(*found > arrives);
        CHECK(*found <= arrives + 2.0);
    }
}

TEST_CASE("an empty chair is searched once a second after 2 s, and the person sitting down is found within it") {
    const DeskScene scene;
    FaceTracker tracker(test::sharedLandmarkModel());
    constexpr double kSitsDown = 6.5;
    std::vector<double> searched;
    std::optional<double> found;
    for (int i = 0; i < 9 * 15 && !found; ++i) {  // 15 fps
        const double t = i / 15.0;
        StageTimes times;
        const TrackResult result = tracker.process(scene.frame(t, 1e9, kSitsDown), t, times);
        if (times.detectMs > 0.0) searched.push_back(t);
        if (result.landmarks) found = t;
    }
    REQUIRE(found);
    CHECK(*found >= kSitsDown);
    CHECK(*found <= kSitsDown + 1.0);
    // Every frame of the first 2 s (30), then a frame a second (the first whose time is a second
    // after the last search): about 3, 4, 5 and 6 s, and about 7 s, the one that found the user.
    const auto before =
        static_cast<int>(std::count_if(searched.begin(), searched.end(), [](double t) { return t < 2.0; }));
    CHECK(before == 30);
    REQUIRE(searched.size() == 30 + 5);
    for (std::size_t k = 30; k < searched.size(); ++k) {
        CHECK(searched[k] - searched[k - 1] >= 1.0 - 1e-6);
        CHECK(searched[k] - searched[k - 1] <= 1.0 + 1.0 / 15.0 + 1e-6);
    }
    CHECK(*found == Approx(searched.back()));
}

TEST_CASE("an empty chair's searches make one retry each, in turn; a tilted head sitting down is found within three") {
    const DeskScene scene;
    constexpr double kSitsDown = 6.5;
    constexpr double kTilt = 60.0;  // beyond what HOG finds here: only the frame turned 15 degrees finds it
    StageTimes unused;
    REQUIRE(FaceTracker(test::sharedLandmarkModel()).detectAll(scene.frame(8.0, 1e9, 0.0, kTilt), unused).empty());

    FaceTracker tracker(test::sharedLandmarkModel());
    std::vector<std::pair<double, int>> searches;  // time, passes over the whole frame
    std::optional<double> found;
    double foundRoll = 0.0;
    for (int i = 0; i < 12 * 15 && !found; ++i) {  // 15 fps
        const double t = i / 15.0;
        StageTimes times;
        const TrackResult result = tracker.process(scene.frame(t, 1e9, kSitsDown, kTilt), t, times);
        if (times.wholeFramePasses > 0) searches.emplace_back(t, times.wholeFramePasses);
        if (result.landmarks) {
            found = t;
            foundRoll = eyeLineRollDeg(*result.landmarks);
        }
    }
    REQUIRE(found);
    CHECK(*found > kSitsDown);
    CHECK(*found <= kSitsDown + 3.0 + 1.0 / 15.0);  // the third search after sitting down at the latest
    CHECK(foundRoll > 30.0);                        // the tilted face (its first fit; the next frames refine it)
    // The first 2 s: every frame, plain, smoothed and turned each way; then one retry a search.
    for (const auto& [t, passes] : searches) {
        INFO("search at " << t);
        if (t < 2.0) CHECK(passes == 4);
        if (t >= 2.0 && t < kSitsDown) CHECK(passes == 2);
    }
}
