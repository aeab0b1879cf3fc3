// The history when the database cannot be written at the end of a session: another process holds
// its lock (a real second process), or the disk is full (RLIMIT_FSIZE). The session waits for a
// bounded time, says so, writes when it can, and otherwise keeps its minutes in the journal next
// to the database, which the next open writes in. Neither the database nor a companion nor the
// journal is reached through a symbolic link; a damaged file never replaces one kept before.
#include "TestData.h"
#include "common/Error.h"
#include "history/HistoryJournal.h"
#include "history/HistoryStore.h"
#include "session/SessionHistory.h"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <fstream>
#include <limits>
#include <set>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace posesmart;

namespace {

constexpr double kStartUtc = 1'800'000'000.0;  // a whole minute

struct Problems : SessionObserver {
    std::vector<SessionProblem> seen;
    void onProblem(const SessionProblem& problem) override { seen.push_back(problem); }
    [[nodiscard]] int count(SessionProblem::Kind kind) const {
        return static_cast<int>(
            std::count_if(seen.begin(), seen.end(), [kind](const SessionProblem& p) { return p.kind == kind; }));
    }
};

SessionHistoryOptions optionsFor(const std::filesystem::path& db, int lockWaitMs, const std::string& profile = "me") {
    SessionHistoryOptions options;
    options.database = db;
    options.profile = profile;
    options.utcAtStreamZero = kStartUtc;
    options.utcNow = kStartUtc;
    options.lockWaitMs = lockWaitMs;
    return options;
}

// Frames every 0.1 s (stream time), present and upright.
void feed(SessionHistory& history, double fromSec, double toSec) {
    for (double t = fromSec; t < toSec - 1e-9; t += 0.1) {
        FrameResult frame;
        frame.timestampSec = t;
        SessionUpdate update;
        update.present = true;
        update.posture = PostureState::Good;
        history.record(frame, update);
    }
}

// Another process that holds the database's write lock from construction until release() (or for
// `holdMs` when given), as `BEGIN EXCLUSIVE` in python3's sqlite3 does.
class Locker {
public:
    explicit Locker(const std::filesystem::path& db, int holdMs = -1) {
        int ready[2];
        REQUIRE(::pipe(ready) == 0);
        REQUIRE(::pipe(m_release) == 0);
        m_child = ::fork();
        REQUIRE(m_child >= 0);
        if (m_child == 0) {
            ::close(ready[0]);
            ::close(m_release[1]);
            SQLite::Database other(db.string(), SQLite::OPEN_READWRITE);
            other.exec("BEGIN EXCLUSIVE");
            other.exec("INSERT INTO profiles (name, created_utc) VALUES ('locker', 0)");
            (void)!::write(ready[1], "x", 1);
            if (holdMs >= 0) {
                ::usleep(static_cast<useconds_t>(holdMs) * 1000);
            } else {
                char byte = 0;
                (void)!::read(m_release[0], &byte, 1);
            }
            other.exec("ROLLBACK");
            ::_exit(0);
        }
        ::close(ready[1]);
        ::close(m_release[0]);
        char byte = 0;
        REQUIRE(::read(ready[0], &byte, 1) == 1);
        ::close(ready[0]);
    }
    ~Locker() { release(); }
    Locker(const Locker&) = delete;
    Locker& operator=(const Locker&) = delete;
    void release() {
        if (m_child <= 0) return;
        ::close(m_release[1]);
        int status = 0;
        ::waitpid(m_child, &status, 0);
        m_child = -1;
    }

private:
    pid_t m_child = -1;
    int m_release[2] = {-1, -1};
};

std::int64_t minuteCount(const std::filesystem::path& db) {
    // Read with SQLite itself: opening a HistoryStore would write the journal in.
    SQLite::Database raw(db.string(), SQLite::OPEN_READONLY);
    return raw.execAndGet("SELECT COUNT(*) FROM minutes").getInt64();
}

mode_t modeOf(const std::filesystem::path& file) {
    struct stat st {};
    REQUIRE(::lstat(file.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

void makeDatabase(const std::filesystem::path& db) {
    HistoryStore store(db);
    (void)store.profileId("me");
}

}  // namespace

TEST_CASE("a lock held across the end: waited on, then the minutes go to the journal and the next open adds them") {
    const auto db = test::scratchDir("faults-lock-end") / "history.db";
    makeDatabase(db);
    Problems problems;
    {
        SessionHistory history(optionsFor(db, 1500), problems);
        feed(history, 0.0, 150.0);  // two whole minutes written, 30 s pending
        Locker locker(db);
        feed(history, 150.0, 200.0);
        const auto start = std::chrono::steady_clock::now();
        history.finish();
        const double waitedMs =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        CHECK(waitedMs >= 1400.0);
        CHECK(waitedMs < 6000.0);
    }
    CHECK(problems.count(SessionProblem::Kind::HistoryWaiting) == 1);
    REQUIRE(problems.count(SessionProblem::Kind::HistoryKept) == 1);
    CHECK(problems.count(SessionProblem::Kind::HistoryLost) == 0);
    CHECK(minuteCount(db) == 2);
    REQUIRE(std::filesystem::exists(journalPath(db)));
    CHECK(modeOf(journalPath(db)) == 0600);
    const auto kept = readJournal(db);
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].profile == "me");
    CHECK(kept[0].minutes.size() == 2);  // 02:00-02:59 and 03:00-03:20

    // The next start writes them in and removes the journal.
    HistoryStore store(db);
    CHECK(store.openReport().replayedMinutes == 2);
    CHECK_FALSE(std::filesystem::exists(journalPath(db)));
    const auto rows = store.minutes(store.profileId("me"), 0, std::numeric_limits<std::int64_t>::max());
    REQUIRE(rows.size() == 4);
    double present = 0.0;
    for (const auto& row : rows) present += row.presentSec;
    CHECK(present == Approx(200.0).margin(0.3));
}

TEST_CASE("a lock released while the end waits: everything is written, no journal") {
    const auto db = test::scratchDir("faults-lock-released") / "history.db";
    makeDatabase(db);
    Problems problems;
    SessionHistory history(optionsFor(db, 8000), problems);
    feed(history, 0.0, 90.0);
    Locker locker(db, 2500);  // gone 2.5 s from now, within the wait
    history.finish();
    CHECK(problems.count(SessionProblem::Kind::HistoryWaiting) == 1);
    CHECK(problems.count(SessionProblem::Kind::HistorySaved) == 1);
    CHECK(problems.count(SessionProblem::Kind::HistoryKept) == 0);
    CHECK(minuteCount(db) == 2);
    CHECK_FALSE(std::filesystem::exists(journalPath(db)));
}

TEST_CASE("a lock already held at the start: the session goes on and its minutes are kept") {
    const auto db = test::scratchDir("faults-lock-start") / "history.db";
    makeDatabase(db);
    Problems problems;
    {
        Locker locker(db);
        // A new profile must be written into the database before anything can be recorded.
        SessionHistory history(optionsFor(db, 500, "new"), problems);
        CHECK(history.recording());
        CHECK(problems.count(SessionProblem::Kind::HistoryUnavailable) == 0);
        CHECK(problems.count(SessionProblem::Kind::HistoryWaiting) == 1);
        CHECK(problems.count(SessionProblem::Kind::HistoryNotSaved) == 1);
        feed(history, 0.0, 70.0);
        history.finish();
    }
    REQUIRE(problems.count(SessionProblem::Kind::HistoryKept) == 1);
    CHECK(minuteCount(db) == 0);
    HistoryStore store(db);
    CHECK(store.openReport().replayedMinutes == 2);
    CHECK(store.minutes(store.profileId("new"), 0, std::numeric_limits<std::int64_t>::max()).size() == 2);
}

TEST_CASE("a disk that stays full at the end: the minutes go to the journal (RLIMIT_FSIZE)") {
    const auto db = test::scratchDir("faults-full") / "history.db";
    makeDatabase(db);
    Problems problems;
    SessionHistory history(optionsFor(db, 1200), problems);
    feed(history, 0.0, 100.0);
    // The database cannot grow past its size any more; a small journal still fits under the limit.
    const auto previous = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit{};
    ::getrlimit(RLIMIT_FSIZE, &limit);
    const rlimit full{2048, limit.rlim_max};
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &full) == 0);
    history.finish();
    ::setrlimit(RLIMIT_FSIZE, &limit);
    std::signal(SIGXFSZ, previous);
    CHECK(problems.count(SessionProblem::Kind::HistoryWaiting) == 1);
    REQUIRE(problems.count(SessionProblem::Kind::HistoryKept) == 1);
    HistoryStore store(db);
    CHECK(store.openReport().replayedMinutes >= 1);
    double present = 0.0;
    for (const auto& row : store.minutes(store.profileId("me"), 0, std::numeric_limits<std::int64_t>::max()))
        present += row.presentSec;
    CHECK(present == Approx(100.0).margin(0.3));
}

TEST_CASE("a damaged journal is moved aside, never replaced or half-read") {
    const auto db = test::scratchDir("faults-journal-damaged") / "history.db";
    makeDatabase(db);
    std::ofstream(journalPath(db)) << "{\"version\": 1, \"entries\": [{\"profile\": ";
    HistoryStore store(db);
    CHECK_THAT(store.openReport().journalProblem, Catch::Contains("damaged") && Catch::Contains("kept as"));
    CHECK_FALSE(std::filesystem::exists(journalPath(db)));
    int aside = 0;
    for (const auto& entry : std::filesystem::directory_iterator(db.parent_path()))
        aside += entry.path().filename().string().starts_with("history.db.pending.damaged-") ? 1 : 0;
    CHECK(aside == 1);
}

TEST_CASE("a link named like the database, a companion or the journal is refused, its target untouched") {
    const auto dir = test::scratchDir("faults-links");
    const auto target = dir / "someone-elses-file";
    std::ofstream(target) << "precious";
    REQUIRE(::chmod(target.c_str(), 0644) == 0);
    for (const char* name : {"history.db", "history.db-wal", "history.db-shm", "history.db-journal"}) {
        INFO(name);
        const auto db = dir / "history.db";
        std::filesystem::remove(dir / name);
        std::filesystem::create_symlink(target, dir / name);
        CHECK_THROWS_WITH(HistoryStore(db), Catch::Contains("symbolic link"));
        std::filesystem::remove(dir / name);
        std::filesystem::remove(db);
    }
    // The journal is written beside it, never through a link either.
    const auto db = dir / "history.db";
    std::filesystem::create_symlink(target, journalPath(db));
    CHECK_THROWS_WITH(appendToJournal(db, {"me", {MinuteRecord{}}, {}}), Catch::Contains("symbolic link"));
    std::ifstream in(target);
    std::string content;
    std::getline(in, content);
    CHECK(content == "precious");
    CHECK(modeOf(target) == 0644);
}

TEST_CASE("files damaged within the same second are all kept, none replaces another") {
    const auto dir = test::scratchDir("faults-damaged-twice");
    const auto db = dir / "history.db";
    for (const char* junk : {"first damaged file", "second damaged file", "third damaged file"}) {
        std::ofstream(db, std::ios::trunc) << junk << std::string(4096, 'x');
        HistoryStore store(db);
        REQUIRE(store.openReport().recreated);
    }
    std::set<std::string> kept;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (!entry.path().filename().string().starts_with("history.db.damaged-")) continue;
        std::ifstream in(entry.path());
        std::string first;
        in >> first;
        kept.insert(first);
    }
    CHECK(kept == std::set<std::string>{"first", "second", "third"});
}

TEST_CASE("a lock held at the start and gone later: the store is opened then, and everything is written") {
    const auto db = test::scratchDir("faults-lock-start-released") / "history.db";
    makeDatabase(db);
    Problems problems;
    {
        Locker locker(db);
        // Opened while locked: the profile cannot be created yet.
        SessionHistory locked(optionsFor(db, 300, "new"), problems);
        feed(locked, 0.0, 70.0);
        locker.release();
        feed(locked, 70.0, 130.0);  // at 02:00 the store opens and everything kept is written
        CHECK(problems.count(SessionProblem::Kind::HistorySaved) == 1);
        locked.finish();
    }
    CHECK(problems.count(SessionProblem::Kind::HistoryKept) == 0);
    CHECK_FALSE(std::filesystem::exists(journalPath(db)));
    CHECK(minuteCount(db) == 3);
}
