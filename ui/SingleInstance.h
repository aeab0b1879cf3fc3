// SingleInstance: one PoseSmart per user session. The first instance listens on a local socket in
// the user's private runtime folder ($XDG_RUNTIME_DIR, which must be the user's own and 0700); a
// second launch finds it, checks that the listener runs as the same user (SO_PEERCRED), asks it to
// come to the front, and exits. A listener of another user is refused, with a message.
#pragma once

#include <QObject>
#include <QString>
#include <sys/types.h>
#include <unistd.h>

class QLocalServer;

namespace posesmart::ui {

class SingleInstance : public QObject {
    Q_OBJECT
public:
    // `socketPath`: where the socket lives (defaultPath()); `owner`: the user a listener or a caller
    // must run as (tests pass another id to play a second user).
    explicit SingleInstance(QString socketPath, uid_t owner = ::getuid(), QObject* parent = nullptr);
    // True when an instance of the same user answered and was asked to show itself: this one should
    // exit. False when nobody listens, or when the listener is refused (refusal() says why).
    bool notifyRunning();
    // Starts listening; false (with a reason in errorString) when that fails.
    bool listen();
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] QString refusal() const { return m_refusal; }
    // `$XDG_RUNTIME_DIR/posesmart[-<data folder hash>].socket`; empty (with the reason in `why`)
    // when that folder is missing, not the user's, or open to others.
    static QString defaultPath(const QString& dataDirHash, QString* why);

signals:
    void activationRequested();

private:
    QString m_path;
    uid_t m_owner;
    QString m_error;
    QString m_refusal;
    QLocalServer* m_server = nullptr;
};

}  // namespace posesmart::ui
