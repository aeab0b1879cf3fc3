#include "history/HistoryReport.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace posesmart {

namespace {

constexpr std::array<PostureState, 5> kJudged = {PostureState::Good, PostureState::ForwardHead, PostureState::Slouch,
                                                 PostureState::TooClose, PostureState::Tilted};

double judgedSeconds(const std::array<double, kPostureStateCount>& seconds) {
    double sum = 0.0;
    for (const PostureState s : kJudged) sum += seconds[static_cast<std::size_t>(s)];
    return sum;
}

double goodShareOf(const std::array<double, kPostureStateCount>& seconds) {
    const double judged = judgedSeconds(seconds);
    return judged > 0.0 ? seconds[static_cast<std::size_t>(PostureState::Good)] / judged : 0.0;
}

}  // namespace

PeriodReport buildReport(const HistoryStore& store, std::int64_t profile, const LocalPeriod& period) {
    PeriodReport report;
    report.period = period;
    report.blinksPerMinByHour.fill(-1.0);
    const auto fromMinute = static_cast<std::int64_t>(std::floor(period.fromUtcSec / 60.0));
    const auto toMinute = static_cast<std::int64_t>(std::floor(period.toUtcSec / 60.0));
    const std::vector<MinuteRecord> minutes = store.minutes(profile, fromMinute, toMinute);

    std::array<double, 24> hourBlinks{};
    std::array<double, 24> hourEyes{};
    double eyesSec = 0.0;
    double distanceSum = 0.0;
    int distanceFrames = 0;
    double run = 0.0;
    std::int64_t previousMinute = fromMinute - 2;
    std::map<std::string, DaySummary> days;
    std::map<std::string, std::pair<int, double>> dayBlinks;  // blinks, eyes seconds
    std::map<std::string, std::array<double, kPostureStateCount>> dayStates;
    std::int64_t cachedQuarter = -1;
    std::size_t cachedHour = 0;
    LocalPeriod cachedDay{0.0, 0.0, ""};
    for (const MinuteRecord& m : minutes) {
        report.monitoredSec += m.presentSec;
        for (std::size_t s = 0; s < kPostureStateCount; ++s) report.secondsByState[s] += m.secondsByState[s];
        report.blinks += m.blinks;
        report.incompleteBlinks += m.incompleteBlinks;
        eyesSec += m.eyesSec;
        distanceSum += m.distanceSumCm;
        distanceFrames += m.distanceFrames;
        const double utc = static_cast<double>(m.minuteUtc) * 60.0;
        // Time-zone look-ups are the costly part: local hours change only on UTC quarter hours
        // (every zone's offset is a multiple of 15 minutes), days only at the day's end.
        const auto quarter = static_cast<std::int64_t>(std::floor(utc / 900.0));
        if (quarter != cachedQuarter) {
            cachedQuarter = quarter;
            cachedHour = static_cast<std::size_t>(localHour(utc));
        }
        if (utc < cachedDay.fromUtcSec || utc >= cachedDay.toUtcSec) cachedDay = localDayOf(utc);
        const std::size_t hour = cachedHour;
        hourBlinks[hour] += m.blinks;
        hourEyes[hour] += m.eyesSec;
        // A stretch of good posture: consecutive minutes judged mostly good.
        const double judged = judgedSeconds(m.secondsByState);
        const bool good = judged > 0.0 && goodShareOf(m.secondsByState) >= 0.5;
        run = good ? (m.minuteUtc == previousMinute + 1 ? run : 0.0) + m.secondsByState[0] : 0.0;
        report.longestGoodSec = std::max(report.longestGoodSec, run);
        previousMinute = m.minuteUtc;

        const std::string& date = cachedDay.label;
        DaySummary& day = days[date];
        day.date = date;
        day.monitoredSec += m.presentSec;
        day.alerts += m.alerts;
        auto& states = dayStates[date];
        for (std::size_t s = 0; s < kPostureStateCount; ++s) states[s] += m.secondsByState[s];
        dayBlinks[date].first += m.blinks;
        dayBlinks[date].second += m.eyesSec;
    }
    report.goodShare = goodShareOf(report.secondsByState);
    report.blinksPerMin = eyesSec > 0.0 ? report.blinks * 60.0 / eyesSec : 0.0;
    for (std::size_t h = 0; h < 24; ++h) {
        if (hourEyes[h] > 0.0) report.blinksPerMinByHour[h] = hourBlinks[h] * 60.0 / hourEyes[h];
    }
    report.meanDistanceCm = distanceFrames > 0 ? distanceSum / distanceFrames : 0.0;

    for (const HistoryEvent& e : store.events(profile, period.fromUtcSec, period.toUtcSec)) {
        if (e.kind == EventKind::Alert) {
            ++report.alertsByKind[static_cast<std::size_t>(e.alert)];
            ++report.alerts;
        } else if (e.kind == EventKind::Break) {
            ++report.breaks;
        }
    }
    report.routines = store.routines(profile, period.fromUtcSec, period.toUtcSec);
    for (const RoutineRecord& r : report.routines) {
        const std::string date = localDayOf(r.startUtcSec).label;
        DaySummary& day = days[date];
        day.date = date;
        ++day.routines;
        day.routinesFinished += r.completed ? 1 : 0;
        day.routineStepsDone += r.stepsDone;
        report.routinesFinished += r.completed ? 1 : 0;
        report.routineStepsDone += r.stepsDone;
    }
    for (auto& [date, day] : days) {
        day.goodShare = goodShareOf(dayStates[date]);
        const auto [blinks, eyes] = dayBlinks[date];
        day.blinksPerMin = eyes > 0.0 ? blinks * 60.0 / eyes : 0.0;
        report.days.push_back(day);
    }
    return report;
}

}  // namespace posesmart
