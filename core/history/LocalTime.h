// LocalTime: days, ISO weeks and months of the user's local time zone as UTC ranges (correct
// across daylight-saving changes: a day may last 23 or 25 hours), from the system's time zone
// database through the C library (TZ is honoured).
#pragma once

#include <optional>
#include <string>

namespace posesmart {

struct LocalPeriod {
    double fromUtcSec = 0.0;  // local midnight that starts the period
    double toUtcSec = 0.0;    // local midnight that ends it
    std::string label;        // "2026-11-20", "2026-W47", "2026-11"
};

// "YYYY-MM-DD", "YYYY-Www" (ISO 8601 week, Monday first) and "YYYY-MM"; nullopt when malformed.
std::optional<LocalPeriod> localDay(const std::string& text);
std::optional<LocalPeriod> localWeek(const std::string& text);
std::optional<LocalPeriod> localMonth(const std::string& text);
// The local day containing `utcSec`.
LocalPeriod localDayOf(double utcSec);

// "YYYY-MM-DDTHH:MM[:SS]" in local time to UTC seconds; nullopt when malformed.
std::optional<double> parseLocalDateTime(const std::string& text);

int localHour(double utcSec);         // 0..23
int localMinuteOfDay(double utcSec);  // 0..1439

}  // namespace posesmart
