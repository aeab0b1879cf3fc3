// SessionAnalyzer: turns the per-frame results of FrameAnalyzer into what the user cares about:
// blinks and blink rate, posture state, presence and breaks, and the alerts that follow. Driven
// only by frame timestamps, so replaying a recording gives the same result every time.
#pragma once

#include "analysis/AlertPolicy.h"
#include "analysis/BlinkDetector.h"
#include "analysis/BlinkRate.h"
#include "vision/EyeAppearance.h"
#include "vision/FrameAnalyzer.h"
#include "analysis/Posture.h"
#include "analysis/PostureCalibration.h"
#include "analysis/Presence.h"

#include <deque>
#include <optional>
#include <utility>

namespace posesmart {

struct SessionSettings {
    BlinkSettings blink;
    BlinkRateSettings blinkRate;
    PostureSettings posture;
    PresenceSettings presence;
    AlertSettings alerts;
    double sittingLimitSec = 50.0 * 60.0;   // sitting this long without a break: alert
    double eyeBreakEverySec = 20.0 * 60.0;  // 20-20-20: screen time between rests
    // Eyes are read only on a face turned less than this and moving slower than this.
    double maxEyeYawDeg = 30.0;
    double maxEyeSpeedIodPerSec = 2.0;
    double headSpeedSpanSec = 0.25;   // head speed is measured over this span
    double appearanceLearnSec = 1.0;  // time constant of the open-eye template
};

struct SessionUpdate {
    double timestampSec = 0.0;
    bool faceSeen = false;
    bool present = false;
    PostureState posture = PostureState::Unknown;
    PostureReading reading;
    std::optional<Blink> blink;
    std::optional<EyeClosure> closure;
    std::optional<Alert> alert;
    std::optional<BreakTaken> breakTaken;
    std::optional<CalibrationResult> calibration;  // on the frame a calibration finished
    double calibrationProgress = -1.0;             // 0..1 while calibrating, otherwise -1
    bool eyesUsable = false;
    double blinkRatePerMin = 0.0;
    double blinkScore = 0.0;  // see BlinkDetector
    double blinkThreshold = 0.0;
};

class SessionAnalyzer {
public:
    explicit SessionAnalyzer(SessionSettings settings = {});
    SessionUpdate update(const FrameResult& frame, cv::Size frameSize);
    // Collects the next `seconds` of frames as the upright baseline.
    void startCalibration(const CalibrationSettings& settings);
    void setBaseline(const std::optional<PostureBaseline>& baseline);
    [[nodiscard]] const std::optional<PostureBaseline>& baseline() const { return m_posture.baseline(); }
    [[nodiscard]] bool calibrating() const { return m_calibrator.has_value(); }
    AlertPolicy& alerts() { return m_alerts; }
    [[nodiscard]] const PresenceTracker& presence() const { return m_presence; }
    PresenceTracker& presence() { return m_presence; }  // a guided routine counts as a break

private:
    [[nodiscard]] bool eyesUsable(const FrameResult& frame) const;
    void readEyes(const FrameResult& frame, SessionUpdate& out);
    [[nodiscard]] AlertConditions conditions(double timestampSec, PostureState posture) const;

    SessionSettings m_settings;
    EyeAppearance m_appearance;
    BlinkDetector m_blinks;
    BlinkRate m_blinkRate;
    PostureTracker m_posture;
    std::optional<PostureCalibrator> m_calibrator;
    std::optional<PostureBaseline> m_sourceBaseline;  // as given, before fitting to the frame size
    PresenceTracker m_presence;
    AlertPolicy m_alerts;
    std::deque<std::pair<double, cv::Point2f>> m_noseHistory;  // the last headSpeedSpanSec
    double m_previousSec = 0.0;
    bool m_started = false;
    cv::Size m_frameSize;
};

}  // namespace posesmart
