// HistoryReport: what the history says about a day, a week or a month: monitored time, time and
// share per posture state, the longest good stretch, alerts by kind, breaks, blinks per minute
// (overall and by local hour), mean distance; and, for weeks and months, the same per day.
#pragma once

#include "history/HistoryStore.h"
#include "history/LocalTime.h"

#include <array>
#include <string>
#include <vector>

namespace posesmart {

struct DaySummary {
    std::string date;  // local, YYYY-MM-DD
    double monitoredSec = 0.0;
    double goodShare = 0.0;  // of the time with a judged posture (good or a problem)
    int alerts = 0;
    double blinksPerMin = 0.0;
    int routines = 0;  // guided routines started, finished, and their steps done
    int routinesFinished = 0;
    int routineStepsDone = 0;
};

struct PeriodReport {
    LocalPeriod period;
    double monitoredSec = 0.0;                                // present at the screen
    std::array<double, kPostureStateCount> secondsByState{};  // by PostureState
    double goodShare = 0.0;                           // good / (good + forward_head + slouch + too_close + tilted)
    double longestGoodSec = 0.0;                      // consecutive mostly-good minutes
    std::array<int, kAlertKindCount> alertsByKind{};  // by AlertKind
    int alerts = 0;
    int breaks = 0;
    int blinks = 0;
    int incompleteBlinks = 0;
    double blinksPerMin = 0.0;                    // over the time the eyes could be read
    std::array<double, 24> blinksPerMinByHour{};  // -1 for hours without data
    double meanDistanceCm = 0.0;
    std::vector<RoutineRecord> routines;  // guided routines started in the period, in order
    int routinesFinished = 0;             // every step done
    int routineStepsDone = 0;
    std::vector<DaySummary> days;  // one per local day of the period
};

PeriodReport buildReport(const HistoryStore& store, std::int64_t profile, const LocalPeriod& period);

}  // namespace posesmart
