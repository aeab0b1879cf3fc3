#include "EngineRelay.h"

#include "EngineText.h"
#include "EngineWorker.h"

#include <QLoggingCategory>

namespace posesmart::ui {

namespace {
Q_LOGGING_CATEGORY(lcEngine, "posesmart.engine")
}  // namespace

EngineRelay::EngineRelay(EngineWorker& worker, LatestFrame& latest, std::function<void(bool)> faceCallback,
                         bool faceIdAvailable)
    : m_worker(worker), m_latest(latest), m_faceCallback(std::move(faceCallback)), m_faceIdAvailable(faceIdAvailable) {}

void EngineRelay::onFrame(const FrameOutcome& outcome) {
    m_latest.put(outcome.frame, outcome.seen);
    if (m_faceCallback) m_faceCallback(outcome.seen.landmarks.has_value());
}

void EngineRelay::onStatus(const LiveStatus& status) {
    emit m_worker.statusChanged(status);
}

void EngineRelay::onAlert(const Alert& alert) {
    emit m_worker.alertRaised(alert.kind);
}

void EngineRelay::onCalibrationFinished(const CalibrationResult& result, bool faceEnrolled) {
    emit m_worker.calibrationFinished(result, faceEnrolled);
}

void EngineRelay::onRecalibrationSuggested(double /*streamSec*/) {
    emit m_worker.recalibrationSuggested();
}

void EngineRelay::onTodayChanged(const PeriodReport& today) {
    emit m_worker.todayChanged(today);
}

void EngineRelay::onProblem(const SessionProblem& problem) {
    qCWarning(lcEngine, "%s", qUtf8Printable(problemText(problem)));
    emit m_worker.problem(problem);
}

void EngineRelay::onProfileReady(const ProfileInfo& profile) {
    QStringList names;
    for (const std::string& name : profile.profiles) names.append(QString::fromStdString(name));
    emit m_worker.profilesChanged(names);
    emit m_worker.ready(m_faceIdAvailable, profile.calibrated);
}

void EngineRelay::onRoutineEnded(const RoutineSummary& summary) {
    emit m_worker.routineEnded(summary);
}

}  // namespace posesmart::ui
