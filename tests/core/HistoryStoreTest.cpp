// HistoryStore on real files: schema migrations from every earlier version, owner-only files,
// damaged and truncated files moved aside, a lock held by another process, retention, delete all
// data, and a disk that fills up under a recording (RLIMIT_FSIZE) and frees up again.
#include "TestData.h"
#include "common/Error.h"
#include "history/HistoryStore.h"
#include "history/SessionRecorder.h"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <fstream>
#include <limits>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace posesmart;

namespace {

MinuteRecord minute(std::int64_t index, double good, int blinks) {
    MinuteRecord m;
    m.minuteUtc = index;
    m.presentSec = 60.0;
    m.secondsByState[static_cast<std::size_t>(PostureState::Good)] = good;
    m.secondsByState[static_cast<std::size_t>(PostureState::Slouch)] = 60.0 - good;
    m.blinks = blinks;
    m.eyesSec = 55.0;
    m.distanceSumCm = 600.0;
    m.distanceFrames = 10;
    return m;
}

mode_t modeOf(const std::filesystem::path& file) {
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

}  // namespace

TEST_CASE("migrations bring a database of every earlier version up to date, data kept") {
    for (int version = 0; version < HistoryStore::kSchemaVersion; ++version) {
        INFO("from version " << version);
        const auto file = test::scratchDir("migrate-" + std::to_string(version)) / "history.db";
        migrateHistorySchema(file, version);
        if (version >= 1) {
            SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
            db.exec("INSERT INTO profiles (id, name, created_utc) VALUES (1, 'old', 0)");
            db.exec(
                "INSERT INTO minutes (profile_id, minute_utc, present_s, good_s, blinks) VALUES (1, 100, 60, 50, 9)");
            // Before version 3 an alert was stored with its words.
            db.exec(
                "INSERT INTO events (profile_id, t_utc, kind, subkind, message) "
                "VALUES (1, 6000, 'alert', 'slouch', 'Sit up')");
        }
        HistoryStore store(file);
        {
            SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
            CHECK(db.execAndGet("PRAGMA user_version").getInt() == HistoryStore::kSchemaVersion);
        }
        if (version >= 1) {
            const auto rows = store.minutes(store.profileId("old"), 0, 1000);
            REQUIRE(rows.size() == 1);
            CHECK(rows[0].blinks == 9);
            CHECK(rows[0].secondsByState[0] == Approx(50.0));
            const auto events = store.events(store.profileId("old"), 0.0, 1e9);
            REQUIRE(events.size() == 1);
            CHECK(events[0].kind == EventKind::Alert);
            CHECK(events[0].alert == AlertKind::Slouch);
        }
        // The newest schema works: a generated profile and a minute.
        const auto id = store.profileId("new", true);
        store.write(id, {minute(200, 40.0, 12)}, {});
        CHECK(store.minutes(id, 0, 1000).size() == 1);
    }
}

TEST_CASE("a database from a newer version is refused with a clear message") {
    const auto file = test::scratchDir("newer") / "history.db";
    { HistoryStore store(file); }
    {
        SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = 99");
    }
    CHECK_THROWS_WITH(HistoryStore(file), Catch::Contains("newer PoseSmart"));
}

TEST_CASE("the database and its companions are readable by the owner only") {
    const auto file = test::scratchDir("private") / "history.db";
    const mode_t oldMask = ::umask(0);  // the most permissive umask: the store must not rely on it
    HistoryStore store(file);
    store.write(store.profileId("me"), {minute(1, 60.0, 10)}, {});
    ::umask(oldMask);
    CHECK(modeOf(file) == 0600);
    for (const char* companion : {"-wal", "-shm"}) {
        const std::filesystem::path path = file.string() + companion;
        if (std::filesystem::exists(path)) CHECK(modeOf(path) == 0600);
    }
}

TEST_CASE("a damaged database is moved aside and a fresh one started") {
    SECTION("garbage") {
        const auto dir = test::scratchDir("garbage");
        const auto file = dir / "history.db";
        std::ofstream(file) << std::string(10000, 'x');
        HistoryStore store(file);
        CHECK(store.openReport().recreated);
        CHECK_THAT(store.openReport().message, Catch::Contains("damaged"));
        CHECK(std::filesystem::file_size(store.openReport().movedAsidePath) == 10000);
        CHECK_THAT(store.openReport().movedAsidePath.filename().string(), Catch::StartsWith("history.db.damaged-"));
        store.write(store.profileId("me"), {minute(1, 60.0, 10)}, {});
        CHECK(store.minutes(store.profileId("me"), 0, 10).size() == 1);
    }
    SECTION("truncated") {
        const auto dir = test::scratchDir("truncated");
        const auto file = dir / "history.db";
        {
            HistoryStore store(file);
            std::vector<MinuteRecord> rows;
            for (int i = 0; i < 3000; ++i) rows.push_back(minute(i, 30.0, i % 20));
            store.write(store.profileId("me"), rows, {});
        }
        const auto size = std::filesystem::file_size(file);
        REQUIRE(size > 8192);
        std::filesystem::resize_file(file, size / 2);
        HistoryStore store(file);
        CHECK(store.openReport().recreated);
        CHECK(std::filesystem::exists(store.openReport().movedAsidePath));
        CHECK(store.minutes(store.profileId("me"), 0, 10000).empty());
    }
    SECTION("a healthy database is left alone") {
        const auto file = test::scratchDir("healthy") / "history.db";
        { HistoryStore(file).write(HistoryStore(file).profileId("me"), {minute(5, 60.0, 3)}, {}); }
        HistoryStore store(file);
        CHECK_FALSE(store.openReport().recreated);
        CHECK(store.minutes(store.profileId("me"), 0, 10).size() == 1);
    }
}

TEST_CASE("a database locked by another process is waited on, then reported") {
    const auto file = test::scratchDir("locked") / "history.db";
    HistoryStore store(file, 500);
    const auto profile = store.profileId("me");
    // Another program holds the write lock for a few seconds.
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        SQLite::Database other(file.string(), SQLite::OPEN_READWRITE);
        other.exec("BEGIN EXCLUSIVE");
        other.exec("INSERT INTO profiles (name, created_utc) VALUES ('other', 0)");
        ::sleep(4);
        ::_exit(0);
    }
    ::usleep(500 * 1000);
    const auto start = std::chrono::steady_clock::now();
    CHECK_THROWS_WITH(store.write(profile, {minute(1, 60.0, 10)}, {}), Catch::Contains("locked"));
    const double waitedMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    CHECK(waitedMs >= 400.0);
    CHECK(waitedMs < 3000.0);
    int status = 0;
    ::waitpid(child, &status, 0);
    // Once the other program is done, writing works again.
    store.write(profile, {minute(1, 60.0, 10)}, {});
    CHECK(store.minutes(profile, 0, 10).size() == 1);
}

TEST_CASE("retention drops old rows; delete all data removes the file and its companions") {
    const auto file = test::scratchDir("retention") / "history.db";
    const double now = 1'800'000'000.0;
    {
        HistoryStore store(file);
        const auto profile = store.profileId("me");
        const auto nowMinute = static_cast<std::int64_t>(now / 60.0);
        store.write(
            profile, {minute(nowMinute - 400 * 1440, 60.0, 1), minute(nowMinute - 10 * 1440, 60.0, 2)},
            {HistoryEvent::breakAt(now - 400 * 86400.0, 300.0), HistoryEvent::breakAt(now - 5 * 86400.0, 300.0)});
        store.applyRetention(now, 365);
        const auto rows = store.minutes(profile, 0, nowMinute + 1);
        REQUIRE(rows.size() == 1);
        CHECK(rows[0].blinks == 2);
        CHECK(store.events(profile, 0.0, now).size() == 1);
    }
    HistoryStore::deleteAll(file);
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        CHECK_FALSE(std::filesystem::exists(file.string() + suffix));
    }
}

TEST_CASE("a full disk is reported, the recording goes on and catches up when space returns") {
    const auto file = test::scratchDir("full") / "history.db";
    HistoryStore store(file);
    SessionRecorder recorder(&store, store.profileId("me"), 1'800'000'000.0);
    const auto feed = [&](double fromSec, double toSec) {
        for (double t = fromSec; t < toSec; t += 0.5) {
            FrameResult frame;
            frame.timestampSec = t;
            SessionUpdate update;
            update.present = true;
            update.posture = PostureState::Good;
            recorder.add(frame, update);
        }
    };
    feed(0.0, 130.0);
    CHECK(recorder.minutesWritten() == 2);
    CHECK_FALSE(recorder.lastError());

    // No file may grow any more: every write of the database fails as on a full disk.
    const auto previous = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit{};
    ::getrlimit(RLIMIT_FSIZE, &limit);
    const rlimit full{0, limit.rlim_max};
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &full) == 0);
    feed(130.0, 250.0);
    const auto error = recorder.lastError();
    const std::size_t pending = recorder.pendingMinutes();
    ::setrlimit(RLIMIT_FSIZE, &limit);
    std::signal(SIGXFSZ, previous);
    REQUIRE(error);
    CHECK_THAT(*error, Catch::Contains("cannot record history"));
    CHECK(pending >= 2);

    // Space is back: the next minute writes everything kept meanwhile.
    feed(250.0, 310.0);
    CHECK_FALSE(recorder.lastError());
    const auto rows = store.minutes(store.profileId("me"), 0, std::numeric_limits<std::int64_t>::max());
    CHECK(rows.size() == 5);
    for (const auto& row : rows) CHECK(row.presentSec == Approx(60.0).margin(0.6));
}

namespace {

// Frames every 0.1 s from `fromSec` to `toSec` (stream time), present and upright.
void feedUpright(SessionRecorder& recorder, double fromSec, double toSec) {
    for (double t = fromSec; t < toSec - 1e-9; t += 0.1) {
        FrameResult frame;
        frame.timestampSec = t;
        SessionUpdate update;
        update.present = true;
        update.posture = PostureState::Good;
        recorder.add(frame, update);
    }
}

}  // namespace

TEST_CASE("a locked database is tried again at the next minute, not at every frame") {
    const auto file = test::scratchDir("locked-recorder") / "history.db";
    HistoryStore store(file, 300);
    SessionRecorder recorder(&store, store.profileId("me"), 1'800'000'000.0);
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        SQLite::Database other(file.string(), SQLite::OPEN_READWRITE);
        other.exec("BEGIN EXCLUSIVE");
        other.exec("INSERT INTO profiles (name, created_utc) VALUES ('other', 0)");
        const char byte = 1;
        (void)::write(ready[1], &byte, 1);
        ::pause();  // holds the lock until killed
        ::_exit(0);
    }
    char byte = 0;
    REQUIRE(::read(ready[0], &byte, 1) == 1);
    // Three minutes of frames at 10 fps while locked: a wait of 0.3 s at each of 1,800 frames
    // would take nine minutes; one attempt per minute takes about a second.
    const auto start = std::chrono::steady_clock::now();
    feedUpright(recorder, 0.0, 180.0);
    const double waitedSec = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    REQUIRE(recorder.lastError());
    CHECK_THAT(*recorder.lastError(), Catch::Contains("locked"));
    CHECK(waitedSec < 20.0);
    CHECK(recorder.pendingMinutes() == 3);
    // The lock is gone: the next minute writes all that was kept.
    feedUpright(recorder, 180.0, 181.0);
    CHECK_FALSE(recorder.lastError());
    CHECK(store.minutes(store.profileId("me"), 0, std::numeric_limits<std::int64_t>::max()).size() == 3);
}

TEST_CASE("a minute stored by an earlier session is added to, not replaced") {
    const auto file = test::scratchDir("two-sessions") / "history.db";
    HistoryStore store(file);
    const auto profile = store.profileId("me");
    const double minuteStart = 30'000'000.0 * 60.0;
    {
        // The first session ends half way through the minute.
        SessionRecorder first(&store, profile, minuteStart);
        feedUpright(first, 0.0, 30.0);
        first.flush();
    }
    {
        // The app is restarted and the second one picks up in the same minute.
        SessionRecorder second(&store, profile, minuteStart + 30.0);
        feedUpright(second, 0.0, 30.0);
        second.flush();
    }
    const auto rows = store.minutes(profile, 30'000'000, 30'000'001);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].presentSec == Approx(60.0).margin(0.25));
    CHECK(rows[0].secondsByState[static_cast<std::size_t>(PostureState::Good)] == Approx(60.0).margin(0.25));
}

TEST_CASE("events written twice (a retried write, a replayed period) are stored once") {
    const auto file = test::scratchDir("events-twice") / "history.db";
    HistoryStore store(file);
    const auto profile = store.profileId("me");
    const std::vector<HistoryEvent> events = {HistoryEvent::alertAt(1'800'000'000.0, AlertKind::Slouch),
                                              HistoryEvent::alertAt(1'800'000'000.0, AlertKind::LowBlinkRate),
                                              HistoryEvent::breakAt(1'800'000'100.0, 300.0),
                                              HistoryEvent::calibrationAt(1'800'000'200.0, false, "turned away")};
    store.write(profile, {}, events);
    store.write(profile, {}, events);
    const auto stored = store.events(profile, 0.0, 2e9);
    REQUIRE(stored.size() == 4);
    // Read back as written: typed kinds, the calibration's verdict and reason.
    CHECK(stored[0].kind == EventKind::Alert);
    CHECK(stored[0].alert == AlertKind::Slouch);
    CHECK(stored[1].alert == AlertKind::LowBlinkRate);
    CHECK(stored[2].kind == EventKind::Break);
    CHECK(stored[2].durationSec == 300.0);
    CHECK(stored[3].kind == EventKind::Calibration);
    CHECK_FALSE(stored[3].succeeded);
    CHECK(stored[3].reason == "turned away");
}

TEST_CASE("guided routines: one row per run, read by start time, cleared and retired with the history") {
    const auto file = test::scratchDir("routines") / "history.db";
    HistoryStore store(file);
    const auto me = store.profileId("me");
    const auto other = store.profileId("other");
    store.addRoutine(me, {1000.0, 1060.0, "neck-1min", 6, 6, true});
    store.addRoutine(me, {5000.0, 5020.0, "eyes-20-20-20", 4, 1, false});
    store.addRoutine(me, {5000.0, 5030.0, "eyes-20-20-20", 4, 2, false});  // written again: replaced
    store.addRoutine(other, {6000.0, 6010.0, "neck-1min", 6, 0, false});
    const auto all = store.routines(me, 0.0, 1e9);
    REQUIRE(all.size() == 2);
    CHECK(all[0].routineId == "neck-1min");
    CHECK(all[0].endUtcSec == Approx(1060.0));
    CHECK(all[0].steps == 6);
    CHECK(all[0].stepsDone == 6);
    CHECK(all[0].completed);
    CHECK(all[1].stepsDone == 2);
    CHECK_FALSE(all[1].completed);
    CHECK(store.routines(me, 1000.0, 5000.0).size() == 1);  // [from, to)
    store.applyRetention(1000.0 + 86400.0 * 2 + 1.0, 2);
    CHECK(store.routines(me, 0.0, 1e9).size() == 1);
    store.clearHistory(me);
    CHECK(store.routines(me, 0.0, 1e9).empty());
    CHECK(store.routines(other, 0.0, 1e9).size() == 1);
}
