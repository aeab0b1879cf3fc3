// ReportCsv: a period of the history as CSV (RFC 4180, comma-separated, a header row): one row per
// monitored minute, or one row per local day of a report.
#pragma once

#include "history/HistoryRecords.h"
#include "history/HistoryReport.h"

#include <filesystem>
#include <ostream>
#include <vector>

namespace posesmart {

enum class CsvRows { PerMinute, PerDay };

// local_time (YYYY-MM-DD HH:MM), present_s, one <state>_s column per posture state, blinks,
// incomplete_blinks, closures, eyes_s, mean_distance_cm, alerts.
void writeMinuteCsv(std::ostream& out, const std::vector<MinuteRecord>& minutes);

// date, monitored_s, good_share, alerts, blinks_per_min: one row per day of `report.days`.
void writeDayCsv(std::ostream& out, const PeriodReport& report);

// One of the two into a file (replaced). Throws Error(Io) when it cannot be written.
void saveReportCsv(const std::filesystem::path& file, CsvRows rows, const PeriodReport& report,
                   const std::vector<MinuteRecord>& minutes);

}  // namespace posesmart
