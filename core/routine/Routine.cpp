#include "routine/Routine.h"

#include "common/Error.h"

#include <array>
#include <fstream>
#include <nlohmann/json.hpp>
#include <utility>

namespace posesmart {

namespace {

constexpr std::array<std::pair<RoutineTarget, std::string_view>, 9> kNames{{
    {RoutineTarget::TiltRight, "tilt_right"},
    {RoutineTarget::TiltLeft, "tilt_left"},
    {RoutineTarget::TurnLeft, "turn_left"},
    {RoutineTarget::TurnRight, "turn_right"},
    {RoutineTarget::ChinTuck, "chin_tuck"},
    {RoutineTarget::LookUp, "look_up"},
    {RoutineTarget::LookDown, "look_down"},
    {RoutineTarget::EyesClosed, "eyes_closed"},
    {RoutineTarget::LookAway, "look_away"},
}};

double number(const nlohmann::json& step, const char* key, double fallback, double low, double high,
              std::size_t index) {
    if (!step.contains(key)) return fallback;
    const nlohmann::json& value = step.at(key);
    if (!value.is_number()) {
        throw Error(ErrorKind::BadInput,
                    "routine step " + std::to_string(index + 1) + ": '" + key + "' is not a number");
    }
    const double v = value.get<double>();
    if (v < low || v > high) {
        throw Error(ErrorKind::BadInput, "routine step " + std::to_string(index + 1) + ": '" + key + "' is " +
                                             std::to_string(v) + ", outside " + std::to_string(low) + ".." +
                                             std::to_string(high));
    }
    return v;
}

}  // namespace

std::string_view toString(RoutineTarget target) {
    for (const auto& [t, name] : kNames) {
        if (t == target) return name;
    }
    return "unknown";
}

std::optional<RoutineTarget> routineTargetFrom(std::string_view name) {
    for (const auto& [t, n] : kNames) {
        if (n == name) return t;
    }
    return std::nullopt;
}

Routine routineFromJson(const nlohmann::json& json) {
    if (!json.is_object() || !json.contains("id") || !json["id"].is_string() || !json.contains("name") ||
        !json["name"].is_string()) {
        throw Error(ErrorKind::BadInput, "a routine needs an 'id' and a 'name'");
    }
    if (!json.contains("steps") || !json["steps"].is_array() || json["steps"].empty()) {
        throw Error(ErrorKind::BadInput, "routine '" + json["id"].get<std::string>() + "' has no 'steps'");
    }
    Routine routine;
    routine.id = json["id"].get<std::string>();
    routine.name = json["name"].get<std::string>();
    for (std::size_t i = 0; i < json["steps"].size(); ++i) {
        const nlohmann::json& s = json["steps"][i];
        const std::string targetName =
            s.contains("target") && s["target"].is_string() ? s["target"].get<std::string>() : "";
        const auto target = routineTargetFrom(targetName);
        if (!target) {
            throw Error(ErrorKind::BadInput,
                        "routine step " + std::to_string(i + 1) + ": unknown target '" + targetName + "'");
        }
        RoutineStep step;
        step.target = *target;
        const bool share = *target == RoutineTarget::ChinTuck;
        const bool needsAmount = *target != RoutineTarget::EyesClosed;
        if (needsAmount && !s.contains("amount")) {
            throw Error(ErrorKind::BadInput,
                        "routine step " + std::to_string(i + 1) + ": '" + targetName + "' needs an 'amount'");
        }
        step.amount = number(s, "amount", 0.0, share ? 0.01 : 1.0, share ? 0.5 : 90.0, i);
        step.holdSec = number(s, "hold_s", step.holdSec, 0.2, 120.0, i);
        step.repetitions = static_cast<int>(number(s, "repetitions", 1.0, 1.0, 20.0, i));
        step.timeoutSec = number(s, "timeout_s", step.timeoutSec, 1.0, 600.0, i);
        if (step.timeoutSec < step.holdSec * step.repetitions) {
            throw Error(ErrorKind::BadInput,
                        "routine step " + std::to_string(i + 1) + ": 'timeout_s' is shorter than its holds");
        }
        routine.steps.push_back(step);
    }
    return routine;
}

Routine readRoutine(const std::string& path) {
    std::ifstream file(path);
    if (!file) throw Error(ErrorKind::Io, "cannot read the routine '" + path + "'");
    try {
        return routineFromJson(nlohmann::json::parse(file));
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::BadInput, "routine '" + path + "' is not JSON: " + e.what());
    } catch (const Error& e) {
        throw Error(ErrorKind::BadInput, "routine '" + path + "': " + e.what());
    }
}

}  // namespace posesmart
