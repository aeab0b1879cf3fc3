// LiveStatus: what the analysis thread tells the window and the tray, a few times a second, as a
// plain value (no pointers into the engine). LiveFrame: the newest analysed picture with its
// landmarks, pulled by the live view on a timer rather than sent with every frame.
#pragma once

#include "posesmart/HistoryReport.h"
#include "posesmart/IdentityCheck.h"
#include "posesmart/Landmarks.h"
#include "posesmart/Posture.h"

#include <QMetaType>
#include <opencv2/core/mat.hpp>
#include <optional>

namespace posesmart::ui {

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
};

struct LiveFrame {
    cv::Mat bgr;
    std::optional<Landmarks> landmarks;
    double rollDeg = 0.0;
    double pitchDeg = 0.0;
    double yawDeg = 0.0;
    bool poseValid = false;
};

}  // namespace posesmart::ui

Q_DECLARE_METATYPE(posesmart::ui::LiveStatus)
Q_DECLARE_METATYPE(posesmart::PeriodReport)
