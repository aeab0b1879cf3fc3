// EngineWorker: the analysis thread around core's LiveSession. It loads the models (off the GUI
// thread, with progress), then feeds the session the frames from the FrameMailbox and turns what
// the session decides into queued signals. The GUI sends commands (thread-safe; carried out on the
// analysis thread before its next frame) and never touches the engine. A failure on the thread is
// reported (failed / problem), never a silent end.
#pragma once

#include "LiveFrame.h"
#include "analysis/SessionAnalyzer.h"
#include "capture/FrameMailbox.h"
#include "routine/Routine.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <atomic>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace posesmart {
class LiveSession;
}

namespace posesmart::ui {

struct EngineOptions {
    std::filesystem::path database;
    std::string profile = "default";
    SessionSettings session;
    int retentionDays = 365;
    std::filesystem::path executableDir;  // where models are looked for first
};

class EngineWorker : public QObject {
    Q_OBJECT
public:
    explicit EngineWorker(FrameMailbox& mailbox, QObject* parent = nullptr);
    ~EngineWorker() override;

    void start(EngineOptions options);
    // Stops the thread after the session has written the history (the current minute included).
    void stop();

    void setSessionSettings(const SessionSettings& settings);
    void startCalibration(double seconds);
    void snoozeAll(double seconds);
    void snooze(AlertKind kind, double seconds);
    void setPaused(bool paused);
    // Measure another person from now on: their calibration, Face ID and history (created when new).
    void setProfile(const QString& name);
    void deleteAllData();
    // A guided routine from the next frame (routineRefused when the profile is not calibrated; none
    // starts while another runs);
    // stopRoutine ends it early. Either way routineEnded follows once one ran.
    void startRoutine(const Routine& routine);
    void stopRoutine();
    // Called on the analysis thread for every frame: whether a face is in view.
    void setFaceCallback(std::function<void(bool)> callback);

    [[nodiscard]] LiveFrame latestFrame() const;

signals:
    void loading(int percent, const QString& what);
    void ready(bool faceIdAvailable, bool calibrated);
    void failed(const QString& message);
    void statusChanged(const posesmart::LiveStatus& status);
    void alertRaised(posesmart::AlertKind kind);
    void calibrationFinished(const posesmart::CalibrationResult& result, bool faceEnrolled);
    void recalibrationSuggested();
    void todayChanged(const posesmart::PeriodReport& today);
    void problem(const posesmart::SessionProblem& problem);
    void profilesChanged(const QStringList& names);
    void routineEnded(const posesmart::RoutineSummary& summary);
    void routineRefused();

private:
    void run(EngineOptions options);
    void runSession(EngineOptions options);
    void post(std::function<void(LiveSession&)> command);

    FrameMailbox& m_mailbox;
    std::thread m_thread;
    std::atomic<bool> m_stop = false;
    std::mutex m_commandMutex;
    std::vector<std::function<void(LiveSession&)>> m_commands;
    std::function<void(bool)> m_faceCallback;
    LatestFrame m_latest;
};

}  // namespace posesmart::ui
