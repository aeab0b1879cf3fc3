#include "history/HistorySchema.h"

#include "common/Error.h"
#include "history/HistoryStore.h"

#include <SQLiteCpp/Transaction.h>
#include <array>
#include <string>

namespace posesmart {

namespace {

// Index i takes the schema from version i to i + 1. Never edit a released step: add one.
const std::array<const char*, HistoryStore::kSchemaVersion> kMigrations = {
    // 1: profiles, minutes, events, settings.
    R"sql(
    CREATE TABLE profiles (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_utc REAL NOT NULL,
        baseline TEXT
    );
    CREATE TABLE minutes (
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        minute_utc INTEGER NOT NULL,
        present_s REAL NOT NULL DEFAULT 0,
        good_s REAL NOT NULL DEFAULT 0,
        forward_head_s REAL NOT NULL DEFAULT 0,
        slouch_s REAL NOT NULL DEFAULT 0,
        too_close_s REAL NOT NULL DEFAULT 0,
        tilted_s REAL NOT NULL DEFAULT 0,
        away_s REAL NOT NULL DEFAULT 0,
        unknown_s REAL NOT NULL DEFAULT 0,
        blinks INTEGER NOT NULL DEFAULT 0,
        incomplete_blinks INTEGER NOT NULL DEFAULT 0,
        closures INTEGER NOT NULL DEFAULT 0,
        eyes_s REAL NOT NULL DEFAULT 0,
        distance_sum_cm REAL NOT NULL DEFAULT 0,
        distance_frames INTEGER NOT NULL DEFAULT 0,
        alerts INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (profile_id, minute_utc)
    ) WITHOUT ROWID;
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        t_utc REAL NOT NULL,
        kind TEXT NOT NULL,
        subkind TEXT NOT NULL DEFAULT '',
        message TEXT NOT NULL DEFAULT '',
        duration_s REAL NOT NULL DEFAULT 0
    );
    -- Unique, so that writing a period again (a retried write, a replayed video) adds no duplicates.
    CREATE UNIQUE INDEX events_by_time ON events (profile_id, t_utc, kind, subkind);
    CREATE TABLE settings (
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (profile_id, key)
    ) WITHOUT ROWID;
    )sql",
    // 2: room for the Face ID descriptor; generated (demo) profiles marked as such.
    R"sql(
    ALTER TABLE profiles ADD COLUMN face_descriptor BLOB;
    ALTER TABLE profiles ADD COLUMN generated INTEGER NOT NULL DEFAULT 0;
    )sql",
    // 3: the per-profile settings table was never used (the app keeps settings.json); an alert
    // event is stored by its kind only (the words are the reader's).
    R"sql(
    DROP TABLE settings;
    UPDATE events SET message = '' WHERE kind = 'alert';
    )sql",
    // 4, guided routines (issue 19): one row per routine run: when, which routine, how many of its
    // steps were done, and whether it was finished.
    R"sql(
    CREATE TABLE routines (
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        start_utc REAL NOT NULL,
        end_utc REAL NOT NULL,
        routine TEXT NOT NULL,
        steps INTEGER NOT NULL,
        steps_done INTEGER NOT NULL,
        completed INTEGER NOT NULL,
        PRIMARY KEY (profile_id, start_utc)
    ) WITHOUT ROWID;
    )sql",
};

}  // namespace

void migrate(SQLite::Database& db, int targetVersion) {
    while (true) {
        // The version is read inside a write transaction, so two processes opening a new file at
        // once do not both run the same step.
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        const int version = db.execAndGet("PRAGMA user_version").getInt();
        if (version > HistoryStore::kSchemaVersion) {
            throw Error(ErrorKind::Io, "the history database '" + db.getFilename() +
                                           "' was written by a newer PoseSmart (schema " + std::to_string(version) +
                                           ")");
        }
        if (version >= targetVersion) return;
        db.exec(kMigrations.at(static_cast<std::size_t>(version)));
        db.exec("PRAGMA user_version = " + std::to_string(version + 1));
        transaction.commit();
    }
}

}  // namespace posesmart
