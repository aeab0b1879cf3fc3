// SessionObserver: everything the live session decides, as typed events. The desktop app turns
// them into queued signals for its window, tray and notifications; posesmart-cli into its JSON and
// messages; tests record them. Called on the thread that drives the session. Every method has an
// empty default: an observer overrides what it shows.
#pragma once

#include "analysis/SessionAnalyzer.h"
#include "history/HistoryReport.h"
#include "session/LiveStatus.h"

#include <string>
#include <vector>

namespace posesmart {

// A problem the user should hear about; the kind decides the words, the detail is the cause.
struct SessionProblem {
    enum class Kind {
        HistoryRecreated,    // the history file was damaged, kept aside, and a new one started
        HistoryUnavailable,  // the history cannot be opened: nothing is recorded this session
        HistoryNotSaved,     // a write failed (disk full, locked); the minutes are kept and retried
        HistorySaved,        // written again after HistoryNotSaved
        HistoryWaiting,      // at the start or the end: locked or full; waited on for a bounded time
        HistoryKept,         // at the end: not written, kept in the journal (detail: where and why) for the next start
        HistoryLost,         // at the end: neither written nor kept (detail: why)
        HistoryRecovered,    // minutes kept by an earlier session were written in (detail: how many)
        HistoryError,        // another history operation failed (saving a calibration, a report)
        BaselineUnreadable,  // the saved calibration could not be read: calibrate again
        FaceIdFailed,        // computing a face descriptor failed
        FrameNotAnalysed,    // a frame could not be analysed (an odd picture from the source); skipped
    };
    Kind kind;
    std::string detail;
};

// The profile being measured, after the session opened it or switched to it.
struct ProfileInfo {
    std::string name;
    bool calibrated = false;
    bool faceEnrolled = false;
    bool recording = false;             // a history is open for it
    std::vector<std::string> profiles;  // every profile in the history
};

// A guided routine that ended: finished (every step done or timed out) or stopped early.
struct RoutineSummary {
    std::string routineId;
    double startSec = 0.0;  // stream time
    double endSec = 0.0;
    int stepsDone = 0;
    int steps = 0;
    bool completed = false;  // every step done
    bool stopped = false;    // ended early by the user
};

// One frame as the session took it.
struct FrameOutcome {
    const Frame& frame;
    const FrameResult& seen;      // what the analysis found
    const FrameResult& measured;  // what counts: without the face when it is someone else's
    const SessionUpdate& update;
    IdentityState identity;
};

class SessionObserver {
public:
    virtual ~SessionObserver() = default;
    virtual void onFrame(const FrameOutcome& /*outcome*/) {}
    virtual void onStatus(const LiveStatus& /*status*/) {}  // at most ten times a second of stream time
    virtual void onBlink(const Blink& /*blink*/) {}
    virtual void onClosure(const EyeClosure& /*closure*/) {}
    virtual void onPostureChanged(double /*streamSec*/, PostureState /*state*/) {}
    virtual void onPresenceChanged(double /*streamSec*/, bool /*present*/) {}
    virtual void onBreak(const BreakTaken& /*taken*/) {}
    virtual void onAlert(const Alert& /*alert*/) {}
    virtual void onCalibrationFinished(const CalibrationResult& /*result*/, bool /*faceEnrolled*/) {}
    // Posture has read as off for most of the recent sitting time: the baseline may no longer fit.
    virtual void onRecalibrationSuggested(double /*streamSec*/) {}
    virtual void onIdentityChanged(double /*streamSec*/, IdentityState /*state*/) {}
    virtual void onIdentityChecked(double /*streamSec*/, double /*distance*/, double /*computeMs*/) {}
    virtual void onProfileReady(const ProfileInfo& /*profile*/) {}
    virtual void onTodayChanged(const PeriodReport& /*today*/) {}
    virtual void onRoutineEnded(const RoutineSummary& /*summary*/) {}
    virtual void onProblem(const SessionProblem& /*problem*/) {}
};

}  // namespace posesmart
