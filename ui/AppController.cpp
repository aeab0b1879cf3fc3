#include "AppController.h"

#include "Autostart.h"
#include "CalibrationDialog.h"
#include "EngineText.h"
#include "LiveView.h"
#include "MainWindow.h"
#include "Notifier.h"
#include "PowerWatcher.h"
#include "ReportText.h"
#include "ReportWindow.h"
#include "RoutineText.h"
#include "RoutineWindow.h"
#include "SettingsDialog.h"
#include "TrayController.h"
#include "capture/CameraCatalog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QTimer>
#include <algorithm>
#include <ctime>
#include <fstream>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace posesmart::ui {

namespace {

// Start-up milestones, for BENCHMARKS.md: QT_LOGGING_RULES="posesmart.startup.info=true".
Q_LOGGING_CATEGORY(lcStartup, "posesmart.startup", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCapture, "posesmart.capture")

// How long ago this process was started (exec), to 10 ms: /proc/self/stat's start time against
// the boot-time clock. Shows what loading the shared libraries costs before main() runs.
std::optional<long long> processAgeMs() {
#if defined(__linux__)
    std::ifstream stat("/proc/self/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const auto afterName = text.rfind(')');
    if (afterName == std::string::npos) return std::nullopt;
    std::istringstream fields(text.substr(afterName + 2));
    std::string field;
    for (int i = 3; i < 22 && fields >> field; ++i) {
    }
    long long startTicks = 0;
    if (!(fields >> startTicks)) return std::nullopt;
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const long long ticksPerSec = sysconf(_SC_CLK_TCK);
    return now.tv_sec * 1000LL + now.tv_nsec / 1000000 - startTicks * 1000 / ticksPerSec;
#else
    return std::nullopt;
#endif
}

constexpr double kCalibrationSec = 10.0;
constexpr double kSnoozeSec = 3600.0;
constexpr int kAttentionAfterAlertSec = 60;  // the tray shows "attention" this long after an alert

CaptureLoopSettings captureSettings(const AppSettings& s) {
    CaptureLoopSettings out;
    out.release.nobodyReleaseSec = s.releaseCameraAfterSec;
    return out;
}

}  // namespace

AppController::AppController(AppOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_window(std::make_unique<MainWindow>()) {
    m_settings = m_options.settings.settings;
    if (!m_options.settings.error.isEmpty()) m_window->showNotice(tr("Settings"), m_options.settings.error);

    m_engine = new EngineWorker(m_mailbox, this);
    m_capture = new CaptureWorker(m_mailbox, captureSettings(m_settings), this);
    m_engine->setFaceCallback([capture = m_capture](bool face) { capture->faceObserved(face); });
    m_window->liveView()->setFrameSource([engine = m_engine] { return engine->latestFrame(); });
    m_window->setOverlay(m_settings.showOverlay);

    m_notifier = new Notifier(QDBusConnection::sessionBus(), this);
    m_power = new PowerWatcher(QDBusConnection::systemBus(), this);
    connect(m_power, &PowerWatcher::sourceChanged, this, &AppController::updateAnalysisRate);
    updateAnalysisRate();
    if (TrayController::trayAvailable()) {
        m_tray = new TrayController(this);
        m_window->setCloseHides(true);
        connect(m_tray, &TrayController::openRequested, this, &AppController::showWindow);
        connect(m_tray, &TrayController::pauseRequested, this, &AppController::pauseFor);
        connect(m_tray, &TrayController::resumeRequested, this, &AppController::resume);
        connect(m_tray, &TrayController::recalibrateRequested, this, &AppController::openCalibration);
        connect(m_tray, &TrayController::routineRequested, this, &AppController::startRoutine);
        connect(m_tray, &TrayController::reportRequested, this, &AppController::openReport);
        connect(m_tray, &TrayController::quitRequested, this, &AppController::quitRequested);
    }

    connect(m_engine, &EngineWorker::loading, m_window.get(), &MainWindow::showLoading);
    connect(m_engine, &EngineWorker::ready, this, [this](bool, bool calibrated) {
        logMilestone("models loaded");
        m_window->showReady(calibrated);
    });
    connect(m_engine, &EngineWorker::failed, m_window.get(), &MainWindow::showFailure);
    connect(m_engine, &EngineWorker::statusChanged, this, &AppController::onStatus);
    connect(m_engine, &EngineWorker::todayChanged, m_window.get(), &MainWindow::showToday);
    connect(m_engine, &EngineWorker::alertRaised, this, &AppController::onAlert);
    connect(m_engine, &EngineWorker::profilesChanged, this, [this](const QStringList& names) { m_profiles = names; });
    connect(m_engine, &EngineWorker::problem, this, [this](const SessionProblem& problem) {
        m_window->showNotice(problem.kind == SessionProblem::Kind::FaceIdFailed ? tr("Face ID") : tr("History"),
                             problemText(problem));
    });
    connect(m_engine, &EngineWorker::recalibrationSuggested, this, [this] {
        m_notifier->notify(u"recalibrate"_s, tr("Time to recalibrate?"),
                           tr("Your posture has read as off for most of the last 20 minutes. If the camera or your "
                              "desk moved, recalibrate from the tray menu."));
    });
    connect(m_engine, &EngineWorker::calibrationFinished, this, [this](const CalibrationResult& result, bool) {
        if (m_calibration) m_calibration->finish(result.baseline.has_value(), QString::fromStdString(result.reason));
    });
    connect(m_capture, &CaptureWorker::stateChanged, this, [this](const CaptureReport& report) {
        m_captureState = report.state;
        m_window->showCaptureState(report.state, captureText(report));
        updateTray();
    });
    connect(m_capture, &CaptureWorker::inputSkipped, this, [this](const QString& reason) {
        m_window->showNotice(tr("Skipped"), tr("A picture that cannot be read was skipped: %1").arg(reason));
    });
    connect(m_notifier, &Notifier::showInWindow, m_window.get(), &MainWindow::showNotice);
    connect(m_notifier, &Notifier::snoozeRequested, this, [this](const QString& tag) {
        if (const auto kind = alertKindFromString(tag.toStdString())) m_engine->snooze(*kind, kSnoozeSec);
    });
    connect(m_notifier, &Notifier::openRequested, this, &AppController::showWindow);
    connect(m_notifier, &Notifier::routineRequested, this, [this](const QString& kind) {
        startRoutine(kind == alertKindKey(AlertKind::EyeBreak) ? kEyesRoutineId : kNeckRoutineId);
    });
    connect(m_engine, &EngineWorker::routineEnded, this, [this](const RoutineSummary& summary) {
        if (m_routine) m_routine->showEnded(summary);
    });
    connect(m_engine, &EngineWorker::routineRefused, this, [this] {
        delete m_routine;
        m_window->showNotice(tr("Routine"),
                             tr("Calibrate first: a routine's positions are measured from your upright posture."));
        openCalibration();
    });

    connect(m_window.get(), &MainWindow::openSourceRequested, this, [this](const QString& spec) {
        m_options.source = spec;
        startCapture(spec);
    });
    connect(m_window.get(), &MainWindow::calibrateRequested, this, &AppController::openCalibration);
    connect(m_window.get(), &MainWindow::routineRequested, this, &AppController::startRoutine);
    connect(m_window.get(), &MainWindow::settingsRequested, this, &AppController::openSettings);
    connect(m_window.get(), &MainWindow::reportRequested, this, &AppController::openReport);
    connect(m_window.get(), &MainWindow::pauseToggled, this, [this](bool paused) {
        if (paused) {
            pauseFor(0);
        } else {
            resume();
        }
    });
    connect(m_window.get(), &MainWindow::overlayToggled, this, [this](bool on) {
        m_settings.showOverlay = on;
        QString error;
        if (!saveSettings(m_settings, settingsPath(), &error)) m_window->showNotice(tr("Settings"), error);
    });
    connect(m_window.get(), &MainWindow::quitRequested, this, &AppController::quitRequested);

    m_resumeTimer.setSingleShot(true);
    connect(&m_resumeTimer, &QTimer::timeout, this, &AppController::resume);
}

AppController::~AppController() {
    shutdown();
    delete m_report;  // top-level windows of their own; null if the user closed them
    delete m_routine;
}

QString AppController::settingsPath() const {
    return QDir(m_options.dataDir).filePath(QStringLiteral("settings.json"));
}

void AppController::startCapture(const QString& spec) {
    m_window->setSourceIsCamera(spec.startsWith(QStringLiteral("camera:")));
    m_capture->start(spec);
}

QString AppController::sourceSpec() const {
    if (!m_options.source.isEmpty()) return m_options.source;
    // By its stable path, else by name (CameraCatalog); the device node as a last resort.
    const auto device =
        resolveCamera({m_settings.cameraId.toStdString(), m_settings.cameraName.toStdString()}, listCameras());
    return device ? QStringLiteral("camera:") + QString::fromStdString(device->string()) : QStringLiteral("camera:0");
}

void AppController::start() {
    if (!QDir(m_options.dataDir).exists() && QDir().mkpath(m_options.dataDir)) {
        // A folder of our own holds the user's history: nobody else may list or read it.
        QFile::setPermissions(m_options.dataDir,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    EngineOptions engine;
    engine.database = QDir(m_options.dataDir).filePath(QStringLiteral("history.db")).toStdString();
    engine.session = m_settings.toSessionSettings();
    engine.profile = m_settings.profile.toStdString();
    engine.retentionDays = m_settings.retentionDays;
    engine.executableDir = QCoreApplication::applicationDirPath().toStdString();
    m_engine->start(engine);
    if (m_tray) {
        m_tray->show();
        updateTray();
    }
    if (!m_options.minimized || !m_tray) showWindow();
    // Runs once the show and paint events queued above have been handled. Capture starts only then:
    // loading the frame-source module holds the dynamic loader, which the GUI thread needs to show.
    QTimer::singleShot(0, this, [this] {
        logMilestone(m_window->isVisible() ? "window shown" : "tray icon shown");
        if (!m_shutDown) startCapture(sourceSpec());  // a SIGTERM may have come first
    });
}

void AppController::logMilestone(const char* what) {
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - m_options.startedAt);
    const std::optional<long long> age = processAgeMs();
    qCInfo(lcStartup, "%s after %lld ms in main(), %lld ms after exec", what, static_cast<long long>(ms.count()),
           age.value_or(-1));
}

void AppController::shutdown() {
    if (m_shutDown) return;
    m_shutDown = true;
    m_capture->stop();
    m_mailbox.close();
    m_engine->stop();
}

void AppController::showWindow() {
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void AppController::updateAnalysisRate() {
    const double fps = analysisFps(m_settings.analysisRate(), m_power->source());
    qCInfo(lcCapture, "analysing %g frames a second", fps);
    m_capture->setAnalysisFps(fps);
}

void AppController::applySettings(const AppSettings& settings) {
    const bool languageChanged = settings.language != m_settings.language;
    const bool cameraChanged = settings.cameraId != m_settings.cameraId;
    const bool profileChanged = settings.profile != m_settings.profile;
    m_settings = settings;
    QString error;
    if (!saveSettings(m_settings, settingsPath(), &error)) m_window->showNotice(tr("Settings"), error);
    if (!setAutostart(m_settings.startAtLogin, QCoreApplication::applicationFilePath(), &error)) {
        m_window->showNotice(tr("Start at login"), error);
    }
    m_engine->setSessionSettings(m_settings.toSessionSettings());
    m_window->setOverlay(m_settings.showOverlay);
    updateAnalysisRate();
    if (cameraChanged && m_options.source.isEmpty()) startCapture(sourceSpec());
    if (profileChanged) {
        m_engine->setProfile(m_settings.profile);
        delete m_report;  // it shows the previous person's history; the next one opens on the new profile
        m_window->showNotice(tr("Profile"), tr("Measuring %1 from now on.").arg(m_settings.profile));
    }
    if (languageChanged) {
        m_window->showNotice(tr("Language"), tr("The new language is used from the next start of PoseSmart."));
    }
}

void AppController::openSettings() {
    auto* dialog = new SettingsDialog(m_settings, m_profiles, m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { applySettings(dialog->settings()); });
    connect(dialog, &SettingsDialog::reenrolRequested, this, [this, dialog] {
        dialog->accept();  // keeps what was changed in the dialog
        openCalibration();
    });
    connect(dialog, &SettingsDialog::deleteAllDataRequested, this, [this] {
        m_engine->deleteAllData();
        m_window->showNotice(tr("Data deleted"),
                             tr("Your history, calibration and Face ID were deleted. Calibrate again to go on."));
    });
    dialog->show();
}

void AppController::openCalibration() {
    showWindow();
    if (!m_calibration) {
        m_calibration = new CalibrationDialog(kCalibrationSec, m_window.get());
        m_calibration->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_calibration, &CalibrationDialog::startRequested, this, [this](double seconds) {
            if (m_paused) resume();
            m_engine->startCalibration(seconds);
        });
    }
    m_calibration->show();
    m_calibration->raise();
}

void AppController::openReport() {
    // Its own top-level window (not a child of the main one), so it stays open when the main
    // window is hidden to the tray. It reads the database on its own thread and connection.
    if (!m_report) {
        m_report = new ReportWindow(QDir(m_options.dataDir).filePath(QStringLiteral("history.db")), m_settings.profile);
        m_report->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_report->showDay(QDate::currentDate());
    m_report->show();
    m_report->raise();
    m_report->activateWindow();
}

RoutineWindow* AppController::routineWindow() const {
    return m_routine;
}

void AppController::startRoutine(const QString& id) {
    if (m_routine && m_routine->running()) {  // one at a time: the one running comes to the front
        m_routine->raise();
        return;
    }
    QString error;
    const std::optional<Routine> routine = builtInRoutine(id, &error);
    if (!routine) {
        m_window->showNotice(tr("Routine"), error);
        return;
    }
    if (m_paused) resume();
    m_notifier->withdraw();
    if (!m_routine) {
        // Its own top-level window, so it shows with the main window hidden to the tray.
        m_routine = new RoutineWindow();
        m_routine->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_routine, &RoutineWindow::stopRequested, m_engine, &EngineWorker::stopRoutine);
    }
    m_routine->showStarting(id);
    m_routine->show();
    m_routine->raise();
    m_engine->startRoutine(*routine);
}

void AppController::pauseFor(int minutes) {
    m_paused = true;
    if (minutes > 0) {
        m_pausedUntil = QDateTime::currentDateTime().addSecs(60LL * minutes);
    } else if (minutes < 0) {
        m_pausedUntil = QDateTime(QDate::currentDate().addDays(1), QTime(0, 0));
    } else {
        m_pausedUntil = {};
    }
    if (m_pausedUntil.isValid()) {
        m_resumeTimer.start(static_cast<int>(
            std::min<qint64>(QDateTime::currentDateTime().msecsTo(m_pausedUntil), std::numeric_limits<int>::max())));
    } else {
        m_resumeTimer.stop();
    }
    m_capture->setPaused(true);
    m_engine->setPaused(true);
    m_window->setPaused(true);
    if (m_tray) {
        m_tray->setPaused(
            true, m_pausedUntil.isValid() ? QLocale().toString(m_pausedUntil, QLocale::ShortFormat) : QString());
    }
    updateTray();
}

void AppController::resume() {
    m_paused = false;
    m_resumeTimer.stop();
    m_capture->setPaused(false);
    m_engine->setPaused(false);
    m_window->setPaused(false);
    if (m_tray) m_tray->setPaused(false, {});
    updateTray();
}

void AppController::onAlert(AlertKind kind) {
    const bool breakDue = kind == AlertKind::SittingTooLong || kind == AlertKind::EyeBreak;
    m_notifier->notify(alertKindKey(kind), alertTitle(kind), alertMessage(kind), breakDue);
    m_lastAlertAt = QDateTime::currentDateTime();
    updateTray();
}

void AppController::onStatus(const LiveStatus& status) {
    if (!m_firstStatusSeen) {
        m_firstStatusSeen = true;
        logMilestone("first frame analysed");
    }
    m_lastStatus = status;
    m_window->showStatus(status);
    if (m_routine) m_routine->showStatus(status);
    if (m_calibration) m_calibration->setProgress(status.calibrationProgress);
    updateTray();
}

void AppController::updateTray() {
    if (!m_tray) return;
    const LiveStatus& s = m_lastStatus;
    if (m_paused) {
        m_tray->setState(TrayState::Paused, {});
    } else if (m_captureState == CaptureState::NoSource || m_captureState == CaptureState::Lost ||
               m_captureState == CaptureState::Ended) {
        m_tray->setState(TrayState::NoCamera, {});
    } else if (s.identity == IdentityState::AnotherPerson) {
        m_tray->setState(TrayState::NotYou, tr("Someone else is in front of the camera: not recording."));
    } else {
        const bool poor = s.calibrated && s.posture != PostureState::Good && s.posture != PostureState::Away &&
                          s.posture != PostureState::Unknown;
        const bool recentAlert =
            m_lastAlertAt.isValid() && m_lastAlertAt.secsTo(QDateTime::currentDateTime()) < kAttentionAfterAlertSec;
        m_tray->setState(poor || recentAlert ? TrayState::Attention : TrayState::Good,
                         s.calibrated ? print::stateName(s.posture) : tr("Not calibrated yet"));
    }
}

}  // namespace posesmart::ui
