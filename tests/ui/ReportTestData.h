// ReportTestData: a history database with known numbers for the report viewer's tests: working
// days in May and June 2025 (none on Sundays, and a short one on 2025-06-14), with posture that
// worsens from day to day, and blinks, distances, alerts and breaks that vary by day and minute.
#pragma once

#include "history/HistoryStore.h"

#include <filesystem>

namespace posesmart::test {

inline constexpr const char* kReportProfile = "default";

// Writes the database and returns the profile's id.
std::int64_t writeReportHistory(const std::filesystem::path& file);

}  // namespace posesmart::test
