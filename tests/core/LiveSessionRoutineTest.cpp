// LiveSession with simulated time (LiveSessionHarness): a face that never moves is called a picture,
// and guided routines (they need a calibration, hold alerts, show their progress, count as a break,
// one at a time).
#include "LiveSessionHarness.h"

#include <catch2/catch.hpp>

using namespace posesmart;
using namespace posesmart::test::session;

TEST_CASE("a face that neither blinks nor moves for two minutes is a picture: not measured, not recorded, said") {
    const auto db = test::scratchDir("session-picture") / "history.db";
    Run run(db);
    run.session->startCalibration(10.0);
    run.play(11.0);
    REQUIRE(run.session->baseline());
    run.play(119.0, kForwardHead, true, false);  // a photo of someone leaning in, from stream time 11 s
    REQUIRE(run.observer.lastStatus);
    CHECK_FALSE(run.observer.lastStatus->picture);
    CHECK(run.observer.lastStatus->present);
    CHECK(run.observer.lastStatus->posture == PostureState::ForwardHead);
    run.play(60.0, kForwardHead, true, false);
    CHECK(run.observer.lastStatus->picture);
    CHECK(run.observer.lastStatus->faceSeen);
    CHECK_FALSE(run.observer.lastStatus->recording);
    CHECK_FALSE(run.observer.lastStatus->present);                  // gone once the 15 s bridge has passed
    CHECK(run.observer.lastStatus->posture == PostureState::Away);  // not judged as leaning in
    run.play(20.0);                                                 // a person moves in front of the camera again
    CHECK_FALSE(run.observer.lastStatus->picture);
    CHECK(run.observer.lastStatus->recording);
    CHECK(run.observer.lastStatus->present);
    run.session->finish(run.utc());
    // Present: the 11 s, the photo's first two minutes, the 15 s bridge, and the person's 20 s.
    CHECK(presentSecOf(db, "me") == Approx(11.0 + 120.0 + 15.0 + 20.0).margin(0.5));
}

TEST_CASE("a guided routine: needs a calibration, silences alerts, shows its progress, and counts as a break") {
    const auto db = test::scratchDir("session-routine") / "history.db";
    const Routine tiltLeft{"test", "Test", {RoutineStep{RoutineTarget::TiltLeft, 15.0, 5.0, 1, 30.0}}};
    Run run(db);
    CHECK_FALSE(run.session->startRoutine(tiltLeft));  // its targets are relative to a calibration
    run.session->startCalibration(10.0);
    run.play(11.0);
    REQUIRE(run.session->baseline());
    run.play(20.0, kForwardHead);  // the forward-head alert would come at about 43 s
    REQUIRE(run.session->startRoutine(tiltLeft));
    CHECK_FALSE(run.session->startRoutine(tiltLeft));  // one at a time
    run.play(20.0, kForwardHead);
    CHECK(run.observer.alerts.empty());
    REQUIRE(run.observer.lastStatus->routine);
    CHECK(run.observer.lastStatus->routine->routineId == "test");
    CHECK(run.observer.lastStatus->routine->steps == 1);
    CHECK(run.observer.lastStatus->routine->current.target == RoutineTarget::TiltLeft);
    CHECK_FALSE(run.observer.lastStatus->routine->onTarget);
    run.play(3.0, Pose{1.0, 0.0, 20.0});
    CHECK(run.observer.lastStatus->routine->onTarget);
    CHECK(run.observer.lastStatus->routine->holdProgress == Approx(2.9 / 5.0).margin(0.03));
    run.play(2.2, Pose{1.0, 0.0, 20.0});
    REQUIRE(run.observer.routines.size() == 1);
    const RoutineSummary& done = run.observer.routines[0];
    CHECK(done.completed);
    CHECK_FALSE(done.stopped);
    CHECK(done.stepsDone == 1);
    CHECK(done.startSec == Approx(31.0).margin(0.01));
    CHECK(done.endSec == Approx(56.0).margin(0.15));
    CHECK(run.observer.alerts.empty());
    run.play(1.0);
    CHECK_FALSE(run.observer.lastStatus->routine);
    CHECK(run.observer.lastStatus->sittingSec < 1.5);  // the routine was a break
    REQUIRE(run.observer.breaks.size() == 1);
    CHECK(run.observer.breaks[0].startSec == Approx(done.startSec));
    run.session->finish(run.utc());
    const auto events = eventsOf(db, "me");
    CHECK(std::count_if(events.begin(), events.end(),
                        [](const HistoryEvent& e) { return e.kind == EventKind::Break; }) == 1);
    HistoryStore store(db);
    const auto routines = store.routines(store.profileId("me"), kStartUtc, kStartUtc + 3600.0);
    REQUIRE(routines.size() == 1);
    CHECK(routines[0].routineId == "test");
    CHECK(routines[0].startUtcSec == Approx(kStartUtc + done.startSec));
    CHECK(routines[0].endUtcSec == Approx(kStartUtc + done.endSec));
    CHECK(routines[0].steps == 1);
    CHECK(routines[0].stepsDone == 1);
    CHECK(routines[0].completed);
}

TEST_CASE("a guided routine ended early with one command") {
    const Routine routine{"test",
                          "Test",
                          {RoutineStep{RoutineTarget::TiltLeft, 15.0, 5.0, 1, 30.0},
                           RoutineStep{RoutineTarget::TiltRight, 15.0, 5.0, 1, 30.0}}};
    Run run(test::scratchDir("session-routine-stop") / "history.db");
    run.session->startCalibration(10.0);
    run.play(11.0);
    REQUIRE(run.session->startRoutine(routine));
    run.play(6.0, Pose{1.0, 0.0, 20.0});
    CHECK(run.session->routineRunning());
    run.session->stopRoutine();
    run.play(0.1);
    CHECK_FALSE(run.session->routineRunning());
    REQUIRE(run.observer.routines.size() == 1);
    CHECK(run.observer.routines[0].stopped);
    CHECK(run.observer.routines[0].stepsDone == 1);
    CHECK(run.observer.routines[0].steps == 2);
    CHECK_FALSE(run.observer.routines[0].completed);
}

TEST_CASE("one guided routine at a time; stopped and started again at once, the old one ends first") {
    const Routine routine{"test", "Test", {RoutineStep{RoutineTarget::TiltLeft, 15.0, 5.0, 1, 30.0}}};
    Run run(test::scratchDir("session-routine-again") / "history.db");
    run.session->startCalibration(10.0);
    run.play(11.0);
    REQUIRE(run.session->startRoutine(routine));
    CHECK_FALSE(run.session->startRoutine(routine));  // one is already asked for
    run.play(2.0);
    CHECK_FALSE(run.session->startRoutine(routine));  // one runs
    run.session->stopRoutine();
    REQUIRE(run.session->startRoutine(routine));
    run.play(0.1);
    CHECK(run.session->routineRunning());
    REQUIRE(run.observer.routines.size() == 1);
    CHECK(run.observer.routines[0].stopped);
    run.play(6.0, Pose{1.0, 0.0, 20.0});  // the new one is done
    REQUIRE(run.observer.routines.size() == 2);
    CHECK(run.observer.routines[1].completed);
    CHECK(run.observer.routines[1].startSec > run.observer.routines[0].endSec - 1e-9);
}
