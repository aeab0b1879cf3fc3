// ReportData: reading a period of the history for the report viewer and the PDF.
#include "ReportData.h"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace posesmart {

namespace {

// "YYYY-Www" of the ISO week holding the date: the week belongs to the year of its Thursday.
std::string isoWeekLabel(int year, int month, int day) {
    using namespace std::chrono;
    const sys_days date{std::chrono::year{year} / month / day};
    const int sinceMonday = static_cast<int>(weekday{date}.iso_encoding()) - 1;
    const sys_days thursday = date - days{sinceMonday} + days{3};
    const std::chrono::year weekYear = year_month_day{thursday}.year();
    const auto week = (thursday - sys_days{weekYear / January / 1}).count() / 7 + 1;
    char label[32];
    std::snprintf(label, sizeof label, "%04d-W%02d", static_cast<int>(weekYear), static_cast<int>(week));
    return label;
}

double longestRunSec(const std::vector<MinuteRecord>& minutes) {
    std::int64_t run = 0;
    std::int64_t longest = 0;
    std::int64_t previous = 0;
    for (const MinuteRecord& m : minutes) {
        if (m.presentSec <= 0.0) {
            run = 0;
            continue;
        }
        run = run > 0 && m.minuteUtc == previous + 1 ? run + 1 : 1;
        previous = m.minuteUtc;
        longest = std::max(longest, run);
    }
    return static_cast<double>(longest) * 60.0;
}

// The period of the same span just before `period`.
LocalPeriod previousPeriod(ReportSpan span, const LocalPeriod& period) {
    const LocalPeriod dayBefore = localDayOf(period.fromUtcSec - 1.0);
    int year = 0, month = 0, day = 0;
    std::sscanf(dayBefore.label.c_str(), "%4d-%2d-%2d", &year, &month, &day);
    return *periodContaining(span, year, month, day);
}

}  // namespace

std::optional<LocalPeriod> periodContaining(ReportSpan span, int year, int month, int day) {
    char dayLabel[32];
    std::snprintf(dayLabel, sizeof dayLabel, "%04d-%02d-%02d", year, month, day);
    const auto date = localDay(dayLabel);
    if (!date) return std::nullopt;
    switch (span) {
        case ReportSpan::Day:
            return date;
        case ReportSpan::Week:
            return localWeek(isoWeekLabel(year, month, day));
        case ReportSpan::Month: {
            char monthLabel[32];
            std::snprintf(monthLabel, sizeof monthLabel, "%04d-%02d", year, month);
            return localMonth(monthLabel);
        }
    }
    return std::nullopt;
}

std::vector<LocalPeriod> daysOf(const LocalPeriod& period) {
    std::vector<LocalPeriod> days;
    for (LocalPeriod d = localDayOf(period.fromUtcSec); d.fromUtcSec < period.toUtcSec; d = localDayOf(d.toUtcSec))
        days.push_back(d);
    return days;
}

ReportData loadReportData(const HistoryStore& store, std::int64_t profile, ReportSpan span, const LocalPeriod& period,
                          double nowUtcSec) {
    ReportData data;
    data.span = span;
    data.loadedAtUtcSec = nowUtcSec;
    data.report = buildReport(store, profile, period);
    if (span != ReportSpan::Day) data.previous = buildReport(store, profile, previousPeriod(span, period));
    data.minutes = store.minutes(profile, static_cast<std::int64_t>(std::floor(period.fromUtcSec / 60.0)),
                                 static_cast<std::int64_t>(std::floor(period.toUtcSec / 60.0)));
    data.events = store.events(profile, period.fromUtcSec, period.toUtcSec);
    data.longestSittingSec = longestRunSec(data.minutes);
    return data;
}

bool periodRunning(const ReportData& data) {
    return data.loadedAtUtcSec >= data.report.period.fromUtcSec && data.loadedAtUtcSec < data.report.period.toUtcSec;
}

}  // namespace posesmart
