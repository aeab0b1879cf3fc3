// posesmart-cli and the history database: a recording killed with SIGKILL mid-run leaves a
// database that opens cleanly and holds every minute completed before the kill, equal to an
// uninterrupted run's; reports read back what was recorded; files are private.
#include "CliRun.h"
#include "TestData.h"
#include "history/HistoryStore.h"
#include "history/LocalTime.h"

#include <catch2/catch.hpp>
#include <csignal>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace posesmart;

namespace {

const char* const kStart = "2026-11-20T09:00";

std::vector<MinuteRecord> recorded(const std::filesystem::path& db) {
    HistoryStore store(db);
    return store.minutes(store.profileId("default"), 0, std::numeric_limits<std::int64_t>::max());
}

}  // namespace

TEST_CASE("a recording killed mid-run keeps every completed minute") {
    const auto dir = test::scratchDir("history-kill");
    // 100 s from 08:59:50: 10 s of 08:59 (written once 09:00 begins), all of 09:00 (written once
    // 09:01 begins) and 30 s of 09:01 (written when the run ends).
    const auto video = test::testData("blink/talkingface_0-100s.mp4");
    const char* const start = "2026-11-20T08:59:50";
    const auto reference = dir / "reference.db";
    REQUIRE(test::runCli("analyze " + test::quoted(video) + " --db " + test::quoted(reference) + " --start " + start)
                .exitCode == 0);
    auto complete = recorded(reference);
    REQUIRE(complete.size() == 3);
    complete.pop_back();

    const auto killed = dir / "killed.db";
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::execl(POSESMART_CLI, POSESMART_CLI, "analyze", video.c_str(), "--db", killed.c_str(), "--start", start,
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    // Wait until both finished minutes are in the database, then kill without warning.
    bool sawMinute = false;
    for (int i = 0; i < 3000 && !sawMinute; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        if (!std::filesystem::exists(killed)) continue;
        try {
            sawMinute = recorded(killed).size() >= complete.size();
        } catch (const std::exception&) {
        }
    }
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(sawMinute);
    CHECK(WIFSIGNALED(status));

    HistoryStore store(killed);
    CHECK_FALSE(store.openReport().recreated);
    const auto kept = store.minutes(store.profileId("default"), 0, std::numeric_limits<std::int64_t>::max());
    REQUIRE(kept.size() == complete.size());
    for (std::size_t i = 0; i < complete.size(); ++i) {
        INFO("minute " << i);
        CHECK(kept[i].minuteUtc == complete[i].minuteUtc);
        CHECK(kept[i].blinks == complete[i].blinks);
        CHECK(kept[i].presentSec == Approx(complete[i].presentSec));
        for (std::size_t s = 0; s < kPostureStateCount; ++s) {
            CHECK(kept[i].secondsByState[s] == Approx(complete[i].secondsByState[s]));
        }
    }
}

TEST_CASE("the report of a recorded run agrees with the engine's own summary of it") {
    const auto dir = test::scratchDir("history-report");
    const auto db = dir / "history.db";
    const auto summaryFile = dir / "run.json";
    const auto video = test::testData("posture/webcam_lean_turn_a.mp4");
    REQUIRE(test::runCli("analyze " + test::quoted(video) + " --db " + test::quoted(db) + " --start " + kStart +
                         " --json " + test::quoted(summaryFile))
                .exitCode == 0);
    std::ifstream summaryIn(summaryFile);
    const auto summary = nlohmann::json::parse(summaryIn)["summary"];
    struct stat st {};
    REQUIRE(::stat(db.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    const auto run = test::runCli("report --db " + test::quoted(db) + " --day 2026-11-20 --json");
    REQUIRE(run.exitCode == 0);
    const auto report = nlohmann::json::parse(run.output);
    const auto rows = recorded(db);
    double present = 0.0;
    int blinks = 0;
    for (const auto& r : rows) {
        present += r.presentSec;
        blinks += r.blinks;
    }
    CHECK(report["monitored_s"].get<double>() == Approx(present).margin(0.1));
    CHECK(report["monitored_s"].get<double>() == Approx(53.4).margin(1.0));  // the whole recording, at 09:00
    CHECK(report["blinks"].get<int>() == blinks);
    CHECK(report["period"] == "2026-11-20");

    // The same run seen by the engine (analyze --json) and by the history (report --json).
    CHECK(report["blinks"].get<int>() == summary["blinks"].get<int>());
    CHECK(report["blinks_per_min"].get<double>() == Approx(summary["blink_rate_per_min"].get<double>()).margin(0.05));
    for (const auto& [state, seconds] : summary["seconds_by_state"].items()) {
        INFO(state);
        // The history counts each frame until the next one; the summary also counts the last frame.
        CHECK(report["seconds_by_state"][state].get<double>() == Approx(seconds.get<double>()).margin(0.15));
    }
    CHECK(summary["seconds_by_state"]["slouch"].get<double>() > 1.0);     // known content: the lean back
    CHECK(summary["seconds_by_state"]["too_close"].get<double>() > 1.0);  // and the lean in

    const auto empty = test::runCli("report --db " + test::quoted(db) + " --day 2026-11-21");
    CHECK(empty.exitCode == 0);
    CHECK_THAT(empty.output, Catch::Contains("No monitored time"));
    const auto missing = test::runCli("report --db " + test::quoted(dir / "absent.db"));
    CHECK(missing.exitCode != 0);
    CHECK_THAT(missing.output, Catch::Contains("no history database"));
}

TEST_CASE("a report only reads: a damaged history is an error there, and the file stays where it is") {
    const auto dir = test::scratchDir("report-damaged");
    const auto db = dir / "history.db";
    const auto made = test::runCli("demo-history --db " + test::quoted(db) + " --days 30");
    INFO(made.output);
    REQUIRE(made.exitCode == 0);
    REQUIRE_FALSE(std::filesystem::exists(dir / "history.db-wal"));
    const auto size = std::filesystem::file_size(db);
    REQUIRE(size > 64 * 1024);
    const std::string today = localDayOf(static_cast<double>(std::time(nullptr))).label;
    const auto report = [&] {
        return test::runCli("report --db " + test::quoted(db) + " --user \"Demo (generated)\" --day " + today);
    };
    REQUIRE(report().exitCode == 0);

    SECTION("damaged pages") {
        {
            std::fstream file(db, std::ios::binary | std::ios::in | std::ios::out);
            file.seekp(8192);  // the schema page stays; every table's pages after it are garbage
            const std::string garbage(size - 8192, '\x55');
            file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
        }
        const auto run = report();
        INFO(run.output);
        CHECK(run.exitCode == 1);
        CHECK_THAT(run.output, Catch::Contains("malformed"));
    }
    SECTION("not a database at all") {
        std::ofstream(db, std::ios::trunc) << "these are not the minutes you are looking for\n";
        const auto run = report();
        INFO(run.output);
        CHECK(run.exitCode == 1);
        CHECK_THAT(run.output, Catch::Contains("not a database"));
    }
    // Nothing was moved aside or recreated: the app, which records, does that when it opens it.
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        files += entry.path().filename() != "history.db-shm";
    CHECK(files == 1);
    CHECK(std::filesystem::file_size(db) > 0);
}
