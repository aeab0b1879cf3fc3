// EngineRelay: the live session's observer on the analysis thread: every event it hears becomes
// one of EngineWorker's queued signals (typed values, never words), and every frame updates the
// picture the live view pulls.
#pragma once

#include "LiveFrame.h"
#include "session/SessionObserver.h"

#include <functional>

namespace posesmart::ui {

class EngineWorker;

class EngineRelay : public SessionObserver {
public:
    EngineRelay(EngineWorker& worker, LatestFrame& latest, std::function<void(bool)> faceCallback,
                bool faceIdAvailable);
    void onFrame(const FrameOutcome& outcome) override;
    void onStatus(const LiveStatus& status) override;
    void onAlert(const Alert& alert) override;
    void onCalibrationFinished(const CalibrationResult& result, bool faceEnrolled) override;
    void onRecalibrationSuggested(double streamSec) override;
    void onTodayChanged(const PeriodReport& today) override;
    void onProblem(const SessionProblem& problem) override;
    void onProfileReady(const ProfileInfo& profile) override;
    void onRoutineEnded(const RoutineSummary& summary) override;

private:
    EngineWorker& m_worker;
    LatestFrame& m_latest;
    std::function<void(bool)> m_faceCallback;
    bool m_faceIdAvailable;
};

}  // namespace posesmart::ui
