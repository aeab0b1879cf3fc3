// SingleInstance against a squatter: the socket lives in the user's private runtime folder (not in
// the world-writable /tmp), a folder open to others is not used, and a listener or a caller of
// another user (a real second process; another user id is played by the `owner` seam) is refused
// with a message instead of being handed over to.
#include "CatchQt.h"
#include "SingleInstance.h"
#include "TestData.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSignalSpy>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <sys/stat.h>

using namespace posesmart;
using namespace posesmart::ui;
using namespace Qt::StringLiterals;

namespace {

// python3 listening on `path` (bound first, as a squatter would), accepting connections until killed.
class Squatter {
public:
    explicit Squatter(const QString& path) {
        m_process.start(u"python3"_s, {u"-c"_s,
                                       uR"py(import socket, sys
s = socket.socket(socket.AF_UNIX)
s.bind(sys.argv[1])
s.listen()
print("ready", flush=True)
while True:
    c, _ = s.accept()
    c.recv(64)
)py"_s,
                                       path});
        REQUIRE(m_process.waitForReadyRead(10000));
        REQUIRE(m_process.readLine().trimmed() == "ready");
    }
    ~Squatter() {
        m_process.kill();
        m_process.waitForFinished();
    }
    Squatter(const Squatter&) = delete;
    Squatter& operator=(const Squatter&) = delete;

private:
    QProcess m_process;
};

// A client of a real second process that connects to `path` and asks for the window.
void askToShow(const QString& path) {
    QProcess client;
    client.start(u"python3"_s, {u"-c"_s,
                                u"import socket, sys\ns = socket.socket(socket.AF_UNIX)\n"
                                "s.connect(sys.argv[1])\ns.sendall(b'show\\n')\ns.close()"_s,
                                path});
    REQUIRE(client.waitForFinished(10000));
    REQUIRE(client.exitCode() == 0);
}

}  // namespace

TEST_CASE("the socket is in the user's private runtime folder, and only there") {
    const auto dir = test::scratchDir("single-runtime");
    const auto saved = qgetenv("XDG_RUNTIME_DIR");
    QString why;
    REQUIRE(::chmod(dir.c_str(), 0700) == 0);
    qputenv("XDG_RUNTIME_DIR", QByteArray(dir.c_str()));
    CHECK(SingleInstance::defaultPath({}, &why) == QString::fromStdString((dir / "posesmart.socket").string()));
    CHECK(SingleInstance::defaultPath(u"abc"_s, &why) ==
          QString::fromStdString((dir / "posesmart-abc.socket").string()));
    REQUIRE(::chmod(dir.c_str(), 0777) == 0);
    CHECK(SingleInstance::defaultPath({}, &why).isEmpty());
    CHECK(why.contains(u"not private"_s));
    qunsetenv("XDG_RUNTIME_DIR");
    CHECK(SingleInstance::defaultPath({}, &why).isEmpty());
    CHECK(why.contains(u"not set"_s));
    qputenv("XDG_RUNTIME_DIR", saved);
}

TEST_CASE("a listener of another user is not handed over to, and that is said") {
    const auto dir = test::scratchDir("single-squatter");
    const QString path = QString::fromStdString((dir / "posesmart.socket").string());
    Squatter squatter(path);
    SingleInstance asAnotherUser(path, ::getuid() + 1);
    CHECK_FALSE(asAnotherUser.notifyRunning());
    CHECK(asAnotherUser.refusal().contains(u"another user"_s));
    // The same listener, as this user's own instance, is asked to show itself.
    SingleInstance asThisUser(path);
    CHECK(asThisUser.notifyRunning());
    CHECK(asThisUser.refusal().isEmpty());
}

TEST_CASE("only a caller of the same user brings the window to the front") {
    const auto dir = test::scratchDir("single-caller");
    const QString path = QString::fromStdString((dir / "posesmart.socket").string());
    SingleInstance mine(path);
    REQUIRE(mine.listen());
    QSignalSpy shown(&mine, &SingleInstance::activationRequested);
    askToShow(path);
    CHECK(shown.wait(3000));

    SingleInstance other(path + u"-other"_s, ::getuid() + 1);
    REQUIRE(other.listen());
    QSignalSpy otherShown(&other, &SingleInstance::activationRequested);
    askToShow(path + u"-other"_s);
    CHECK_FALSE(otherShown.wait(1000));
}
