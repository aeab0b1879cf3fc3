// SessionAnalyzer: turns the per-frame results of FrameAnalyzer into what the user cares about:
// blinks and blink rate, posture state, presence and breaks, and the alerts that follow. Driven
// only by frame timestamps, so replaying a recording gives the same result every time.
#pragma once

#include "analysis/AlertPolicy.h"
#include "analysis/BlinkRate.h"
#include "analysis/BlinkReader.h"
#include "analysis/Posture.h"
#include "analysis/PostureCalibration.h"
#include "analysis/Presence.h"
#include "vision/FrameAnalyzer.h"

#include <deque>
#include <optional>
#include <utility>

namespace posesmart {

struct SessionSettings {
    BlinkReaderSettings blink;
    BlinkRateSettings blinkRate;
    PostureSettings posture;
    PresenceSettings presence;
    AlertSettings alerts;
    double sittingLimitSec = 50.0 * 60.0;   // sitting this long without a break: alert
    double eyeBreakEverySec = 20.0 * 60.0;  // 20-20-20: screen time between rests
    // Eyes are read on a face turned less than this, whose landmarks follow it: the face box's
    // centre stays within maxJitterIod (root mean square, in inter-ocular distances) of a steady
    // path over jitterSpanSec. A head that turns or moves, however fast, is still read.
    double maxEyeYawDeg = 30.0;
    double jitterSpanSec = 0.25;
    double maxJitterIod = 0.2;
};

struct SessionUpdate {
    double timestampSec = 0.0;
    bool faceSeen = false;
    bool present = false;
    PostureState posture = PostureState::Unknown;
    PostureReading reading;
    std::optional<Blink> blink;
    std::optional<EyeClosure> closure;
    std::optional<EyeClosure> unreadable;  // eyes seen closing, then the face lost (see BlinkDetector)
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
    BlinkReader m_blinks;
    BlinkRate m_blinkRate;
    PostureTracker m_posture;
    std::optional<PostureCalibrator> m_calibrator;
    std::optional<PostureBaseline> m_sourceBaseline;  // as given, before fitting to the frame size
    PresenceTracker m_presence;
    AlertPolicy m_alerts;
    std::deque<std::pair<double, cv::Point2f>> m_boxCentres;  // the face box's centre over the last jitterSpanSec
    cv::Size m_frameSize;
};

}  // namespace posesmart
