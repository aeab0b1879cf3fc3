#include "PowerWatcher.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>

using namespace Qt::StringLiterals;

namespace posesmart::ui {

namespace {
const QString kService = u"org.freedesktop.UPower"_s;
const QString kPath = u"/org/freedesktop/UPower"_s;
const QString kProperties = u"org.freedesktop.DBus.Properties"_s;
}  // namespace

PowerWatcher::PowerWatcher(const QDBusConnection& bus, QObject* parent) : QObject(parent), m_bus(bus) {
    if (!m_bus.isConnected()) return;
    m_bus.connect(kService, kPath, kProperties, u"PropertiesChanged"_s, this,
                  SLOT(onPropertiesChanged(QString, QVariantMap, QStringList)));
    ask();
}

void PowerWatcher::ask() {
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kProperties, u"Get"_s);
    call << kService << u"OnBattery"_s;
    auto* watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher* finished) {
        const QDBusPendingReply<QDBusVariant> reply = *finished;
        if (reply.isValid()) set(reply.value().variant().toBool() ? PowerSource::Battery : PowerSource::Mains);
        finished->deleteLater();
    });
}

void PowerWatcher::onPropertiesChanged(const QString& interface, const QVariantMap& changed,
                                       const QStringList& invalidated) {
    if (interface != kService) return;
    if (changed.contains(u"OnBattery"_s)) {
        set(changed.value(u"OnBattery"_s).toBool() ? PowerSource::Battery : PowerSource::Mains);
    } else if (invalidated.contains(u"OnBattery"_s)) {
        ask();
    }
}

void PowerWatcher::set(PowerSource source) {
    if (source == m_source) return;
    m_source = source;
    emit sourceChanged(source);
}

}  // namespace posesmart::ui
