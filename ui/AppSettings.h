// AppSettings: every setting the user can change, with PRODUCT.md's defaults, kept in a small
// JSON file (durations in seconds, units in the key names) and mapped onto the engine's settings.
// Loading never fails: a missing, damaged or odd file gives defaults and, if damaged, a message.
#pragma once

#include "analysis/AlertPolicy.h"
#include "analysis/SessionAnalyzer.h"
#include "capture/AnalysisRate.h"

#include <QLocale>
#include <QString>
#include <array>

namespace posesmart::ui {

// The ranges loadSettings() clamps to; the Settings dialog offers the same.
struct IntRange {
    int min = 0;
    int max = 0;
};
inline constexpr IntRange kHoldSecRange{0, 600};
inline constexpr IntRange kTooCloseCmRange{20, 150};
inline constexpr IntRange kTiltDegRange{3, 45};
inline constexpr IntRange kLowBlinkPerMinRange{1, 30};
inline constexpr IntRange kBlinkWindowSecRange{10, 30 * 60};
inline constexpr IntRange kSittingLimitSecRange{10, 4 * 60 * 60};
inline constexpr IntRange kBreakSecRange{10, 60 * 60};
inline constexpr IntRange kEyeBreakEverySecRange{10, 2 * 60 * 60};
inline constexpr IntRange kCooldownSecRange{0, 2 * 60 * 60};
inline constexpr IntRange kMinuteOfDayRange{0, 24 * 60 - 1};
inline constexpr IntRange kRetentionDaysRange{1, 10 * 365};
inline constexpr IntRange kReleaseCameraAfterSecRange{10, 60 * 60};

inline constexpr int kMaxProfileNameLength = 40;

// The engine's name of an alert kind ("forward_head", ...): the settings file's keys, the
// notifications' kind.
QString alertKindKey(AlertKind kind);

// "ko" for a Korean locale, otherwise "en": the two languages the app speaks.
QString languageFor(const QLocale& locale);
QString defaultLanguage();  // languageFor(QLocale::system())

struct AlertToggle {
    bool enabled = true;
    int holdSec = 30;  // the condition must hold this long
    bool operator==(const AlertToggle&) const = default;
};

// Indexed by AlertKind; holds as in the engine's AlertSettings (posture 30 s, the others 0 s).
std::array<AlertToggle, kAlertKindCount> defaultAlertToggles();

struct AppSettings {
    QString cameraId;    // the camera's stable path (/dev/v4l/by-id/... when it has one); empty: the first camera
    QString cameraName;  // its name, to find it again should the path be gone
    // Who is measured: each person at the computer has a profile with its own calibration, Face ID
    // and history. Trimmed, 1 to kMaxProfileNameLength characters.
    QString profile = QStringLiteral("default");
    std::array<AlertToggle, kAlertKindCount> alerts = defaultAlertToggles();  // eye_break: 20-20-20
    int tooCloseCm = 45;
    int tiltDeg = 10;
    int lowBlinkPerMin = 8;
    int blinkWindowSec = 3 * 60;
    int sittingLimitSec = 50 * 60;
    int breakSec = 5 * 60;
    int eyeBreakEverySec = 20 * 60;
    int cooldownSec = 10 * 60;
    bool quietHoursEnabled = false;
    int quietStartMinute = 22 * 60;  // minutes of the local day
    int quietEndMinute = 7 * 60;
    bool startAtLogin = false;
    QString language = defaultLanguage();  // "en" or "ko"
    int retentionDays = 365;
    bool showOverlay = true;             // landmarks over the live view
    int releaseCameraAfterSec = 5 * 60;  // nobody in view this long: the camera is closed
    // Frames analysed a second: 30 or 15, or 0: automatic (15 on battery, core's AnalysisRate).
    int analysisFps = 0;
    [[nodiscard]] AnalysisRateSetting analysisRate() const;

    [[nodiscard]] SessionSettings toSessionSettings() const;
    bool operator==(const AppSettings&) const = default;
};

struct SettingsLoad {
    AppSettings settings;
    QString error;  // translated, for the user; empty when the file was fine or absent
};

SettingsLoad loadSettings(const QString& path);
// Atomic (a new file renamed over the old), readable by its owner only; creates the folder.
bool saveSettings(const AppSettings& settings, const QString& path, QString* error);

}  // namespace posesmart::ui
