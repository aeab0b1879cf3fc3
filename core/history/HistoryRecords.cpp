#include "history/HistoryRecords.h"

#include <array>

namespace posesmart {

namespace {
constexpr std::array<std::string_view, kEventKindCount> kEventKeys = {"alert", "break", "calibration", "pause"};
}  // namespace

std::string_view toString(EventKind kind) {
    return kEventKeys.at(static_cast<std::size_t>(kind));
}

std::optional<EventKind> eventKindFromString(std::string_view key) {
    for (std::size_t k = 0; k < kEventKeys.size(); ++k) {
        if (kEventKeys[k] == key) return static_cast<EventKind>(k);
    }
    return std::nullopt;
}

}  // namespace posesmart
