// Local days, ISO weeks and months as UTC ranges, in time zones with daylight-saving changes.
#include "history/LocalTime.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>
#include <string>

using namespace posesmart;

namespace {

// Sets TZ for the scope of a test and restores it.
class TimeZone {
public:
    explicit TimeZone(const char* zone) {
        if (const char* old = std::getenv("TZ")) m_old = old;
        ::setenv("TZ", zone, 1);
        ::tzset();
    }
    ~TimeZone() {
        if (m_old.empty()) {
            ::unsetenv("TZ");
        } else {
            ::setenv("TZ", m_old.c_str(), 1);
        }
        ::tzset();
    }
    TimeZone(const TimeZone&) = delete;
    TimeZone& operator=(const TimeZone&) = delete;

private:
    std::string m_old;
};

// The zones' rules as POSIX TZ strings, so that a tzdata update (a country changing its rules for
// the coming years) never changes what these tests expect.
constexpr const char* kBerlin = "CET-1CEST,M3.5.0,M10.5.0/3";  // Europe/Berlin since 1996
constexpr const char* kNewYork = "EST5EDT,M3.2.0,M11.1.0";     // America/New_York since 2007
// Havana-like: clocks change at local midnight, 00:00 -> 01:00 on the second Sunday of March and
// 01:00 -> 00:00 on the first Sunday of November.
constexpr const char* kHavana = "CST5CDT,M3.2.0/0,M11.1.0/1";

double hours(const LocalPeriod& p) {
    return (p.toUtcSec - p.fromUtcSec) / 3600.0;
}

}  // namespace

TEST_CASE("days last 23 or 25 hours across daylight-saving changes") {
    const TimeZone zone(kBerlin);
    CHECK(hours(*localDay("2026-03-29")) == Approx(23.0));
    CHECK(hours(*localDay("2026-10-25")) == Approx(25.0));
    CHECK(hours(*localDay("2026-11-20")) == Approx(24.0));
    // Local midnight of 20 November 2026 in Berlin (CET, UTC+1) is 23:00 UTC the day before.
    CHECK(localDay("2026-11-20")->fromUtcSec == Approx(1'795'129'200.0));
    CHECK(localDayOf(localDay("2026-03-29")->fromUtcSec + 22.5 * 3600.0).label == "2026-03-29");
    CHECK(localDayOf(localDay("2026-03-29")->fromUtcSec + 23.5 * 3600.0).label == "2026-03-30");
}

TEST_CASE("days start at their first local second where midnight is skipped or repeated") {
    // Havana's rule changes clocks at midnight: on 8 March 2026 00:00 never happens (the day starts at
    // 01:00 CDT, 05:00 UTC); on 1 November 2026 00:00 happens twice (first at 04:00 UTC).
    const TimeZone zone(kHavana);
    CHECK(localDay("2026-03-08")->fromUtcSec == Approx(1'772'946'000.0));
    CHECK(hours(*localDay("2026-03-08")) == Approx(23.0));
    CHECK(localDay("2026-11-01")->fromUtcSec == Approx(1'793'505'600.0));
    CHECK(hours(*localDay("2026-11-01")) == Approx(25.0));
    CHECK(localDayOf(localDay("2026-11-01")->fromUtcSec + 24.5 * 3600.0).label == "2026-11-01");
}

TEST_CASE("the same calendar day in another time zone is another UTC range") {
    double berlin = 0.0;
    double newYork = 0.0;
    {
        const TimeZone zone(kBerlin);
        berlin = localDay("2026-07-01")->fromUtcSec;
    }
    {
        const TimeZone zone(kNewYork);
        newYork = localDay("2026-07-01")->fromUtcSec;
    }
    CHECK(newYork - berlin == Approx(6.0 * 3600.0));  // UTC+2 against UTC-4 in summer
}

TEST_CASE("ISO weeks start on Monday; months have their lengths") {
    const TimeZone zone("UTC");
    const auto w1 = localWeek("2026-W01");
    REQUIRE(w1);
    CHECK(localDayOf(w1->fromUtcSec).label == "2025-12-29");
    CHECK(hours(*w1) == Approx(168.0));
    CHECK(localDayOf(localWeek("2026-W47")->fromUtcSec).label == "2026-11-16");
    CHECK(localWeek("2026-W53"));  // 2026 has 53 ISO weeks
    CHECK_FALSE(localWeek("2025-W53"));
    CHECK_FALSE(localWeek("9999-W53"));  // 9999 has 52 weeks; its successor is not a four-digit year
    CHECK(localWeek("2020-W53"));
    CHECK(hours(*localMonth("2026-02")) == Approx(28.0 * 24.0));
    CHECK(hours(*localMonth("2024-02")) == Approx(29.0 * 24.0));
    CHECK(hours(*localMonth("2026-12")) == Approx(31.0 * 24.0));
}

TEST_CASE("malformed dates are refused") {
    for (const char* text : {"2026-02-30", "2026-13-01", "20261120", "2026-11-20x", "", "yesterday"}) {
        INFO(text);
        CHECK_FALSE(localDay(text));
    }
    CHECK_FALSE(localMonth("2026-00"));
    CHECK_FALSE(localWeek("2026-W00"));
    CHECK_FALSE(parseLocalDateTime("2026-11-20 09:00"));
    CHECK_FALSE(parseLocalDateTime("2026-11-20T25:00"));
    CHECK_FALSE(parseLocalDateTime("2026-11-20T09:00junk"));
    CHECK_FALSE(parseLocalDateTime("2026-11-20T09:00:00junk"));
}

TEST_CASE("local date-times, hours and minutes of the day") {
    const TimeZone zone(kBerlin);
    const auto start = parseLocalDateTime("2026-11-20T09:30");
    REQUIRE(start);
    CHECK(*start == Approx(localDay("2026-11-20")->fromUtcSec + 9.5 * 3600.0));
    CHECK(localHour(*start) == 9);
    CHECK(localMinuteOfDay(*start) == 570);
    CHECK(*parseLocalDateTime("2026-11-20T09:30:15") == Approx(*start + 15.0));
}
