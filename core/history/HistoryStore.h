// HistoryStore: the local SQLite record: profiles, one row per monitored minute, events and
// per-profile settings, in one file created readable by its owner only (0600). WAL mode, foreign
// keys, `PRAGMA user_version` with forward migrations. A damaged file is moved aside with a
// timestamped name that never replaces an earlier one, and a fresh one created; a file locked by
// another process is waited on briefly. Neither the file nor its companions are opened through a
// symbolic link. Minutes an earlier session could not write (HistoryJournal) are written in at open.
#pragma once

#include "common/Error.h"
#include "history/HistoryRecords.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace posesmart {

struct StoreOpenReport {
    bool recreated = false;                // the file was damaged and replaced by an empty one
    std::filesystem::path movedAsidePath;  // where the damaged file went
    std::string message;                   // for the user, when recreated
    int replayedMinutes = 0;               // minutes written in from the journal of an earlier session
    std::string journalProblem;            // why the journal is still there (locked) or was moved aside
};

// What HistoryStore throws when another program holds the database's lock longer than it waits.
class StoreBusy : public Error {
public:
    explicit StoreBusy(const std::string& message) : Error(ErrorKind::Io, message) {}
};

class HistoryStore {
public:
    static constexpr int kSchemaVersion = 4;

    // Opens or creates the file. Throws Error(Io) when it cannot be opened at all (e.g. locked
    // longer than `busyTimeoutMs`: StoreBusy; no such folder, no permission, a symbolic link).
    static constexpr int kBusyTimeoutMs = 2000;
    // How the file is checked when opened. Damage: every page is read (SQLite's quick_check, about
    // 85 ms for a year of history) and a damaged file is moved aside for a new one, as whatever
    // records the history must. Trust (reports, which only read): no scan and nothing moved; a
    // damaged page is then an Error(Io) from the query that meets it.
    enum class OpenCheck { Damage, Trust };
    explicit HistoryStore(const std::filesystem::path& file, int busyTimeoutMs = kBusyTimeoutMs,
                          OpenCheck check = OpenCheck::Damage);
    ~HistoryStore();
    HistoryStore(const HistoryStore&) = delete;
    HistoryStore& operator=(const HistoryStore&) = delete;

    [[nodiscard]] const StoreOpenReport& openReport() const { return m_openReport; }
    [[nodiscard]] const std::filesystem::path& file() const { return m_file; }
    // How long each operation waits for another program's lock before it throws StoreBusy.
    void setBusyTimeout(int busyTimeoutMs);

    // The profile's id, created when absent.
    std::int64_t profileId(const std::string& name, bool generated = false);
    [[nodiscard]] std::vector<std::string> profileNames() const;
    void saveBaseline(std::int64_t profile, const std::string& baselineJson);
    [[nodiscard]] std::optional<std::string> baseline(std::int64_t profile) const;
    // The profile's Face ID descriptor (128 floats); "delete all data" removes it with the file.
    void saveFaceDescriptor(std::int64_t profile, const std::vector<float>& descriptor);
    [[nodiscard]] std::optional<std::vector<float>> faceDescriptor(std::int64_t profile) const;

    // Writes minutes (replacing a minute already stored) and events in one transaction.
    // Throws Error(Io) on a write failure (disk full, read-only; StoreBusy: locked); nothing is half-written.
    void write(std::int64_t profile, const std::vector<MinuteRecord>& minutes, const std::vector<HistoryEvent>& events);

    [[nodiscard]] std::vector<MinuteRecord> minutes(std::int64_t profile, std::int64_t fromMinuteUtc,
                                                    std::int64_t toMinuteUtc) const;  // [from, to)
    [[nodiscard]] std::vector<HistoryEvent> events(std::int64_t profile, double fromUtcSec, double toUtcSec) const;

    // A guided routine run, kept once per start time. Throws Error(Io) on a write failure.
    void addRoutine(std::int64_t profile, const RoutineRecord& routine);
    [[nodiscard]] std::vector<RoutineRecord> routines(std::int64_t profile, double fromUtcSec,
                                                      double toUtcSec) const;  // started in [from, to)
    // Deletes the profile's minutes, events and routines (the profile, its baseline and settings stay).
    void clearHistory(std::int64_t profile);
    // Deletes minutes, events and routines older than `days` before `nowUtcSec`.
    void applyRetention(double nowUtcSec, int days);

    // Removes `file` with its -wal, -shm and -journal companions and its journal. Throws Error(Io).
    static void deleteAll(const std::filesystem::path& file);

private:
    void replayJournal();

    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::filesystem::path m_file;
    StoreOpenReport m_openReport;
};

// Applies the schema migrations from the database's user_version up to `targetVersion`; tests
// use it to build databases as earlier versions left them.
void migrateHistorySchema(const std::filesystem::path& file, int targetVersion);

}  // namespace posesmart
