// HistoryFiles: the files of a history database on disk, apart from what is in them: the database
// and SQLite's companions (-wal, -shm, -journal), made private before SQLite opens them, a damaged
// database moved aside under a name that never replaces one kept before, and a full disk told apart
// from other disk errors.
#pragma once

#include <filesystem>
#include <vector>

namespace posesmart {

// The database file and its SQLite companions (not the journal of pending minutes).
std::vector<std::filesystem::path> databaseFiles(const std::filesystem::path& database);

// Something (a file, a folder, a link) is at `path`.
bool fileTaken(const std::filesystem::path& path);

// The database exists and is readable by its owner only, before SQLite opens it; SQLite gives its
// -wal and -shm companions the same mode. Neither it nor a companion may be a symbolic link
// (Error(BadInput) from PrivateFile).
void createPrivateDatabase(const std::filesystem::path& database);

// `<file>.damaged-<time>`, with `-2`, `-3`... when a file damaged in the same second (or one of its
// companions) was kept there.
std::filesystem::path asideName(const std::filesystem::path& file);

// Moves the database and its companions to asideName(database) and returns that name. Throws
// std::filesystem::filesystem_error when the database itself cannot be moved.
std::filesystem::path moveDatabaseAside(const std::filesystem::path& database);

// No block left for this user on the file system of `file`.
bool diskFull(const std::filesystem::path& file);

}  // namespace posesmart
