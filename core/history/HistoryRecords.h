// HistoryRecords: the rows of the history database: one per monitored minute, and events.
#pragma once

#include "analysis/AlertPolicy.h"
#include "analysis/Posture.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace posesmart {

struct MinuteRecord {
    std::int64_t minuteUtc = 0;  // minutes since 1970-01-01 00:00 UTC
    double presentSec = 0.0;
    std::array<double, kPostureStateCount> secondsByState{};  // indexed by PostureState
    int blinks = 0;
    int incompleteBlinks = 0;
    int closures = 0;
    double eyesSec = 0.0;        // time the eyes could be read (the blink rate's denominator)
    double distanceSumCm = 0.0;  // over the frames with a face...
    int distanceFrames = 0;      // ...so minutes can be merged into a mean
    int alerts = 0;

    [[nodiscard]] double meanDistanceCm() const { return distanceFrames > 0 ? distanceSumCm / distanceFrames : 0.0; }
};

// One guided routine run (see routine/RoutinePlayer).
struct RoutineRecord {
    double startUtcSec = 0.0;
    double endUtcSec = 0.0;
    std::string routineId;
    int steps = 0;
    int stepsDone = 0;
    bool completed = false;  // every step done
};

enum class EventKind { Alert, Break, Calibration, Pause };
inline constexpr int kEventKindCount = static_cast<int>(EventKind::Pause) + 1;

// "alert", "break", "calibration", "pause": the key stored in the history.
std::string_view toString(EventKind kind);
std::optional<EventKind> eventKindFromString(std::string_view key);

// What happened at a moment. An alert is stored by its kind only: its words belong to whoever
// shows it (translated in the app, English in posesmart-cli).
struct HistoryEvent {
    double utcSec = 0.0;  // seconds since 1970-01-01 00:00 UTC
    EventKind kind = EventKind::Alert;
    AlertKind alert = AlertKind::ForwardHead;  // which alert (EventKind::Alert)
    bool succeeded = true;                     // the calibration's verdict (EventKind::Calibration)
    std::string reason;                        // why a calibration failed, in the user's words
    double durationSec = 0.0;                  // of a break or a pause

    static HistoryEvent alertAt(double utcSec, AlertKind kind) {
        return {utcSec, EventKind::Alert, kind, true, {}, 0.0};
    }
    static HistoryEvent breakAt(double startUtcSec, double durationSec) {
        return {startUtcSec, EventKind::Break, AlertKind::ForwardHead, true, {}, durationSec};
    }
    static HistoryEvent pauseAt(double startUtcSec, double durationSec) {
        return {startUtcSec, EventKind::Pause, AlertKind::ForwardHead, true, {}, durationSec};
    }
    static HistoryEvent calibrationAt(double utcSec, bool succeeded, std::string reason) {
        return {utcSec, EventKind::Calibration, AlertKind::ForwardHead, succeeded, std::move(reason), 0.0};
    }
};

}  // namespace posesmart
