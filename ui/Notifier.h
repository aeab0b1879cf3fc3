// Notifier: desktop notifications through the freedesktop service org.freedesktop.Notifications on
// D-Bus. One at a time: each notification replaces the previous one. Offers "Snooze for 1 hour" and
// "Open" buttons where the service supports actions, and for a break "Start a 1-minute routine". Every call is
// asynchronous, so the GUI thread never waits for the notification daemon. Without a service (or when it fails) the
// notification is handed to the main window instead (showInWindow).
#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QString>
#include <optional>

class QDBusPendingCallWatcher;

namespace posesmart::ui {

class Notifier : public QObject {
    Q_OBJECT
public:
    explicit Notifier(const QDBusConnection& bus = QDBusConnection::sessionBus(), QObject* parent = nullptr);

    // True when a notification service owns its name on the bus now (a daemon may start later).
    [[nodiscard]] bool serviceAvailable() const;
    // Shows title and body, replacing the notification shown before. `kind` (an alert kind) comes
    // back with snoozeRequested and routineRequested. `offerRoutine`: a break is due, the
    // notification offers a guided routine.
    void notify(const QString& kind, const QString& title, const QString& body, bool offerRoutine = false);
    // Closes the notification on screen, if any.
    void withdraw();

signals:
    // The user pressed "Snooze for 1 hour" on a notification of this kind.
    void snoozeRequested(const QString& kind);
    // The user pressed "Start a 1-minute routine" on a notification of this kind.
    void routineRequested(const QString& kind);
    // The user clicked a notification.
    void openRequested();
    // No notification service: the main window should show this itself.
    void showInWindow(const QString& title, const QString& body);

private slots:
    void onActionInvoked(uint id, const QString& action);
    void onNotificationClosed(uint id, uint reason);

private:
    struct Request {
        QString kind;
        QString title;
        QString body;
        bool offerRoutine = false;
    };

    void onServiceOwnerChanged(const QString& newOwner);
    void fetchCapabilities();
    void onCapabilities(QDBusPendingCallWatcher* watcher, quint64 generation);
    void sendNext();
    void send(const Request& request);
    void onNotifyFinished(QDBusPendingCallWatcher* watcher, const Request& request, quint64 generation);
    void closeShown();

    QDBusConnection m_bus;
    std::optional<bool> m_actions;  // the service supports actions; unknown until GetCapabilities answers
    bool m_capabilitiesPending = false;
    quint64 m_generation = 0;          // counts service owner changes: answers from an older owner are ignored
    std::optional<Request> m_waiting;  // the latest request, held while a call is in flight
    bool m_notifyPending = false;
    bool m_withdrawPending = false;  // withdraw() came while Notify was in flight
    uint m_lastId = 0;  // the id of our latest notification; its buttons may still be pressed after it closed
    QString m_lastKind;
    bool m_onScreen = false;  // m_lastId is still shown: the next notification replaces it
};

}  // namespace posesmart::ui
