// LiveSessionHarness: what the LiveSession tests drive a session with: scripted frame results at
// 10 frames a second in simulated time (no video, no Qt), a scripted Face ID, an observer that
// records what it hears, and readers of the history database the session wrote.
#pragma once

#include "TestData.h"
#include "history/HistoryStore.h"
#include "history/LocalTime.h"
#include "session/LiveSession.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <utility>
#include <vector>

namespace posesmart::test::session {

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
inline const Utc kUtc;

// A person at 50 px between the eyes with the eye line at y = 200 (upright), or moved from there.
struct Pose {
    double scale = 1.0;    // inter-ocular distance against upright
    double dropIod = 0.0;  // eye line lower by this many inter-ocular distances
    double rollDeg = 0.0;
};
constexpr Pose kUpright{};
constexpr Pose kForwardHead{1.25, 0.4, 0.0};

inline FrameResult faceFrame(std::int64_t index, double t, Pose pose, bool living = true) {
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

inline FrameResult noFace(std::int64_t index, double t) {
    FrameResult r;
    r.frameIndex = index;
    r.timestampSec = t;
    return r;
}

inline FaceDescriptor descriptorOf(float value) {
    FaceDescriptor d{};
    d.fill(value);
    return d;
}
inline const FaceDescriptor kYou = descriptorOf(0.0F);
inline const FaceDescriptor kSomeoneElse = descriptorOf(0.1F);  // distance 1.13: another person

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

inline std::vector<MinuteRecord> minutesOf(const std::filesystem::path& db, const std::string& profile) {
    HistoryStore store(db);
    const auto minute = static_cast<std::int64_t>(kStartUtc / 60.0);
    return store.minutes(store.profileId(profile), minute, minute + 600);
}

inline double presentSecOf(const std::filesystem::path& db, const std::string& profile) {
    double total = 0.0;
    for (const MinuteRecord& m : minutesOf(db, profile)) total += m.presentSec;
    return total;
}

inline std::vector<HistoryEvent> eventsOf(const std::filesystem::path& db, const std::string& profile) {
    HistoryStore store(db);
    return store.events(store.profileId(profile), kStartUtc - 1.0, kStartUtc + 36000.0);
}

}  // namespace posesmart::test::session
