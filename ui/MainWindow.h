// MainWindow: the live view with its overlay, the state of each concern (posture, distance,
// eyes, sitting, Face ID, camera), today's numbers at a glance, and a banner for messages that
// have no notification service to go to. No camera: a plain message with buttons to open a video
// file or a folder of images instead. Presentation only: AppController feeds it and acts on its
// signals.
#pragma once

#include "CaptureWorker.h"
#include "LiveFrame.h"

#include <QMainWindow>
#include <QStringList>
#include <utility>
#include <vector>

class QLabel;
class QProgressBar;
class QPushButton;
class QAction;
class QFrame;

namespace posesmart::ui {

class LiveView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    [[nodiscard]] LiveView* liveView() const { return m_live; }
    void showLoading(int percent, const QString& what);
    void showReady(bool calibrated);
    void showFailure(const QString& message);
    void showStatus(const LiveStatus& status);
    void showToday(const PeriodReport& today);
    void showCaptureState(CaptureState state, const QString& detail);
    // A banner notice; each title is shown once (a new body replaces its old one), others stay.
    void showNotice(const QString& title, const QString& body);
    [[nodiscard]] QStringList noticeTitles() const;
    // What the capture opens: a camera, or a video or images (the words when it cannot be opened).
    void setSourceIsCamera(bool camera) { m_sourceIsCamera = camera; }
    void setPaused(bool paused);
    void setOverlay(bool on);
    // With a tray, closing hides the window; without one it asks whether to quit.
    void setCloseHides(bool hides) { m_closeHides = hides; }

signals:
    void openSourceRequested(const QString& spec);
    void calibrateRequested();
    void routineRequested(const QString& id);
    void settingsRequested();
    void reportRequested();
    void pauseToggled(bool paused);
    void overlayToggled(bool on);
    void quitRequested();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void removeNotice(const QString& title);
    void showNotices();
    void buildMenus();
    QWidget* buildSidePanel();
    void chooseVideo();
    void chooseFolder();

    LiveView* m_live = nullptr;
    QFrame* m_banner = nullptr;
    QLabel* m_bannerText = nullptr;
    bool m_askedToCalibrate = false;  // the banner shows "Calibrate first"
    bool m_sourceIsCamera = true;
    std::vector<std::pair<QString, QString>> m_notices;  // title, body; in the order they came
    QProgressBar* m_loading = nullptr;
    QWidget* m_noSource = nullptr;
    QLabel* m_noSourceText = nullptr;
    QLabel* m_posture = nullptr;
    QLabel* m_distance = nullptr;
    QLabel* m_eyes = nullptr;
    QLabel* m_sitting = nullptr;
    QLabel* m_identity = nullptr;
    QLabel* m_camera = nullptr;
    QLabel* m_todayMonitored = nullptr;
    QLabel* m_todayGood = nullptr;
    QLabel* m_todayBlinks = nullptr;
    QLabel* m_todayAlerts = nullptr;
    QLabel* m_todayBreaks = nullptr;
    QLabel* m_todayDistance = nullptr;
    QAction* m_pause = nullptr;
    QAction* m_overlay = nullptr;
    bool m_closeHides = false;
};

// Words for the user (posture states: print::stateName).
QString identityText(IdentityState state);
QString durationText(double seconds);  // "1 h 05 min", "12 min", "40 s"

}  // namespace posesmart::ui
