// BlinkDetector on synthetic eye timelines, each fed at 30 fps and at 15 fps (the detector runs on
// timestamps only, so both rates must give the same events): a steady open-eye EAR of about 0.30
// with small deterministic noise, appearance closure near 0, and dips to EAR 0.10-0.12 with
// appearance closure 0.7 (score about 0.65, far above the 0.15 threshold floor that a steady face
// gets). Covers single and double blinks, long closures, unusable frames and frame gaps mid-dip
// (the event waits, or is reported unreadable), blinks in the first second, a threshold that does
// not ratchet up after lively stretches, a stream ending mid-blink, incomplete (shallow) blinks, a
// lowered gaze after a blink and EAR-only input.
// Also single-frame events (at 15 fps; at 30 fps one frame is a flicker), whose fields all come
// from their first frame.
#include "analysis/BlinkDetector.h"

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

using namespace posesmart;

namespace {

constexpr double kOpenEar = 0.30;
constexpr double kClosedEar = 0.12;   // over most of a dip...
constexpr double kLowestEar = 0.10;   // ...and at its lowest point
constexpr double kClosedLook = 0.70;  // appearance closure of shut eyes

// The eyes close over [startSec, endSec). Start times are on the 15 fps grid (multiples of 1/15 s)
// so both rates sample the same first and lowest frames; the EAR is lowest 1/15 s after the start.
struct Dip {
    double startSec;
    double endSec;
    double depth = 1.0;  // 1: fully closed; 0.5: half way
};

struct Timeline {
    double durationSec = 6.0;
    std::vector<Dip> dips;
    std::vector<std::pair<double, double>> unusable;  // [start, end): frames without a usable face
    std::vector<std::pair<double, double>> noFrames;  // (start, end): no frames at all
    bool hasAppearance = true;
    std::pair<double, double> lively{0.0, 0.0};  // [start, end): the look wobbles like a talking face's
};

struct Events {
    std::vector<Blink> blinks;
    std::vector<EyeClosure> closures;
    std::vector<EyeClosure> unreadable;
    double lastThreshold = 0.0;
};

bool within(double t, double start, double end) {
    return t >= start - 1e-9 && t < end - 1e-9;
}

EyeSample sampleAt(const Timeline& timeline, std::int64_t frame, double t) {
    // Open eyes: a little deterministic wobble, the same at any frame rate for the same moment.
    double ear = kOpenEar + 0.004 * std::sin(2.0 * M_PI * 1.3 * t) + 0.003 * std::sin(2.0 * M_PI * 4.7 * t + 0.5);
    double look = 0.03 + 0.01 * std::sin(2.0 * M_PI * 0.7 * t);
    if (within(t, timeline.lively.first, timeline.lively.second)) look += 0.15 + 0.15 * std::sin(2.0 * M_PI * 2.9 * t);
    for (const Dip& dip : timeline.dips) {
        if (!within(t, dip.startSec, dip.endSec)) continue;
        const double lowestSec = dip.startSec + 1.0 / 15.0;
        const double closedEar = std::min(kClosedEar, kLowestEar + 0.3 * std::abs(t - lowestSec));
        ear = kOpenEar - dip.depth * (kOpenEar - closedEar);
        look = dip.depth * kClosedLook;
    }
    EyeSample s;
    s.frame = frame;
    s.timestampSec = t;
    s.usable = std::none_of(timeline.unusable.begin(), timeline.unusable.end(),
                            [&](const auto& span) { return within(t, span.first, span.second); });
    s.earLeft = ear + 0.005;  // the two eyes differ a little; the detector uses their mean
    s.earRight = ear - 0.005;
    s.hasAppearance = timeline.hasAppearance;
    // Without appearance the closure values are meaningless and must be ignored.
    s.appearanceClosure = s.hasAppearance ? std::array<double, 2>{look, look} : std::array<double, 2>{0.9, 0.9};
    return s;
}

Events run(const Timeline& timeline, double fps) {
    BlinkDetector detector;
    Events events;
    const auto frames = static_cast<std::int64_t>(std::floor(timeline.durationSec * fps + 1e-6));
    for (std::int64_t frame = 0; frame <= frames; ++frame) {
        const double t = static_cast<double>(frame) / fps;
        const bool skipped = std::any_of(timeline.noFrames.begin(), timeline.noFrames.end(),
                                         [&](const auto& span) { return t > span.first && t < span.second; });
        if (skipped) continue;
        const BlinkUpdate update = detector.update(sampleAt(timeline, frame, t));
        CHECK_FALSE(update.relearnAppearance);
        if (update.blink) events.blinks.push_back(*update.blink);
        if (update.closure) events.closures.push_back(*update.closure);
        if (update.unreadable) events.unreadable.push_back(*update.unreadable);
        events.lastThreshold = update.threshold;
    }
    return events;
}

// The last frame of a dip ending at `endSec` (exclusive), at the given rate.
double lastFrameBefore(double endSec, double fps) {
    return (std::ceil(endSec * fps - 1e-6) - 1.0) / fps;
}

void checkBlink(const Blink& blink, const Dip& dip, double fps) {
    CAPTURE(fps, dip.startSec);
    CHECK(blink.startSec == Approx(dip.startSec).margin(1e-9));
    CHECK(blink.endSec == Approx(lastFrameBefore(dip.endSec, fps)).margin(1e-9));
    CHECK(blink.startFrame == std::llround(blink.startSec * fps));
    CHECK(blink.endFrame == std::llround(blink.endSec * fps));
    // Whole frames: the last one lasts until the next.
    CHECK(blink.durationMs == Approx((blink.endSec - blink.startSec + 1.0 / fps) * 1000.0));
    CHECK(blink.durationMs >= 100.0);
    CHECK(blink.durationMs <= 500.0);
}

// The lowest mean EAR of a dip (sampled at both rates).
double lowestEar(const Dip& dip) {
    return kOpenEar - dip.depth * (kOpenEar - kLowestEar);
}

const double kRates[] = {30.0, 15.0};

}  // namespace

TEST_CASE("closure score: half the EAR drop below the open baseline, half the appearance") {
    for (bool hasAppearance : {true, false}) {
        CAPTURE(hasAppearance);
        BlinkDetector detector;
        EyeSample s;
        s.usable = true;
        s.hasAppearance = hasAppearance;
        s.earLeft = 0.28;
        s.earRight = 0.32;
        s.appearanceClosure = {0.02, 0.06};
        // The first frame is its own baseline: no EAR drop. It shows open eyes and becomes the baseline.
        const BlinkUpdate first = detector.update(s);
        CHECK(first.score == Approx(hasAppearance ? 0.02 : 0.0).margin(1e-12));
        CHECK(first.eyesOpen);
        s.frame = 1;
        s.timestampSec = 1.0 / 30.0;
        s.earLeft = 0.14;  // mean 0.15: half the open 0.30
        s.earRight = 0.16;
        s.appearanceClosure = {0.5, 0.7};
        CHECK(detector.update(s).score == Approx(hasAppearance ? 0.5 * 0.5 + 0.5 * 0.6 : 0.5));
    }
}

TEST_CASE("steady open eyes: no events, the threshold at its floor") {
    Timeline timeline;
    timeline.durationSec = 10.0;
    for (double fps : kRates) {
        CAPTURE(fps);
        const Events events = run(timeline, fps);
        CHECK(events.blinks.empty());
        CHECK(events.closures.empty());
        CHECK(events.lastThreshold == Approx(BlinkSettings{}.minThreshold));
    }
}

TEST_CASE("a 150 ms dip is one complete blink around the dip") {
    Timeline timeline;
    timeline.dips = {{2.0, 2.15}};
    for (double fps : kRates) {
        CAPTURE(fps);
        const Events events = run(timeline, fps);
        CHECK(events.closures.empty());
        REQUIRE(events.blinks.size() == 1);
        const Blink& blink = events.blinks[0];
        checkBlink(blink, timeline.dips[0], fps);
        CHECK(blink.endSec == Approx(2.0 + 2.0 / 15.0));
        CHECK(blink.complete);
    }
}

TEST_CASE("30 fps and 15 fps give the same events") {
    Timeline timeline;
    timeline.durationSec = 12.0;
    timeline.dips = {{2.0, 2.15}, {3.2, 3.5}, {5.0, 6.5}, {8.0, 8.1}};
    const Events fast = run(timeline, 30.0);
    const Events slow = run(timeline, 15.0);
    REQUIRE(fast.blinks.size() == 3);
    REQUIRE(slow.blinks.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CAPTURE(i);
        CHECK(fast.blinks[i].startSec == Approx(slow.blinks[i].startSec).margin(1e-9));
        CHECK(fast.blinks[i].endSec == Approx(slow.blinks[i].endSec).margin(1e-9));
        CHECK(fast.blinks[i].minEar == Approx(slow.blinks[i].minEar).margin(1e-9));
        CHECK(fast.blinks[i].complete == slow.blinks[i].complete);
    }
    CHECK(fast.blinks[0].startSec == Approx(2.0));
    CHECK(fast.blinks[1].startSec == Approx(3.2));
    CHECK(fast.blinks[2].startSec == Approx(8.0));
    REQUIRE(fast.closures.size() == 1);
    REQUIRE(slow.closures.size() == 1);
    CHECK(fast.closures[0].startSec == Approx(slow.closures[0].startSec).margin(1e-9));
    CHECK(fast.closures[0].endSec == Approx(slow.closures[0].endSec).margin(1e-9));
}

TEST_CASE("a 1.5 s dip is an eye closure, not a blink") {
    Timeline timeline;
    timeline.dips = {{3.0, 4.5}};
    for (double fps : kRates) {
        CAPTURE(fps);
        const Events events = run(timeline, fps);
        CHECK(events.blinks.empty());
        REQUIRE(events.closures.size() == 1);
        const EyeClosure& closure = events.closures[0];
        CHECK(closure.startSec == Approx(3.0).margin(1e-9));
        CHECK(closure.endSec == Approx(lastFrameBefore(4.5, fps)).margin(1e-9));
        CHECK(closure.startFrame == std::llround(3.0 * fps));
        CHECK(closure.endFrame == std::llround(closure.endSec * fps));
    }
}

TEST_CASE("blink or closure: the 0.5 s limit") {
    Timeline timeline;
    timeline.dips = {{2.0, 2.5}, {4.0, 4.6}};  // last frames 0.4667 s and 0.5333 s after the start
    for (double fps : kRates) {
        CAPTURE(fps);
        const Events events = run(timeline, fps);
        REQUIRE(events.blinks.size() == 1);
        CHECK(events.blinks[0].startSec == Approx(2.0));
        REQUIRE(events.closures.size() == 1);
        CHECK(events.closures[0].startSec == Approx(4.0));
    }
}

TEST_CASE("a blink followed by a lowered gaze ends where it left the peak") {
    // Full closure for 0.15 s, then the lids stay half down (score about 0.44: under 0.8 of the
    // peak, over half of it) for 0.85 s before the eyes open fully.
    Timeline timeline;
    timeline.dips = {{2.0, 2.15}, {2.15, 3.0, 0.65}};
    for (double fps : kRates) {
        CAPTURE(fps);
        const Events events = run(timeline, fps);
        CHECK(events.closures.empty());
        REQUIRE(events.blinks.size() == 1);
        checkBlink(events.blinks[0], timeline.dips[0], fps);
    }
}

TEST_CASE("unusable frames in the middle of a dip (a head turn) pause it: the blink is found") {
    Timeline timeline;
    timeline.dips = {{2.0, 2.2}, {4.0, 4.15}};
    timeline.unusable = {{2.06, 2.14}};
    for (double fps : kRates) {
        CAPTURE(fps);
        const Events events = run(timeline, fps);
        CHECK(events.closures.empty());
        CHECK(events.unreadable.empty());
        REQUIRE(events.blinks.size() == 2);
        CHECK(events.blinks[0].startSec == Approx(2.0));
        CHECK(events.blinks[0].endSec <= lastFrameBefore(2.2, fps) + 1e-9);
        CHECK(events.blinks[1].startSec == Approx(4.0));
    }
}

TEST_CASE("an eye closure during a head turn is still a closure") {
    Timeline timeline;
    timeline.dips = {{3.0, 4.2}};
    timeline.unusable = {{3.3, 3.8}};
    for (double fps : kRates) {
        CAPTURE(fps);
        const Events events = run(timeline, fps);
        CHECK(events.blinks.empty());
        CHECK(events.unreadable.empty());
        REQUIRE(events.closures.size() == 1);
        CHECK(events.closures[0].startSec == Approx(3.0));
        CHECK(events.closures[0].endSec == Approx(lastFrameBefore(4.2, fps)).margin(1e-9));
    }
}

TEST_CASE("eyes seen closing, then the face lost for over a second: reported unreadable") {
    Timeline timeline;
    timeline.durationSec = 8.0;
    timeline.dips = {{3.0, 3.15}, {6.0, 6.15}};
    timeline.unusable = {{3.1, 5.0}};
    for (double fps : kRates) {
        CAPTURE(fps);
        const Events events = run(timeline, fps);
        CHECK(events.closures.empty());
        REQUIRE(events.unreadable.size() == 1);
        CHECK(events.unreadable[0].startSec == Approx(3.0));
        CHECK(events.unreadable[0].endSec < 3.1);
        REQUIRE(events.blinks.size() == 1);  // and the next blink counts
        CHECK(events.blinks[0].startSec == Approx(6.0));
    }
}

TEST_CASE("a gap between frames in the middle of a dip") {
    Timeline timeline;
    timeline.dips = {{2.0, 2.5}};
    SECTION("without the gap: a blink") {
        for (double fps : kRates) {
            CAPTURE(fps);
            const Events events = run(timeline, fps);
            REQUIRE(events.blinks.size() == 1);
            CHECK(events.blinks[0].startSec == Approx(2.0));
        }
    }
    SECTION("a stall under a second: the same blink") {
        timeline.noFrames = {{2.05, 2.4}};
        for (double fps : kRates) {
            CAPTURE(fps);
            const Events events = run(timeline, fps);
            REQUIRE(events.blinks.size() == 1);
            CHECK(events.blinks[0].startSec == Approx(2.0));
        }
    }
    SECTION("a stall over a second: unreadable") {
        timeline.durationSec = 5.0;
        timeline.noFrames = {{2.05, 3.5}};
        for (double fps : kRates) {
            CAPTURE(fps);
            const Events events = run(timeline, fps);
            CHECK(events.blinks.empty());
            CHECK(events.closures.empty());
            REQUIRE(events.unreadable.size() == 1);
            CHECK(events.unreadable[0].startSec == Approx(2.0));
        }
    }
}

TEST_CASE("two blinks 0.4 s apart are two blinks") {
    Timeline timeline;
    timeline.dips = {{2.0, 2.15}, {2.4, 2.55}};
    for (double fps : kRates) {
        CAPTURE(fps);
        const Events events = run(timeline, fps);
        CHECK(events.closures.empty());
        REQUIRE(events.blinks.size() == 2);
        checkBlink(events.blinks[0], timeline.dips[0], fps);
        checkBlink(events.blinks[1], timeline.dips[1], fps);
        CHECK(events.blinks[0].complete);
        CHECK(events.blinks[1].complete);
    }
}

TEST_CASE("blinks count from the first second, and after the face comes back") {
    Timeline timeline;
    timeline.durationSec = 14.0;
    timeline.dips = {{0.4, 0.55}, {1.0, 1.15}, {10.0, 10.15}};
    timeline.unusable = {{3.0, 9.5}};  // away for 6.5 s
    for (double fps : kRates) {
        CAPTURE(fps);
        const Events events = run(timeline, fps);
        REQUIRE(events.blinks.size() == 3);
        for (std::size_t i = 0; i < 3; ++i) checkBlink(events.blinks[i], timeline.dips[i], fps);
    }
}

TEST_CASE("the threshold does not ratchet up after a lively stretch") {
    // 15 s of a lively, talking face (its score swings by 0.15 around 0.1: the adaptive threshold
    // alone would reach its 0.45 ceiling), then calm, with lighter blinks (score about 0.41).
    Timeline timeline;
    timeline.durationSec = 26.0;
    timeline.lively = {0.0, 15.0};
    timeline.dips = {{3.0, 3.15, 0.6},   {8.0, 8.15, 0.6},   {16.0, 16.15, 0.6},
                     {18.0, 18.15, 0.6}, {20.0, 20.15, 0.6}, {22.0, 22.15, 0.6}};
    for (double fps : kRates) {
        CAPTURE(fps);
        const Events events = run(timeline, fps);
        CHECK(events.closures.empty());
        REQUIRE(events.blinks.size() == timeline.dips.size());
        for (std::size_t i = 0; i < timeline.dips.size(); ++i) checkBlink(events.blinks[i], timeline.dips[i], fps);
        CHECK(events.lastThreshold <= 0.6 * 0.42);
    }
}

TEST_CASE("a one-frame flicker at 30 fps is not a blink") {
    Timeline timeline;
    timeline.dips = {{2.0, 2.02}, {3.0, 3.15}};
    const Events events = run(timeline, 30.0);
    REQUIRE(events.blinks.size() == 1);
    CHECK(events.blinks[0].startSec == Approx(3.0));
}

TEST_CASE("a stream that ends mid-blink gives no blink") {
    Timeline timeline;
    timeline.dips = {{4.0, 4.15}};
    SECTION("ends with the eyes shut") {
        timeline.durationSec = 4.1;
        for (double fps : kRates) {
            CAPTURE(fps);
            const Events events = run(timeline, fps);
            CHECK(events.blinks.empty());
            CHECK(events.closures.empty());
        }
    }
    SECTION("the same blink, seen reopening") {
        timeline.durationSec = 4.4;
        for (double fps : kRates) {
            CAPTURE(fps);
            CHECK(run(timeline, fps).blinks.size() == 1);
        }
    }
}

TEST_CASE("a shallow dip after full ones is an incomplete blink") {
    // Peaks: full dips score about 0.68; the half-depth one about 0.34, under 0.6 x the median of
    // the earlier peaks, but still well over the 0.15 threshold.
    Timeline timeline;
    timeline.durationSec = 8.0;
    timeline.dips = {{2.0, 2.15}, {3.0, 3.15}, {4.0, 4.15}, {5.0, 5.15, 0.5}, {6.0, 6.15}};
    for (double fps : kRates) {
        CAPTURE(fps);
        const Events events = run(timeline, fps);
        REQUIRE(events.blinks.size() == 5);
        for (std::size_t i = 0; i < 5; ++i) checkBlink(events.blinks[i], timeline.dips[i], fps);
        CHECK(events.blinks[0].complete);
        CHECK(events.blinks[1].complete);
        CHECK(events.blinks[2].complete);
        CHECK_FALSE(events.blinks[3].complete);
        CHECK(events.blinks[4].complete);
    }
}

TEST_CASE("a first blink is complete whatever its depth") {
    Timeline timeline;
    timeline.dips = {{2.0, 2.15, 0.5}};
    for (double fps : kRates) {
        CAPTURE(fps);
        const Events events = run(timeline, fps);
        REQUIRE(events.blinks.size() == 1);
        checkBlink(events.blinks[0], timeline.dips[0], fps);
        CHECK(events.blinks[0].complete);
    }
}

TEST_CASE("without the eyes' appearance a deep EAR dip alone gives the same events") {
    Timeline timeline;
    timeline.durationSec = 12.0;
    timeline.dips = {{2.0, 2.15}, {2.4, 2.55}, {4.0, 4.15}, {5.0, 5.15, 0.5}, {7.0, 8.5}, {10.0, 10.2}};
    for (double fps : kRates) {
        CAPTURE(fps);
        const Events withLook = run(timeline, fps);
        timeline.hasAppearance = false;
        const Events earOnly = run(timeline, fps);
        timeline.hasAppearance = true;
        REQUIRE(withLook.blinks.size() == 5);
        REQUIRE(earOnly.blinks.size() == 5);
        for (std::size_t i = 0; i < 5; ++i) {
            CAPTURE(i);
            CHECK(earOnly.blinks[i].startFrame == withLook.blinks[i].startFrame);
            CHECK(earOnly.blinks[i].endFrame == withLook.blinks[i].endFrame);
            CHECK(earOnly.blinks[i].minEar == Approx(withLook.blinks[i].minEar).margin(1e-9));
            CHECK(earOnly.blinks[i].complete == withLook.blinks[i].complete);
        }
        CHECK_FALSE(earOnly.blinks[3].complete);
        REQUIRE(withLook.closures.size() == 1);
        REQUIRE(earOnly.closures.size() == 1);
        CHECK(earOnly.closures[0].startFrame == withLook.closures[0].startFrame);
        CHECK(earOnly.closures[0].endFrame == withLook.closures[0].endFrame);
        CHECK(earOnly.closures[0].startSec == Approx(7.0));
    }
}

// Single-frame events (at 15 fps: at 30 fps one frame is under minBlinkSec): all of the event's
// fields set from its first frame.

TEST_CASE("minEar is the lowest mean EAR during the blink") {
    Timeline timeline;
    timeline.dips = {{2.0, 2.15}, {3.0, 3.15, 0.5}};
    for (double fps : kRates) {
        CAPTURE(fps);
        const Events events = run(timeline, fps);
        REQUIRE(events.blinks.size() == 2);
        CHECK(events.blinks[0].minEar == Approx(lowestEar(timeline.dips[0])).margin(1e-9));  // 0.10
        CHECK(events.blinks[1].minEar == Approx(lowestEar(timeline.dips[1])).margin(1e-9));  // 0.20
    }
}

TEST_CASE("a one-frame dip seen reopened on a single frame is not a blink yet") {
    Timeline timeline;
    timeline.dips = {{2.0, 2.02}};  // only the frame at 2.0 s
    for (double fps : {15.0}) {
        timeline.durationSec = 2.0 + 1.0 / fps;  // one reopened frame, under confirmSec of reopening
        CHECK(run(timeline, fps).blinks.empty());
        timeline.durationSec = 2.0 + 2.0 / fps;  // confirmed
        CHECK(run(timeline, fps).blinks.size() == 1);
    }
}

TEST_CASE("a one-frame full blink after full ones is complete") {
    Timeline timeline;
    timeline.dips = {{2.0, 2.15}, {3.0, 3.15}, {4.0, 4.15}, {5.0, 5.02}};  // the last one: one frame
    for (double fps : {15.0}) {
        const Events events = run(timeline, fps);
        REQUIRE(events.blinks.size() == 4);
        CHECK(events.blinks[3].startSec == Approx(5.0));
        CHECK(events.blinks[3].endSec == Approx(5.0));
        CHECK(events.blinks[3].complete);  // its score (0.65) is well over 0.6 x the usual peak (0.68)
    }
}

TEST_CASE("a lasting change of the eyes' look with a blink in it is relearnt, and later blinks count") {
    // From 3 s the eyes look different (say, glasses on): appearance closure 0.6 while the EAR
    // stays open, and a blink at 3.5 s on top of it. The caller replaces the appearance templates
    // when told to (as SessionAnalyzer does), after which the look reads as open again.
    for (double fps : kRates) {
        CAPTURE(fps);
        Timeline timeline;
        timeline.dips = {{3.5, 3.65}, {10.0, 10.15}};
        BlinkDetector detector;
        bool relearnt = false;
        double relearntAt = 0.0;
        std::vector<Blink> blinks;
        for (std::int64_t frame = 0; frame <= static_cast<std::int64_t>(12.0 * fps); ++frame) {
            const double t = static_cast<double>(frame) / fps;
            EyeSample sample = sampleAt(timeline, frame, t);
            if (t >= 3.0 && !relearnt) {
                for (double& look : sample.appearanceClosure) look = std::max(look, 0.6);
            }
            const BlinkUpdate update = detector.update(sample);
            if (update.relearnAppearance && !relearnt) {
                relearnt = true;
                relearntAt = t;
            }
            if (update.blink) blinks.push_back(*update.blink);
        }
        REQUIRE(relearnt);
        CHECK(relearntAt >= 3.0 + detector.settings().appearanceChangeSec);
        CHECK(relearntAt < 3.0 + detector.settings().appearanceChangeSec + 1.0);
        REQUIRE_FALSE(blinks.empty());
        CHECK(blinks.back().startSec == Approx(10.0));
    }
}
