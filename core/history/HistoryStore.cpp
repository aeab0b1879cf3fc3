#include "history/HistoryStore.h"

#include "common/Error.h"
#include "history/HistoryFiles.h"
#include "history/HistoryJournal.h"
#include "history/HistorySchema.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <ctime>
#include <sqlite3.h>

namespace posesmart {

namespace {

const std::array<const char*, kPostureStateCount> kStateColumns = {
    "good_s", "forward_head_s", "slouch_s", "too_close_s", "tilted_s", "away_s", "unknown_s"};

std::string describe(const SQLite::Exception& e) {
    switch (e.getErrorCode()) {
        case SQLITE_FULL:
            return "the disk is full";
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return "the database is locked by another program";
        case SQLITE_READONLY:
            return "the database is read-only";
        case SQLITE_IOERR:
            return std::string("a disk error (") + e.what() + ")";
        default:
            return e.what();
    }
}

bool isBusy(const SQLite::Exception& e) {
    return e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_LOCKED;
}

// SQLite's exception as the store's own Error(Io), in words; StoreBusy for a lock.
[[noreturn]] void rethrow(const std::string& what, const SQLite::Exception& e) {
    if (isBusy(e)) throw StoreBusy(what + ": " + describe(e));
    throw Error(ErrorKind::Io, what + ": " + describe(e));
}

// Runs one store operation; SQLite's exceptions leave it as the store's own Error(Io), in words.
template <typename Operation>
auto guarded(const char* what, Operation&& operation) -> decltype(operation()) {
    try {
        return operation();
    } catch (const SQLite::Exception& e) {
        rethrow(what, e);
    }
}

bool isDamaged(const SQLite::Exception& e) {
    return e.getErrorCode() == SQLITE_CORRUPT || e.getErrorCode() == SQLITE_NOTADB;
}

// The events table's subkind: which alert, or a calibration's verdict.
std::string subkindOf(const HistoryEvent& e) {
    switch (e.kind) {
        case EventKind::Alert:
            return std::string(toString(e.alert));
        case EventKind::Calibration:
            return e.succeeded ? "ok" : "failed";
        case EventKind::Break:
        case EventKind::Pause:
            break;
    }
    return {};
}

}  // namespace

struct HistoryStore::Impl {
    explicit Impl(const std::filesystem::path& file, int busyTimeoutMs)
        : db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLITE_OPEN_NOFOLLOW, busyTimeoutMs) {}
    SQLite::Database db;
};

HistoryStore::HistoryStore(const std::filesystem::path& file, int busyTimeoutMs, OpenCheck check) : m_file(file) {
    const bool existed = fileTaken(file);
    const auto open = [&] {
        createPrivateDatabase(file);
        auto impl = std::make_unique<Impl>(file, busyTimeoutMs);
        // Reading the schema finds a file that is not a database; a quick check, a damaged one.
        if (check == OpenCheck::Damage) {
            const std::string verdict = impl->db.execAndGet("PRAGMA quick_check").getString();
            if (verdict != "ok") throw SQLite::Exception("quick_check: " + verdict, SQLITE_CORRUPT);
        } else {
            impl->db.execAndGet("SELECT count(*) FROM sqlite_master");
        }
        impl->db.exec("PRAGMA journal_mode = WAL");
        impl->db.exec("PRAGMA synchronous = NORMAL");
        impl->db.exec("PRAGMA foreign_keys = ON");
        migrate(impl->db, kSchemaVersion);
        return impl;
    };
    try {
        try {
            m_impl = open();
        } catch (const SQLite::Exception& e) {
            if (!isDamaged(e) || check == OpenCheck::Trust) throw;
            // Keep the damaged file for the user (or for recovery tools), start afresh.
            m_openReport.recreated = true;
            m_openReport.movedAsidePath = moveDatabaseAside(file);
            m_openReport.message = "The history file was damaged (" + std::string(e.what()) + "). It was kept as " +
                                   m_openReport.movedAsidePath.filename().string() +
                                   " and a new, empty history was started.";
            m_impl = open();
        }
    } catch (const SQLite::Exception& e) {
        // SQLite says "disk I/O error" when the -shm or -wal companion cannot be made on a full disk.
        const bool full = e.getErrorCode() == SQLITE_IOERR && diskFull(file);
        // A database this open created and could not finish leaves no empty file, -shm or -wal
        // behind (nobody else can have opened a file that did not exist); a journal stays.
        if (!existed) {
            std::error_code ec;
            for (const std::filesystem::path& each : databaseFiles(file)) std::filesystem::remove(each, ec);
        }
        if (full)
            throw Error(ErrorKind::Io, "cannot open the history database '" + file.string() + "': the disk is full");
        rethrow("cannot open the history database '" + file.string() + "'", e);
    } catch (const std::filesystem::filesystem_error& e) {
        throw Error(ErrorKind::Io, std::string("cannot move the damaged history database aside: ") + e.what());
    }
    replayJournal();
}

HistoryStore::~HistoryStore() = default;

void HistoryStore::setBusyTimeout(int busyTimeoutMs) {
    m_impl->db.setBusyTimeout(busyTimeoutMs);
}

void HistoryStore::replayJournal() {
    std::vector<JournalEntry> entries;
    try {
        entries = readJournal(m_file);
    } catch (const Error& e) {
        if (e.kind() == ErrorKind::Io) {
            m_openReport.journalProblem = e.what();
            return;
        }
        // Kept for the user, like a damaged database, and out of the way of the next session's.
        const std::filesystem::path aside = asideName(journalPath(m_file));
        std::error_code ec;
        std::filesystem::rename(journalPath(m_file), aside, ec);
        m_openReport.journalProblem = std::string(e.what()) + "; it was kept as " + aside.filename().string();
        return;
    }
    if (entries.empty()) return;
    try {
        int minutes = 0;
        for (const JournalEntry& entry : entries) {
            write(profileId(entry.profile), entry.minutes, entry.events);
            minutes += static_cast<int>(entry.minutes.size());
        }
        std::filesystem::remove(journalPath(m_file));
        m_openReport.replayedMinutes = minutes;
    } catch (const Error& e) {
        // Written again at the next open: a minute is replaced and an event stored once, so nothing doubles.
        m_openReport.journalProblem = std::string("the minutes kept in ") + journalPath(m_file).filename().string() +
                                      " could not be written yet: " + e.what();
    } catch (const std::filesystem::filesystem_error& e) {
        m_openReport.journalProblem = e.what();
    }
}

std::int64_t HistoryStore::profileId(const std::string& name, bool generated) {
    return guarded("cannot find or create the profile", [&]() -> std::int64_t {
        SQLite::Statement find(m_impl->db, "SELECT id FROM profiles WHERE name = ?");
        find.bind(1, name);
        if (find.executeStep()) return find.getColumn(0).getInt64();
        SQLite::Statement insert(m_impl->db, "INSERT INTO profiles (name, created_utc, generated) VALUES (?, ?, ?)");
        insert.bind(1, name);
        insert.bind(2, static_cast<double>(std::time(nullptr)));
        insert.bind(3, generated ? 1 : 0);
        insert.exec();
        return m_impl->db.getLastInsertRowid();
    });
}

std::vector<std::string> HistoryStore::profileNames() const {
    return guarded("cannot read the profiles", [&] {
        SQLite::Statement query(m_impl->db, "SELECT name FROM profiles ORDER BY id");
        std::vector<std::string> out;
        while (query.executeStep()) out.push_back(query.getColumn(0).getString());
        return out;
    });
}

void HistoryStore::saveBaseline(std::int64_t profile, const std::string& baselineJson) {
    guarded("cannot save the calibration", [&] {
        SQLite::Statement update(m_impl->db, "UPDATE profiles SET baseline = ? WHERE id = ?");
        update.bind(1, baselineJson);
        update.bind(2, profile);
        update.exec();
    });
}

std::optional<std::string> HistoryStore::baseline(std::int64_t profile) const {
    return guarded("cannot read the calibration", [&]() -> std::optional<std::string> {
        SQLite::Statement query(m_impl->db, "SELECT baseline FROM profiles WHERE id = ? AND baseline IS NOT NULL");
        query.bind(1, profile);
        if (!query.executeStep()) return std::nullopt;
        return query.getColumn(0).getString();
    });
}

void HistoryStore::saveFaceDescriptor(std::int64_t profile, const std::vector<float>& descriptor) {
    guarded("cannot save the face descriptor", [&] {
        SQLite::Statement update(m_impl->db, "UPDATE profiles SET face_descriptor = ? WHERE id = ?");
        update.bind(1, descriptor.data(), static_cast<int>(descriptor.size() * sizeof(float)));
        update.bind(2, profile);
        update.exec();
    });
}

std::optional<std::vector<float>> HistoryStore::faceDescriptor(std::int64_t profile) const {
    return guarded("cannot read the face descriptor", [&]() -> std::optional<std::vector<float>> {
        SQLite::Statement query(m_impl->db,
                                "SELECT face_descriptor FROM profiles WHERE id = ? AND face_descriptor IS NOT NULL");
        query.bind(1, profile);
        if (!query.executeStep()) return std::nullopt;
        const SQLite::Column blob = query.getColumn(0);
        std::vector<float> out(static_cast<std::size_t>(blob.getBytes()) / sizeof(float));
        std::memcpy(out.data(), blob.getBlob(), out.size() * sizeof(float));
        return out;
    });
}

void HistoryStore::write(std::int64_t profile, const std::vector<MinuteRecord>& minutes,
                         const std::vector<HistoryEvent>& events) {
    try {
        SQLite::Transaction transaction(m_impl->db);
        std::string sql = "INSERT OR REPLACE INTO minutes (profile_id, minute_utc, present_s";
        for (const char* column : kStateColumns) sql += std::string(", ") + column;
        sql += ", blinks, incomplete_blinks, closures, eyes_s, distance_sum_cm, distance_frames, alerts) VALUES (?";
        // profile, minute, present, the states, and seven counters: one "?" is already there.
        for (int i = 1; i < 3 + kPostureStateCount + 7; ++i) sql += ", ?";
        sql += ")";
        SQLite::Statement insertMinute(m_impl->db, sql);
        for (const MinuteRecord& m : minutes) {
            int column = 1;
            insertMinute.bind(column++, profile);
            insertMinute.bind(column++, static_cast<std::int64_t>(m.minuteUtc));
            insertMinute.bind(column++, m.presentSec);
            for (const double seconds : m.secondsByState) insertMinute.bind(column++, seconds);
            insertMinute.bind(column++, m.blinks);
            insertMinute.bind(column++, m.incompleteBlinks);
            insertMinute.bind(column++, m.closures);
            insertMinute.bind(column++, m.eyesSec);
            insertMinute.bind(column++, m.distanceSumCm);
            insertMinute.bind(column++, m.distanceFrames);
            insertMinute.bind(column++, m.alerts);
            insertMinute.exec();
            insertMinute.reset();
        }
        SQLite::Statement insertEvent(m_impl->db,
                                      "INSERT OR IGNORE INTO events (profile_id, t_utc, kind, subkind, message, "
                                      "duration_s) VALUES (?, ?, ?, ?, ?, ?)");
        for (const HistoryEvent& e : events) {
            insertEvent.bind(1, profile);
            insertEvent.bind(2, e.utcSec);
            insertEvent.bind(3, std::string(toString(e.kind)));
            insertEvent.bind(4, subkindOf(e));
            insertEvent.bind(5, e.reason);
            insertEvent.bind(6, e.durationSec);
            insertEvent.exec();
            insertEvent.reset();
        }
        transaction.commit();
    } catch (const SQLite::Exception& e) {
        rethrow("cannot record history", e);
    }
}

std::vector<MinuteRecord> HistoryStore::minutes(std::int64_t profile, std::int64_t fromMinuteUtc,
                                                std::int64_t toMinuteUtc) const {
    std::string sql = "SELECT minute_utc, present_s";
    for (const char* column : kStateColumns) sql += std::string(", ") + column;
    sql +=
        ", blinks, incomplete_blinks, closures, eyes_s, distance_sum_cm, distance_frames, alerts FROM minutes "
        "WHERE profile_id = ? AND minute_utc >= ? AND minute_utc < ? ORDER BY minute_utc";
    try {
        SQLite::Statement query(m_impl->db, sql);
        query.bind(1, profile);
        query.bind(2, static_cast<std::int64_t>(fromMinuteUtc));
        query.bind(3, static_cast<std::int64_t>(toMinuteUtc));
        std::vector<MinuteRecord> out;
        while (query.executeStep()) {
            MinuteRecord m;
            int column = 0;
            m.minuteUtc = query.getColumn(column++).getInt64();
            m.presentSec = query.getColumn(column++).getDouble();
            for (double& seconds : m.secondsByState) seconds = query.getColumn(column++).getDouble();
            m.blinks = query.getColumn(column++).getInt();
            m.incompleteBlinks = query.getColumn(column++).getInt();
            m.closures = query.getColumn(column++).getInt();
            m.eyesSec = query.getColumn(column++).getDouble();
            m.distanceSumCm = query.getColumn(column++).getDouble();
            m.distanceFrames = query.getColumn(column++).getInt();
            m.alerts = query.getColumn(column++).getInt();
            out.push_back(m);
        }
        return out;
    } catch (const SQLite::Exception& e) {
        throw Error(ErrorKind::Io, "cannot read history: " + describe(e));
    }
}

std::vector<HistoryEvent> HistoryStore::events(std::int64_t profile, double fromUtcSec, double toUtcSec) const {
    try {
        SQLite::Statement query(m_impl->db,
                                "SELECT t_utc, kind, subkind, message, duration_s FROM events "
                                "WHERE profile_id = ? AND t_utc >= ? AND t_utc < ? ORDER BY t_utc, id");
        query.bind(1, profile);
        query.bind(2, fromUtcSec);
        query.bind(3, toUtcSec);
        std::vector<HistoryEvent> out;
        while (query.executeStep()) {
            // Kinds a newer PoseSmart may add are skipped, not misread.
            const auto kind = eventKindFromString(query.getColumn(1).getString());
            if (!kind) continue;
            HistoryEvent e;
            e.utcSec = query.getColumn(0).getDouble();
            e.kind = *kind;
            const std::string subkind = query.getColumn(2).getString();
            if (*kind == EventKind::Alert) {
                const auto alert = alertKindFromString(subkind);
                if (!alert) continue;
                e.alert = *alert;
            }
            e.succeeded = *kind != EventKind::Calibration || subkind == "ok";
            e.reason = *kind == EventKind::Calibration ? query.getColumn(3).getString() : std::string();
            e.durationSec = query.getColumn(4).getDouble();
            out.push_back(std::move(e));
        }
        return out;
    } catch (const SQLite::Exception& e) {
        throw Error(ErrorKind::Io, "cannot read history: " + describe(e));
    }
}

void HistoryStore::addRoutine(std::int64_t profile, const RoutineRecord& routine) {
    try {
        SQLite::Statement insert(m_impl->db,
                                 "INSERT OR REPLACE INTO routines (profile_id, start_utc, end_utc, routine, steps, "
                                 "steps_done, completed) VALUES (?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, profile);
        insert.bind(2, routine.startUtcSec);
        insert.bind(3, routine.endUtcSec);
        insert.bind(4, routine.routineId);
        insert.bind(5, routine.steps);
        insert.bind(6, routine.stepsDone);
        insert.bind(7, routine.completed ? 1 : 0);
        insert.exec();
    } catch (const SQLite::Exception& e) {
        throw Error(ErrorKind::Io, "cannot write the routine to the history: " + describe(e));
    }
}

std::vector<RoutineRecord> HistoryStore::routines(std::int64_t profile, double fromUtcSec, double toUtcSec) const {
    std::vector<RoutineRecord> out;
    try {
        SQLite::Statement query(m_impl->db,
                                "SELECT start_utc, end_utc, routine, steps, steps_done, completed FROM routines "
                                "WHERE profile_id = ? AND start_utc >= ? AND start_utc < ? ORDER BY start_utc");
        query.bind(1, profile);
        query.bind(2, fromUtcSec);
        query.bind(3, toUtcSec);
        while (query.executeStep()) {
            out.push_back({query.getColumn(0).getDouble(), query.getColumn(1).getDouble(),
                           query.getColumn(2).getString(), query.getColumn(3).getInt(), query.getColumn(4).getInt(),
                           query.getColumn(5).getInt() != 0});
        }
    } catch (const SQLite::Exception& e) {
        throw Error(ErrorKind::Io, "cannot read the routines from the history: " + describe(e));
    }
    return out;
}

void HistoryStore::clearHistory(std::int64_t profile) {
    try {
        SQLite::Transaction transaction(m_impl->db);
        for (const char* sql : {"DELETE FROM minutes WHERE profile_id = ?", "DELETE FROM events WHERE profile_id = ?",
                                "DELETE FROM routines WHERE profile_id = ?"}) {
            SQLite::Statement statement(m_impl->db, sql);
            statement.bind(1, profile);
            statement.exec();
        }
        transaction.commit();
    } catch (const SQLite::Exception& e) {
        throw Error(ErrorKind::Io, "cannot clear the history: " + describe(e));
    }
}

void HistoryStore::applyRetention(double nowUtcSec, int days) {
    const double cutoff = nowUtcSec - days * 86400.0;
    try {
        SQLite::Transaction transaction(m_impl->db);
        SQLite::Statement minutes(m_impl->db, "DELETE FROM minutes WHERE minute_utc < ?");
        minutes.bind(1, static_cast<std::int64_t>(cutoff / 60.0));
        minutes.exec();
        SQLite::Statement events(m_impl->db, "DELETE FROM events WHERE t_utc < ?");
        events.bind(1, cutoff);
        events.exec();
        SQLite::Statement routines(m_impl->db, "DELETE FROM routines WHERE start_utc < ?");
        routines.bind(1, cutoff);
        routines.exec();
        transaction.commit();
    } catch (const SQLite::Exception& e) {
        throw Error(ErrorKind::Io, "cannot apply the retention period: " + describe(e));
    }
}

void HistoryStore::deleteAll(const std::filesystem::path& file) {
    std::vector<std::filesystem::path> files = databaseFiles(file);
    files.push_back(journalPath(file));
    for (const std::filesystem::path& each : files) {
        std::error_code ec;
        std::filesystem::remove(each, ec);
        if (ec) throw Error(ErrorKind::Io, "cannot delete '" + each.string() + "': " + ec.message());
    }
}

void migrateHistorySchema(const std::filesystem::path& file, int targetVersion) {
    createPrivateDatabase(file);
    guarded("cannot migrate the history database", [&] {
        SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        migrate(db, targetVersion);
    });
}

}  // namespace posesmart
