// AppController: the desktop app put together. Owns the capture thread, the analysis thread and
// the mailbox between them, the main window, the tray icon, notifications and the settings file,
// and wires them: engine results to the window and tray, alerts to notifications, menu actions to
// the engine. Shutdown order: stop capture, stop analysis (the recorder flushes), then the UI.
#pragma once

#include "AppSettings.h"
#include "CaptureWorker.h"
#include "EngineWorker.h"
#include "capture/FrameMailbox.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <chrono>
#include <memory>

namespace posesmart::ui {

class CalibrationDialog;
class MainWindow;
class Notifier;
class PowerWatcher;
class ReportWindow;
class RoutineWindow;
class TrayController;

struct AppOptions {
    QString dataDir;         // history.db and settings.json
    QString source;          // "camera:N", a video file or a folder; empty: the camera chosen in Settings
    bool minimized = false;  // start in the tray (autostart)
    SettingsLoad settings;   // settings.json as main() read it (for the language) before the controller
    // When main() began: start-up milestones are logged against it (category posesmart.startup).
    std::chrono::steady_clock::time_point startedAt = std::chrono::steady_clock::now();
};

class AppController : public QObject {
    Q_OBJECT
public:
    explicit AppController(AppOptions options, QObject* parent = nullptr);
    ~AppController() override;

    void start();
    // Stops capture and analysis (flushing the history) before the UI goes away. Idempotent.
    void shutdown();
    void showWindow();
    [[nodiscard]] MainWindow* window() const { return m_window.get(); }
    [[nodiscard]] TrayController* tray() const { return m_tray; }
    // The guided routine's window while it is open, else null.
    [[nodiscard]] RoutineWindow* routineWindow() const;

signals:
    void quitRequested();

private:
    [[nodiscard]] QString settingsPath() const;
    void startCapture(const QString& spec);
    [[nodiscard]] QString sourceSpec() const;
    void applySettings(const AppSettings& settings);
    void openSettings();
    void openCalibration();
    void openReport();
    // A guided routine in its own window; the session refuses it without a calibration (which then opens).
    void startRoutine(const QString& id);
    void pauseFor(int minutes);  // -1: until tomorrow
    void resume();
    void onAlert(AlertKind kind);
    void onStatus(const LiveStatus& status);
    void updateTray();
    void updateAnalysisRate();
    void logMilestone(const char* what);

    AppOptions m_options;
    AppSettings m_settings;
    FrameMailbox m_mailbox;
    std::unique_ptr<MainWindow> m_window;
    EngineWorker* m_engine = nullptr;
    CaptureWorker* m_capture = nullptr;
    TrayController* m_tray = nullptr;
    Notifier* m_notifier = nullptr;
    PowerWatcher* m_power = nullptr;
    QPointer<CalibrationDialog> m_calibration;
    QPointer<ReportWindow> m_report;
    QPointer<RoutineWindow> m_routine;
    QTimer m_resumeTimer;
    QDateTime m_pausedUntil;
    bool m_paused = false;
    bool m_shutDown = false;
    LiveStatus m_lastStatus;
    QStringList m_profiles;  // as the engine last reported them
    CaptureState m_captureState = CaptureState::Starting;
    QDateTime m_lastAlertAt;
    bool m_firstStatusSeen = false;
};

}  // namespace posesmart::ui
