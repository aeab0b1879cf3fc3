// SingleInstance: one PoseSmart per user session. The first instance listens on a local socket
// named after the user; a second launch finds it, asks it to come to the front, and exits.
#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace posesmart::ui {

class SingleInstance : public QObject {
    Q_OBJECT
public:
    // `key` names the socket (tests use their own); the default includes the user id.
    explicit SingleInstance(QString key = defaultKey(), QObject* parent = nullptr);
    // True when another instance answered and was asked to show itself: this one should exit.
    bool notifyRunning();
    // Starts listening; false (with a reason in errorString) when that fails.
    bool listen();
    [[nodiscard]] QString errorString() const { return m_error; }
    static QString defaultKey();

signals:
    void activationRequested();

private:
    QString m_key;
    QString m_error;
    QLocalServer* m_server = nullptr;
};

}  // namespace posesmart::ui
