// PowerWatcher: whether the computer runs on battery, from UPower (org.freedesktop.UPower's OnBattery
// on the system bus), kept up to date by its PropertiesChanged signal. Asynchronous: the GUI thread
// never waits for the bus. Without UPower (no system bus, a desktop without it) the source stays
// Unknown, which core's AnalysisRate treats as mains.
#pragma once

#include "capture/AnalysisRate.h"

#include <QDBusConnection>
#include <QObject>

namespace posesmart::ui {

class PowerWatcher : public QObject {
    Q_OBJECT
public:
    explicit PowerWatcher(const QDBusConnection& bus = QDBusConnection::systemBus(), QObject* parent = nullptr);
    [[nodiscard]] PowerSource source() const { return m_source; }

signals:
    void sourceChanged(posesmart::PowerSource source);

private slots:
    void onPropertiesChanged(const QString& interface, const QVariantMap& changed, const QStringList& invalidated);

private:
    void ask();
    void set(PowerSource source);

    QDBusConnection m_bus;
    PowerSource m_source = PowerSource::Unknown;
};

}  // namespace posesmart::ui
