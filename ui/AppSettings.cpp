#include "AppSettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStringList>
#include <QTime>
#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace posesmart::ui {
namespace {

constexpr int kFormatVersion = 1;
constexpr QStringView kTimeFormat = u"HH:mm";

// The translation context of the messages in this file.
class Text {
    Q_DECLARE_TR_FUNCTIONS(posesmart::ui::AppSettings)
};

QString timeText(int minuteOfDay) {
    return QTime(minuteOfDay / 60, minuteOfDay % 60).toString(kTimeFormat);
}

// Reads one JSON object; a value of the wrong type keeps its default and is remembered by name, a
// number out of its range is brought into it and remembered with the value used.
class Reader {
public:
    Reader(QJsonObject object, QString prefix, QStringList& invalid, QStringList& adjusted)
        : m_object(std::move(object)), m_prefix(std::move(prefix)), m_invalid(invalid), m_adjusted(adjusted) {}

    void read(const QString& key, int& value, IntRange range) const {
        const QJsonValue json = m_object.value(key);
        if (json.isUndefined()) return;
        if (!json.isDouble()) return markInvalid(key);
        const double clamped = std::clamp(json.toDouble(), double(range.min), double(range.max));
        value = qRound(clamped);
        if (clamped != json.toDouble()) m_adjusted.append(m_prefix + key + u" = "_s + QString::number(value));
    }
    void read(const QString& key, bool& value) const {
        const QJsonValue json = m_object.value(key);
        if (json.isUndefined()) return;
        if (!json.isBool()) return markInvalid(key);
        value = json.toBool();
    }
    void read(const QString& key, QString& value) const {
        const QJsonValue json = m_object.value(key);
        if (json.isUndefined()) return;
        if (!json.isString()) return markInvalid(key);
        value = json.toString();
    }
    void readLanguage(const QString& key, QString& value) const {
        QString language = value;
        read(key, language);
        if (language == u"en"_s || language == u"ko"_s) {
            value = language;
        } else {
            markInvalid(key);
        }
    }
    void readAnalysisFps(const QString& key, int& value) const {
        int fps = value;
        read(key, fps, IntRange{0, 30});
        if (fps == 0 || fps == 15 || fps == 30) {
            value = fps;
        } else {
            markInvalid(key);
        }
    }
    void readProfile(const QString& key, QString& value) const {
        QString name = value;
        read(key, name);
        name = name.trimmed();
        if (!name.isEmpty() && name.size() <= kMaxProfileNameLength) {
            value = name;
        } else {
            markInvalid(key);
        }
    }
    void readMinuteOfDay(const QString& key, int& value) const {
        QString text = timeText(value);
        read(key, text);
        const QTime time = QTime::fromString(text, kTimeFormat);
        if (time.isValid()) {
            value = time.hour() * 60 + time.minute();
        } else {
            markInvalid(key);
        }
    }
    // The nested object under `key`; empty (all defaults) when absent or not an object.
    [[nodiscard]] Reader child(const QString& key) const {
        const QJsonValue json = m_object.value(key);
        if (!json.isUndefined() && !json.isObject()) markInvalid(key);
        return {json.toObject(), m_prefix + key + u'.', m_invalid, m_adjusted};
    }

private:
    void markInvalid(const QString& key) const { m_invalid.append(m_prefix + key); }

    QJsonObject m_object;
    QString m_prefix;
    QStringList& m_invalid;
    QStringList& m_adjusted;
};

AppSettings fromJson(const QJsonObject& root, QStringList& invalid, QStringList& adjusted) {
    AppSettings s;
    const Reader reader(root, QString(), invalid, adjusted);
    reader.read(u"camera"_s, s.cameraId);
    reader.read(u"camera_name"_s, s.cameraName);
    reader.readProfile(u"profile"_s, s.profile);
    const Reader alerts = reader.child(u"alerts"_s);
    for (int k = 0; k < kAlertKindCount; ++k) {
        const Reader alert = alerts.child(alertKindKey(AlertKind(k)));
        alert.read(u"enabled"_s, s.alerts[k].enabled);
        alert.read(u"hold_s"_s, s.alerts[k].holdSec, kHoldSecRange);
    }
    reader.read(u"too_close_cm"_s, s.tooCloseCm, kTooCloseCmRange);
    reader.read(u"tilt_deg"_s, s.tiltDeg, kTiltDegRange);
    reader.read(u"low_blink_per_min"_s, s.lowBlinkPerMin, kLowBlinkPerMinRange);
    reader.read(u"blink_window_s"_s, s.blinkWindowSec, kBlinkWindowSecRange);
    reader.read(u"sitting_limit_s"_s, s.sittingLimitSec, kSittingLimitSecRange);
    reader.read(u"break_s"_s, s.breakSec, kBreakSecRange);
    reader.read(u"eye_break_every_s"_s, s.eyeBreakEverySec, kEyeBreakEverySecRange);
    reader.read(u"cooldown_s"_s, s.cooldownSec, kCooldownSecRange);
    const Reader quiet = reader.child(u"quiet_hours"_s);
    quiet.read(u"enabled"_s, s.quietHoursEnabled);
    quiet.readMinuteOfDay(u"start"_s, s.quietStartMinute);
    quiet.readMinuteOfDay(u"end"_s, s.quietEndMinute);
    reader.read(u"start_at_login"_s, s.startAtLogin);
    reader.readLanguage(u"language"_s, s.language);
    reader.read(u"retention_days"_s, s.retentionDays, kRetentionDaysRange);
    reader.read(u"show_overlay"_s, s.showOverlay);
    reader.read(u"release_camera_after_s"_s, s.releaseCameraAfterSec, kReleaseCameraAfterSecRange);
    reader.readAnalysisFps(u"analysis_fps"_s, s.analysisFps);
    return s;
}

QJsonObject toJson(const AppSettings& s) {
    QJsonObject alerts;
    for (int k = 0; k < kAlertKindCount; ++k) {
        alerts.insert(alertKindKey(AlertKind(k)),
                      QJsonObject{{u"enabled"_s, s.alerts[k].enabled}, {u"hold_s"_s, s.alerts[k].holdSec}});
    }
    return {
        {u"version"_s, kFormatVersion},
        {u"camera"_s, s.cameraId},
        {u"camera_name"_s, s.cameraName},
        {u"profile"_s, s.profile},
        {u"alerts"_s, alerts},
        {u"too_close_cm"_s, s.tooCloseCm},
        {u"tilt_deg"_s, s.tiltDeg},
        {u"low_blink_per_min"_s, s.lowBlinkPerMin},
        {u"blink_window_s"_s, s.blinkWindowSec},
        {u"sitting_limit_s"_s, s.sittingLimitSec},
        {u"break_s"_s, s.breakSec},
        {u"eye_break_every_s"_s, s.eyeBreakEverySec},
        {u"cooldown_s"_s, s.cooldownSec},
        {u"quiet_hours"_s, QJsonObject{{u"enabled"_s, s.quietHoursEnabled},
                                       {u"start"_s, timeText(s.quietStartMinute)},
                                       {u"end"_s, timeText(s.quietEndMinute)}}},
        {u"start_at_login"_s, s.startAtLogin},
        {u"language"_s, s.language},
        {u"retention_days"_s, s.retentionDays},
        {u"show_overlay"_s, s.showOverlay},
        {u"release_camera_after_s"_s, s.releaseCameraAfterSec},
        {u"analysis_fps"_s, s.analysisFps},
    };
}

}  // namespace

QString alertKindKey(AlertKind kind) {
    const std::string_view key = toString(kind);
    return QString::fromLatin1(key.data(), static_cast<qsizetype>(key.size()));
}

AnalysisRateSetting AppSettings::analysisRate() const {
    if (analysisFps == 30) return AnalysisRateSetting::Thirty;
    if (analysisFps == 15) return AnalysisRateSetting::Fifteen;
    return AnalysisRateSetting::Automatic;
}

QString languageFor(const QLocale& locale) {
    return locale.language() == QLocale::Korean ? u"ko"_s : u"en"_s;
}

QString defaultLanguage() {
    return languageFor(QLocale::system());
}

std::array<AlertToggle, kAlertKindCount> defaultAlertToggles() {
    const AlertSettings engine;
    std::array<AlertToggle, kAlertKindCount> toggles;
    for (int k = 0; k < kAlertKindCount; ++k) {
        toggles[k] = {engine.rules[k].enabled, qRound(engine.rules[k].holdSec)};
    }
    return toggles;
}

SessionSettings AppSettings::toSessionSettings() const {
    SessionSettings s;
    for (int k = 0; k < kAlertKindCount; ++k) {
        s.alerts.rules[k] = {alerts[k].enabled, double(alerts[k].holdSec)};
    }
    s.alerts.cooldownSec = cooldownSec;
    // The engine takes equal start and end as "no quiet hours".
    s.alerts.quietStartMinute = quietHoursEnabled ? quietStartMinute : 0;
    s.alerts.quietEndMinute = quietHoursEnabled ? quietEndMinute : 0;
    s.posture.tooCloseCm = tooCloseCm;
    s.posture.tiltMinDeg = tiltDeg;
    s.blinkRate.lowPerMin = lowBlinkPerMin;
    s.blinkRate.windowSec = blinkWindowSec;
    s.presence.breakSec = breakSec;
    s.sittingLimitSec = sittingLimitSec;
    s.eyeBreakEverySec = eyeBreakEverySec;
    return s;
}

SettingsLoad loadSettings(const QString& path) {
    const QFileInfo info(path);
    if (info.isSymLink()) {
        return {{},
                Text::tr("The settings file %1 is a symbolic link and was not used (nor will it be written "
                         "through). PoseSmart is using the default settings.")
                    .arg(QDir::toNativeSeparators(path))};
    }
    if (!info.exists()) return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {{},
                Text::tr("The settings file %1 could not be read (%2). PoseSmart is using the default settings.")
                    .arg(QDir::toNativeSeparators(path), file.errorString())};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        const QString reason = document.isNull() ? parseError.errorString() : Text::tr("not a settings object");
        // Kept for the user before any save can replace it.
        const QString aside = path + u".damaged-"_s + QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
        QString kept = aside;
        for (int n = 2; QFileInfo::exists(kept); ++n) kept = aside + u'-' + QString::number(n);
        const QString where = file.rename(kept) ? Text::tr("it was kept as %1").arg(QDir::toNativeSeparators(kept))
                                                : Text::tr("it could not be kept aside: %1").arg(file.errorString());
        return {{},
                Text::tr("The settings file %1 is damaged (%2); %3. PoseSmart is using the default settings.")
                    .arg(QDir::toNativeSeparators(path), reason, where)};
    }
    QStringList invalid;
    QStringList adjusted;
    const QJsonObject root = document.object();
    SettingsLoad load{fromJson(root, invalid, adjusted), {}};
    QStringList notes;
    const QJsonValue version = root.value(u"version"_s);
    if (!version.isUndefined() && version.toDouble(-1) != kFormatVersion) {
        notes.append(Text::tr("%1 was written by another version of PoseSmart (format %2); what could be read "
                              "was used")
                         .arg(QDir::toNativeSeparators(path),
                              version.isDouble() ? QString::number(version.toDouble()) : Text::tr("not a number")));
    }
    if (!invalid.isEmpty()) {
        notes.append(Text::tr("some settings in %1 were not valid and are back at their defaults: %2")
                         .arg(QDir::toNativeSeparators(path), invalid.join(u", "_s)));
    }
    if (!adjusted.isEmpty()) {
        notes.append(Text::tr("some settings in %1 were out of range and were brought into it: %2")
                         .arg(QDir::toNativeSeparators(path), adjusted.join(u", "_s)));
    }
    if (!notes.isEmpty()) {
        load.error = notes.join(u"; "_s);
        load.error[0] = load.error[0].toUpper();
        load.error += u'.';
    }
    return load;
}

bool saveSettings(const AppSettings& settings, const QString& path, QString* error) {
    const auto fail = [&](const QString& reason) {
        if (error) {
            *error =
                Text::tr("The settings could not be saved to %1 (%2).").arg(QDir::toNativeSeparators(path), reason);
        }
        return false;
    };
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) return fail(Text::tr("the folder could not be created"));
    // QSaveFile would write through a link to its target: a link named like the settings is refused.
    if (QFileInfo(path).isSymLink()) return fail(Text::tr("it is a symbolic link"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return fail(file.errorString());
    // Set on the new file before it replaces the old one, so the settings are never world-readable.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) return fail(file.errorString());
    file.write(QJsonDocument(toJson(settings)).toJson(QJsonDocument::Indented));
    if (!file.commit()) return fail(file.errorString());
    return true;
}

}  // namespace posesmart::ui
