#include "Autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace posesmart::ui {
namespace {

constexpr QStringView kDesktopId = u"io.github.posesmart.PoseSmart";

// The translation context of the messages in this file.
class Text {
    Q_DECLARE_TR_FUNCTIONS(posesmart::ui::Autostart)
};

// One argument of an Exec key (Desktop Entry spec, "The Exec key"): quoted when it holds a
// reserved character, then escaped as a string value, in which a backslash is itself escaped.
QString execArgument(const QString& argument) {
    static const QString kReserved = u" \t\n\"'\\><~|&;$*?#()`"_s;
    static const QString kEscapedInQuotes = u"\"`$\\"_s;
    const bool quote = std::any_of(argument.cbegin(), argument.cend(), [](QChar c) { return kReserved.contains(c); });
    QString text;
    if (quote) {
        text += u'"';
        for (const QChar c : argument) {
            if (kEscapedInQuotes.contains(c)) text += u'\\';
            text += c;
        }
        text += u'"';
    } else {
        text = argument;
    }
    text.replace(u'%', u"%%"_s);
    text.replace(u'\\', u"\\\\"_s);
    text.replace(u'\n', u"\\n"_s);
    text.replace(u'\t', u"\\t"_s);
    text.replace(u'\r', u"\\r"_s);
    return text;
}

QString entryText(const QString& executable) {
    return u"[Desktop Entry]\n"
           u"Type=Application\n"
           u"Name=PoseSmart\n"
           u"Comment=Posture, blink and break reminders from your webcam\n"
           u"Exec=%1 --minimized\n"
           u"Icon=%2\n"
           u"Terminal=false\n"
           u"X-GNOME-Autostart-enabled=true\n"_s.arg(execArgument(executable), kDesktopId);
}

}  // namespace

QString autostartEntryPath() {
    QString configHome = qEnvironmentVariable("XDG_CONFIG_HOME");
    // The Base Directory spec says to ignore a relative path.
    if (configHome.isEmpty() || QDir::isRelativePath(configHome)) configHome = QDir::homePath() + u"/.config"_s;
    return configHome + u"/autostart/"_s + kDesktopId + u".desktop"_s;
}

bool autostartEnabled() {
    QFile file(autostartEntryPath());
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) return false;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line == "Hidden=true" || line == "X-GNOME-Autostart-enabled=false") return false;
    }
    return true;
}

bool setAutostart(bool enabled, const QString& executable, QString* error) {
    const QString path = autostartEntryPath();
    const auto fail = [&](const QString& reason) {
        if (error) {
            *error = Text::tr("The autostart entry %1 could not be changed (%2).")
                         .arg(QDir::toNativeSeparators(path), reason);
        }
        return false;
    };
    if (!enabled) {
        if (QFile::exists(path) && !QFile::remove(path)) return fail(Text::tr("it could not be removed"));
        return true;
    }
    if (executable.isEmpty()) return fail(Text::tr("no program to start"));
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) return fail(Text::tr("the folder could not be created"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return fail(file.errorString());
    file.write(entryText(executable).toUtf8());
    if (!file.commit()) return fail(file.errorString());
    return true;
}

}  // namespace posesmart::ui
