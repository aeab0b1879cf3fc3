// EngineWorker: the analysis thread. Loads the models and opens the history database (off the
// GUI thread, with progress), then takes frames from the FrameMailbox and runs the whole engine:
// landmarks and measurements, Face ID on its own schedule (FaceIdWorker), blinks, posture,
// presence, alerts, and the SessionRecorder that writes one row per minute. The GUI talks to it
// through thread-safe commands and hears from it through queued signals; it never touches a widget.
#pragma once

#include "LiveStatus.h"
#include "posesmart/FrameMailbox.h"
#include "posesmart/SessionAnalyzer.h"

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
    // Stops the thread after flushing the recorder (the current minute is written).
    void stop();

    // Commands: thread-safe, carried out on the analysis thread before its next frame.
    void setSessionSettings(const SessionSettings& settings);
    void startCalibration(double seconds);
    void snoozeAll(double seconds);
    void snooze(AlertKind kind, double seconds);
    void setPaused(bool paused);
    // Measure another person from now on: their calibration, Face ID and history (created when new).
    void setProfile(const QString& name);
    void deleteAllData();
    // Called on the analysis thread for every frame: whether a face is in view.
    void setFaceCallback(std::function<void(bool)> callback);

    [[nodiscard]] LiveFrame latestFrame() const;

signals:
    void loading(int percent, const QString& what);
    void ready(bool faceIdAvailable, bool calibrated);
    void failed(const QString& message);
    void statusChanged(const posesmart::ui::LiveStatus& status);
    void alertRaised(const QString& kind, const QString& message);
    void calibrationFinished(bool ok, const QString& reason);
    // Posture has read as off for most of the recent sitting time: the baseline may no longer fit.
    void recalibrationSuggested();
    void todayChanged(const posesmart::PeriodReport& today);
    void historyProblem(const QString& message);
    // The profiles in the history, after opening it and when one is added.
    void profilesChanged(const QStringList& names);

private:
    struct Engine;
    void run(EngineOptions options);
    void post(std::function<void(Engine&)> command);

    FrameMailbox& m_mailbox;
    std::thread m_thread;
    std::atomic<bool> m_stop = false;
    std::mutex m_commandMutex;
    std::vector<std::function<void(Engine&)>> m_commands;
    std::function<void(bool)> m_faceCallback;
    mutable std::mutex m_frameMutex;
    LiveFrame m_latest;
};

}  // namespace posesmart::ui
