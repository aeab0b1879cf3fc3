// Settings: PRODUCT.md defaults, the JSON file (round trip, 0600, damaged files, missing keys,
// clamping), the mapping onto the engine's settings, the Settings dialog (round trip through its
// widgets, edits, the delete-all confirmation) and the XDG autostart entry.
#include "AppSettings.h"
#include "Autostart.h"
#include "CatchQt.h"
#include "SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimeEdit>
#include <catch2/catch.hpp>
#include <random>
#include <sys/stat.h>

using namespace posesmart;
using namespace posesmart::ui;
using namespace Qt::StringLiterals;

namespace {

constexpr auto kForwardHead = static_cast<std::size_t>(AlertKind::ForwardHead);
constexpr auto kSlouch = static_cast<std::size_t>(AlertKind::Slouch);
constexpr auto kTilted = static_cast<std::size_t>(AlertKind::Tilted);
constexpr auto kLowBlinkRate = static_cast<std::size_t>(AlertKind::LowBlinkRate);
constexpr auto kSitting = static_cast<std::size_t>(AlertKind::SittingTooLong);
constexpr auto kEyeBreak = static_cast<std::size_t>(AlertKind::EyeBreak);

// Every field different from its default; durations in whole minutes where the dialog shows minutes.
AppSettings changedSettings() {
    AppSettings s;
    s.cameraId = u"/dev/v4l/by-id/usb-Camera_42-video-index0"_s;
    s.cameraName = u"Camera 42"_s;
    s.profile = u"Mina"_s;
    for (std::size_t k = 0; k < s.alerts.size(); ++k) {
        s.alerts[k] = {k % 2 == 0, 5 + static_cast<int>(k)};
    }
    s.tooCloseCm = 55;
    s.tiltDeg = 14;
    s.lowBlinkPerMin = 6;
    s.blinkWindowSec = 240;
    s.sittingLimitSec = 40 * 60;
    s.breakSec = 7 * 60;
    s.eyeBreakEverySec = 25 * 60;
    s.cooldownSec = 15 * 60;
    s.quietHoursEnabled = true;
    s.quietStartMinute = 21 * 60 + 30;
    s.quietEndMinute = 6 * 60 + 45;
    s.startAtLogin = true;
    s.language = defaultLanguage() == u"ko"_s ? u"en"_s : u"ko"_s;
    s.retentionDays = 90;
    s.showOverlay = false;
    s.releaseCameraAfterSec = 10 * 60;
    s.analysisFps = 15;
    return s;
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

int modeOf(const QString& path) {
    struct stat info {};
    REQUIRE(::stat(QFile::encodeName(path).constData(), &info) == 0);
    return static_cast<int>(info.st_mode & 0777);
}

QString readText(const QString& path) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QString::fromUtf8(file.readAll());
}

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

class AnsweringDialog : public SettingsDialog {
public:
    AnsweringDialog(const AppSettings& current, bool answer) : SettingsDialog(current), m_answer(answer) {}
    int asked = 0;

protected:
    bool confirmDeleteAll() override {
        ++asked;
        return m_answer;
    }

private:
    bool m_answer;
};

template <typename Widget>
Widget* child(const QWidget& parent, const QString& name) {
    auto* widget = parent.findChild<Widget*>(name);
    REQUIRE(widget != nullptr);
    return widget;
}

}  // namespace

TEST_CASE("Settings defaults are PRODUCT.md's", "[settings]") {
    const AppSettings s;
    CHECK(s.cameraId.isEmpty());
    for (std::size_t k : {kForwardHead, kSlouch, std::size_t(AlertKind::TooClose), kTilted}) {
        CHECK(s.alerts[k] == AlertToggle{true, 30});
    }
    for (std::size_t k : {kLowBlinkRate, kSitting, kEyeBreak}) CHECK(s.alerts[k] == AlertToggle{true, 0});
    CHECK(s.tooCloseCm == 45);
    CHECK(s.tiltDeg == 10);
    CHECK(s.lowBlinkPerMin == 8);
    CHECK(s.blinkWindowSec == 180);
    CHECK(s.sittingLimitSec == 50 * 60);
    CHECK(s.breakSec == 5 * 60);
    CHECK(s.eyeBreakEverySec == 20 * 60);
    CHECK(s.cooldownSec == 10 * 60);
    CHECK_FALSE(s.quietHoursEnabled);
    CHECK(s.quietStartMinute == 22 * 60);
    CHECK(s.quietEndMinute == 7 * 60);
    CHECK_FALSE(s.startAtLogin);
    CHECK(s.language == defaultLanguage());
    CHECK(s.retentionDays == 365);
    CHECK(s.showOverlay);
    CHECK(s.releaseCameraAfterSec == 300);
}

TEST_CASE("The default language follows the locale", "[settings]") {
    CHECK(languageFor(QLocale(QLocale::Korean, QLocale::SouthKorea)) == u"ko"_s);
    CHECK(languageFor(QLocale(QLocale::English, QLocale::UnitedStates)) == u"en"_s);
    CHECK(languageFor(QLocale(QLocale::German, QLocale::Germany)) == u"en"_s);
}

TEST_CASE("Settings survive a save and load, in a file only the owner can read", "[settings]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(u"nested/folder/settings.json"_s);
    const AppSettings changed = changedSettings();
    REQUIRE_FALSE(changed == AppSettings{});
    QString error;
    REQUIRE(saveSettings(changed, path, &error));
    CHECK(error.isEmpty());
    CHECK(modeOf(path) == 0600);

    const SettingsLoad load = loadSettings(path);
    CHECK(load.error.isEmpty());
    CHECK(load.settings == changed);

    SECTION("an existing readable file becomes 0600 on save") {
        REQUIRE(QFile::setPermissions(
            path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        REQUIRE(modeOf(path) == 0644);
        REQUIRE(saveSettings(AppSettings{}, path, nullptr));
        CHECK(modeOf(path) == 0600);
        CHECK(loadSettings(path).settings == AppSettings{});
    }
}

TEST_CASE("The settings file uses seconds and units in its keys", "[settings]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"settings.json"_s);
    REQUIRE(saveSettings(AppSettings{}, path, nullptr));
    const QJsonObject root = QJsonDocument::fromJson(readText(path).toUtf8()).object();
    CHECK(root.value(u"version"_s).toInt() == 1);
    CHECK(root.value(u"sitting_limit_s"_s).toInt() == 3000);
    CHECK(root.value(u"eye_break_every_s"_s).toInt() == 1200);
    CHECK(root.value(u"too_close_cm"_s).toInt() == 45);
    CHECK(root.value(u"alerts"_s)[u"slouch"_s][u"hold_s"_s].toInt() == 30);
    CHECK(root.value(u"alerts"_s)[u"eye_break"_s][u"enabled"_s].toBool());
    CHECK(root.value(u"quiet_hours"_s)[u"start"_s].toString() == u"22:00"_s);
    CHECK(root.value(u"quiet_hours"_s)[u"end"_s].toString() == u"07:00"_s);
    CHECK(root.value(u"release_camera_after_s"_s).toInt() == 300);
}

TEST_CASE("A missing settings file gives the defaults without an error", "[settings]") {
    QTemporaryDir dir;
    const SettingsLoad load = loadSettings(dir.filePath(u"absent.json"_s));
    CHECK(load.error.isEmpty());
    CHECK(load.settings == AppSettings{});
}

TEST_CASE("A damaged settings file gives the defaults and says so", "[settings]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"settings.json"_s);
    const QByteArray bytes = GENERATE(QByteArray("\x00\xff\xfe garbage \x01", 13), QByteArray(""),
                                      QByteArray(R"({"version":1,"too_close_cm":55,"alerts":{"slouch":)"),
                                      QByteArray("[1, 2, 3]"), QByteArray("\"just a string\""));
    writeFile(path, bytes);
    const SettingsLoad load = loadSettings(path);
    CHECK_FALSE(load.error.isEmpty());
    CHECK(load.error.contains(path));
    CHECK(load.settings == AppSettings{});
    // Kept aside before a save could replace it, and the message says where.
    const QStringList kept = QDir(dir.path()).entryList({u"settings.json.damaged-*"_s});
    REQUIRE(kept.size() == 1);
    CHECK(load.error.contains(kept.front()));
    QFile keptFile(dir.filePath(kept.front()));
    REQUIRE(keptFile.open(QIODevice::ReadOnly));
    CHECK(keptFile.readAll() == bytes);
    CHECK_FALSE(QFileInfo::exists(path));
    REQUIRE(saveSettings(AppSettings{}, path, nullptr));
    CHECK(QDir(dir.path()).entryList({u"settings.json.damaged-*"_s}) == kept);
}

TEST_CASE("A settings file that is a symbolic link is neither read nor written through", "[settings]") {
    QTemporaryDir dir;
    const QString target = dir.filePath(u"elsewhere.json"_s);
    writeFile(target, R"({"version":1,"too_close_cm":55})");
    REQUIRE(QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
    const QString path = dir.filePath(u"settings.json"_s);
    REQUIRE(QFile::link(target, path));
    const SettingsLoad load = loadSettings(path);
    CHECK(load.error.contains(u"symbolic link"_s));
    CHECK(load.settings == AppSettings{});
    QString error;
    CHECK_FALSE(saveSettings(AppSettings{}, path, &error));
    CHECK(error.contains(u"symbolic link"_s));
    QFile file(target);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.readAll() == R"({"version":1,"too_close_cm":55})");
    CHECK(QFile::permissions(target).testFlag(QFileDevice::ReadOther));
}

TEST_CASE("A settings file of another format version is read, and that is said", "[settings]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"settings.json"_s);
    writeFile(path, R"({"version":7,"too_close_cm":55})");
    const SettingsLoad load = loadSettings(path);
    CHECK(load.error.contains(u"format 7"_s));
    CHECK(load.settings.tooCloseCm == 55);
}

TEST_CASE("An unreadable settings file gives the defaults and says so", "[settings]") {
    QTemporaryDir dir;
    const SettingsLoad load = loadSettings(dir.path());  // a folder cannot be read as a file
    CHECK_FALSE(load.error.isEmpty());
    CHECK(load.settings == AppSettings{});
}

TEST_CASE("Values of the wrong type fall back to their defaults, named in the error", "[settings]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"settings.json"_s);
    writeFile(path, R"({"too_close_cm":"forty","tilt_deg":20,"alerts":{"slouch":{"enabled":"yes","hold_s":12},
                        "tilted":7},"quiet_hours":{"enabled":true,"start":"25:99"},"language":"fr",
                        "show_overlay":0,"camera":["a"],"analysis_fps":20})");
    const SettingsLoad load = loadSettings(path);
    for (const QString& key :
         {u"too_close_cm"_s, u"alerts.slouch.enabled"_s, u"alerts.tilted"_s, u"quiet_hours.start"_s, u"language"_s,
          u"show_overlay"_s, u"camera"_s, u"analysis_fps"_s}) {
        INFO(key.toStdString());
        CHECK(load.error.contains(key));
    }
    CHECK_FALSE(load.error.contains(u"tilt_deg"_s));
    const AppSettings defaults;
    CHECK(load.settings.tooCloseCm == defaults.tooCloseCm);
    CHECK(load.settings.tiltDeg == 20);
    CHECK(load.settings.alerts[kSlouch] == AlertToggle{true, 12});
    CHECK(load.settings.alerts[kTilted] == defaults.alerts[kTilted]);
    CHECK(load.settings.quietHoursEnabled);
    CHECK(load.settings.quietStartMinute == defaults.quietStartMinute);
    CHECK(load.settings.language == defaults.language);
    CHECK(load.settings.showOverlay == defaults.showOverlay);
    CHECK(load.settings.cameraId == defaults.cameraId);
    CHECK(load.settings.analysisFps == defaults.analysisFps);
}

TEST_CASE("A profile name is trimmed; an empty or overlong one falls back to the default", "[settings]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"settings.json"_s);
    writeFile(path, R"({"profile":"  Mina  "})");
    CHECK(loadSettings(path).settings.profile == u"Mina"_s);
    CHECK(loadSettings(path).error.isEmpty());
    const QByteArray overlong = QByteArray(R"({"profile":")") + QByteArray(kMaxProfileNameLength + 1, 'x') + "\"}";
    for (const QByteArray& bad : QList<QByteArray>{R"({"profile":"   "})", overlong}) {
        writeFile(path, bad);
        const SettingsLoad load = loadSettings(path);
        CHECK(load.settings.profile == u"default"_s);
        CHECK(load.error.contains(u"profile"_s));
    }
}

TEST_CASE("The dialog offers the history's profiles and takes a new name", "[settings][dialog]") {
    AppSettings current;
    current.profile = u"Mina"_s;
    const SettingsDialog dialog(current, {u"default"_s, u"Joon"_s});
    auto* combo = child<QComboBox>(dialog, u"profileCombo"_s);
    CHECK(combo->currentText() == u"Mina"_s);
    CHECK(combo->count() == 3);  // the current one is offered even before the history holds it
    combo->setCurrentIndex(combo->findText(u"Joon"_s));
    CHECK(dialog.settings().profile == u"Joon"_s);
    combo->setEditText(u"  Seo-yeon "_s);
    CHECK(dialog.settings().profile == u"Seo-yeon"_s);
    combo->setEditText(u"   "_s);
    CHECK(dialog.settings().profile == u"Mina"_s);  // nothing typed: stays with the current one
}

TEST_CASE("Missing keys take their defaults", "[settings]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"settings.json"_s);
    writeFile(path, R"({"version":1,"tilt_deg":15,"alerts":{"slouch":{"hold_s":12}},"quiet_hours":{"enabled":true}})");
    const SettingsLoad load = loadSettings(path);
    CHECK(load.error.isEmpty());
    AppSettings expected;
    expected.tiltDeg = 15;
    expected.alerts[kSlouch].holdSec = 12;
    expected.quietHoursEnabled = true;
    CHECK(load.settings == expected);

    writeFile(path, "{}");
    CHECK(loadSettings(path).settings == AppSettings{});
    CHECK(loadSettings(path).error.isEmpty());
}

TEST_CASE("Out-of-range values are clamped", "[settings]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"settings.json"_s);
    writeFile(path, R"({"too_close_cm":5,"tilt_deg":10.6,"low_blink_per_min":1000,"blink_window_s":-3,
                        "sitting_limit_s":1e300,"break_s":0,"eye_break_every_s":999999,"cooldown_s":-1,
                        "retention_days":0,"release_camera_after_s":1,"alerts":{"forward_head":{"hold_s":-5},
                        "slouch":{"hold_s":100000}}})");
    const SettingsLoad load = loadSettings(path);
    // Each clamped value is named with the value used; a rounded one is not.
    CHECK(load.error.contains(u"out of range"_s));
    CHECK(load.error.contains(u"too_close_cm = "_s + QString::number(kTooCloseCmRange.min)));
    CHECK(load.error.contains(u"alerts.slouch.hold_s"_s));
    CHECK_FALSE(load.error.contains(u"tilt_deg"_s));
    const AppSettings& s = load.settings;
    CHECK(s.tooCloseCm == kTooCloseCmRange.min);
    CHECK(s.tiltDeg == 11);
    CHECK(s.lowBlinkPerMin == kLowBlinkPerMinRange.max);
    CHECK(s.blinkWindowSec == kBlinkWindowSecRange.min);
    CHECK(s.sittingLimitSec == kSittingLimitSecRange.max);
    CHECK(s.breakSec == kBreakSecRange.min);
    CHECK(s.eyeBreakEverySec == kEyeBreakEverySecRange.max);
    CHECK(s.cooldownSec == kCooldownSecRange.min);
    CHECK(s.retentionDays == kRetentionDaysRange.min);
    CHECK(s.releaseCameraAfterSec == kReleaseCameraAfterSecRange.min);
    CHECK(s.alerts[kForwardHead].holdSec == kHoldSecRange.min);
    CHECK(s.alerts[kSlouch].holdSec == kHoldSecRange.max);
}

TEST_CASE("Settings map onto the engine's settings", "[settings]") {
    AppSettings s = changedSettings();
    s.alerts[kSlouch] = {true, 12};
    s.alerts[kEyeBreak] = {false, 0};
    const SessionSettings engine = s.toSessionSettings();
    CHECK(engine.alerts.rules[kSlouch].enabled);
    CHECK(engine.alerts.rules[kSlouch].holdSec == 12.0);
    CHECK_FALSE(engine.alerts.rules[kEyeBreak].enabled);
    for (std::size_t k = 0; k < s.alerts.size(); ++k) {
        CHECK(engine.alerts.rules[k].enabled == s.alerts[k].enabled);
        CHECK(engine.alerts.rules[k].holdSec == double(s.alerts[k].holdSec));
    }
    CHECK(engine.alerts.cooldownSec == 15 * 60.0);
    CHECK(engine.alerts.quietStartMinute == 21 * 60 + 30);
    CHECK(engine.alerts.quietEndMinute == 6 * 60 + 45);
    CHECK(engine.posture.tooCloseCm == 55.0);
    CHECK(engine.posture.tiltMinDeg == 14.0);
    CHECK(engine.blinkRate.lowPerMin == 6.0);
    CHECK(engine.blinkRate.windowSec == 240.0);
    CHECK(engine.presence.breakSec == 7 * 60.0);
    CHECK(engine.sittingLimitSec == 40 * 60.0);
    CHECK(engine.eyeBreakEverySec == 25 * 60.0);

    s.quietHoursEnabled = false;
    const SessionSettings noQuiet = s.toSessionSettings();
    CHECK(noQuiet.alerts.quietStartMinute == noQuiet.alerts.quietEndMinute);
}

TEST_CASE("The Settings dialog shows the settings it is given and returns them unchanged", "[settings][dialog]") {
    const AppSettings changed = changedSettings();
    CHECK(SettingsDialog(changed).settings() == changed);
    CHECK(SettingsDialog(AppSettings{}).settings() == AppSettings{});

    SECTION("durations that are not whole minutes survive an untouched dialog") {
        AppSettings shortened;
        shortened.sittingLimitSec = 90;
        shortened.breakSec = 10;
        shortened.cooldownSec = 30;
        CHECK(SettingsDialog(shortened).settings() == shortened);
    }
}

TEST_CASE("Edits in the Settings dialog show in its settings", "[settings][dialog]") {
    const SettingsDialog dialog(AppSettings{});
    child<QSpinBox>(dialog, u"sittingLimitMin"_s)->setValue(25);
    child<QSpinBox>(dialog, u"tooCloseCm"_s)->setValue(60);
    child<QSpinBox>(dialog, u"alertHold_slouch"_s)->setValue(12);
    auto* eyeBreak = child<QCheckBox>(dialog, u"alertEnabled_eye_break"_s);
    eyeBreak->setChecked(false);
    child<QCheckBox>(dialog, u"quietHoursEnabled"_s)->setChecked(true);
    child<QTimeEdit>(dialog, u"quietStart"_s)->setTime(QTime(23, 15));
    auto* language = child<QComboBox>(dialog, u"languageCombo"_s);
    language->setCurrentIndex(language->findData(u"ko"_s));
    child<QCheckBox>(dialog, u"startAtLogin"_s)->setChecked(true);

    const AppSettings s = dialog.settings();
    CHECK(s.sittingLimitSec == 25 * 60);
    CHECK(s.tooCloseCm == 60);
    CHECK(s.alerts[kSlouch] == AlertToggle{true, 12});
    CHECK_FALSE(s.alerts[kEyeBreak].enabled);
    CHECK_FALSE(child<QSpinBox>(dialog, u"alertHold_eye_break"_s)->isEnabled());
    CHECK(s.quietHoursEnabled);
    CHECK(s.quietStartMinute == 23 * 60 + 15);
    CHECK(child<QTimeEdit>(dialog, u"quietEnd"_s)->isEnabled());
    CHECK(s.language == u"ko"_s);
    CHECK(s.startAtLogin);
    CHECK_FALSE(s.toSessionSettings().alerts.rules[kEyeBreak].enabled);
}

TEST_CASE("Delete all data asks first and requests deletion only on yes", "[settings][dialog]") {
    const bool answer = GENERATE(true, false);
    AnsweringDialog dialog(AppSettings{}, answer);
    int requests = 0;
    QObject::connect(&dialog, &SettingsDialog::deleteAllDataRequested, &dialog, [&requests] { ++requests; });
    child<QPushButton>(dialog, u"deleteAllData"_s)->click();
    CHECK(dialog.asked == 1);
    CHECK(requests == (answer ? 1 : 0));
}

TEST_CASE("Enrol my face again requests a new enrolment", "[settings][dialog]") {
    SettingsDialog dialog(AppSettings{});
    int requests = 0;
    QObject::connect(&dialog, &SettingsDialog::reenrolRequested, &dialog, [&requests] { ++requests; });
    child<QPushButton>(dialog, u"reenrolFace"_s)->click();
    CHECK(requests == 1);
}

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

TEST_CASE("Mutated settings files are read without a crash, and always give usable settings", "[settings][fuzz]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"settings.json"_s);
    AppSettings custom;
    custom.tooCloseCm = 45;
    custom.quietHoursEnabled = true;
    QString error;
    REQUIRE(saveSettings(custom, path, &error));
    QFile seedFile(path);
    REQUIRE(seedFile.open(QIODevice::ReadOnly));
    const QByteArray seed = seedFile.readAll();
    seedFile.close();
    std::mt19937 random(20261202);
    for (int round = 0; round < 3000; ++round) {
        QByteArray bytes = seed;
        const int edits = 1 + static_cast<int>(random() % 8);
        for (int e = 0; e < edits && !bytes.isEmpty(); ++e) {
            const auto at = static_cast<qsizetype>(random() % static_cast<unsigned>(bytes.size()));
            switch (random() % 4) {
                case 0:
                    bytes[at] = static_cast<char>(bytes[at] ^ (1 << (random() % 8)));
                    break;
                case 1:
                    bytes[at] = "0123456789-.e\"{}[]:,"[random() % 20];
                    break;
                case 2:
                    bytes.remove(at, 1 + static_cast<qsizetype>(random() % 16));
                    break;
                default:
                    bytes.insert(at, bytes.mid(at, 1 + static_cast<qsizetype>(random() % 16)));
                    break;
            }
        }
        writeFile(path, bytes);
        const SettingsLoad load = loadSettings(path);
        INFO(bytes.toStdString());
        const AppSettings& s = load.settings;
        REQUIRE(s.tooCloseCm >= kTooCloseCmRange.min);
        REQUIRE(s.tooCloseCm <= kTooCloseCmRange.max);
        REQUIRE(s.retentionDays >= kRetentionDaysRange.min);
        REQUIRE(s.quietStartMinute >= 0);
        REQUIRE(s.quietStartMinute < 24 * 60);
        REQUIRE(!s.profile.trimmed().isEmpty());
        // A damaged file was moved aside: the next round writes a new one.
        for (const QString& kept : QDir(dir.path()).entryList({u"settings.json.damaged-*"_s}))
            QFile::remove(dir.filePath(kept));
    }
}
