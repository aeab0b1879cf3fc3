// LiveStatus: the live session's state for the window and the tray, a few times a second, as a
// plain value (no pointers into the engine).
#pragma once

#include "analysis/Posture.h"
#include "identity/IdentityCheck.h"
#include "routine/Routine.h"

#include <optional>
#include <string>

namespace posesmart {

// The guided routine that runs, for its window.
struct RoutineStatus {
    std::string routineId;
    std::size_t step = 0;  // 0-based
    std::size_t steps = 0;
    RoutineStep current;
    int repetitionsDone = 0;
    double holdProgress = 0.0;  // 0..1
    bool onTarget = false;
};

struct LiveStatus {
    double streamSec = 0.0;
    bool faceSeen = false;
    bool present = false;
    int facesSeen = 0;
    PostureState posture = PostureState::Unknown;
    PostureReading reading;
    bool calibrated = false;
    double calibrationProgress = -1.0;  // 0..1 while calibrating
    bool eyesUsable = false;
    double blinkRatePerMin = 0.0;
    int blinksThisSession = 0;
    double distanceCm = 0.0;
    double sittingSec = 0.0;  // since the last break
    IdentityState identity = IdentityState::NobodyEnrolled;
    bool recording = false;                // minutes are being written
    bool picture = false;                  // the face in view neither blinks nor moves: a photo, not measured
    std::optional<RoutineStatus> routine;  // while a guided routine runs
};

}  // namespace posesmart
