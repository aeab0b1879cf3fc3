// LiveStatus: the live session's state for the window and the tray, a few times a second, as a
// plain value (no pointers into the engine).
#pragma once

#include "analysis/Posture.h"
#include "identity/IdentityCheck.h"

namespace posesmart {

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
    bool recording = false;  // minutes are being written
    bool picture = false;    // the face in view neither blinks nor moves: a photo, not measured
};

}  // namespace posesmart
