// PresenceTracker on synthetic timelines (one frame a second): present after a face, short
// absences bridged, longer ones making the user away, breaks (start = last face, end = return)
// restarting the sitting time, look-away rests and restTaken resetting the screen time only.
#include "analysis/Presence.h"

#include <catch2/catch.hpp>
#include <optional>
#include <vector>

using namespace posesmart;

namespace {

// One update a second on [fromSec, toSec]; returns the breaks reported and checks `present`
// against the last update's result.
std::vector<BreakTaken> feed(PresenceTracker& tracker, int fromSec, int toSec, bool faceSeen) {
    std::vector<BreakTaken> breaks;
    for (int t = fromSec; t <= toSec; ++t) {
        const PresenceUpdate update = tracker.update(t, faceSeen);
        CHECK(update.present == tracker.present());
        if (update.breakTaken) breaks.push_back(*update.breakTaken);
    }
    return breaks;
}

}  // namespace

TEST_CASE("nobody seen: not present") {
    PresenceTracker tracker;
    CHECK_FALSE(tracker.update(0.0, false).present);
    CHECK_FALSE(tracker.update(100.0, false).present);
    CHECK(tracker.sittingSec(100.0) == 0.0);
    CHECK(tracker.screenSec(100.0) == 0.0);
}

TEST_CASE("present from the first face; sitting and screen time count from it") {
    PresenceTracker tracker;
    const PresenceUpdate first = tracker.update(5.0, true);
    CHECK(first.present);
    CHECK_FALSE(first.breakTaken);  // the first face is not a return from a break
    CHECK(feed(tracker, 6, 65, true).empty());
    CHECK(tracker.sittingSec(65.0) == 60.0);
    CHECK(tracker.screenSec(65.0) == 60.0);
    CHECK(tracker.presentSec() == 60.0);
}

TEST_CASE("a short absence is bridged") {
    PresenceTracker tracker;  // bridge 15 s
    feed(tracker, 0, 10, true);
    feed(tracker, 11, 25, false);  // 15 s since the last face: still present
    CHECK(tracker.present());
    const auto breaks = feed(tracker, 26, 40, true);
    CHECK(breaks.empty());
    CHECK(tracker.present());
    CHECK(tracker.sittingSec(40.0) == 40.0);
    CHECK(tracker.screenSec(40.0) == 40.0);
}

TEST_CASE("a longer absence makes the user away") {
    PresenceTracker tracker;
    feed(tracker, 0, 10, true);
    feed(tracker, 11, 25, false);
    CHECK(tracker.present());
    CHECK_FALSE(tracker.update(26.0, false).present);  // 16 s > 15 s
    CHECK(tracker.sittingSec(26.0) == 0.0);
    CHECK(tracker.screenSec(26.0) == 0.0);
    // Bridged time counts, up to the update that found the user away.
    CHECK(tracker.presentSec() == 26.0);
}

TEST_CASE("coming back after a break reports it and restarts the sitting time") {
    PresenceTracker tracker;  // break 300 s
    feed(tracker, 0, 100, true);
    CHECK(tracker.sittingSec(100.0) == 100.0);
    CHECK(feed(tracker, 101, 399, false).empty());
    CHECK_FALSE(tracker.present());
    const PresenceUpdate back = tracker.update(400.0, true);
    CHECK(back.present);
    REQUIRE(back.breakTaken);
    CHECK(back.breakTaken->startSec == 100.0);
    CHECK(back.breakTaken->endSec == 400.0);
    CHECK(feed(tracker, 401, 410, true).empty());  // reported once
    CHECK(tracker.sittingSec(410.0) == 10.0);
    CHECK(tracker.screenSec(410.0) == 10.0);
}

TEST_CASE("an absence just short of a break is no break") {
    PresenceTracker tracker;
    feed(tracker, 0, 100, true);
    feed(tracker, 101, 398, false);
    const PresenceUpdate back = tracker.update(399.0, true);  // 299 s away
    CHECK(back.present);
    CHECK_FALSE(back.breakTaken);
    CHECK(tracker.sittingSec(410.0) == 410.0);  // the sitting stretch goes on
    CHECK(tracker.screenSec(410.0) == 11.0);    // but it was long enough to rest the eyes
}

TEST_CASE("looking away long enough rests the eyes but does not end the sitting stretch") {
    PresenceTracker tracker;  // look-away rest 20 s
    feed(tracker, 0, 100, true);
    feed(tracker, 101, 119, false);
    const PresenceUpdate back = tracker.update(120.0, true);  // 20 s away
    CHECK_FALSE(back.breakTaken);
    CHECK(tracker.sittingSec(130.0) == 130.0);
    CHECK(tracker.screenSec(130.0) == 10.0);
}

TEST_CASE("an absence shorter than the look-away rest changes neither time") {
    PresenceTracker tracker;
    feed(tracker, 0, 100, true);
    feed(tracker, 101, 118, false);  // away from 16 s on, but only 19 s in all
    CHECK_FALSE(tracker.present());
    tracker.update(119.0, true);
    CHECK(tracker.present());
    CHECK(tracker.sittingSec(130.0) == 130.0);
    CHECK(tracker.screenSec(130.0) == 130.0);
}

TEST_CASE("restTaken resets the screen time only") {
    PresenceTracker tracker;
    feed(tracker, 0, 1200, true);
    CHECK(tracker.screenSec(1200.0) == 1200.0);
    tracker.restTaken(1200.0);
    feed(tracker, 1201, 1260, true);
    CHECK(tracker.screenSec(1260.0) == 60.0);
    CHECK(tracker.sittingSec(1260.0) == 1260.0);
}
