// Settings: PRODUCT.md defaults, the JSON file (round trip, 0600, damaged files, links, other
// versions, missing keys, clamping, mutated files) and the mapping onto the engine's settings. The
// dialog: SettingsDialogTest.cpp; the autostart entry: AutostartTest.cpp.
#include "AppSettings.h"
#include "SettingsTestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <random>

using namespace posesmart;
using namespace posesmart::ui;
using namespace posesmart::ui::settings_test;
using namespace Qt::StringLiterals;

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
