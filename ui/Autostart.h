// Autostart: starting PoseSmart at login through the XDG autostart entry
// $XDG_CONFIG_HOME/autostart/io.github.posesmart.PoseSmart.desktop (XDG_CONFIG_HOME: ~/.config
// when unset), which starts the app minimised to the tray.
#pragma once

#include <QString>

namespace posesmart::ui {

QString autostartEntryPath();
// True when the entry exists and the desktop has not been told to skip it (Hidden=true or
// X-GNOME-Autostart-enabled=false, as session settings tools write).
bool autostartEnabled();
// Writes the entry (atomically) to start `executable --minimized`, or removes it.
bool setAutostart(bool enabled, const QString& executable, QString* error);

}  // namespace posesmart::ui
