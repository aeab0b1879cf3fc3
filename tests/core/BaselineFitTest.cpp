// BaselineFit on synthetic timelines at 10 fps: a recalibration is suggested only after enough
// measured time that mostly reads as off, not for good sitting, short lapses or time away, and
// not again before the reminder interval; a new baseline starts afresh.
#include "analysis/BaselineFit.h"

#include <catch2/catch.hpp>
#include <optional>

using namespace posesmart;

namespace {

constexpr double kStep = 0.1;

// Feeds `seconds` of `state` from `t`; returns the time of the first suggestion, if any.
std::optional<double> feed(BaselineFit& fit, double& t, double seconds, PostureState state) {
    std::optional<double> suggested;
    for (const double end = t + seconds; t < end - 1e-9; t += kStep) {
        if (fit.update(t, state) && !suggested) suggested = t;
    }
    return suggested;
}

}  // namespace

TEST_CASE("posture that reads as off for most of the sitting time suggests recalibrating") {
    BaselineFit fit;
    double t = 0.0;
    CHECK_FALSE(feed(fit, t, 9.0 * 60.0, PostureState::ForwardHead));  // not enough measured time yet
    const auto at = feed(fit, t, 2.0 * 60.0, PostureState::ForwardHead);
    REQUIRE(at);
    CHECK(*at == Approx(10.0 * 60.0).margin(0.5));
    CHECK(fit.offShare() == Approx(1.0));
    // Not again within the reminder interval, even though nothing changed...
    CHECK_FALSE(feed(fit, t, 60.0 * 60.0, PostureState::Slouch));
    // ...but again after it.
    CHECK(feed(fit, t, 61.0 * 60.0, PostureState::Slouch));
}

TEST_CASE("good sitting with lapses, and time away, suggest nothing") {
    BaselineFit fit;
    double t = 0.0;
    for (int i = 0; i < 30; ++i) {
        CHECK_FALSE(feed(fit, t, 50.0, PostureState::Good));
        CHECK_FALSE(feed(fit, t, 70.0, PostureState::Slouch));  // 58% off: a poor hour, not a bad baseline
    }
    CHECK(fit.offShare() == Approx(70.0 / 120.0).margin(0.05));
    BaselineFit away;
    double u = 0.0;
    CHECK_FALSE(feed(away, u, 3600.0, PostureState::Away));
    CHECK_FALSE(feed(away, u, 3600.0, PostureState::Unknown));
    CHECK(away.measuredSec() == 0.0);
}

TEST_CASE("the window is recent measured time: old good sitting is forgotten") {
    BaselineFit fit;
    double t = 0.0;
    CHECK_FALSE(feed(fit, t, 60.0 * 60.0, PostureState::Good));
    CHECK(fit.measuredSec() == Approx(20.0 * 60.0).margin(0.5));
    // Camera moved: from now on everything reads as too close. After 80% of the window the share is reached.
    const double moved = t;
    const auto at = feed(fit, t, 20.0 * 60.0, PostureState::TooClose);
    REQUIRE(at);
    CHECK(*at - moved == Approx(16.0 * 60.0).margin(1.0));
}

TEST_CASE("gaps between frames count at most a second; a new baseline starts afresh") {
    BaselineFit fit;
    double t = 0.0;
    fit.update(0.0, PostureState::Tilted);
    fit.update(3600.0, PostureState::Tilted);  // an hour without frames (paused) is one second
    CHECK(fit.measuredSec() == Approx(1.0));
    t = 3600.0;
    CHECK(feed(fit, t, 10.0 * 60.0, PostureState::Tilted));
    fit.reset();
    CHECK(fit.measuredSec() == 0.0);
    CHECK_FALSE(feed(fit, t, 9.0 * 60.0, PostureState::Tilted));
}
