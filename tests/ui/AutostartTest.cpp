// The XDG autostart entry: written to start the app minimised, removed when disabled, under
// ~/.config when XDG_CONFIG_HOME is not set.
#include "Autostart.h"
#include "SettingsTestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace posesmart;
using namespace posesmart::ui;
using namespace posesmart::ui::settings_test;
using namespace Qt::StringLiterals;

namespace {

// Restores an environment variable when the test ends.
class EnvironmentGuard {
public:
    explicit EnvironmentGuard(const char* name) : m_name(name), m_set(qEnvironmentVariableIsSet(name)) {
        if (m_set) m_value = qgetenv(name);
    }
    ~EnvironmentGuard() {
        if (m_set) {
            qputenv(m_name, m_value);
        } else {
            qunsetenv(m_name);
        }
    }
    EnvironmentGuard(const EnvironmentGuard&) = delete;
    EnvironmentGuard& operator=(const EnvironmentGuard&) = delete;

private:
    const char* m_name;
    bool m_set;
    QByteArray m_value;
};

}  // namespace

TEST_CASE("The autostart entry starts the app minimised and is removed when disabled", "[settings][autostart]") {
    const EnvironmentGuard guard("XDG_CONFIG_HOME");
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir.path()));
    const QString path = dir.filePath(u"autostart/io.github.posesmart.PoseSmart.desktop"_s);
    CHECK(autostartEntryPath() == path);
    CHECK_FALSE(autostartEnabled());

    QString error;
    REQUIRE(setAutostart(true, u"/usr/bin/posesmart"_s, &error));
    CHECK(error.isEmpty());
    REQUIRE(QFile::exists(path));
    CHECK(autostartEnabled());
    const QString text = readText(path);
    const QStringList lines = text.split(u'\n');
    CHECK(lines.first() == u"[Desktop Entry]"_s);
    for (const QString& line : {u"Type=Application"_s, u"Name=PoseSmart"_s, u"Exec=/usr/bin/posesmart --minimized"_s,
                                u"Icon=io.github.posesmart.PoseSmart"_s, u"X-GNOME-Autostart-enabled=true"_s}) {
        INFO(line.toStdString());
        CHECK(lines.contains(line));
    }
    CHECK(text.contains(u"\nComment="_s));

    REQUIRE(setAutostart(true, u"/opt/Pose Smart/bin/pose$mart"_s, &error));
    CHECK(readText(path).split(u'\n').contains(uR"(Exec="/opt/Pose Smart/bin/pose\\$mart" --minimized)"_s));

    REQUIRE(setAutostart(false, QString(), &error));
    CHECK_FALSE(QFile::exists(path));
    CHECK_FALSE(autostartEnabled());
    CHECK(setAutostart(false, QString(), &error));  // already off

    SECTION("an entry the desktop was told to skip is not enabled") {
        REQUIRE(setAutostart(true, u"/usr/bin/posesmart"_s, nullptr));
        writeFile(
            path,
            readText(path).replace(u"X-GNOME-Autostart-enabled=true"_s, u"X-GNOME-Autostart-enabled=false"_s).toUtf8());
        CHECK(QFile::exists(path));
        CHECK_FALSE(autostartEnabled());
    }
    SECTION("without a program to start nothing is written") {
        CHECK_FALSE(setAutostart(true, QString(), &error));
        CHECK_FALSE(error.isEmpty());
        CHECK_FALSE(QFile::exists(path));
    }
}

TEST_CASE("The autostart entry goes under ~/.config without XDG_CONFIG_HOME", "[settings][autostart]") {
    const EnvironmentGuard guard("XDG_CONFIG_HOME");
    qunsetenv("XDG_CONFIG_HOME");
    CHECK(autostartEntryPath() == QDir::homePath() + u"/.config/autostart/io.github.posesmart.PoseSmart.desktop"_s);
    qputenv("XDG_CONFIG_HOME", "relative/path");
    CHECK(autostartEntryPath() == QDir::homePath() + u"/.config/autostart/io.github.posesmart.PoseSmart.desktop"_s);
}
