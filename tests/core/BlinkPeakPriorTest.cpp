// BlinkDetector's cap on the threshold in the first seconds: under 60% of the person's usual blink
// peak, where, until three blinks are known, their own peaks count alongside the prior. A lively
// face (the open eyes' look wobbling as a talking face's does) puts the spread-based threshold near
// 0.30 for its first seconds; after a first blink peaking at 0.36 a shallower one peaking at 0.285
// must count: the person's first blink lowers the cap to 0.6 x (0.36 + 2 x 0.5) / 3 = 0.272, where a
// median of {0.36, 0.5, 0.5} would have left it at 0.30.
#include "analysis/BlinkDetector.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

using namespace posesmart;

namespace {

// The closure score the detector will see (half the appearance change: the EAR stays open), with a
// triangular dip of `peak` over 0.2 s at each start time.
double scoreAt(double t, const std::vector<std::pair<double, double>>& dips) {
    double score = 0.05 + 0.045 * std::sin(2.0 * M_PI * 3.1 * t);
    for (const auto& [start, peak] : dips) {
        const double x = (t - start) / 0.1;
        if (x > 0.0 && x < 2.0) score = std::max(score, peak * (1.0 - std::abs(x - 1.0)));
    }
    return score;
}

}  // namespace

TEST_CASE("the person's first blink counts towards the usual blink peak at once") {
    const std::vector<std::pair<double, double>> dips = {{1.0, 0.36}, {2.0, 0.285}};
    BlinkDetector detector;
    std::vector<Blink> blinks;
    double thresholdAtSecond = 0.0;
    for (int frame = 0; frame < 90; ++frame) {
        const double t = frame / 30.0;
        EyeSample sample;
        sample.frame = frame;
        sample.timestampSec = t;
        sample.usable = true;
        sample.earLeft = sample.earRight = 0.30;
        const double appearance = 2.0 * scoreAt(t, dips);
        sample.appearanceClosure = {appearance, appearance};
        sample.hasAppearance = true;
        const BlinkUpdate update = detector.update(sample);
        if (frame == 60) thresholdAtSecond = update.threshold;
        if (update.blink) blinks.push_back(*update.blink);
    }
    INFO("threshold at 2 s: " << thresholdAtSecond);
    CHECK(thresholdAtSecond == Approx(0.6 * (0.36 + 2 * 0.5) / 3).margin(0.01));
    REQUIRE(blinks.size() == 2);
    CHECK(blinks[0].startSec == Approx(1.05).margin(0.04));
    CHECK(blinks[1].startSec == Approx(2.05).margin(0.04));
}
