// ReportData: everything the report viewer and the PDF show for one day, ISO week or month, read
// from the history in one go: the store's report, the period before it (for the trend), the
// monitored minutes and the events.
#pragma once

#include "history/HistoryReport.h"

#include <optional>

namespace posesmart {

enum class ReportSpan { Day, Week, Month };

struct ReportData {
    ReportSpan span = ReportSpan::Day;
    PeriodReport report;
    std::optional<PeriodReport> previous;  // week and month: the period before, for the trend
    std::vector<MinuteRecord> minutes;     // the period's monitored minutes, in time order
    std::vector<HistoryEvent> events;      // the period's alerts, breaks and other events
    double longestSittingSec = 0.0;        // the longest run of consecutive monitored minutes
    double loadedAtUtcSec = 0.0;           // "now" when read: a period still running ends here
};

// The day, ISO week (Monday first) or month holding the local calendar date; nullopt when invalid.
std::optional<LocalPeriod> periodContaining(ReportSpan span, int year, int month, int day);

// The local days of a period, in order.
std::vector<LocalPeriod> daysOf(const LocalPeriod& period);

ReportData loadReportData(const HistoryStore& store, std::int64_t profile, ReportSpan span, const LocalPeriod& period,
                          double nowUtcSec);

// True while `nowUtcSec` falls inside the period.
bool periodRunning(const ReportData& data);

}  // namespace posesmart
