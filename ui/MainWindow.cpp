#include "MainWindow.h"

#include "LiveView.h"
#include "ReportText.h"
#include "RoutineText.h"

#include <QCloseEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace posesmart::ui {

QString identityText(IdentityState state) {
    switch (state) {
        case IdentityState::NobodyEnrolled:
            return MainWindow::tr("Off (nobody enrolled)");
        case IdentityState::Checking:
            return MainWindow::tr("Checking…");
        case IdentityState::You:
            return MainWindow::tr("You");
        case IdentityState::AnotherPerson:
            return MainWindow::tr("Someone else: not recording");
    }
    return {};
}

QString durationText(double seconds) {
    const auto total = static_cast<long long>(std::llround(std::max(0.0, seconds)));
    if (total < 60) return MainWindow::tr("%1 s").arg(total);
    const long long minutes = total / 60;
    if (minutes < 60) return MainWindow::tr("%1 min").arg(minutes);
    return MainWindow::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("PoseSmart"));
    auto* central = new QWidget(this);
    auto* outer = new QVBoxLayout(central);

    m_banner = new QFrame(central);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAutoFillBackground(true);
    m_banner->setBackgroundRole(QPalette::ToolTipBase);
    auto* bannerLayout = new QHBoxLayout(m_banner);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setWordWrap(true);
    m_bannerText->setForegroundRole(QPalette::ToolTipText);
    auto* dismiss = new QPushButton(tr("Dismiss"), m_banner);
    connect(dismiss, &QPushButton::clicked, this, [this] {
        m_notices.clear();
        m_banner->hide();
    });
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(dismiss);
    m_banner->hide();
    outer->addWidget(m_banner);

    auto* row = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    m_live = new LiveView(central);
    left->addWidget(m_live, 1);
    m_loading = new QProgressBar(central);
    m_loading->setRange(0, 100);
    m_loading->hide();
    left->addWidget(m_loading);

    m_noSource = new QWidget(central);
    auto* noSourceLayout = new QHBoxLayout(m_noSource);
    m_noSourceText = new QLabel(m_noSource);
    m_noSourceText->setWordWrap(true);
    auto* openVideo = new QPushButton(tr("Open a video file…"), m_noSource);
    auto* openFolder = new QPushButton(tr("Open a folder of images…"), m_noSource);
    connect(openVideo, &QPushButton::clicked, this, &MainWindow::chooseVideo);
    connect(openFolder, &QPushButton::clicked, this, &MainWindow::chooseFolder);
    noSourceLayout->addWidget(m_noSourceText, 1);
    noSourceLayout->addWidget(openVideo);
    noSourceLayout->addWidget(openFolder);
    m_noSource->hide();
    left->addWidget(m_noSource);
    row->addLayout(left, 3);
    row->addWidget(buildSidePanel(), 1);
    outer->addLayout(row, 1);
    setCentralWidget(central);
    buildMenus();
}

QWidget* MainWindow::buildSidePanel() {
    auto* panel = new QWidget(this);
    auto* layout = new QVBoxLayout(panel);
    const auto value = [panel](const char* name) {
        auto* label = new QLabel(QStringLiteral("–"), panel);
        label->setObjectName(QString::fromLatin1(name));
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    };
    auto* now = new QGroupBox(tr("Now"), panel);
    auto* nowForm = new QFormLayout(now);
    nowForm->addRow(tr("Posture:"), m_posture = value("posture"));
    nowForm->addRow(tr("Distance:"), m_distance = value("distance"));
    nowForm->addRow(tr("Blinks:"), m_eyes = value("eyes"));
    nowForm->addRow(tr("Sitting:"), m_sitting = value("sitting"));
    nowForm->addRow(tr("Face ID:"), m_identity = value("identity"));
    nowForm->addRow(tr("Camera:"), m_camera = value("camera"));
    layout->addWidget(now);

    auto* today = new QGroupBox(tr("Today"), panel);
    today->setObjectName(QStringLiteral("today"));
    auto* todayForm = new QFormLayout(today);
    todayForm->addRow(tr("At the screen:"), m_todayMonitored = value("todayMonitored"));
    todayForm->addRow(tr("Good posture:"), m_todayGood = value("todayGood"));
    todayForm->addRow(tr("Blink rate:"), m_todayBlinks = value("todayBlinks"));
    todayForm->addRow(tr("Alerts:"), m_todayAlerts = value("todayAlerts"));
    todayForm->addRow(tr("Breaks:"), m_todayBreaks = value("todayBreaks"));
    todayForm->addRow(tr("Mean distance:"), m_todayDistance = value("todayDistance"));
    auto* report = new QPushButton(tr("Open the report…"), today);
    report->setObjectName(QStringLiteral("openReport"));
    connect(report, &QPushButton::clicked, this, &MainWindow::reportRequested);
    todayForm->addRow(report);
    layout->addWidget(today);
    layout->addStretch(1);
    return panel;
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&PoseSmart"));
    file->addAction(tr("Open a video file…"), this, &MainWindow::chooseVideo);
    file->addAction(tr("Open a folder of images…"), this, &MainWindow::chooseFolder);
    file->addSeparator();
    file->addAction(tr("&Report…"), QKeySequence(tr("Ctrl+R")), this, &MainWindow::reportRequested);
    file->addAction(tr("&Calibrate…"), this, &MainWindow::calibrateRequested);
    QMenu* routines = file->addMenu(tr("Start a rou&tine"));
    routines->addAction(routineName(kNeckRoutineId), this, [this] { emit routineRequested(kNeckRoutineId); });
    routines->addAction(routineName(kEyesRoutineId), this, [this] { emit routineRequested(kEyesRoutineId); });
    file->addAction(tr("&Settings…"), this, &MainWindow::settingsRequested);
    file->addSeparator();
    file->addAction(tr("&Quit"), this, &MainWindow::quitRequested);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_pause = view->addAction(tr("&Pause monitoring"));
    m_pause->setShortcut(QKeySequence(tr("Ctrl+P")));
    m_pause->setCheckable(true);
    connect(m_pause, &QAction::toggled, this, &MainWindow::pauseToggled);
    m_overlay = view->addAction(tr("Show &landmarks and head pose"));
    m_overlay->setCheckable(true);
    m_overlay->setChecked(true);
    connect(m_overlay, &QAction::toggled, this, [this](bool on) {
        m_live->setOverlay(on);
        emit overlayToggled(on);
    });
}

void MainWindow::chooseVideo() {
    const QString file = QFileDialog::getOpenFileName(this, tr("Open a video file"), {},
                                                      tr("Videos (*.mp4 *.avi *.mkv *.mov *.webm);;All files (*)"));
    if (!file.isEmpty()) emit openSourceRequested(file);
}

void MainWindow::chooseFolder() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a folder of images"));
    if (!dir.isEmpty()) emit openSourceRequested(dir);
}

void MainWindow::showLoading(int percent, const QString& what) {
    m_loading->show();
    m_loading->setValue(percent);
    m_loading->setFormat(what);
    m_live->setMessage(what);
}

void MainWindow::showReady(bool calibrated) {
    m_loading->hide();
    m_live->setMessage({});
    if (!calibrated) {
        showNotice(tr("Calibrate first"),
                   tr("Sit comfortably upright and choose PoseSmart ▸ Calibrate… so posture can be judged."));
        m_askedToCalibrate = true;
    }
}

void MainWindow::showFailure(const QString& message) {
    m_loading->hide();
    m_live->setMessage(message);
}

void MainWindow::showStatus(const LiveStatus& s) {
    if (m_askedToCalibrate && s.calibrated) {
        m_askedToCalibrate = false;
        removeNotice(tr("Calibrate first"));
    }
    m_posture->setText(s.picture ? tr("Not measured: this face has not blinked or moved for 2 minutes (a picture?)")
                       : s.calibrationProgress >= 0.0
                           ? tr("Calibrating… %1%").arg(std::lround(100.0 * s.calibrationProgress))
                       : s.calibrated ? print::stateName(s.posture)
                                      : tr("Not calibrated"));
    m_distance->setText(s.faceSeen && s.distanceCm > 0.0 ? tr("%1 cm").arg(std::lround(s.distanceCm))
                                                         : QStringLiteral("–"));
    m_eyes->setText(s.blinkRatePerMin > 0.0 ? tr("%1 per minute").arg(s.blinkRatePerMin, 0, 'f', 1)
                                            : tr("%1 so far").arg(s.blinksThisSession));
    m_sitting->setText(s.present ? durationText(s.sittingSec) : tr("Away"));
    m_identity->setText(identityText(s.identity));
}

void MainWindow::showToday(const PeriodReport& t) {
    m_todayMonitored->setText(durationText(t.monitoredSec));
    m_todayGood->setText(t.monitoredSec > 0.0 ? tr("%1%").arg(std::lround(100.0 * t.goodShare)) : QStringLiteral("–"));
    m_todayBlinks->setText(t.blinksPerMin > 0.0 ? tr("%1 per minute").arg(t.blinksPerMin, 0, 'f', 1)
                                                : QStringLiteral("–"));
    m_todayAlerts->setText(QString::number(t.alerts));
    m_todayBreaks->setText(QString::number(t.breaks));
    m_todayDistance->setText(t.meanDistanceCm > 0.0 ? tr("%1 cm").arg(std::lround(t.meanDistanceCm))
                                                    : QStringLiteral("–"));
}

void MainWindow::showCaptureState(CaptureState state, const QString& detail) {
    const bool noSource = state == CaptureState::NoSource || state == CaptureState::Ended;
    m_noSource->setVisible(noSource);
    switch (state) {
        case CaptureState::Starting:
            m_camera->setText(tr("Starting…"));
            break;
        case CaptureState::Running:
            m_camera->setText(detail.isEmpty() ? tr("On") : tr("On (%1)").arg(detail));
            m_live->setMessage({});
            break;
        case CaptureState::Paused:
            m_camera->setText(tr("Off (paused)"));
            m_live->setMessage(tr("Paused. The camera is off."));
            break;
        case CaptureState::Released:
            m_camera->setText(tr("Off"));
            m_live->setMessage(detail);
            break;
        case CaptureState::Lost:
            m_camera->setText(tr("Camera lost"));
            m_live->setMessage(tr("Camera lost. PoseSmart goes on by itself when it is back.\n%1").arg(detail));
            break;
        case CaptureState::NoSource:
            if (m_sourceIsCamera) {
                m_camera->setText(tr("No camera"));
                m_noSourceText->setText(tr("No camera could be opened (%1). You can open a video file or a folder "
                                           "of images instead.")
                                            .arg(detail));
                m_live->setMessage(tr("No camera"));
            } else {
                m_camera->setText(tr("Cannot be read"));
                m_noSourceText->setText(
                    tr("This video or folder cannot be read (%1). You can open another video file or folder of "
                       "images.")
                        .arg(detail));
                m_live->setMessage(tr("The video or folder cannot be read."));
            }
            break;
        case CaptureState::Ended:
            m_camera->setText(tr("Video ended"));
            m_noSourceText->setText(tr("The video has ended. Open another one, or a folder of images."));
            m_live->setMessage(tr("The video has ended."));
            break;
    }
}

void MainWindow::showNotice(const QString& title, const QString& body) {
    // A notice replaces an earlier one of the same title only: "Calibrate first" must not hide a
    // damaged settings file, nor the other way round.
    const auto same = std::find_if(m_notices.begin(), m_notices.end(),
                                   [&](const std::pair<QString, QString>& n) { return n.first == title; });
    if (same != m_notices.end()) {
        same->second = body;
    } else {
        m_notices.emplace_back(title, body);
    }
    showNotices();
}

void MainWindow::removeNotice(const QString& title) {
    std::erase_if(m_notices, [&](const std::pair<QString, QString>& n) { return n.first == title; });
    showNotices();
}

void MainWindow::showNotices() {
    QStringList parts;
    for (const auto& [title, body] : m_notices)
        parts.append(QStringLiteral("<b>%1</b><br>%2").arg(title.toHtmlEscaped(), body.toHtmlEscaped()));
    m_bannerText->setText(parts.join(QStringLiteral("<br><br>")));
    m_banner->setVisible(!m_notices.empty());
}

QStringList MainWindow::noticeTitles() const {
    QStringList titles;
    for (const auto& notice : m_notices) titles.append(notice.first);
    return titles;
}

void MainWindow::setPaused(bool paused) {
    const QSignalBlocker block(m_pause);
    m_pause->setChecked(paused);
}

void MainWindow::setOverlay(bool on) {
    const QSignalBlocker block(m_overlay);
    m_overlay->setChecked(on);
    m_live->setOverlay(on);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_closeHides) {
        hide();
        event->ignore();
        return;
    }
    const auto answer = QMessageBox::question(this, tr("Quit PoseSmart?"),
                                              tr("There is no system tray to keep PoseSmart running in. Quit and "
                                                 "stop monitoring?"));
    if (answer == QMessageBox::Yes) {
        event->ignore();
        emit quitRequested();
    } else {
        event->ignore();
    }
}

}  // namespace posesmart::ui
