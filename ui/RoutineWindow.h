// RoutineWindow: the small always-on-top window of a guided routine. It shows the current step in
// words and as a drawing (RoutineFigure, whose ring fills while the position is held), the count of
// steps and repetitions, and ends the routine with one click (or by being closed). It is a window of
// its own, so it works with the main window hidden to the tray. It only shows what the live session
// reports (LiveStatus::routine) and asks for the stop; the session decides everything.
#pragma once

#include "session/LiveStatus.h"
#include "session/SessionObserver.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace posesmart::ui {

class RoutineFigure;

class RoutineWindow : public QWidget {
    Q_OBJECT
public:
    explicit RoutineWindow(QWidget* parent = nullptr);

    // Asked for; the first status follows with the next analysed frame.
    void showStarting(const QString& routineId);
    // The session's state with a routine running (status.routine set; ignored otherwise).
    void showStatus(const LiveStatus& status);
    // The verdict; the window closes itself after a few seconds.
    void showEnded(const RoutineSummary& summary);

    [[nodiscard]] bool running() const { return m_running; }
    [[nodiscard]] const RoutineFigure* figure() const { return m_figure; }

    static constexpr int kCloseAfterEndMs = 8000;

signals:
    // The user ended the routine early (the button, Escape, or closing the window while it runs).
    void stopRequested();

protected:
    void closeEvent(QCloseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;  // Escape closes it (and so ends the routine)

private:
    QLabel* m_title = nullptr;
    QLabel* m_stepCount = nullptr;
    RoutineFigure* m_figure = nullptr;
    QLabel* m_instruction = nullptr;
    QLabel* m_hold = nullptr;
    QPushButton* m_button = nullptr;
    QTimer m_closeTimer;
    bool m_running = false;
    bool m_statusSeen = false;  // this window's routine has begun (a status came since showStarting)
};

}  // namespace posesmart::ui
