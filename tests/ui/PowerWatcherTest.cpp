// PowerWatcher against a fake UPower on a private D-Bus: the battery state read at start, followed
// through PropertiesChanged (with the new value, or only invalidated: asked again), and Unknown
// (treated as mains by the analysis rate) where no UPower answers. Skipped (exit 77) without dbus-daemon.
#include "CatchQt.h"
#include "PowerWatcher.h"
#include "PrivateBus.h"
#include "capture/AnalysisRate.h"

#include <QDBusMessage>
#include <QSignalSpy>
#include <QTest>
#include <catch2/catch.hpp>

using namespace posesmart;
using namespace posesmart::ui;
using posesmart::test::PrivateBus;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 5000;
const QString kService = u"org.freedesktop.UPower"_s;
const QString kPath = u"/org/freedesktop/UPower"_s;

// UPower's daemon object: its OnBattery property (Get through org.freedesktop.DBus.Properties).
class FakeUPower : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.UPower")
    Q_PROPERTY(bool OnBattery READ onBattery)
public:
    explicit FakeUPower(bool battery) : m_battery(battery) {}
    [[nodiscard]] bool onBattery() const { return m_battery; }

    void serveOn(QDBusConnection bus) {
        m_bus = bus;
        REQUIRE(bus.registerObject(kPath, this, QDBusConnection::ExportAllProperties));
        REQUIRE(bus.registerService(kService));
    }
    // The power source changes; UPower says so with the new value, or only that it changed.
    void change(bool battery, bool valueInSignal) {
        m_battery = battery;
        QDBusMessage signal =
            QDBusMessage::createSignal(kPath, u"org.freedesktop.DBus.Properties"_s, u"PropertiesChanged"_s);
        signal << kService << (valueInSignal ? QVariantMap{{u"OnBattery"_s, battery}} : QVariantMap{})
               << (valueInSignal ? QStringList{} : QStringList{u"OnBattery"_s});
        REQUIRE(m_bus.send(signal));
    }

private:
    bool m_battery;
    QDBusConnection m_bus{QString()};
};

}  // namespace

TEST_CASE("on battery at start: the watcher reads it, and the automatic rate is 15 a second", "[power]") {
    PrivateBus bus;
    FakeUPower upower(true);
    upower.serveOn(bus.connect());
    PowerWatcher watcher(bus.connect());
    QSignalSpy changes(&watcher, &PowerWatcher::sourceChanged);
    REQUIRE(changes.wait(kWaitMs));
    CHECK(watcher.source() == PowerSource::Battery);
    CHECK(analysisFps(AnalysisRateSetting::Automatic, watcher.source()) == 15.0);
}

TEST_CASE("plugged in and out: followed through PropertiesChanged, with or without the value", "[power]") {
    PrivateBus bus;
    FakeUPower upower(false);
    upower.serveOn(bus.connect());
    PowerWatcher watcher(bus.connect());
    QSignalSpy changes(&watcher, &PowerWatcher::sourceChanged);
    REQUIRE(changes.wait(kWaitMs));
    CHECK(watcher.source() == PowerSource::Mains);
    CHECK(analysisFps(AnalysisRateSetting::Automatic, watcher.source()) == 30.0);

    upower.change(true, true);
    REQUIRE(changes.wait(kWaitMs));
    CHECK(watcher.source() == PowerSource::Battery);

    upower.change(false, false);  // only invalidated: the watcher asks again
    REQUIRE(changes.wait(kWaitMs));
    CHECK(watcher.source() == PowerSource::Mains);
    CHECK(changes.count() == 3);
}

TEST_CASE("without UPower the source stays unknown, which the rate treats as mains", "[power]") {
    PrivateBus bus;
    PowerWatcher watcher(bus.connect());
    QSignalSpy changes(&watcher, &PowerWatcher::sourceChanged);
    CHECK_FALSE(changes.wait(1000));
    CHECK(watcher.source() == PowerSource::Unknown);
    CHECK(analysisFps(AnalysisRateSetting::Automatic, watcher.source()) == 30.0);

    PowerWatcher offline(QDBusConnection(u"not-connected"_s));
    CHECK(offline.source() == PowerSource::Unknown);
}

#include "PowerWatcherTest.moc"
