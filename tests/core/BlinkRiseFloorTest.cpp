// BlinkDetector's rise test on a noisy plateau: a blink, then the eyes lowered for 1.5 s (a lowered
// gaze, or a squint while smiling: the lids half down), read through sensor noise in dim light, so
// the closure score wanders by +-0.08 around 0.30 while the threshold of a calm face is at its
// floor of 0.15. A new event needs the score to rise clearly above where it was: measured from the
// median of the frames before the rise, the noise never rises 0.13; measured from the lowest
// noisy frame, as before, it did, and the lowered gaze gave false blinks. The blink before it and
// the one after it count.
#include "analysis/BlinkDetector.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <random>
#include <vector>

using namespace posesmart;

namespace {

// The closure score the detector will see (the appearance change at twice the score: the EAR stays
// open): open eyes at 0.02, blinks of 0.2 s closing and reopening in 1/15 s each (0.6 when shut),
// and the lowered eyes.
double scoreAt(double t, double noise) {
    for (const double start : {3.0, 6.0}) {
        if (t > start && t < start + 0.2) return 0.6 * std::min({1.0, (t - start) * 15.0, (start + 0.2 - t) * 15.0});
    }
    if (t >= 3.2 && t < 4.7) return 0.30 + noise;
    return 0.02;
}

}  // namespace

TEST_CASE("a lowered gaze read through noise gives no blink of its own") {
    for (const double fps : {30.0, 15.0}) {
        CAPTURE(fps);
        BlinkDetector detector;
        std::mt19937 random(20261203);
        std::uniform_real_distribution<double> noise(-0.08, 0.08);
        std::vector<Blink> blinks;
        int closures = 0;
        for (int frame = 0; frame < static_cast<int>(8.0 * fps); ++frame) {
            const double t = frame / fps;
            EyeSample sample;
            sample.frame = frame;
            sample.timestampSec = t;
            sample.usable = true;
            sample.earLeft = sample.earRight = 0.30;
            const double appearance = 2.0 * scoreAt(t, noise(random));
            sample.appearanceClosure = {appearance, appearance};
            sample.hasAppearance = true;
            const BlinkUpdate update = detector.update(sample);
            if (update.blink) blinks.push_back(*update.blink);
            if (update.closure) ++closures;
        }
        CHECK(closures == 0);
        REQUIRE(blinks.size() == 2);
        CHECK(blinks[0].startSec == Approx(3.05).margin(0.07));
        CHECK(blinks[1].startSec == Approx(6.05).margin(0.07));
    }
}
