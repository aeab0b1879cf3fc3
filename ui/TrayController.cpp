#include "TrayController.h"

#include "RoutineText.h"

#include <QCoreApplication>
#include <QMenu>
#include <QSystemTrayIcon>

namespace posesmart::ui {

namespace {
constexpr int kQuarterHour = 15;
constexpr int kHour = 60;
constexpr int kUntilTomorrow = -1;
}  // namespace

QIcon trayIcon(TrayState state) {
    switch (state) {
        case TrayState::Good:
            return QIcon(QStringLiteral(":/icons/tray-good.svg"));
        case TrayState::Attention:
            return QIcon(QStringLiteral(":/icons/tray-attention.svg"));
        case TrayState::Paused:
            return QIcon(QStringLiteral(":/icons/tray-paused.svg"));
        case TrayState::NoCamera:
            return QIcon(QStringLiteral(":/icons/tray-no-camera.svg"));
        case TrayState::NotYou:
            return QIcon(QStringLiteral(":/icons/tray-not-you.svg"));
    }
    return QIcon(QStringLiteral(":/icons/posesmart.svg"));
}

// Same context as TrayController::tr(), so all the tray's strings are translated together.
QString trayStateText(TrayState state) {
    switch (state) {
        case TrayState::Good:
            return QCoreApplication::translate("posesmart::ui::TrayController", "Posture good");
        case TrayState::Attention:
            return QCoreApplication::translate("posesmart::ui::TrayController", "Needs attention");
        case TrayState::Paused:
            return QCoreApplication::translate("posesmart::ui::TrayController", "Paused");
        case TrayState::NoCamera:
            return QCoreApplication::translate("posesmart::ui::TrayController", "No camera");
        case TrayState::NotYou:
            return QCoreApplication::translate("posesmart::ui::TrayController", "Not you");
    }
    return {};
}

TrayController::TrayController(QObject* parent)
    : QObject(parent), m_menu(std::make_unique<QMenu>()), m_icon(new QSystemTrayIcon(this)) {
    connect(addAction(tr("Open PoseSmart"), "actionOpen"), &QAction::triggered, this, &TrayController::openRequested);
    m_menu->addSeparator();
    m_pausedUntil = addAction(QString(), "actionPausedUntil");
    m_pausedUntil->setEnabled(false);
    m_pause15 = addAction(tr("Pause for 15 minutes"), "actionPause15");
    m_pause60 = addAction(tr("Pause for 1 hour"), "actionPause60");
    m_pauseTomorrow = addAction(tr("Pause until tomorrow"), "actionPauseTomorrow");
    m_resume = addAction(tr("Resume"), "actionResume");
    connect(m_pause15, &QAction::triggered, this, [this] { emit pauseRequested(kQuarterHour); });
    connect(m_pause60, &QAction::triggered, this, [this] { emit pauseRequested(kHour); });
    connect(m_pauseTomorrow, &QAction::triggered, this, [this] { emit pauseRequested(kUntilTomorrow); });
    connect(m_resume, &QAction::triggered, this, &TrayController::resumeRequested);
    m_menu->addSeparator();
    QMenu* routines = m_menu->addMenu(tr("Start a routine"));
    routines->menuAction()->setObjectName(QStringLiteral("menuRoutines"));
    for (const auto& [id, objectName] :
         {std::pair{kNeckRoutineId, "actionRoutineNeck"}, std::pair{kEyesRoutineId, "actionRoutineEyes"}}) {
        QAction* action = routines->addAction(routineName(id));
        action->setObjectName(QLatin1String(objectName));
        connect(action, &QAction::triggered, this, [this, id] { emit routineRequested(id); });
    }
    connect(addAction(tr("Recalibrate…"), "actionRecalibrate"), &QAction::triggered, this,
            &TrayController::recalibrateRequested);
    connect(addAction(tr("Today's report"), "actionReport"), &QAction::triggered, this,
            &TrayController::reportRequested);
    m_menu->addSeparator();
    connect(addAction(tr("Quit"), "actionQuit"), &QAction::triggered, this, &TrayController::quitRequested);

    m_icon->setContextMenu(m_menu.get());
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger) emit openRequested();
    });
    setPaused(false, {});
    setState(TrayState::Good, {});
}

TrayController::~TrayController() = default;

bool TrayController::trayAvailable() {
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayController::show() {
    m_icon->show();
}

void TrayController::setState(TrayState state, const QString& detail) {
    // Called with every status (ten times a second): the icon is only set again when it changes,
    // since setting it makes the tray render it anew.
    if (state != m_state || !m_iconSet) m_icon->setIcon(trayIcon(state));
    m_state = state;
    m_iconSet = true;
    QString text = tr("PoseSmart: %1").arg(trayStateText(state));
    if (!detail.isEmpty()) text += u'\n' + detail;
    if (text != m_icon->toolTip()) m_icon->setToolTip(text);
}

QString TrayController::toolTip() const {
    return m_icon->toolTip();
}

void TrayController::setPaused(bool paused, const QString& untilText) {
    m_pausedUntil->setText(untilText.isEmpty() ? tr("Paused") : tr("Paused until %1").arg(untilText));
    m_pausedUntil->setVisible(paused);
    m_resume->setVisible(paused);
    m_pause15->setVisible(!paused);
    m_pause60->setVisible(!paused);
    m_pauseTomorrow->setVisible(!paused);
}

QAction* TrayController::addAction(const QString& text, const char* objectName) {
    QAction* action = m_menu->addAction(text);
    action->setObjectName(QLatin1String(objectName));
    return action;
}

}  // namespace posesmart::ui
