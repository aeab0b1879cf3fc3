// Period reports from a known history: every number equals what was written.
#include "TestData.h"
#include "history/HistoryReport.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>

using namespace posesmart;

namespace {

MinuteRecord row(double utcSec, double good, double slouch, int blinks, int alerts = 0) {
    MinuteRecord m;
    m.minuteUtc = static_cast<std::int64_t>(utcSec / 60.0);
    m.presentSec = good + slouch;
    m.secondsByState[static_cast<std::size_t>(PostureState::Good)] = good;
    m.secondsByState[static_cast<std::size_t>(PostureState::Slouch)] = slouch;
    m.blinks = blinks;
    m.incompleteBlinks = blinks / 3;
    m.eyesSec = 60.0;
    m.distanceSumCm = 50.0 * 10;
    m.distanceFrames = 10;
    m.alerts = alerts;
    return m;
}

}  // namespace

TEST_CASE("a day's report adds up the minutes and events of that local day only") {
    ::setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);  // Europe/Berlin, pinned against tzdata updates
    ::tzset();
    const auto file = test::scratchDir("report") / "history.db";
    HistoryStore store(file);
    const auto profile = store.profileId("me");
    const double nine = *parseLocalDateTime("2026-11-20T09:00");
    std::vector<MinuteRecord> minutes;
    // 09:00-09:09 good, 09:10-09:14 slouching, 14:00-14:02 good; and a minute on the day before.
    for (int i = 0; i < 10; ++i) minutes.push_back(row(nine + i * 60.0, 60.0, 0.0, 12));
    for (int i = 10; i < 15; ++i) minutes.push_back(row(nine + i * 60.0, 0.0, 60.0, 6, i == 12 ? 1 : 0));
    for (int i = 0; i < 3; ++i) minutes.push_back(row(nine + 5 * 3600.0 + i * 60.0, 60.0, 0.0, 15));
    minutes.push_back(row(*parseLocalDateTime("2026-11-19T23:59"), 60.0, 0.0, 30));
    store.write(profile, minutes,
                {HistoryEvent::alertAt(nine + 12 * 60.0 + 30.0, AlertKind::Slouch),
                 HistoryEvent::breakAt(nine + 3 * 3600.0, 3600.0),
                 HistoryEvent::alertAt(*parseLocalDateTime("2026-11-19T23:59"), AlertKind::Tilted)});

    const PeriodReport r = buildReport(store, profile, *localDay("2026-11-20"));
    CHECK(r.monitoredSec == Approx(18 * 60.0));
    CHECK(r.secondsByState[static_cast<std::size_t>(PostureState::Good)] == Approx(13 * 60.0));
    CHECK(r.secondsByState[static_cast<std::size_t>(PostureState::Slouch)] == Approx(5 * 60.0));
    CHECK(r.goodShare == Approx(13.0 / 18.0));
    CHECK(r.longestGoodSec == Approx(10 * 60.0));
    CHECK(r.alerts == 1);
    CHECK(r.alertsByKind[static_cast<std::size_t>(AlertKind::Slouch)] == 1);
    CHECK(r.alertsByKind[static_cast<std::size_t>(AlertKind::Tilted)] == 0);  // the day before
    CHECK(r.breaks == 1);
    CHECK(r.blinks == 10 * 12 + 5 * 6 + 3 * 15);
    CHECK(r.incompleteBlinks == 10 * 4 + 5 * 2 + 3 * 5);
    CHECK(r.blinksPerMin == Approx((10 * 12 + 5 * 6 + 3 * 15) / 18.0));
    CHECK(r.blinksPerMinByHour[9] == Approx((10 * 12 + 5 * 6) / 15.0));
    CHECK(r.blinksPerMinByHour[14] == Approx(15.0));
    CHECK(r.blinksPerMinByHour[10] == -1.0);
    CHECK(r.meanDistanceCm == Approx(50.0));
    REQUIRE(r.days.size() == 1);
    CHECK(r.days[0].date == "2026-11-20");

    const PeriodReport week = buildReport(store, profile, *localWeek("2026-W47"));
    REQUIRE(week.days.size() == 2);
    CHECK(week.days[0].date == "2026-11-19");
    CHECK(week.days[0].blinksPerMin == Approx(30.0));
    CHECK(week.alerts == 2);

    const PeriodReport empty = buildReport(store, profile, *localDay("2026-11-21"));
    CHECK(empty.monitoredSec == 0.0);
    CHECK(empty.days.empty());
    ::unsetenv("TZ");
    ::tzset();
}

TEST_CASE("guided routines are counted per period and per day, in local days") {
    ::setenv("TZ", "Europe/Berlin", 1);
    ::tzset();
    const auto file = test::scratchDir("report-routines") / "history.db";
    HistoryStore store(file);
    const auto profile = store.profileId("me");
    const double monday = *parseLocalDateTime("2026-11-16T10:00");
    const double tuesday = *parseLocalDateTime("2026-11-17T23:30");
    store.write(profile, {row(monday, 60.0, 0.0, 10), row(tuesday, 60.0, 0.0, 10)}, {});
    store.addRoutine(profile, {monday + 5.0, monday + 65.0, "neck-1min", 6, 6, true});
    store.addRoutine(profile, {monday + 600.0, monday + 640.0, "eyes-20-20-20", 4, 2, false});
    store.addRoutine(profile, {tuesday + 10.0, tuesday + 50.0, "neck-1min", 6, 5, false});
    store.addRoutine(profile, {*parseLocalDateTime("2026-11-23T09:00"), *parseLocalDateTime("2026-11-23T09:01"),
                               "neck-1min", 6, 6, true});  // the week after

    const PeriodReport day = buildReport(store, profile, *localDay("2026-11-16"));
    REQUIRE(day.routines.size() == 2);
    CHECK(day.routines[0].routineId == "neck-1min");
    CHECK(day.routinesFinished == 1);
    CHECK(day.routineStepsDone == 8);

    const PeriodReport week = buildReport(store, profile, *localWeek("2026-W47"));
    CHECK(week.routines.size() == 3);
    CHECK(week.routinesFinished == 1);
    CHECK(week.routineStepsDone == 13);
    REQUIRE(week.days.size() == 2);
    CHECK(week.days[0].routines == 2);
    CHECK(week.days[0].routinesFinished == 1);
    CHECK(week.days[0].routineStepsDone == 8);
    CHECK(week.days[1].date == "2026-11-17");
    CHECK(week.days[1].routines == 1);
    CHECK(week.days[1].routineStepsDone == 5);
}
