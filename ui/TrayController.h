// TrayController: the system tray icon. Its picture and tooltip show the current state (good, needs
// attention, paused, no camera, not you); its menu opens the window, pauses or resumes watching,
// starts a guided routine, recalibrates, shows today's report and quits. It only reports the user's choices as signals.
#pragma once

#include <QIcon>
#include <QObject>
#include <QString>
#include <memory>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace posesmart::ui {

enum class TrayState { Good, Attention, Paused, NoCamera, NotYou };

// The tray picture of a state (one SVG per state from the app's resources).
QIcon trayIcon(TrayState state);
// A short translated name of a state, e.g. "Needs attention".
QString trayStateText(TrayState state);

class TrayController : public QObject {
    Q_OBJECT
public:
    explicit TrayController(QObject* parent = nullptr);
    ~TrayController() override;

    // True when the desktop has a system tray to show the icon in.
    static bool trayAvailable();
    void show();
    // Icon and tooltip: "PoseSmart: <state>", plus `detail` on a second line when not empty.
    void setState(TrayState state, const QString& detail);
    [[nodiscard]] TrayState state() const { return m_state; }
    [[nodiscard]] QString toolTip() const;
    [[nodiscard]] QMenu* menu() const { return m_menu.get(); }
    // While paused the menu offers Resume, under a disabled "Paused until <untilText>" line, instead of
    // the pause choices.
    void setPaused(bool paused, const QString& untilText);

signals:
    void openRequested();
    // 15 or 60 minutes, or -1 for until tomorrow.
    void pauseRequested(int minutes);
    void resumeRequested();
    void recalibrateRequested();
    // A guided routine by id (RoutineText: kNeckRoutineId, kEyesRoutineId).
    void routineRequested(const QString& id);
    void reportRequested();
    void quitRequested();

private:
    QAction* addAction(const QString& text, const char* objectName);

    std::unique_ptr<QMenu> m_menu;  // a QMenu is a widget: it cannot be a child of this QObject
    QSystemTrayIcon* m_icon = nullptr;
    QAction* m_pausedUntil = nullptr;
    QAction* m_pause15 = nullptr;
    QAction* m_pause60 = nullptr;
    QAction* m_pauseTomorrow = nullptr;
    QAction* m_resume = nullptr;
    TrayState m_state = TrayState::Good;
    bool m_iconSet = false;
};

}  // namespace posesmart::ui
