// HistorySchema: the history database's migrations, one per schema version.
#pragma once

#include <SQLiteCpp/Database.h>

namespace posesmart {

// Brings `db` from its user_version up to `targetVersion`, each step in its own transaction.
void migrate(SQLite::Database& db, int targetVersion);

}  // namespace posesmart
