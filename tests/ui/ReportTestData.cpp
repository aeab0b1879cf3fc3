// ReportTestData: the known history behind the report viewer's tests.
#include "ReportTestData.h"

#include "history/LocalTime.h"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace posesmart::test {

namespace {

double at(int month, int day, const char* time) {
    char text[64];
    std::snprintf(text, sizeof text, "2025-%02d-%02dT%s", month, day, time);
    return *parseLocalDateTime(text);
}

// Minutes from `from` to `to` (local "HH:MM"), each a little different.
void addSession(std::vector<MinuteRecord>& minutes, int month, int day, const char* from, const char* to) {
    for (double t = at(month, day, from); t < at(month, day, to); t += 60.0) {
        const auto i = static_cast<int>(minutes.size());
        MinuteRecord m;
        m.minuteUtc = static_cast<std::int64_t>(t / 60.0);
        m.presentSec = i % 17 == 0 ? 40.0 : 60.0;
        // Posture gets a little worse from day to day: weeks and months differ.
        const double bad = 0.03 * ((i + day) % 7) + 0.004 * (day + 31 * (month - 5));
        m.secondsByState[static_cast<std::size_t>(PostureState::Good)] = m.presentSec * (0.95 - bad);
        m.secondsByState[static_cast<std::size_t>(PostureState::ForwardHead)] = m.presentSec * bad * 0.5;
        m.secondsByState[static_cast<std::size_t>(PostureState::Slouch)] = m.presentSec * bad * 0.3;
        m.secondsByState[static_cast<std::size_t>(PostureState::TooClose)] = m.presentSec * bad * 0.1;
        m.secondsByState[static_cast<std::size_t>(PostureState::Tilted)] = m.presentSec * bad * 0.1;
        m.secondsByState[static_cast<std::size_t>(PostureState::Unknown)] = m.presentSec * 0.05;
        m.secondsByState[static_cast<std::size_t>(PostureState::Away)] = 60.0 - m.presentSec;
        m.eyesSec = m.presentSec * 0.9;
        m.blinks = 6 + (i * 7 + day) % 11;
        m.incompleteBlinks = m.blinks / 5;
        m.distanceFrames = 300;
        m.distanceSumCm = 300.0 * (50.0 + (i + month) % 13);
        minutes.push_back(m);
    }
}

void addAlert(std::vector<MinuteRecord>& minutes, std::vector<HistoryEvent>& events, double utc, AlertKind kind) {
    events.push_back(HistoryEvent::alertAt(utc, kind));
    for (MinuteRecord& m : minutes) {
        if (m.minuteUtc == static_cast<std::int64_t>(std::floor(utc / 60.0))) ++m.alerts;
    }
}

}  // namespace

std::int64_t writeReportHistory(const std::filesystem::path& file) {
    HistoryStore store(file);
    const std::int64_t profile = store.profileId(kReportProfile);
    for (int month = 5; month <= 6; ++month) {
        for (int day = 1; day <= (month == 5 ? 31 : 30); ++day) {
            std::tm noon{};
            noon.tm_year = 125;
            noon.tm_mon = month - 1;
            noon.tm_mday = day;
            noon.tm_hour = 12;
            noon.tm_isdst = -1;
            std::mktime(&noon);
            if (noon.tm_wday == 0) continue;  // Sundays stay empty
            std::vector<MinuteRecord> minutes;
            std::vector<HistoryEvent> events;
            if (month == 6 && day == 14) {
                addSession(minutes, month, day, "10:00", "10:25");  // a partial day
            } else {
                addSession(minutes, month, day, "09:00", "12:00");
                addSession(minutes, month, day, "13:00", "15:00");
                addSession(minutes, month, day, "15:05", "17:30");
                events.push_back(HistoryEvent::breakAt(at(month, day, "12:00"), 3600.0));
                events.push_back(HistoryEvent::breakAt(at(month, day, "15:00"), 300.0));
                addAlert(minutes, events, at(month, day, "10:15:30"), AlertKind::ForwardHead);
                if (day % 2 == 0) addAlert(minutes, events, at(month, day, "10:40:10"), AlertKind::Slouch);
                if (day % 3 == 0) addAlert(minutes, events, at(month, day, "16:05:00"), AlertKind::TooClose);
            }
            store.write(profile, minutes, events);
        }
    }
    return profile;
}

}  // namespace posesmart::test
