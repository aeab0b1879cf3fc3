#include "PrivateBus.h"

#include <QStandardPaths>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <iostream>

using namespace Qt::StringLiterals;

namespace posesmart::test {

namespace {
constexpr int kWaitMs = 5000;
}

PrivateBus::PrivateBus() {
    const QString daemon = QStandardPaths::findExecutable(u"dbus-daemon"_s);
    if (daemon.isEmpty()) {
        std::cout << "SKIPPED: dbus-daemon not found (install the Debian package dbus)" << std::endl;
        std::exit(77);
    }
    m_daemon.start(daemon, {u"--session"_s, u"--nofork"_s, u"--print-address=1"_s});
    REQUIRE(m_daemon.waitForStarted(kWaitMs));
    while (!m_daemon.canReadLine()) REQUIRE(m_daemon.waitForReadyRead(kWaitMs));
    m_address = QString::fromUtf8(m_daemon.readLine().trimmed());
    REQUIRE_FALSE(m_address.isEmpty());
}

PrivateBus::~PrivateBus() {
    for (const QString& name : m_names) QDBusConnection::disconnectFromBus(name);
    m_daemon.terminate();
    m_daemon.waitForFinished(kWaitMs);
}

QDBusConnection PrivateBus::connect() {
    static int count = 0;
    const QString name = u"private-bus-test-%1"_s.arg(++count);
    m_names.append(name);
    QDBusConnection bus = QDBusConnection::connectToBus(m_address, name);
    REQUIRE(bus.isConnected());
    return bus;
}

}  // namespace posesmart::test
