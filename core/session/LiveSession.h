// LiveSession: the product's live loop, without Qt and without threads of its own: frames (with
// their timestamps) in, everything the product decides out, through a SessionObserver. It owns the
// frame analysis, Face ID (who is measured, enrolment while calibrating, the learnt face),
// calibration, the blink / posture / presence analysis with its alerts, the profile being measured
// and its history. The desktop app's analysis thread and `posesmart-cli analyze` drive this one
// class, so the CLI's output is by construction what the app does.
//
// Times are stream seconds (frame timestamps; the app's come from the monotonic clock), except
// where a parameter says UTC. Commands act before the next frame; tests drive the session with
// scripted frame results and simulated time.
#pragma once

#include "analysis/BaselineFit.h"
#include "analysis/SessionAnalyzer.h"
#include "analysis/StillFaceCheck.h"
#include "identity/DescriptorService.h"
#include "identity/IdentityCheck.h"
#include "routine/RoutinePlayer.h"
#include "session/SessionHistory.h"
#include "session/SessionObserver.h"
#include "vision/FrameAnalyzer.h"

#include <memory>
#include <optional>
#include <vector>

namespace posesmart {

struct LiveSessionOptions {
    SessionSettings analysis;
    AnalyzerSettings analyzer;
    StillFaceSettings stillFace;    // a picture of a face is not measured
    SessionHistoryOptions history;  // its utcAtStreamZero also places quiet hours and today
    bool reportToday = false;       // SessionObserver::onTodayChanged at every new minute
};

class LiveSession {
public:
    // `landmarks` must outlive the session. Opens the history and the profile's calibration and
    // enrolled face, then tells the observer (onProfileReady).
    LiveSession(const LandmarkModel& landmarks, LiveSessionOptions options, SessionObserver& observer);
    ~LiveSession();
    LiveSession(const LiveSession&) = delete;
    LiveSession& operator=(const LiveSession&) = delete;

    // Face ID's descriptors come from here (a thread in the app, in line in the CLI); null: off.
    // Must outlive the session or be replaced.
    void setDescriptorService(DescriptorService* service) { m_faceId = service; }
    [[nodiscard]] bool faceEnrolled() const { return m_identity.enrolled().has_value(); }

    // One frame: analysed, then taken as consume() does.
    void process(const Frame& frame);
    // One frame analysed elsewhere (tests script these; `frame.bgr` may be empty without Face ID).
    void consume(const Frame& frame, const FrameResult& result);

    void setAnalysisSettings(const SessionSettings& settings);
    // The next `seconds` of frames are the upright baseline; a face seen meanwhile is enrolled for
    // Face ID when a descriptor service is set.
    void startCalibration(double seconds);
    // A baseline from elsewhere (a profile file, a calibration pass over a recording), kept in the profile.
    void useBaseline(const PostureBaseline& baseline);
    // No alert for `seconds` of stream time from the last frame (all kinds, or one).
    void snoozeFor(double seconds);
    void snoozeFor(AlertKind kind, double seconds);
    // A guided routine from the next frame, its targets against the calibration; false (nothing
    // starts) without one, or while another runs (one being stopped ends first). While it runs no alert is raised; its
    // time counts as a break.
    bool startRoutine(const Routine& routine);
    // Ended early (one click): onRoutineEnded with `stopped`.
    void stopRoutine();
    [[nodiscard]] bool routineRunning() const { return m_routine.has_value(); }
    // Paused: the history is written up to now; the pause is recorded once it ends.
    void setPaused(bool paused, double utcNow);
    void switchProfile(const std::string& name);
    void deleteAllData();
    // The end: writes the history and the learnt face.
    void finish(double utcNow);

    [[nodiscard]] const std::optional<PostureBaseline>& baseline() const { return m_analysis->baseline(); }
    [[nodiscard]] bool calibrating() const { return m_analysis->calibrating(); }
    [[nodiscard]] const IdentityCheck& identity() const { return m_identity; }
    [[nodiscard]] const SessionHistory& history() const { return m_history; }

private:
    void loadProfile();
    void announceProfile();
    void newAnalysis(const SessionSettings& settings);
    void handleFaceId(const Frame& frame, const FrameResult& result);
    void handleCalibration(const CalibrationResult& result);
    void report(const FrameOutcome& outcome);
    void saveLearntFace();
    void followRoutine(double t, const FrameResult& measured, SessionUpdate& update);
    void endRoutine(double t, bool stopped, SessionUpdate& update);

    const LandmarkModel& m_landmarks;
    LiveSessionOptions m_options;
    SessionObserver& m_observer;
    FrameAnalyzer m_analyzer;
    std::unique_ptr<SessionAnalyzer> m_analysis;
    SessionHistory m_history;
    DescriptorService* m_faceId = nullptr;
    IdentityCheck m_identity{std::nullopt};
    StillFaceCheck m_stillFace;
    std::optional<RoutinePlayer> m_routine;
    std::optional<Routine> m_pendingRoutine;  // starts on the next frame
    bool m_routineStopAsked = false;
    double m_routineStartSec = 0.0;
    int m_savedIdentityUpdates = 0;  // running-mean updates of the enrolled face already stored
    std::vector<FaceDescriptor> m_enrolment;
    double m_nextEnrolSec = 0.0;
    BaselineFit m_baselineFit;
    std::optional<double> m_pausedAtUtc;
    std::optional<double> m_lastSec;                                            // the last frame's time
    std::vector<std::pair<std::optional<AlertKind>, double>> m_pendingSnoozes;  // asked for before any frame
    int m_blinks = 0;
    double m_lastStatusSec = -1.0;
    std::int64_t m_lastTodayMinute = -1;
    PostureState m_lastPosture = PostureState::Unknown;
    bool m_lastPresent = false;
    std::string m_lastAnalysisError;  // said once, until a frame is analysed again
    std::optional<IdentityState> m_announcedIdentity;
};

}  // namespace posesmart
