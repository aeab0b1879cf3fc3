// PrivateBus: a D-Bus of the test's own (`dbus-daemon --session` on a fresh address), stopped with
// the object, for fake services (a notification server, UPower) and the code under test to meet on.
// Exits the test program with 77 (skipped) when dbus-daemon is not installed.
#pragma once

#include <QDBusConnection>
#include <QProcess>
#include <QStringList>

namespace posesmart::test {

class PrivateBus {
public:
    PrivateBus();
    ~PrivateBus();
    PrivateBus(const PrivateBus&) = delete;
    PrivateBus& operator=(const PrivateBus&) = delete;

    // A new connection to the bus (each one is a separate peer with its own unique name).
    QDBusConnection connect();

private:
    QProcess m_daemon;
    QString m_address;
    QStringList m_names;
};

}  // namespace posesmart::test
