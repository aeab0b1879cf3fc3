#include "history/HistoryJournal.h"

#include "common/Error.h"
#include "common/PrivateFile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace posesmart {

namespace {

constexpr int kJournalVersion = 1;

nlohmann::json toJson(const MinuteRecord& m) {
    return {{"minute_utc", m.minuteUtc}, {"present_s", m.presentSec},          {"states_s", m.secondsByState},
            {"blinks", m.blinks},        {"incomplete", m.incompleteBlinks},   {"closures", m.closures},
            {"eyes_s", m.eyesSec},       {"distance_sum_cm", m.distanceSumCm}, {"distance_frames", m.distanceFrames},
            {"alerts", m.alerts}};
}

MinuteRecord minuteFromJson(const nlohmann::json& j) {
    MinuteRecord m;
    m.minuteUtc = j.at("minute_utc").get<std::int64_t>();
    m.presentSec = j.at("present_s").get<double>();
    m.secondsByState = j.at("states_s").get<std::array<double, kPostureStateCount>>();
    m.blinks = j.at("blinks").get<int>();
    m.incompleteBlinks = j.at("incomplete").get<int>();
    m.closures = j.at("closures").get<int>();
    m.eyesSec = j.at("eyes_s").get<double>();
    m.distanceSumCm = j.at("distance_sum_cm").get<double>();
    m.distanceFrames = j.at("distance_frames").get<int>();
    m.alerts = j.at("alerts").get<int>();
    return m;
}

nlohmann::json toJson(const HistoryEvent& e) {
    return {{"t_utc", e.utcSec},        {"kind", toString(e.kind)}, {"alert", static_cast<int>(e.alert)},
            {"succeeded", e.succeeded}, {"reason", e.reason},       {"duration_s", e.durationSec}};
}

HistoryEvent eventFromJson(const nlohmann::json& j) {
    HistoryEvent e;
    e.utcSec = j.at("t_utc").get<double>();
    const auto kind = eventKindFromString(j.at("kind").get<std::string>());
    const int alert = j.at("alert").get<int>();
    if (!kind || alert < 0 || alert >= kAlertKindCount) throw Error(ErrorKind::BadInput, "an unknown event");
    e.kind = *kind;
    e.alert = static_cast<AlertKind>(alert);
    e.succeeded = j.at("succeeded").get<bool>();
    e.reason = j.at("reason").get<std::string>();
    e.durationSec = j.at("duration_s").get<double>();
    return e;
}

std::string readAll(const std::filesystem::path& file) {
    refuseLink(file);
    const int fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) throw Error(ErrorKind::Io, "cannot read '" + file.string() + "': " + std::strerror(errno));
    std::string text;
    char buffer[4096];
    ssize_t n = 0;
    while ((n = ::read(fd, buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<std::size_t>(n));
    ::close(fd);
    return text;
}

}  // namespace

std::filesystem::path journalPath(const std::filesystem::path& database) {
    return database.string() + ".pending";
}

std::vector<JournalEntry> readJournal(const std::filesystem::path& database) {
    const auto file = journalPath(database);
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(file, ec))) return {};
    std::vector<JournalEntry> out;
    try {
        const nlohmann::json doc = nlohmann::json::parse(readAll(file));
        if (doc.at("version").get<int>() != kJournalVersion) throw Error(ErrorKind::BadInput, "an unknown version");
        for (const nlohmann::json& j : doc.at("entries")) {
            JournalEntry entry;
            entry.profile = j.at("profile").get<std::string>();
            for (const nlohmann::json& m : j.at("minutes")) entry.minutes.push_back(minuteFromJson(m));
            for (const nlohmann::json& e : j.at("events")) entry.events.push_back(eventFromJson(e));
            out.push_back(std::move(entry));
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::BadInput, "the journal '" + file.string() + "' is damaged: " + e.what());
    } catch (const Error& e) {
        if (e.kind() == ErrorKind::Io) throw;
        throw Error(ErrorKind::BadInput, "the journal '" + file.string() + "' is damaged: " + e.what());
    }
    return out;
}

void appendToJournal(const std::filesystem::path& database, const JournalEntry& entry) {
    // A damaged journal is not replaced: readJournal throws and nothing is written.
    std::vector<JournalEntry> all = readJournal(database);
    all.push_back(entry);
    nlohmann::json entries = nlohmann::json::array();
    for (const JournalEntry& kept : all) {
        nlohmann::json minutes = nlohmann::json::array();
        for (const MinuteRecord& m : kept.minutes) minutes.push_back(toJson(m));
        nlohmann::json events = nlohmann::json::array();
        for (const HistoryEvent& e : kept.events) events.push_back(toJson(e));
        entries.push_back({{"profile", kept.profile}, {"minutes", minutes}, {"events", events}});
    }
    writePrivateAtomically(journalPath(database),
                           nlohmann::json{{"version", kJournalVersion}, {"entries", entries}}.dump() + "\n");
}

}  // namespace posesmart
