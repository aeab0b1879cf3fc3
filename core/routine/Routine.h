// Routine: a short guided exercise as data: steps, each a target in head-pose or eye terms
// against the user's calibrated upright posture, held for a while, repeated, with a time-out.
// Routines are JSON files (resources/routines); routineFromJson reads and checks one.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace posesmart {

// Directions are the person's own, for a camera image that is not mirrored (HeadPose's signs:
// roll positive clockwise in the image, yaw positive with the nose toward the image's right, which
// is the person's left, pitch positive nose down).
enum class RoutineTarget {
    TiltRight,   // right ear toward the right shoulder: roll at least `amount` degrees anticlockwise of the calibrated
                 // roll
    TiltLeft,    // left ear toward the left shoulder: roll at least `amount` degrees clockwise of it
    TurnLeft,    // yaw >= amount
    TurnRight,   // yaw <= -amount
    ChinTuck,    // the face `amount` (a share, 0.05 = 5%) smaller than calibrated, the eye line not lower
    LookUp,      // pitch at least `amount` degrees above the calibrated pitch
    LookDown,    // ...below it
    EyesClosed,  // both eyes closed
    LookAway,    // eyes open and the head turned away (|yaw| >= amount), or the face out of view
};

// "tilt_right", "tilt_left", "turn_left", "turn_right", "chin_tuck", "look_up", "look_down",
// "eyes_closed", "look_away".
std::string_view toString(RoutineTarget target);
std::optional<RoutineTarget> routineTargetFrom(std::string_view name);

struct RoutineStep {
    RoutineTarget target = RoutineTarget::TiltRight;
    double amount = 0.0;  // degrees, or a share for ChinTuck; unused for EyesClosed
    double holdSec = 5.0;
    int repetitions = 1;
    double timeoutSec = 20.0;  // the step ends as timed out this long after it began
};

struct Routine {
    std::string id;    // "neck-1min"
    std::string name;  // "Neck, 1 minute" (the app translates it by id)
    std::vector<RoutineStep> steps;
};

// Throws Error(BadInput) naming the field that is missing or out of range.
Routine routineFromJson(const nlohmann::json& json);
// Reads a routine file; throws Error(Io) when it cannot be read, Error(BadInput) when it is wrong.
Routine readRoutine(const std::string& path);

}  // namespace posesmart
