// classifyPosture and PostureTracker on hand-built FaceMeasurements against a fixed baseline:
// every state and its threshold, the priority between them, hysteresis (between the exit and the
// entry threshold a state is kept but not entered), the yaw correction, the absolute distance when
// it was measured at calibration, and the tracker's minimum state duration, away and unknown.
#include "analysis/Posture.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <optional>

using namespace posesmart;

namespace {

// Calibrated: eyes 50 px apart, eye line at y = 200 px, level, 60 cm away (estimated only).
PostureBaseline baseline() {
    PostureBaseline b;
    b.iodPx = 50.0;
    b.eyeLineYPx = 200.0;
    b.rollDeg = 0.0;
    b.distanceCm = 60.0;
    b.frameWidth = 640;
    b.frameHeight = 480;
    return b;
}

FaceMeasurements face(double iodPx, double eyeLineY, double rollDeg = 0.0, double yawDeg = 0.0,
                      bool poseValid = false) {
    FaceMeasurements m;
    m.iodPx = iodPx;
    m.eyeLineCentre = cv::Point2f(320.F, static_cast<float>(eyeLineY));
    m.rollDeg = rollDeg;
    m.yawDeg = yawDeg;
    m.poseValid = poseValid;
    m.distanceCm = 60.0 * 50.0 / iodPx;
    return m;
}

// Relative to the baseline above: scale (iod / 50) and drop of the eye line in iods.
FaceMeasurements posed(double scale, double dropIod, double rollDeg = 0.0) {
    return face(50.0 * scale, 200.0 + 50.0 * dropIod, rollDeg);
}

PostureState classify(const FaceMeasurements& m, PostureState current = PostureState::Good,
                      const PostureBaseline& b = baseline()) {
    return classifyPosture(m, b, PostureSettings{}, current).state;
}

}  // namespace

TEST_CASE("posture states have their names") {
    CHECK(toString(PostureState::Good) == "good");
    CHECK(toString(PostureState::ForwardHead) == "forward_head");
    CHECK(toString(PostureState::Slouch) == "slouch");
    CHECK(toString(PostureState::TooClose) == "too_close");
    CHECK(toString(PostureState::Tilted) == "tilted");
    CHECK(toString(PostureState::Away) == "away");
    CHECK(toString(PostureState::Unknown) == "unknown");
}

TEST_CASE("the calibrated posture is good, and the reading measures against it") {
    const PostureReading r = classifyPosture(face(55.0, 205.0, 4.0), baseline(), PostureSettings{});
    CHECK(r.state == PostureState::Good);
    CHECK(r.scale == Approx(1.1));
    CHECK(r.dropIod == Approx(0.1));
    CHECK(r.rollDeltaDeg == Approx(4.0));
    CHECK(r.distanceCm == Approx(60.0 * 50.0 / 55.0));  // no measured distance: the estimate
    CHECK(classify(posed(1.0, 0.0)) == PostureState::Good);
    CHECK(classify(posed(0.8, -0.5)) == PostureState::Good);  // leaning back, head higher
}

TEST_CASE("forward head: closer and lower, both past their thresholds") {
    CHECK(classify(posed(1.1, 0.25)) == PostureState::ForwardHead);
    CHECK(classify(face(54.0, 210.0)) == PostureState::ForwardHead);  // exactly 1.08 and 0.2
    CHECK(classify(face(53.5, 210.0)) == PostureState::Good);         // scale 1.07
    CHECK(classify(face(54.0, 209.0)) == PostureState::Good);         // drop 0.18
    // Forward head outranks slouch and too close.
    CHECK(classify(posed(1.1, 0.5)) == PostureState::ForwardHead);
    CHECK(classify(posed(1.3, 0.25)) == PostureState::ForwardHead);
}

TEST_CASE("slouch: lower without coming closer") {
    CHECK(classify(posed(1.0, 0.35)) == PostureState::Slouch);
    CHECK(classify(face(50.0, 215.0)) == PostureState::Slouch);  // exactly 0.3
    CHECK(classify(posed(1.0, 0.28)) == PostureState::Good);
    CHECK(classify(posed(1.07, 0.35)) == PostureState::Slouch);  // not close enough for forward head
}

TEST_CASE("too close relative to calibration when the distance was not measured") {
    CHECK(classify(posed(1.25, 0.0)) == PostureState::TooClose);
    CHECK(classify(face(60.0, 200.0)) == PostureState::TooClose);  // exactly 1.2
    CHECK(classify(posed(1.15, 0.0)) == PostureState::Good);
    CHECK(classify(posed(1.25, 0.35)) == PostureState::ForwardHead);
}

TEST_CASE("too close in centimetres when the distance was measured at calibration") {
    PostureBaseline measured = baseline();
    measured.distanceCm = 50.0;       // the estimate at calibration...
    measured.knownDistanceCm = 60.0;  // ...was 5/6 of the measured distance
    FaceMeasurements near = posed(1.0, 0.0);
    near.distanceCm = 35.0;  // 42 cm once scaled
    const PostureReading r = classifyPosture(near, measured, PostureSettings{});
    CHECK(r.distanceCm == Approx(42.0));
    CHECK(r.state == PostureState::TooClose);  // though the face is no larger than at calibration

    FaceMeasurements fine = posed(1.25, 0.0);  // larger than at calibration...
    fine.distanceCm = 45.0;                    // ...but 54 cm away
    CHECK(classifyPosture(fine, measured, PostureSettings{}).distanceCm == Approx(54.0));
    CHECK(classify(fine, PostureState::Good, measured) == PostureState::Good);
    // Leaving too close needs 45 / 0.8 = 56.25 cm.
    CHECK(classify(fine, PostureState::TooClose, measured) == PostureState::TooClose);
    fine.distanceCm = 48.0;  // 57.6 cm
    CHECK(classify(fine, PostureState::TooClose, measured) == PostureState::Good);
}

TEST_CASE("tilted: roll beyond the person's own range from upright to the calibrated roll") {
    PostureBaseline leaning = baseline();
    leaning.rollDeg = 4.0;  // habitual range: 0..4 degrees
    const PostureReading r = classifyPosture(posed(1.0, 0.0, 15.0), leaning, PostureSettings{});
    CHECK(r.rollDeltaDeg == Approx(11.0));
    CHECK(r.state == PostureState::Tilted);
    CHECK(classify(posed(1.0, 0.0, 14.0), PostureState::Good, leaning) == PostureState::Tilted);  // exactly 10
    CHECK(classify(posed(1.0, 0.0, 13.0), PostureState::Good, leaning) == PostureState::Good);
    // Calibrated at +4 and now at -7: less than 10 degrees from upright, a talker's swing.
    CHECK(classifyPosture(posed(1.0, 0.0, -7.0), leaning, PostureSettings{}).rollDeltaDeg == Approx(-7.0));
    CHECK(classify(posed(1.0, 0.0, -7.0), PostureState::Good, leaning) == PostureState::Good);
    CHECK(classify(posed(1.0, 0.0, -10.0), PostureState::Good, leaning) == PostureState::Tilted);
    // Inside the habitual range nothing counts.
    CHECK(classifyPosture(posed(1.0, 0.0, 2.0), leaning, PostureSettings{}).rollDeltaDeg == Approx(0.0));
    CHECK(classify(posed(1.0, 0.0, 1.0), PostureState::Good, leaning) == PostureState::Good);
    CHECK(classify(posed(1.0, 0.35, 20.0)) == PostureState::Slouch);  // slouch outranks tilt
}

TEST_CASE("tilted: a head coming back toward upright is not tilted, and the hysteresis stays") {
    PostureBaseline habitual = baseline();
    habitual.rollDeg = -12.0;  // calibrated leaning 12 degrees (allowed up to 20)
    CHECK(classify(posed(1.0, 0.0, 0.0), PostureState::Good, habitual) == PostureState::Good);  // upright
    CHECK(classify(posed(1.0, 0.0, 9.0), PostureState::Good, habitual) == PostureState::Good);
    CHECK(classify(posed(1.0, 0.0, 10.0), PostureState::Good, habitual) == PostureState::Tilted);  // past upright
    CHECK(classify(posed(1.0, 0.0, -22.0), PostureState::Good, habitual) == PostureState::Tilted);
    CHECK(classify(posed(1.0, 0.0, -21.0), PostureState::Good, habitual) == PostureState::Good);
    // Leaving tilted needs the excess back under 0.8 x 10 degrees.
    CHECK(classify(posed(1.0, 0.0, -20.5), PostureState::Tilted, habitual) == PostureState::Tilted);
    CHECK(classify(posed(1.0, 0.0, -19.5), PostureState::Tilted, habitual) == PostureState::Good);
}

TEST_CASE("unknown when the face is turned too far or there is no usable baseline") {
    CHECK(classify(face(50.0, 200.0, 0.0, 30.0)) == PostureState::Unknown);
    CHECK(classify(face(55.0, 212.5, 0.0, -30.0)) == PostureState::Unknown);  // forward head if frontal
    CHECK(classify(face(50.0, 200.0, 0.0, 25.0)) == PostureState::Good);      // at the limit: judged
    PostureBaseline none = baseline();
    none.iodPx = 0.0;
    CHECK(classify(posed(1.0, 0.0), PostureState::Good, none) == PostureState::Unknown);
}

TEST_CASE("a turned head does not read as leaning back when the pose is known") {
    const double turnedIod = 50.0 * std::cos(20.0 * CV_PI / 180.0);
    CHECK(classifyPosture(face(turnedIod, 200.0, 0.0, 20.0, true), baseline(), PostureSettings{}).scale == Approx(1.0));
    CHECK(classifyPosture(face(turnedIod, 200.0, 0.0, 20.0, false), baseline(), PostureSettings{}).scale ==
          Approx(std::cos(20.0 * CV_PI / 180.0)));
    // Close and turned: too close once corrected.
    CHECK(classify(face(62.5 * std::cos(20.0 * CV_PI / 180.0), 200.0, 0.0, 20.0, true)) == PostureState::TooClose);
}

TEST_CASE("hysteresis: between exit and entry thresholds a state is kept but not entered") {
    SECTION("forward head: exit at scale 1.064 and drop 0.16") {
        const FaceMeasurements between = posed(1.07, 0.18);
        CHECK(classify(between, PostureState::ForwardHead) == PostureState::ForwardHead);
        CHECK(classify(between, PostureState::Good) == PostureState::Good);
        CHECK(classify(posed(1.06, 0.18), PostureState::ForwardHead) == PostureState::Good);
        CHECK(classify(posed(1.07, 0.15), PostureState::ForwardHead) == PostureState::Good);
    }
    SECTION("slouch: exit at drop 0.24") {
        const FaceMeasurements between = posed(1.0, 0.25);
        CHECK(classify(between, PostureState::Slouch) == PostureState::Slouch);
        CHECK(classify(between, PostureState::Good) == PostureState::Good);
        CHECK(classify(posed(1.0, 0.23), PostureState::Slouch) == PostureState::Good);
    }
    SECTION("too close: exit at scale 1.16") {
        const FaceMeasurements between = posed(1.18, 0.0);
        CHECK(classify(between, PostureState::TooClose) == PostureState::TooClose);
        CHECK(classify(between, PostureState::Good) == PostureState::Good);
        CHECK(classify(posed(1.15, 0.0), PostureState::TooClose) == PostureState::Good);
    }
    SECTION("tilted: exit at 8 degrees") {
        const FaceMeasurements between = posed(1.0, 0.0, -9.0);
        CHECK(classify(between, PostureState::Tilted) == PostureState::Tilted);
        CHECK(classify(between, PostureState::Good) == PostureState::Good);
        CHECK(classify(posed(1.0, 0.0, 7.0), PostureState::Tilted) == PostureState::Good);
    }
    SECTION("another state's thresholds are not relaxed") {
        CHECK(classify(posed(1.0, 0.25), PostureState::Tilted) == PostureState::Good);
        CHECK(classify(posed(1.0, 0.0, 9.0), PostureState::Slouch) == PostureState::Good);
    }
}

namespace {

// Tracker frames come every 1/8 s (exact in binary, so durations compare exactly): frame k is at k / 8 s.
double at(int k) {
    return k / 8.0;
}

// Frames k = first..last, all showing `m`; returns the state after the last one.
PostureState feed(PostureTracker& tracker, int first, int last, const std::optional<FaceMeasurements>& m) {
    PostureState state = tracker.state();
    for (int k = first; k <= last; ++k) state = tracker.update(at(k), m);
    return state;
}

const std::optional<FaceMeasurements> kNoFace;

}  // namespace

TEST_CASE("without a baseline the tracker reports unknown") {
    PostureTracker tracker;
    const FaceMeasurements m = posed(1.0, 0.0);
    CHECK(tracker.update(0.0, m) == PostureState::Unknown);
    CHECK(feed(tracker, 1, 40, m) == PostureState::Unknown);
    CHECK(tracker.lastReading().distanceCm == Approx(60.0));
}

TEST_CASE("the first frame sets the state; a new state must hold for minStateSec") {
    PostureTracker tracker;  // minStateSec 2
    tracker.setBaseline(baseline());
    CHECK(tracker.update(0.0, posed(1.0, 0.0)) == PostureState::Good);
    // Slouching from 1 s to 2.75 s (1.75 s): never reported.
    for (int k = 1; k <= 40; ++k) {
        const bool slouching = k >= 8 && k <= 22;
        CHECK(tracker.update(at(k), slouching ? posed(1.0, 0.4) : posed(1.0, 0.0)) == PostureState::Good);
    }
    // Slouching from 5.125 s on: still good after 1.875 s, reported once held 2 s.
    CHECK(feed(tracker, 41, 56, posed(1.0, 0.4)) == PostureState::Good);
    CHECK(tracker.update(at(57), posed(1.0, 0.4)) == PostureState::Slouch);
    CHECK(tracker.lastReading().state == PostureState::Slouch);
    CHECK(tracker.lastReading().dropIod == Approx(0.4));
}

TEST_CASE("a poor posture alternating with good faster than minStateSec is never reported") {
    PostureTracker tracker;
    tracker.setBaseline(baseline());
    tracker.update(0.0, posed(1.0, 0.0));
    for (int k = 1; k <= 160; ++k) {
        const bool slouch = (k / 12) % 2 == 0;  // 1.5 s slouching, 1.5 s upright, in turn
        CHECK(tracker.update(at(k), slouch ? posed(1.0, 0.4) : posed(1.0, 0.0)) == PostureState::Good);
    }
}

TEST_CASE("a lean that reads as forward head and slouch in turn is reported as the one that held longest") {
    PostureTracker tracker;
    tracker.setBaseline(baseline());
    tracker.update(0.0, posed(1.0, 0.0));
    // Three frames forward head, one frame slouch, in turn: never good, so 2 s after the first
    // frame away from good the state changes, to the reading seen longest.
    const auto lean = [](int k) { return k % 4 == 0 ? posed(1.0, 0.4) : posed(1.1, 0.25); };
    for (int k = 1; k <= 16; ++k) CHECK(tracker.update(at(k), lean(k)) == PostureState::Good);
    CHECK(tracker.update(at(17), lean(17)) == PostureState::ForwardHead);
    // The state being left for another poor one works the same way: two slouch frames to one
    // tilted, and slouch is reported 2 s on.
    const auto slump = [](int k) { return k % 3 == 0 ? posed(1.0, 0.0, 15.0) : posed(1.0, 0.4); };
    for (int k = 18; k <= 33; ++k) CHECK(tracker.update(at(k), slump(k)) == PostureState::ForwardHead);
    CHECK(tracker.update(at(34), slump(34)) == PostureState::Slouch);
}

TEST_CASE("the tracker applies hysteresis to the reported state") {
    PostureTracker tracker;
    tracker.setBaseline(baseline());
    CHECK(feed(tracker, 0, 24, posed(1.0, 0.4)) == PostureState::Slouch);  // the first frame sets it
    // Drop 0.25: below the slouch entry (0.3), above its exit (0.24): kept for as long as it lasts.
    CHECK(feed(tracker, 25, 100, posed(1.0, 0.25)) == PostureState::Slouch);
    // Clearly back: good after 2 s.
    CHECK(feed(tracker, 101, 116, posed(1.0, 0.1)) == PostureState::Slouch);
    CHECK(feed(tracker, 117, 117, posed(1.0, 0.1)) == PostureState::Good);
    // From good, the same in-between drop is not a slouch however long it lasts.
    CHECK(feed(tracker, 118, 240, posed(1.0, 0.25)) == PostureState::Good);
}

TEST_CASE("away after awayAfterSec without a face, which may differ from minStateSec") {
    PostureSettings settings;
    settings.awayAfterSec = 5.0;
    PostureTracker tracker(settings);
    tracker.setBaseline(baseline());
    CHECK(feed(tracker, 0, 8, posed(1.0, 0.0)) == PostureState::Good);
    CHECK(feed(tracker, 9, 48, kNoFace) == PostureState::Good);  // 4.875 s
    CHECK(tracker.update(at(49), kNoFace) == PostureState::Away);
    CHECK(tracker.lastReading().state == PostureState::Away);
    // Back: good again after minStateSec.
    CHECK(feed(tracker, 50, 65, posed(1.0, 0.0)) == PostureState::Away);
    CHECK(tracker.update(at(66), posed(1.0, 0.0)) == PostureState::Good);
}

TEST_CASE("default away needs 2 s without a face; a face in between restarts it") {
    PostureTracker tracker;
    tracker.setBaseline(baseline());
    feed(tracker, 0, 8, posed(1.0, 0.0));
    CHECK(feed(tracker, 9, 20, kNoFace) == PostureState::Good);
    CHECK(tracker.update(at(21), posed(1.0, 0.0)) == PostureState::Good);
    CHECK(feed(tracker, 22, 37, kNoFace) == PostureState::Good);  // 1.875 s
    CHECK(tracker.update(at(38), kNoFace) == PostureState::Away);
}

TEST_CASE("a face turned too far is unknown once it lasts") {
    PostureTracker tracker;
    tracker.setBaseline(baseline());
    const FaceMeasurements turned = face(50.0, 200.0, 0.0, 40.0);
    feed(tracker, 0, 8, posed(1.0, 0.0));
    CHECK(feed(tracker, 9, 24, turned) == PostureState::Good);
    CHECK(tracker.update(at(25), turned) == PostureState::Unknown);
    CHECK(tracker.lastReading().state == PostureState::Unknown);
}

TEST_CASE("a new baseline restarts the tracker: its first frame sets the state") {
    PostureTracker tracker;
    tracker.setBaseline(baseline());
    CHECK(feed(tracker, 0, 40, posed(1.0, 0.0)) == PostureState::Good);
    CHECK(tracker.update(at(41), posed(1.0, 0.4)) == PostureState::Good);
    // The user recalibrates sitting lower: that is the new good, at once.
    PostureBaseline lower = baseline();
    lower.eyeLineYPx = 220.0;
    tracker.setBaseline(lower);
    CHECK(tracker.update(at(42), posed(1.0, 0.4)) == PostureState::Good);
    // Back to the old baseline: the same frame is a slouch, at once.
    tracker.setBaseline(baseline());
    CHECK(tracker.update(at(43), posed(1.0, 0.4)) == PostureState::Slouch);
}
