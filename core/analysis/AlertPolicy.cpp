#include "analysis/AlertPolicy.h"

#include <utility>

namespace posesmart {

std::string_view toString(AlertKind kind) {
    switch (kind) {
        case AlertKind::ForwardHead:
            return "forward_head";
        case AlertKind::Slouch:
            return "slouch";
        case AlertKind::TooClose:
            return "too_close";
        case AlertKind::Tilted:
            return "tilted";
        case AlertKind::LowBlinkRate:
            return "low_blink_rate";
        case AlertKind::SittingTooLong:
            return "sitting";
        case AlertKind::EyeBreak:
            return "eye_break";
    }
    return "unknown";
}

std::optional<AlertKind> alertKindFromString(std::string_view key) {
    for (int k = 0; k < kAlertKindCount; ++k) {
        if (toString(static_cast<AlertKind>(k)) == key) return static_cast<AlertKind>(k);
    }
    return std::nullopt;
}

std::string_view defaultMessage(AlertKind kind) {
    switch (kind) {
        case AlertKind::ForwardHead:
            return "Your head is drifting forward. Sit back and let your chin come in a little.";
        case AlertKind::Slouch:
            return "You have sunk a little in your chair. Sit up tall and relax your shoulders.";
        case AlertKind::TooClose:
            return "You are quite close to the screen. Lean back a bit.";
        case AlertKind::Tilted:
            return "Your head has been tilted for a while. Level it and loosen your neck.";
        case AlertKind::LowBlinkRate:
            return "You have been blinking less than usual. Blink slowly a few times.";
        case AlertKind::SittingTooLong:
            return "You have been sitting a long time. Stand up and move for a few minutes.";
        case AlertKind::EyeBreak:
            return "Time for a 20-20-20 break: look at something 20 feet away for 20 seconds.";
    }
    return "";
}

AlertPolicy::AlertPolicy(AlertSettings settings) : m_settings(settings) {}

void AlertPolicy::snooze(double untilSec) {
    m_allSnoozedUntil = untilSec;
}

void AlertPolicy::snooze(AlertKind kind, double untilSec) {
    m_snoozedUntil[static_cast<std::size_t>(kind)] = untilSec;
}

void AlertPolicy::setMinuteOfDay(std::function<int(double)> minuteOfDay) {
    m_minuteOfDay = std::move(minuteOfDay);
}

bool AlertPolicy::quietAt(double timestampSec) const {
    const int start = m_settings.quietStartMinute;
    const int end = m_settings.quietEndMinute;
    if (!m_minuteOfDay || start == end) return false;
    const int minute = m_minuteOfDay(timestampSec);
    return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

std::optional<Alert> AlertPolicy::update(double timestampSec, const AlertConditions& conditions) {
    for (std::size_t k = 0; k < kAlertKindCount; ++k) {
        if (!conditions[k]) {
            m_holdingSince[k].reset();
        } else if (!m_holdingSince[k]) {
            m_holdingSince[k] = timestampSec;
        }
    }
    if (timestampSec < m_allSnoozedUntil || quietAt(timestampSec)) return std::nullopt;
    if (m_lastAnyRaised && timestampSec - *m_lastAnyRaised < m_settings.minGapSec) return std::nullopt;
    for (std::size_t k = 0; k < kAlertKindCount; ++k) {
        const AlertRule& rule = m_settings.rules[k];
        if (!rule.enabled || !m_holdingSince[k] || timestampSec - *m_holdingSince[k] < rule.holdSec) continue;
        if (timestampSec < m_snoozedUntil[k]) continue;
        if (m_lastRaised[k] && timestampSec - *m_lastRaised[k] < m_settings.cooldownSec) continue;
        m_lastRaised[k] = timestampSec;
        m_lastAnyRaised = timestampSec;
        const auto kind = static_cast<AlertKind>(k);
        return Alert{timestampSec, kind};
    }
    return std::nullopt;
}

}  // namespace posesmart
