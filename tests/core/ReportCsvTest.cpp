// ReportCsv: the CSV rows per minute and per day, byte for byte, in any time zone; files that cannot
// be written; and `posesmart-cli report --csv` writing what the store holds.
#include "CliRun.h"
#include "TestData.h"
#include "common/Error.h"
#include "history/HistoryStore.h"
#include "history/LocalTime.h"
#include "history/ReportCsv.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

using namespace posesmart;

namespace {

std::int64_t minuteAt(const char* localTime) {
    return static_cast<std::int64_t>(*parseLocalDateTime(localTime) / 60.0);
}

MinuteRecord sampleMinute(const char* localTime, double good, int blinks) {
    MinuteRecord m;
    m.minuteUtc = minuteAt(localTime);
    m.presentSec = 60.0;
    m.secondsByState[static_cast<std::size_t>(PostureState::Good)] = good;
    m.secondsByState[static_cast<std::size_t>(PostureState::Slouch)] = 60.0 - good;
    m.blinks = blinks;
    m.incompleteBlinks = 1;
    m.eyesSec = 55.5;
    m.distanceSumCm = 1000.0;
    m.distanceFrames = 16;
    m.alerts = blinks > 10 ? 1 : 0;
    return m;
}

std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("one CSV row per minute, in local time") {
    std::ostringstream out;
    writeMinuteCsv(out, {sampleMinute("2026-03-02T09:00", 45.25, 12), sampleMinute("2026-03-02T09:01", 60.0, 9)});
    CHECK(out.str() ==
          "local_time,present_s,good_s,forward_head_s,slouch_s,too_close_s,tilted_s,away_s,unknown_s,blinks,"
          "incomplete_blinks,closures,eyes_s,mean_distance_cm,alerts\r\n"
          "2026-03-02 09:00,60.0,45.2,0.0,14.8,0.0,0.0,0.0,0.0,12,1,0,55.5,62.5,1\r\n"
          "2026-03-02 09:01,60.0,60.0,0.0,0.0,0.0,0.0,0.0,0.0,9,1,0,55.5,62.5,0\r\n");
}

TEST_CASE("one CSV row per day of a report") {
    PeriodReport report;
    report.days = {{"2026-03-02", 3600.0, 0.81234, 3, 14.456, 2, 1, 9}, {"2026-03-03", 90.0, 0.5, 0, 0.0}};
    std::ostringstream out;
    writeDayCsv(out, report);
    CHECK(out.str() ==
          "date,monitored_s,good_share,alerts,blinks_per_min,routines,routines_finished,routine_steps_done\r\n"
          "2026-03-02,3600.0,0.8123,3,14.46,2,1,9\r\n"
          "2026-03-03,90.0,0.5000,0,0.00,0,0,0\r\n");
}

TEST_CASE("a CSV file that cannot be written is an I/O error") {
    const auto dir = test::scratchDir("report-csv-error");
    try {
        saveReportCsv(dir / "missing" / "x.csv", CsvRows::PerDay, PeriodReport{}, {});
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::Io);
    }
}

TEST_CASE("posesmart-cli report --csv writes the store's minutes or days") {
    const auto dir = test::scratchDir("report-csv-cli");
    const auto db = dir / "history.db";
    std::vector<MinuteRecord> minutes;
    for (int i = 0; i < 30; ++i) {
        char time[32];
        std::snprintf(time, sizeof time, "2026-03-0%dT10:%02d", 2 + i % 3, i);
        minutes.push_back(sampleMinute(time, 30.0 + i, i % 20));
    }
    {
        HistoryStore store(db);
        store.write(store.profileId("default"), minutes, {});
    }
    const auto perMinute = dir / "minutes.csv";
    auto run = test::runCli("report --db " + test::quoted(db) + " --day 2026-03-03 --csv " + test::quoted(perMinute));
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    HistoryStore store(db);
    const std::int64_t profile = store.profileId("default");
    const LocalPeriod day = *localDay("2026-03-03");
    std::ostringstream expected;
    writeMinuteCsv(expected, store.minutes(profile, static_cast<std::int64_t>(day.fromUtcSec / 60.0),
                                           static_cast<std::int64_t>(day.toUtcSec / 60.0)));
    const std::string written = readFile(perMinute);
    CHECK(written == expected.str());
    CHECK(std::count(written.begin(), written.end(), '\n') == 1 + 10);

    const auto perDay = dir / "days.csv";
    run = test::runCli("report --db " + test::quoted(db) + " --week 2026-W10 --csv " + test::quoted(perDay) +
                       " --csv-rows day");
    REQUIRE(run.exitCode == 0);
    std::ostringstream expectedDays;
    writeDayCsv(expectedDays, buildReport(store, profile, *localWeek("2026-W10")));
    CHECK(readFile(perDay) == expectedDays.str());
    CHECK(readFile(perDay).find("\r\n2026-03-04,600.0,") != std::string::npos);

    CHECK(test::runCli("report --db " + test::quoted(db) + " --csv x.csv --csv-rows hour").exitCode != 0);
}
