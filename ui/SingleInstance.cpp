#include "SingleInstance.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace posesmart::ui {

namespace {
constexpr int kConnectMs = 500;
const QByteArray kShow = QByteArrayLiteral("show\n");

// The user id of the process at the other end of a connected local socket, or -1.
long long peerUid(qintptr descriptor) {
    ucred credentials{};
    socklen_t size = sizeof credentials;
    if (::getsockopt(static_cast<int>(descriptor), SOL_SOCKET, SO_PEERCRED, &credentials, &size) != 0) return -1;
    return credentials.uid;
}
}  // namespace

SingleInstance::SingleInstance(QString socketPath, uid_t owner, QObject* parent)
    : QObject(parent), m_path(std::move(socketPath)), m_owner(owner) {}

QString SingleInstance::defaultPath(const QString& dataDirHash, QString* why) {
    const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
    struct stat info {};
    if (runtime.isEmpty()) {
        *why = QStringLiteral("XDG_RUNTIME_DIR is not set");
        return {};
    }
    if (::stat(runtime.constData(), &info) != 0 || !S_ISDIR(info.st_mode)) {
        *why = QStringLiteral("XDG_RUNTIME_DIR (%1) is not a folder").arg(QString::fromLocal8Bit(runtime));
        return {};
    }
    if (info.st_uid != ::getuid() || (info.st_mode & 077) != 0) {
        *why = QStringLiteral("XDG_RUNTIME_DIR (%1) is not private to this user (owner %2, mode %3)")
                   .arg(QString::fromLocal8Bit(runtime))
                   .arg(info.st_uid)
                   .arg(info.st_mode & 0777, 3, 8, QLatin1Char('0'));
        return {};
    }
    const QString suffix = dataDirHash.isEmpty() ? QString() : u'-' + dataDirHash;
    return QString::fromLocal8Bit(runtime) + u"/posesmart" + suffix + u".socket";
}

bool SingleInstance::notifyRunning() {
    QLocalSocket socket;
    socket.connectToServer(m_path);
    if (!socket.waitForConnected(kConnectMs)) return false;
    const long long uid = peerUid(socket.socketDescriptor());
    if (uid != static_cast<long long>(m_owner)) {
        m_refusal = QStringLiteral("%1 is held by another user's program (uid %2), not PoseSmart: not handing over")
                        .arg(m_path)
                        .arg(uid);
        socket.abort();
        return false;
    }
    socket.write(kShow);
    socket.waitForBytesWritten(kConnectMs);
    socket.disconnectFromServer();
    return true;
}

bool SingleInstance::listen() {
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_path)) {
        // A socket left behind by a crashed instance (nobody answered notifyRunning), or one a
        // refused listener holds in our own folder: take it over.
        QLocalServer::removeServer(m_path);
        if (!m_server->listen(m_path)) {
            m_error = m_server->errorString();
            return false;
        }
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket* socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            if (peerUid(socket->socketDescriptor()) != static_cast<long long>(m_owner)) {
                socket->abort();
                continue;
            }
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                if (socket->readAll().startsWith(kShow.trimmed())) emit activationRequested();
            });
        }
    });
    return true;
}

}  // namespace posesmart::ui
