#include "Notifier.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QVariantMap>

using namespace Qt::StringLiterals;

namespace posesmart::ui {

namespace {
const QString kService = u"org.freedesktop.Notifications"_s;
const QString kPath = u"/org/freedesktop/Notifications"_s;
const QString kInterface = u"org.freedesktop.Notifications"_s;
const QString kAppId = u"io.github.posesmart.PoseSmart"_s;
constexpr int kExpireMs = 10000;
constexpr int kCallTimeoutMs = 5000;
constexpr uchar kUrgencyNormal = 1;
}  // namespace

Notifier::Notifier(const QDBusConnection& bus, QObject* parent) : QObject(parent), m_bus(bus) {
    m_bus.connect(kService, kPath, kInterface, u"ActionInvoked"_s, this, SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(kService, kPath, kInterface, u"NotificationClosed"_s, this, SLOT(onNotificationClosed(uint, uint)));
    auto* watcher = new QDBusServiceWatcher(kService, m_bus, QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(watcher, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this](const QString&, const QString&, const QString& newOwner) { onServiceOwnerChanged(newOwner); });
    if (serviceAvailable()) fetchCapabilities();
}

bool Notifier::serviceAvailable() const {
    if (!m_bus.isConnected() || m_bus.interface() == nullptr) return false;
    const QDBusReply<bool> registered = m_bus.interface()->isServiceRegistered(kService);
    return registered.isValid() && registered.value();
}

void Notifier::notify(const QString& kind, const QString& title, const QString& body, bool offerRoutine) {
    if (!serviceAvailable()) {
        emit showInWindow(title, body);
        return;
    }
    m_waiting = Request{kind, title, body, offerRoutine};
    m_withdrawPending = false;
    sendNext();
}

void Notifier::withdraw() {
    m_waiting.reset();
    m_withdrawPending = m_notifyPending;
    closeShown();
}

void Notifier::onActionInvoked(uint id, const QString& action) {
    if (id == 0 || id != m_lastId) return;
    if (action == u"snooze") emit snoozeRequested(m_lastKind);
    if (action == u"routine") emit routineRequested(m_lastKind);
    if (action == u"default") emit openRequested();
}

void Notifier::onNotificationClosed(uint id, uint) {
    if (id == m_lastId) m_onScreen = false;
}

void Notifier::onServiceOwnerChanged(const QString& newOwner) {
    // Another daemon: its capabilities may differ and it does not know our notification's id.
    ++m_generation;
    m_actions.reset();
    m_capabilitiesPending = false;
    m_lastId = 0;
    m_onScreen = false;
    if (!newOwner.isEmpty()) fetchCapabilities();
}

void Notifier::fetchCapabilities() {
    m_capabilitiesPending = true;
    const QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, u"GetCapabilities"_s);
    auto* watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, kCallTimeoutMs), this);
    connect(
        watcher, &QDBusPendingCallWatcher::finished, this,
        [this, generation = m_generation](QDBusPendingCallWatcher* finished) { onCapabilities(finished, generation); });
}

void Notifier::onCapabilities(QDBusPendingCallWatcher* watcher, quint64 generation) {
    watcher->deleteLater();
    if (generation != m_generation) return;
    const QDBusPendingReply<QStringList> reply = *watcher;
    m_capabilitiesPending = false;
    m_actions = !reply.isError() && reply.value().contains(u"actions"_s);
    sendNext();
}

void Notifier::sendNext() {
    if (!m_waiting || m_notifyPending || m_capabilitiesPending) return;
    if (!m_actions) {
        fetchCapabilities();
        return;
    }
    const Request request = *m_waiting;
    m_waiting.reset();
    send(request);
}

void Notifier::send(const Request& request) {
    QStringList actions;
    if (m_actions.value_or(false)) {
        if (request.offerRoutine) actions << u"routine"_s << tr("Start a 1-minute routine");
        actions << u"snooze"_s << tr("Snooze for 1 hour") << u"default"_s << tr("Open");
    }
    const QVariantMap hints{{u"desktop-entry"_s, kAppId},
                            {u"urgency"_s, QVariant::fromValue(kUrgencyNormal)},
                            {u"category"_s, u"presence"_s}};
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, u"Notify"_s);
    call << u"PoseSmart"_s << (m_onScreen ? m_lastId : 0U) << kAppId << request.title << request.body << actions
         << hints << kExpireMs;
    m_notifyPending = true;
    auto* watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, kCallTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, request, generation = m_generation](QDBusPendingCallWatcher* finished) {
                onNotifyFinished(finished, request, generation);
            });
}

void Notifier::onNotifyFinished(QDBusPendingCallWatcher* watcher, const Request& request, quint64 generation) {
    watcher->deleteLater();
    m_notifyPending = false;
    const QDBusPendingReply<uint> reply = *watcher;
    if (reply.isError()) {
        emit showInWindow(request.title, request.body);
    } else if (generation == m_generation) {
        m_lastId = reply.value();
        m_lastKind = request.kind;
        m_onScreen = true;
        if (m_withdrawPending) closeShown();
    }
    m_withdrawPending = false;
    sendNext();
}

void Notifier::closeShown() {
    if (!m_onScreen) return;
    m_onScreen = false;
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, u"CloseNotification"_s);
    call << m_lastId;
    m_bus.send(call);
}

}  // namespace posesmart::ui
