// LiveSession end to end with simulated time: scripted frame results (no video, no Qt), a scripted
// Face ID, a real history database. Calibration and enrolment, Face ID pausing and resuming the
// recording, a profile switch in the middle of a minute, failed writes and their retry, snooze,
// quiet hours, pauses, and what the observer hears (status at most ten times a second, problems).
#include "TestData.h"
#include "history/HistoryStore.h"
#include "history/LocalTime.h"
#include "session/LiveSession.h"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <optional>

using namespace posesmart;

namespace {

constexpr double kFps = 10.0;
// 2026-11-20 09:00:00 UTC: stream time 0. The tests run in UTC (see Utc below).
constexpr double kStartUtc = 1'795'165'200.0;

// Local time is UTC for these tests, so quiet hours and minutes are plain arithmetic.
struct Utc {
    Utc() {
        ::setenv("TZ", "UTC0", 1);
        ::tzset();
    }
};
const Utc kUtc;

// A person at 50 px between the eyes with the eye line at y = 200 (upright), or moved from there.
struct Pose {
    double scale = 1.0;    // inter-ocular distance against upright
    double dropIod = 0.0;  // eye line lower by this many inter-ocular distances
    double rollDeg = 0.0;
};
constexpr Pose kUpright{};
constexpr Pose kForwardHead{1.25, 0.4, 0.0};

FrameResult faceFrame(std::int64_t index, double t, Pose pose, bool living = true) {
    FrameResult r;
    r.frameIndex = index;
    r.timestampSec = t;
    r.facesSeen = 1;
    FaceMeasurements m;
    m.iodPx = 50.0 * pose.scale;
    m.eyeLineCentre = cv::Point2f(320.F, static_cast<float>(200.0 + 50.0 * pose.dropIod));
    m.noseTip = m.eyeLineCentre + cv::Point2f(0.F, 30.F);
    m.rollDeg = pose.rollDeg;
    m.distanceCm = 60.0 / pose.scale;
    m.earLeft = m.earRight = 0.3;
    r.measurements = m;
    r.landmarks = Landmarks{};  // Face ID needs landmarks to describe the face
    if (living) {
        // A person is never quite still: the face sways by a fifth of the eye distance every 4 s,
        // so that the picture check sees someone (these faces do not blink).
        const auto sway = static_cast<float>(0.2 * m.iodPx * std::sin(2.0 * M_PI * t / 4.0));
        for (std::size_t i = 0; i < kLandmarkCount; ++i) (*r.landmarks)[i] = m.eyeLineCentre + cv::Point2f(sway, 0.F);
    }
    return r;
}

FrameResult noFace(std::int64_t index, double t) {
    FrameResult r;
    r.frameIndex = index;
    r.timestampSec = t;
    return r;
}

FaceDescriptor descriptorOf(float value) {
    FaceDescriptor d{};
    d.fill(value);
    return d;
}
const FaceDescriptor kYou = descriptorOf(0.0F);
const FaceDescriptor kSomeoneElse = descriptorOf(0.1F);  // distance 1.13: another person

// Face ID that describes whoever the script says is in front of the camera, at once.
class ScriptedFaceId : public DescriptorService {
public:
    FaceDescriptor whoIsThere = kYou;
    int requests = 0;
    bool submit(const cv::Mat&, const Landmarks&, double streamSec, bool enrolment) override {
        ++requests;
        m_result = Result{streamSec, enrolment, whoIsThere, {}, 15.0};
        return true;
    }
    [[nodiscard]] bool busy() const override { return false; }
    std::optional<Result> take() override { return std::exchange(m_result, std::nullopt); }

private:
    std::optional<Result> m_result;
};

class Recorder : public SessionObserver {
public:
    int frames = 0;
    int statuses = 0;
    std::vector<Alert> alerts;
    std::vector<CalibrationResult> calibrations;
    std::vector<bool> enrolledAtCalibration;
    std::vector<std::pair<double, IdentityState>> identity;
    std::vector<ProfileInfo> profiles;
    std::vector<SessionProblem> problems;
    std::vector<std::pair<double, PostureState>> posture;
    std::optional<LiveStatus> lastStatus;

    void onFrame(const FrameOutcome&) override { ++frames; }
    void onStatus(const LiveStatus& s) override {
        ++statuses;
        lastStatus = s;
    }
    void onAlert(const Alert& a) override { alerts.push_back(a); }
    void onCalibrationFinished(const CalibrationResult& r, bool enrolled) override {
        calibrations.push_back(r);
        enrolledAtCalibration.push_back(enrolled);
    }
    void onIdentityChanged(double t, IdentityState s) override { identity.emplace_back(t, s); }
    void onProfileReady(const ProfileInfo& p) override { profiles.push_back(p); }
    void onProblem(const SessionProblem& p) override { problems.push_back(p); }
    void onPostureChanged(double t, PostureState s) override { posture.emplace_back(t, s); }
    void onRoutineEnded(const RoutineSummary& r) override { routines.push_back(r); }
    void onBreak(const BreakTaken& b) override { breaks.push_back(b); }
    std::vector<RoutineSummary> routines;
    std::vector<BreakTaken> breaks;

    [[nodiscard]] int problemsOf(SessionProblem::Kind kind) const {
        return static_cast<int>(std::count_if(problems.begin(), problems.end(),
                                              [kind](const SessionProblem& p) { return p.kind == kind; }));
    }
};

// A session on a database, fed frames at kFps from stream time 0.
struct Run {
    explicit Run(const std::filesystem::path& db, const std::string& profile = "me", SessionSettings analysis = {}) {
        LiveSessionOptions options;
        options.analysis = analysis;
        options.history.database = db;
        options.history.profile = profile;
        options.history.utcAtStreamZero = kStartUtc;
        options.history.utcNow = kStartUtc;
        session.emplace(test::sharedLandmarkModel(), options, observer);
    }
    // Frames for `seconds`: the pose, or nobody when `present` is false; `living`: false for a
    // picture of the face (no motion at all).
    void play(double seconds, Pose pose = kUpright, bool present = true, bool living = true) {
        const double end = t + seconds;
        while (t < end - 1e-9) {
            Frame frame;
            frame.index = index;
            frame.timestampSec = t;
            frame.bgr = cv::Mat(480, 640, CV_8UC3, cv::Scalar::all(0));
            session->consume(frame, present ? faceFrame(index, t, pose, living) : noFace(index, t));
            ++index;
            t += 1.0 / kFps;
        }
    }
    [[nodiscard]] double utc() const { return kStartUtc + t; }

    Recorder observer;
    std::optional<LiveSession> session;
    double t = 0.0;
    std::int64_t index = 0;
};

std::vector<MinuteRecord> minutesOf(const std::filesystem::path& db, const std::string& profile) {
    HistoryStore store(db);
    const auto minute = static_cast<std::int64_t>(kStartUtc / 60.0);
    return store.minutes(store.profileId(profile), minute, minute + 600);
}

double presentSecOf(const std::filesystem::path& db, const std::string& profile) {
    double total = 0.0;
    for (const MinuteRecord& m : minutesOf(db, profile)) total += m.presentSec;
    return total;
}

std::vector<HistoryEvent> eventsOf(const std::filesystem::path& db, const std::string& profile) {
    HistoryStore store(db);
    return store.events(store.profileId(profile), kStartUtc - 1.0, kStartUtc + 36000.0);
}

}  // namespace

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
