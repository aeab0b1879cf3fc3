#include "history/HistoryFiles.h"

#include "common/PrivateFile.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <string>
#include <sys/statvfs.h>
#include <unistd.h>

namespace posesmart {

namespace {

const char* const kCompanions[] = {"-wal", "-shm", "-journal"};

std::filesystem::path withSuffix(const std::filesystem::path& file, const std::string& suffix) {
    return file.string() + suffix;
}

std::string timestampForFileName() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm local{};
    localtime_r(&now, &local);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y%m%d-%H%M%S", &local);
    return buffer;
}

}  // namespace

std::vector<std::filesystem::path> databaseFiles(const std::filesystem::path& database) {
    std::vector<std::filesystem::path> files = {database};
    for (const char* companion : kCompanions) files.push_back(withSuffix(database, companion));
    return files;
}

bool fileTaken(const std::filesystem::path& path) {
    std::error_code ec;
    return std::filesystem::exists(std::filesystem::symlink_status(path, ec));
}

void createPrivateDatabase(const std::filesystem::path& database) {
    for (const char* companion : kCompanions) refuseLink(withSuffix(database, companion));
    ::close(openPrivate(database, false));
}

std::filesystem::path asideName(const std::filesystem::path& file) {
    const std::string base = file.string() + ".damaged-" + timestampForFileName();
    std::filesystem::path name = base;
    for (int n = 2; std::ranges::any_of(databaseFiles(name), fileTaken); ++n) name = base + "-" + std::to_string(n);
    return name;
}

std::filesystem::path moveDatabaseAside(const std::filesystem::path& database) {
    const std::filesystem::path aside = asideName(database);
    std::filesystem::rename(database, aside);
    for (const char* companion : kCompanions) {
        std::error_code ec;
        if (std::filesystem::exists(withSuffix(database, companion), ec)) {
            std::filesystem::rename(withSuffix(database, companion), withSuffix(aside, companion), ec);
        }
    }
    return aside;
}

bool diskFull(const std::filesystem::path& file) {
    struct statvfs info {};
    const std::filesystem::path folder = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    return ::statvfs(folder.c_str(), &info) == 0 && info.f_bavail == 0;
}

}  // namespace posesmart
