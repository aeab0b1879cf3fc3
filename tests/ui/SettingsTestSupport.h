// What the Settings tests share: every field changed from its default, the alert indices, and small
// file helpers that fail the test when the file system does not cooperate.
#pragma once

#include "AppSettings.h"
#include "CatchQt.h"

#include <QFile>
#include <QString>
#include <catch2/catch.hpp>
#include <sys/stat.h>

namespace posesmart::ui::settings_test {

using namespace Qt::StringLiterals;

constexpr auto kForwardHead = static_cast<std::size_t>(AlertKind::ForwardHead);
constexpr auto kSlouch = static_cast<std::size_t>(AlertKind::Slouch);
constexpr auto kTilted = static_cast<std::size_t>(AlertKind::Tilted);
constexpr auto kLowBlinkRate = static_cast<std::size_t>(AlertKind::LowBlinkRate);
constexpr auto kSitting = static_cast<std::size_t>(AlertKind::SittingTooLong);
constexpr auto kEyeBreak = static_cast<std::size_t>(AlertKind::EyeBreak);

// Every field different from its default; durations in whole minutes where the dialog shows minutes.
inline AppSettings changedSettings() {
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

inline void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

inline int modeOf(const QString& path) {
    struct stat info {};
    REQUIRE(::stat(QFile::encodeName(path).constData(), &info) == 0);
    return static_cast<int>(info.st_mode & 0777);
}

inline QString readText(const QString& path) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QString::fromUtf8(file.readAll());
}

}  // namespace posesmart::ui::settings_test
