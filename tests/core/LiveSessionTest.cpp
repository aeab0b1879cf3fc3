// LiveSession end to end with simulated time: scripted frame results (no video, no Qt), a scripted
// Face ID, a real history database. Calibration and enrolment, Face ID pausing and resuming the
// recording, a profile switch in the middle of a minute, failed writes and their retry, snooze,
// quiet hours, pauses, and what the observer hears (status at most ten times a second, problems).
// The picture check and guided routines: LiveSessionRoutineTest.cpp.
#include "LiveSessionHarness.h"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <fstream>

using namespace posesmart;
using namespace posesmart::test::session;

TEST_CASE("a new profile is announced uncalibrated and recording; status comes at most ten times a second") {
    const auto db = test::scratchDir("session-status") / "history.db";
    Run run(db);
    REQUIRE(run.observer.profiles.size() == 1);
    CHECK(run.observer.profiles[0].name == "me");
    CHECK_FALSE(run.observer.profiles[0].calibrated);
    CHECK(run.observer.profiles[0].recording);
    CHECK(run.observer.profiles[0].profiles == std::vector<std::string>{"me"});
    run.play(10.0);
    CHECK(run.observer.frames == 100);
    CHECK(run.observer.statuses >= 50);
    CHECK(run.observer.statuses <= 100);
    REQUIRE(run.observer.lastStatus);
    CHECK(run.observer.lastStatus->faceSeen);
    CHECK(run.observer.lastStatus->recording);
    CHECK_FALSE(run.observer.lastStatus->calibrated);
    CHECK(run.observer.lastStatus->posture == PostureState::Unknown);
    run.session->finish(run.utc());
    CHECK(presentSecOf(db, "me") == Approx(10.0).margin(0.15));
}

TEST_CASE("calibration: 10 s upright gives a baseline that is kept in the profile and judged against") {
    const auto db = test::scratchDir("session-calibration") / "history.db";
    {
        Run run(db);
        run.session->startCalibration(10.0);
        run.play(11.0);
        REQUIRE(run.observer.calibrations.size() == 1);
        REQUIRE(run.observer.calibrations[0].baseline);
        CHECK(run.observer.calibrations[0].baseline->iodPx == Approx(50.0));
        CHECK_FALSE(run.observer.enrolledAtCalibration[0]);  // no Face ID service: nothing enrolled
        run.play(5.0);
        CHECK(run.observer.lastStatus->posture == PostureState::Good);
        run.play(40.0, kForwardHead);  // held 30 s after the 2 s it takes to be reported
        CHECK(run.observer.lastStatus->posture == PostureState::ForwardHead);
        REQUIRE(run.observer.alerts.size() == 1);
        CHECK(run.observer.alerts[0].kind == AlertKind::ForwardHead);
        run.session->finish(run.utc());
    }
    const auto events = eventsOf(db, "me");
    const auto calibrations = std::count_if(events.begin(), events.end(), [](const HistoryEvent& e) {
        return e.kind == EventKind::Calibration && e.succeeded;
    });
    CHECK(calibrations == 1);
    CHECK(std::count_if(events.begin(), events.end(), [](const HistoryEvent& e) {
              return e.kind == EventKind::Alert && e.alert == AlertKind::ForwardHead;
          }) == 1);
    // The next session starts calibrated from the profile.
    Run again(db);
    CHECK(again.observer.profiles.back().calibrated);
    again.play(3.0);
    CHECK(again.observer.lastStatus->posture == PostureState::Good);
}

TEST_CASE("calibration with nobody in view fails with its reason and keeps the old state") {
    const auto db = test::scratchDir("session-calibration-fails") / "history.db";
    Run run(db);
    run.session->startCalibration(10.0);
    run.play(11.0, kUpright, false);
    REQUIRE(run.observer.calibrations.size() == 1);
    CHECK_FALSE(run.observer.calibrations[0].baseline);
    CHECK_FALSE(run.observer.calibrations[0].reason.empty());
    CHECK_FALSE(run.session->baseline());
}

TEST_CASE("calibrating with Face ID enrols the face; another person pauses recording and alerts, and you resume it") {
    const auto db = test::scratchDir("session-face-id") / "history.db";
    Run run(db);
    ScriptedFaceId faceId;
    run.session->setDescriptorService(&faceId);
    CHECK_FALSE(run.session->faceEnrolled());
    run.session->startCalibration(10.0);
    run.play(11.0);
    REQUIRE(run.observer.calibrations.size() == 1);
    CHECK(run.observer.enrolledAtCalibration[0]);
    CHECK(run.session->faceEnrolled());
    CHECK(faceId.requests >= 3);  // a descriptor every 1.5 s while calibrating
    run.play(19.0);               // you: to stream time 30 s
    CHECK(run.session->identity().state() == IdentityState::You);

    // Someone else sits down, leaning in: after two checks that agree, they are not measured.
    faceId.whoIsThere = kSomeoneElse;
    run.play(60.0, kForwardHead);
    CHECK(run.session->identity().state() == IdentityState::AnotherPerson);
    CHECK(run.observer.alerts.empty());  // their posture raises nothing
    CHECK_FALSE(run.observer.lastStatus->recording);
    faceId.whoIsThere = kYou;
    run.play(20.0);
    CHECK(run.session->identity().state() == IdentityState::You);
    CHECK(run.observer.lastStatus->recording);
    run.session->finish(run.utc());

    // Verdicts change only when two checks (5 s apart while settled, 1 s while not) agree.
    std::vector<IdentityState> states;
    for (const auto& [t, s] : run.observer.identity) states.push_back(s);
    CHECK(states == std::vector<IdentityState>{IdentityState::NobodyEnrolled, IdentityState::Checking,
                                               IdentityState::You, IdentityState::AnotherPerson, IdentityState::You});
    const double otherFrom = run.observer.identity[3].first;
    const double youAgain = run.observer.identity[4].first;
    CHECK(otherFrom > 30.0);
    CHECK(otherFrom < 38.0);
    CHECK(youAgain > 90.0);
    CHECK(youAgain < 98.0);
    // Recorded: everything but the other person's time (less the 15 s an absence is bridged).
    CHECK(presentSecOf(db, "me") == Approx(110.0 - (youAgain - otherFrom - 15.0)).margin(1.0));
    // The enrolled face is in the profile: the next session checks faces from its first frame.
    Run again(db);
    CHECK(again.observer.profiles.back().faceEnrolled);
    CHECK(again.session->identity().state() == IdentityState::Checking);
}

TEST_CASE("a profile switch in the middle of a minute writes the first half to the old profile") {
    const auto db = test::scratchDir("session-switch") / "history.db";
    Run run(db, "alice");
    run.session->startCalibration(10.0);
    run.play(45.0);  // stream 0-45 s: the minute from 09:00 so far
    REQUIRE(run.session->baseline());
    run.session->switchProfile("bob");
    REQUIRE(run.observer.profiles.size() == 2);
    CHECK(run.observer.profiles[1].name == "bob");
    CHECK_FALSE(run.observer.profiles[1].calibrated);  // bob has no calibration of his own
    CHECK(run.observer.profiles[1].profiles == std::vector<std::string>{"alice", "bob"});
    CHECK_FALSE(run.session->baseline());
    run.play(30.0);  // 45-75 s
    run.session->finish(run.utc());

    const auto alice = minutesOf(db, "alice");
    REQUIRE(alice.size() == 1);
    CHECK(alice[0].presentSec == Approx(45.0).margin(0.15));
    const auto bob = minutesOf(db, "bob");
    REQUIRE(bob.size() == 2);
    CHECK(bob[0].presentSec == Approx(15.0).margin(0.15));
    CHECK(bob[1].presentSec == Approx(15.0).margin(0.15));
    // Alice keeps her calibration.
    Run back(db, "alice");
    CHECK(back.observer.profiles.back().calibrated);
}

TEST_CASE("a write that fails (database locked) is said once, kept, and written when it works again") {
    const auto db = test::scratchDir("session-locked") / "history.db";
    Run run(db);
    run.play(30.0);
    std::optional<SQLite::Database> other(std::in_place, db.string(), SQLite::OPEN_READWRITE);
    other->exec("BEGIN EXCLUSIVE");
    run.play(100.0);  // two minute boundaries pass while the file is locked (each write waits 2 s)
    CHECK(run.observer.problemsOf(SessionProblem::Kind::HistoryNotSaved) == 1);
    CHECK(run.observer.problemsOf(SessionProblem::Kind::HistorySaved) == 0);
    other->exec("COMMIT");
    other.reset();
    run.play(60.0);  // the next minute boundary writes everything kept
    CHECK(run.observer.problemsOf(SessionProblem::Kind::HistorySaved) == 1);
    run.session->finish(run.utc());
    CHECK(presentSecOf(db, "me") == Approx(190.0).margin(0.3));
}

TEST_CASE("snooze: no alert until it ends, then the condition alerts") {
    const auto db = test::scratchDir("session-snooze") / "history.db";
    Run run(db);
    run.session->snoozeFor(120.0);  // before any frame: from the first one
    run.session->startCalibration(10.0);
    run.play(11.0);
    run.play(100.0, kForwardHead);  // held 100 s, to stream time 111
    CHECK(run.observer.alerts.empty());
    run.play(20.0, kForwardHead);  // the snooze ends at 120 s
    REQUIRE(run.observer.alerts.size() == 1);
    CHECK(run.observer.alerts[0].timestampSec == Approx(120.0).margin(0.11));

    run.session->snoozeFor(AlertKind::Slouch, 3600.0);  // one kind only
    run.play(5.0);
    run.play(40.0, Pose{1.0, 0.6, 0.0});   // slouching, snoozed
    run.play(40.0, Pose{1.0, 0.0, 20.0});  // tilted: not snoozed
    REQUIRE(run.observer.alerts.size() == 2);
    CHECK(run.observer.alerts[1].kind == AlertKind::Tilted);
}

TEST_CASE("quiet hours, in the local time of the frames, hold alerts back") {
    const auto db = test::scratchDir("session-quiet") / "history.db";
    SessionSettings settings;
    settings.alerts.quietStartMinute = 9 * 60;  // 09:00-09:02: stream 0-120 s
    settings.alerts.quietEndMinute = 9 * 60 + 2;
    Run run(db, "me", settings);
    run.session->startCalibration(10.0);
    run.play(11.0);
    run.play(100.0, kForwardHead);
    CHECK(run.observer.alerts.empty());
    run.play(10.0, kForwardHead);
    REQUIRE(run.observer.alerts.size() == 1);
    CHECK(run.observer.alerts[0].timestampSec == Approx(120.0).margin(0.11));
}

TEST_CASE("a pause is written as an event with its length, and nothing is recorded while paused") {
    const auto db = test::scratchDir("session-pause") / "history.db";
    Run run(db);
    run.play(20.0);
    run.session->setPaused(true, kStartUtc + 20.0);
    run.session->setPaused(false, kStartUtc + 320.0);  // five minutes later, by the wall clock
    run.t += 300.0;
    run.play(10.0);
    run.session->finish(run.utc());
    const auto events = eventsOf(db, "me");
    const auto pause =
        std::find_if(events.begin(), events.end(), [](const HistoryEvent& e) { return e.kind == EventKind::Pause; });
    REQUIRE(pause != events.end());
    CHECK(pause->utcSec == Approx(kStartUtc + 20.0));
    CHECK(pause->durationSec == Approx(300.0));
    CHECK(presentSecOf(db, "me") == Approx(30.0).margin(0.25));  // each stretch's last frame adds none
}

TEST_CASE("an unreadable saved calibration and a damaged database are said, and the session goes on") {
    const auto dir = test::scratchDir("session-problems");
    const auto db = dir / "history.db";
    {
        HistoryStore store(db);
        store.saveBaseline(store.profileId("me"), "{not json");
    }
    {
        Run run(db);
        CHECK(run.observer.problemsOf(SessionProblem::Kind::BaselineUnreadable) == 1);
        CHECK_FALSE(run.observer.profiles.back().calibrated);
        run.play(2.0);
    }
    std::ofstream(db, std::ios::trunc) << "this is not a database";
    Run run(db);
    CHECK(run.observer.problemsOf(SessionProblem::Kind::HistoryRecreated) == 1);
    CHECK(run.observer.profiles.back().recording);
    run.play(2.0);
    run.session->finish(run.utc());
    CHECK(presentSecOf(db, "me") == Approx(2.0).margin(0.15));
}

TEST_CASE("without a database everything but the history goes on") {
    Recorder observer;
    LiveSessionOptions options;
    LiveSession session(test::sharedLandmarkModel(), options, observer);
    REQUIRE(observer.profiles.size() == 1);
    CHECK_FALSE(observer.profiles[0].recording);
    session.startCalibration(1.0);
    for (int i = 0; i < 20; ++i) {
        Frame frame;
        frame.index = i;
        frame.timestampSec = i / kFps;
        session.consume(frame, faceFrame(i, frame.timestampSec, kUpright));
    }
    CHECK(observer.calibrations.size() == 1);
    CHECK(observer.problems.empty());
    REQUIRE(observer.lastStatus);
    CHECK_FALSE(observer.lastStatus->recording);
}

TEST_CASE("a frame the analysis cannot read is skipped with one message") {
    Recorder observer;
    LiveSession session(test::sharedLandmarkModel(), LiveSessionOptions{}, observer);
    Frame odd;
    odd.bgr = cv::Mat(480, 640, CV_8UC2, cv::Scalar::all(0));  // two channels: no camera sends this
    for (int i = 0; i < 3; ++i) {
        odd.index = i;
        odd.timestampSec = i / kFps;
        session.process(odd);
    }
    CHECK(observer.problemsOf(SessionProblem::Kind::FrameNotAnalysed) == 1);
    CHECK(observer.frames == 0);
    Frame fine;
    fine.bgr = cv::Mat(480, 640, CV_8UC3, cv::Scalar::all(40));
    fine.index = 3;
    fine.timestampSec = 0.3;
    session.process(fine);
    CHECK(observer.frames == 1);
}
