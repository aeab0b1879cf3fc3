// AlertPolicy: when a condition becomes an alert. Each condition must hold for its duration;
// one alert per kind per cooldown; nothing while snoozed or in quiet hours; at most one alert at
// a time (a minimum gap between any two). Driven by stream time only.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace posesmart {

// In priority order: when several are due at once, the first one wins.
enum class AlertKind { ForwardHead, Slouch, TooClose, Tilted, LowBlinkRate, SittingTooLong, EyeBreak };
inline constexpr int kAlertKindCount = static_cast<int>(AlertKind::EyeBreak) + 1;

// "forward_head", "slouch", "too_close", "tilted", "low_blink_rate", "sitting", "eye_break": the
// key in files (history, settings, JSON).
std::string_view toString(AlertKind kind);
std::optional<AlertKind> alertKindFromString(std::string_view key);
// A short, kind message for the user, in English (posesmart-cli; the app has its translated table).
std::string_view defaultMessage(AlertKind kind);

struct AlertRule {
    bool enabled = true;
    double holdSec = 30.0;  // the condition must hold this long
};

struct AlertSettings {
    // Posture conditions hold 30 s; the others are already conditions over time (3 minutes of
    // blinking, 50 minutes of sitting, 20 minutes of screen time) and fire at once.
    std::array<AlertRule, kAlertKindCount> rules{AlertRule{true, 30.0}, AlertRule{true, 30.0}, AlertRule{true, 30.0},
                                                 AlertRule{true, 30.0}, AlertRule{true, 0.0},  AlertRule{true, 0.0},
                                                 AlertRule{true, 0.0}};
    double cooldownSec = 600.0;  // per kind
    double minGapSec = 60.0;     // between any two alerts: one at a time
    // Quiet hours as minutes of the local day, [start, end), may wrap past midnight; equal: none.
    int quietStartMinute = 0;
    int quietEndMinute = 0;
};

struct Alert {
    double timestampSec = 0.0;
    AlertKind kind = AlertKind::ForwardHead;
};

using AlertConditions = std::array<bool, kAlertKindCount>;

class AlertPolicy {
public:
    explicit AlertPolicy(AlertSettings settings = {});
    // The conditions as they stand at `timestampSec`; returns the alert to raise, if any.
    std::optional<Alert> update(double timestampSec, const AlertConditions& conditions);
    void snooze(double untilSec);                  // every kind
    void snooze(AlertKind kind, double untilSec);  // one kind
    // Maps stream time to the local minute of the day (0..1439) for quiet hours; without it,
    // quiet hours do not apply.
    void setMinuteOfDay(std::function<int(double)> minuteOfDay);
    [[nodiscard]] const AlertSettings& settings() const { return m_settings; }

private:
    [[nodiscard]] bool quietAt(double timestampSec) const;

    AlertSettings m_settings;
    std::array<std::optional<double>, kAlertKindCount> m_holdingSince;
    std::array<std::optional<double>, kAlertKindCount> m_lastRaised;
    std::array<double, kAlertKindCount> m_snoozedUntil{};
    double m_allSnoozedUntil = 0.0;
    std::optional<double> m_lastAnyRaised;
    std::function<int(double)> m_minuteOfDay;
};

}  // namespace posesmart
