// HistoryJournal: minutes and events that could not be written to the history database at the end
// of a session (locked by another program, disk full), kept in a small file next to it
// (`<database>.pending`, private, never through a link) until the next open of the database
// writes them in (HistoryStore does) and removes it.
#pragma once

#include "history/HistoryRecords.h"

#include <filesystem>
#include <string>
#include <vector>

namespace posesmart {

struct JournalEntry {
    std::string profile;  // by name: the database may be a new one by the time it is replayed
    std::vector<MinuteRecord> minutes;
    std::vector<HistoryEvent> events;
};

std::filesystem::path journalPath(const std::filesystem::path& database);
// Adds `entry` to the journal of `database`. Throws Error(Io) when it cannot be written.
void appendToJournal(const std::filesystem::path& database, const JournalEntry& entry);
// What the journal holds (empty when there is none). Throws Error(BadInput) when it is damaged.
std::vector<JournalEntry> readJournal(const std::filesystem::path& database);

}  // namespace posesmart
