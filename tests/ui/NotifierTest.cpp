// Notifier against a fake notification server on a real, private D-Bus (dbus-daemon): what Notify
// carries (texts, app name and icon, hints, buttons only where the server has actions), one
// notification at a time (replaces_id), snooze, routine and open from the server's ActionInvoked, withdraw,
// a server that starts later or fails, and the in-window fallback without any server.
// Skipped (exit 77) when dbus-daemon is not installed.
#include "CatchQt.h"
#include "Notifier.h"
#include "PrivateBus.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QDBusError>
#include <QSignalSpy>
#include <QTest>
#include <QVariantMap>
#include <catch2/catch.hpp>
#include <functional>

using namespace posesmart::ui;
using posesmart::test::PrivateBus;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 5000;
const QString kService = u"org.freedesktop.Notifications"_s;
const QString kPath = u"/org/freedesktop/Notifications"_s;

struct NotifyCall {
    QString appName;
    uint replacesId = 0;
    QString appIcon;
    QString summary;
    QString body;
    QStringList actions;
    QVariantMap hints;
    int expireTimeout = 0;
};

// The freedesktop notification server's interface, recording what it is asked.
class FakeNotificationServer : public QObject, protected QDBusContext {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    QList<NotifyCall> notifies;
    QList<uint> closed;
    int capabilityQueries = 0;
    QStringList capabilities{u"actions"_s, u"body"_s};
    bool fail = false;

    // Registers this object and the service name on `bus`.
    void serveOn(QDBusConnection bus) {
        REQUIRE(bus.registerObject(kPath, this, QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
        REQUIRE(bus.registerService(kService));
    }

public slots:
    uint Notify(const QString& appName, uint replacesId, const QString& appIcon, const QString& summary,
                const QString& body, const QStringList& actions, const QVariantMap& hints, int expireTimeout) {
        notifies.append({appName, replacesId, appIcon, summary, body, actions, hints, expireTimeout});
        if (fail) {
            sendErrorReply(QDBusError::Failed, u"refused"_s);
            return 0;
        }
        return replacesId != 0 ? replacesId : ++m_lastId;
    }
    QStringList GetCapabilities() {
        ++capabilityQueries;
        return capabilities;
    }
    void CloseNotification(uint id) { closed.append(id); }

signals:
    void ActionInvoked(uint id, const QString& actionKey);
    void NotificationClosed(uint id, uint reason);

private:
    uint m_lastId = 100;
};

bool waitFor(const std::function<bool()>& condition) {
    return QTest::qWaitFor(condition, kWaitMs);
}

}  // namespace

TEST_CASE("A notification reaches the service with its texts, hints and buttons", "[notifier]") {
    PrivateBus bus;
    FakeNotificationServer server;
    server.serveOn(bus.connect());
    Notifier notifier(bus.connect());
    CHECK(notifier.serviceAvailable());
    QSignalSpy inWindow(&notifier, &Notifier::showInWindow);

    notifier.notify(u"forward_head"_s, u"Sit back"_s, u"Your head has been forward for 2 minutes."_s);
    REQUIRE(waitFor([&] { return server.notifies.size() == 1; }));
    const NotifyCall& call = server.notifies.at(0);
    CHECK(call.appName == u"PoseSmart"_s);
    CHECK(call.replacesId == 0);
    CHECK(call.appIcon == u"io.github.posesmart.PoseSmart"_s);
    CHECK(call.summary == u"Sit back"_s);
    CHECK(call.body == u"Your head has been forward for 2 minutes."_s);
    CHECK(call.actions == QStringList{u"snooze"_s, u"Snooze for 1 hour"_s, u"default"_s, u"Open"_s});
    CHECK(call.hints.value(u"desktop-entry"_s).toString() == u"io.github.posesmart.PoseSmart"_s);
    CHECK(call.hints.value(u"urgency"_s).metaType() == QMetaType::fromType<uchar>());
    CHECK(call.hints.value(u"urgency"_s).toInt() == 1);
    CHECK(call.hints.value(u"category"_s).toString() == u"presence"_s);
    CHECK(call.expireTimeout == 10000);

    notifier.notify(u"slouch"_s, u"Sit up"_s, u"You have been slouching."_s);
    REQUIRE(waitFor([&] { return server.notifies.size() == 2; }));
    CHECK(server.capabilityQueries == 1);  // asked once, then cached
    CHECK(inWindow.count() == 0);
}

TEST_CASE("Without the actions capability a notification has no buttons", "[notifier]") {
    PrivateBus bus;
    FakeNotificationServer server;
    server.capabilities = {u"body"_s};
    server.serveOn(bus.connect());
    Notifier notifier(bus.connect());

    notifier.notify(u"tilted"_s, u"Head tilted"_s, u"Straighten your head."_s);
    REQUIRE(waitFor([&] { return server.notifies.size() == 1; }));
    CHECK(server.notifies.at(0).actions.isEmpty());
    CHECK(server.notifies.at(0).summary == u"Head tilted"_s);
}

TEST_CASE("One notification at a time: each one replaces the previous", "[notifier]") {
    PrivateBus bus;
    FakeNotificationServer server;
    server.serveOn(bus.connect());
    Notifier notifier(bus.connect());

    SECTION("one after the other") {
        notifier.notify(u"slouch"_s, u"First"_s, u"one"_s);
        REQUIRE(waitFor([&] { return server.notifies.size() == 1; }));
        notifier.notify(u"tilted"_s, u"Second"_s, u"two"_s);
        REQUIRE(waitFor([&] { return server.notifies.size() == 2; }));
        CHECK(server.notifies.at(0).replacesId == 0);
        CHECK(server.notifies.at(1).replacesId == 101);  // the id the server gave the first
        CHECK(server.notifies.at(1).summary == u"Second"_s);
    }

    SECTION("in quick succession: only the latest waiting one is sent, replacing what is shown") {
        notifier.notify(u"slouch"_s, u"First"_s, u"one"_s);
        notifier.notify(u"tilted"_s, u"Second"_s, u"two"_s);
        notifier.notify(u"eye_break"_s, u"Third"_s, u"three"_s);
        REQUIRE(waitFor([&] { return !server.notifies.isEmpty() && server.notifies.last().summary == u"Third"_s; }));
        // "First" goes out only if the service's capabilities were known before "Second" came;
        // "Second" was superseded while a call was in flight either way.
        CHECK(server.notifies.size() <= 2);
        for (const NotifyCall& call : server.notifies) CHECK(call.summary != u"Second"_s);
        if (server.notifies.size() == 2) CHECK(server.notifies.at(1).replacesId == 101);
        // A later notification arriving next proves nothing else was queued.
        const qsizetype before = server.notifies.size();
        notifier.notify(u"slouch"_s, u"Fourth"_s, u"four"_s);
        REQUIRE(waitFor([&] { return server.notifies.size() == before + 1; }));
        CHECK(server.notifies.last().summary == u"Fourth"_s);
        CHECK(server.notifies.last().replacesId == 101);
    }
}

TEST_CASE("The notification's buttons snooze its kind or open the window", "[notifier]") {
    PrivateBus bus;
    FakeNotificationServer server;
    server.serveOn(bus.connect());
    Notifier notifier(bus.connect());
    QSignalSpy snoozes(&notifier, &Notifier::snoozeRequested);
    QSignalSpy opens(&notifier, &Notifier::openRequested);

    notifier.notify(u"low_blink_rate"_s, u"Blink more"_s, u"You blinked 6 times a minute."_s);
    REQUIRE(waitFor([&] { return server.notifies.size() == 1; }));

    emit server.ActionInvoked(101, u"snooze"_s);
    REQUIRE(snoozes.wait(kWaitMs));
    CHECK(snoozes.at(0).at(0).toString() == u"low_blink_rate"_s);

    // Another application's notification: ignored. The "default" that follows arrives after it.
    emit server.ActionInvoked(7, u"snooze"_s);
    emit server.ActionInvoked(7, u"default"_s);
    emit server.ActionInvoked(101, u"default"_s);
    REQUIRE(opens.wait(kWaitMs));
    CHECK(opens.count() == 1);
    CHECK(snoozes.count() == 1);

    // A daemon may report the closing before the action: the button still counts.
    emit server.NotificationClosed(101, 2);
    emit server.ActionInvoked(101, u"snooze"_s);
    REQUIRE(snoozes.wait(kWaitMs));
    CHECK(snoozes.count() == 2);

    // Closed on screen: the next notification is a new one, not a replacement.
    notifier.notify(u"slouch"_s, u"Sit up"_s, u"You have been slouching."_s);
    REQUIRE(waitFor([&] { return server.notifies.size() == 2; }));
    CHECK(server.notifies.at(1).replacesId == 0);
}

TEST_CASE("A break's notification offers a guided routine, and its button asks for it", "[notifier]") {
    PrivateBus bus;
    FakeNotificationServer server;
    server.serveOn(bus.connect());
    Notifier notifier(bus.connect());
    QSignalSpy routines(&notifier, &Notifier::routineRequested);
    QSignalSpy snoozes(&notifier, &Notifier::snoozeRequested);

    notifier.notify(u"sitting"_s, u"Time for a break"_s, u"You have been sitting for 50 minutes."_s, true);
    REQUIRE(waitFor([&] { return server.notifies.size() == 1; }));
    CHECK(server.notifies.at(0).actions == QStringList{u"routine"_s, u"Start a 1-minute routine"_s, u"snooze"_s,
                                                       u"Snooze for 1 hour"_s, u"default"_s, u"Open"_s});
    emit server.ActionInvoked(101, u"routine"_s);
    REQUIRE(routines.wait(kWaitMs));
    CHECK(routines.at(0).at(0).toString() == u"sitting"_s);
    CHECK(snoozes.isEmpty());

    // A posture alert offers none.
    notifier.notify(u"slouch"_s, u"Sit up"_s, u"You have been slouching."_s);
    REQUIRE(waitFor([&] { return server.notifies.size() == 2; }));
    CHECK_FALSE(server.notifies.at(1).actions.contains(u"routine"_s));
}

TEST_CASE("withdraw closes the notification on screen", "[notifier]") {
    PrivateBus bus;
    FakeNotificationServer server;
    server.serveOn(bus.connect());
    Notifier notifier(bus.connect());

    notifier.notify(u"slouch"_s, u"Sit up"_s, u"You have been slouching."_s);
    REQUIRE(waitFor([&] { return server.notifies.size() == 1; }));
    notifier.withdraw();
    REQUIRE(waitFor([&] { return server.closed.size() == 1; }));
    CHECK(server.closed.at(0) == 101);

    // Closed: the next notification is a new one, not a replacement.
    notifier.notify(u"slouch"_s, u"Sit up"_s, u"Again."_s);
    REQUIRE(waitFor([&] { return server.notifies.size() == 2; }));
    CHECK(server.notifies.at(1).replacesId == 0);
    notifier.withdraw();
    REQUIRE(waitFor([&] { return server.closed.size() == 2; }));
    CHECK(server.closed.at(1) == 102);

    // Withdrawn while Notify is still on its way: closed as soon as its id is known.
    notifier.notify(u"tilted"_s, u"Head tilted"_s, u"Straighten your head."_s);
    notifier.withdraw();
    REQUIRE(waitFor([&] { return server.closed.size() == 3; }));
    CHECK(server.closed.at(2) == 103);
    CHECK(server.notifies.size() == 3);
}

TEST_CASE("Without a notification service the notification goes to the window", "[notifier]") {
    PrivateBus bus;
    Notifier notifier(bus.connect());
    QSignalSpy inWindow(&notifier, &Notifier::showInWindow);
    CHECK_FALSE(notifier.serviceAvailable());

    notifier.notify(u"slouch"_s, u"Sit up"_s, u"You have been slouching."_s);
    REQUIRE(inWindow.count() == 1);
    CHECK(inWindow.at(0).at(0).toString() == u"Sit up"_s);
    CHECK(inWindow.at(0).at(1).toString() == u"You have been slouching."_s);
    notifier.withdraw();

    SECTION("a service that starts later is used from then on") {
        FakeNotificationServer server;
        server.serveOn(bus.connect());
        CHECK(notifier.serviceAvailable());
        notifier.notify(u"tilted"_s, u"Head tilted"_s, u"Straighten your head."_s);
        REQUIRE(waitFor([&] { return server.notifies.size() == 1; }));
        CHECK(server.notifies.at(0).actions.contains(u"snooze"_s));
        CHECK(inWindow.count() == 1);
    }

    SECTION("not connected to any bus") {
        Notifier offline(QDBusConnection(u"not-connected"_s));
        QSignalSpy offlineInWindow(&offline, &Notifier::showInWindow);
        CHECK_FALSE(offline.serviceAvailable());
        offline.notify(u"slouch"_s, u"Sit up"_s, u"body"_s);
        CHECK(offlineInWindow.count() == 1);
    }
}

TEST_CASE("A service that refuses the notification sends it to the window", "[notifier]") {
    PrivateBus bus;
    FakeNotificationServer server;
    server.fail = true;
    server.serveOn(bus.connect());
    Notifier notifier(bus.connect());
    QSignalSpy inWindow(&notifier, &Notifier::showInWindow);

    notifier.notify(u"eye_break"_s, u"Rest your eyes"_s, u"Look at something far away."_s);
    REQUIRE(inWindow.wait(kWaitMs));
    CHECK(inWindow.at(0).at(0).toString() == u"Rest your eyes"_s);
    CHECK(server.notifies.size() == 1);
}

#include "NotifierTest.moc"
