// BlinkRate on synthetic timelines: blinks per minute of observed time, unobserved frames and
// stalls adding no time, blinks and observed time leaving the rolling window, and the low-rate
// condition only once enough of the window was observed. Frames come every 0.5 s (exact in binary)
// so that sums of observed time are exact.
#include "analysis/BlinkRate.h"

#include <catch2/catch.hpp>

using namespace posesmart;

namespace {

constexpr double kStep = 0.5;

// Frames every kStep on (fromSec, toSec]; `observed` for all of them.
void addFrames(BlinkRate& rate, double fromSec, double toSec, bool observed) {
    const int steps = static_cast<int>((toSec - fromSec) / kStep + 0.5);
    for (int i = 1; i <= steps; ++i) rate.addFrame(fromSec + i * kStep, observed);
}

}  // namespace

TEST_CASE("no observed time: zero per minute, not low") {
    BlinkRate rate;
    CHECK(rate.perMinute() == 0.0);
    rate.addFrame(0.0, true);  // the first frame adds no time
    rate.addBlink(0.0);
    CHECK(rate.observedSec() == 0.0);
    CHECK(rate.perMinute() == 0.0);
    CHECK_FALSE(rate.low());
}

TEST_CASE("blinks per minute of observed time") {
    BlinkRate rate;
    rate.addFrame(0.0, true);
    for (int i = 0; i < 15; ++i) {
        addFrames(rate, i * 4.0, i * 4.0 + 2.0, true);
        rate.addBlink(i * 4.0 + 2.0);
        addFrames(rate, i * 4.0 + 2.0, (i + 1) * 4.0, true);
    }
    CHECK(rate.observedSec() == 60.0);
    CHECK(rate.perMinute() == Approx(15.0));
}

TEST_CASE("unobserved frames add no time") {
    BlinkRate rate;
    rate.addFrame(0.0, true);
    addFrames(rate, 0.0, 30.0, true);
    for (int i = 0; i < 10; ++i) rate.addBlink(10.0 + i);
    addFrames(rate, 30.0, 90.0, false);  // face lost for a minute
    addFrames(rate, 90.0, 120.0, true);
    CHECK(rate.observedSec() == 60.0);
    CHECK(rate.perMinute() == Approx(10.0));  // not 5 per minute over the two minutes
}

TEST_CASE("a stall between frames adds no time") {
    BlinkRate rate;
    rate.addFrame(0.0, true);
    addFrames(rate, 0.0, 20.0, true);
    rate.addFrame(30.0, true);  // 10 s without frames
    addFrames(rate, 30.0, 40.0, true);
    CHECK(rate.observedSec() == 30.0);
}

TEST_CASE("old blinks and old observed time leave the window") {
    BlinkRate rate;  // 180 s window
    rate.addFrame(0.0, true);
    for (int i = 0; i < 5; ++i) rate.addBlink(10.0);
    addFrames(rate, 0.0, 100.0, true);
    for (int i = 0; i < 9; ++i) rate.addBlink(100.0);
    addFrames(rate, 100.0, 189.5, true);
    CHECK(rate.observedSec() == 180.0);
    CHECK(rate.perMinute() == Approx(14 * 60.0 / 180.0));  // all 14 blinks still inside
    addFrames(rate, 189.5, 190.0, true);                   // the blinks at 10 s fall out now
    CHECK(rate.observedSec() == 180.0);
    CHECK(rate.perMinute() == Approx(9 * 60.0 / 180.0));
    addFrames(rate, 190.0, 280.0, true);  // and the ones at 100 s here
    CHECK(rate.perMinute() == 0.0);
}

TEST_CASE("low only once enough of the window was observed") {
    BlinkRate rate;  // needs 0.8 x 180 = 144 s observed
    rate.addFrame(0.0, true);
    addFrames(rate, 0.0, 143.5, true);
    CHECK(rate.perMinute() == 0.0);
    CHECK_FALSE(rate.low());
    addFrames(rate, 143.5, 144.5, true);
    CHECK(rate.low());
}

TEST_CASE("unobserved time does not count towards trusting the rate") {
    BlinkRate rate;
    rate.addFrame(0.0, true);
    addFrames(rate, 0.0, 100.0, true);
    addFrames(rate, 100.0, 180.0, false);
    CHECK(rate.observedSec() == 100.0);
    CHECK_FALSE(rate.low());
}

TEST_CASE("low below the threshold rate, not at or above it") {
    // 180 s observed; 8 per minute is 24 blinks.
    const auto rateWith = [](int blinks) {
        BlinkRate rate;
        rate.addFrame(0.0, true);
        for (int i = 0; i < blinks; ++i) rate.addBlink(1.0 + i);
        addFrames(rate, 0.0, 180.0, true);
        return rate;
    };
    const BlinkRate at = rateWith(24);
    CHECK(at.observedSec() == 180.0);
    CHECK(at.perMinute() == 8.0);
    CHECK_FALSE(at.low());
    const BlinkRate under = rateWith(23);
    CHECK(under.perMinute() == Approx(23.0 / 3.0));
    CHECK(under.low());
    CHECK_FALSE(rateWith(40).low());
}
