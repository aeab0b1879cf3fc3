#include "history/LocalTime.h"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace posesmart {

namespace {

std::tm localTm(double utcSec) {
    const auto t = static_cast<std::time_t>(std::floor(utcSec));
    std::tm tm{};
    localtime_r(&t, &tm);
    return tm;
}

int dateKey(const std::tm& tm) {
    return tm.tm_year * 10000 + tm.tm_mon * 100 + tm.tm_mday;
}

// The first second of the given local calendar day (normalised: day 32 is the next month's 1st).
// Searched for rather than asked of mktime, which is ambiguous where midnight is skipped or
// repeated by a DST change (America/Havana, America/Santiago).
double localMidnight(int year, int month, int day) {
    std::tm noon{};
    noon.tm_year = year - 1900;
    noon.tm_mon = month - 1;
    noon.tm_mday = day;
    noon.tm_hour = 12;
    noon.tm_isdst = -1;
    const std::time_t atNoon = std::mktime(&noon);  // also normalises the date fields
    const int target = dateKey(noon);
    // Local dates only move forward with UTC; two days before noon is surely an earlier date.
    std::time_t before = atNoon - 2 * 86400;
    std::time_t onDay = atNoon;
    while (onDay - before > 1) {
        const std::time_t mid = before + (onDay - before) / 2;
        if (dateKey(localTm(static_cast<double>(mid))) >= target) {
            onDay = mid;
        } else {
            before = mid;
        }
    }
    return static_cast<double>(onDay);
}

bool validDate(int year, int month, int day) {
    if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = 12;
    tm.tm_isdst = -1;
    std::mktime(&tm);
    return tm.tm_mday == day && tm.tm_mon == month - 1;
}

}  // namespace

std::optional<LocalPeriod> localDay(const std::string& text) {
    int y = 0, m = 0, d = 0;
    char rest = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &rest) != 3 || !validDate(y, m, d)) return std::nullopt;
    return LocalPeriod{localMidnight(y, m, d), localMidnight(y, m, d + 1), text};
}

std::optional<LocalPeriod> localWeek(const std::string& text) {
    int y = 0, w = 0;
    char rest = 0;
    if (std::sscanf(text.c_str(), "%4d-W%2d%c", &y, &w, &rest) != 2 || w < 1 || w > 53 || y < 1971) return std::nullopt;
    // ISO week 1 holds 4 January; weeks start on Monday.
    std::tm jan4{};
    jan4.tm_year = y - 1900;
    jan4.tm_mon = 0;
    jan4.tm_mday = 4;
    jan4.tm_hour = 12;
    jan4.tm_isdst = -1;
    std::mktime(&jan4);
    const int mondayOffset = (jan4.tm_wday + 6) % 7;  // days since Monday
    const int firstMonday = 4 - mondayOffset;         // day of January (may be <= 0)
    const int startDay = firstMonday + (w - 1) * 7;
    LocalPeriod period{localMidnight(y, 1, startDay), localMidnight(y, 1, startDay + 7), text};
    // Week 53 exists only in years whose ISO calendar has it: those where 28 December falls in it.
    if (w == 53 && localMidnight(y, 12, 28) < period.fromUtcSec) return std::nullopt;
    return period;
}

std::optional<LocalPeriod> localMonth(const std::string& text) {
    int y = 0, m = 0;
    char rest = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d%c", &y, &m, &rest) != 2 || !validDate(y, m, 1)) return std::nullopt;
    return LocalPeriod{localMidnight(y, m, 1), localMidnight(y, m + 1, 1), text};
}

LocalPeriod localDayOf(double utcSec) {
    const std::tm tm = localTm(utcSec);
    char label[16];
    std::strftime(label, sizeof label, "%Y-%m-%d", &tm);
    return *localDay(label);
}

std::optional<double> parseLocalDateTime(const std::string& text) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    int used = 0;  // characters read: the whole text must be the date and time
    const auto whole = [&](int fields, int expected) {
        return fields == expected && used == static_cast<int>(text.size());
    };
    bool ok = whole(std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d%n", &y, &mo, &d, &h, &mi, &used), 5);
    if (!ok) {
        used = 0;
        ok = whole(std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &s, &used), 6);
    }
    if (!ok || !validDate(y, mo, d) || h > 23 || mi > 59 || s > 59 || h < 0 || mi < 0 || s < 0) {
        return std::nullopt;
    }
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    tm.tm_isdst = -1;
    return static_cast<double>(std::mktime(&tm));
}

int localHour(double utcSec) {
    return localTm(utcSec).tm_hour;
}

int localMinuteOfDay(double utcSec) {
    const std::tm tm = localTm(utcSec);
    return tm.tm_hour * 60 + tm.tm_min;
}

}  // namespace posesmart
