// HistoryRecords: the rows of the history database: one per monitored minute, and events.
#pragma once

#include "posesmart/Posture.h"

#include <array>
#include <cstdint>
#include <string>

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

// What happened at a moment: "alert" (subkind: the alert kind), "break", "calibration", "pause".
struct HistoryEvent {
    double utcSec = 0.0;  // seconds since 1970-01-01 00:00 UTC
    std::string kind;
    std::string subkind;
    std::string message;
    double durationSec = 0.0;
};

}  // namespace posesmart
