// Posture: each frame judged against the user's calibrated baseline, then smoothed with
// hysteresis and minimum durations so that a glance or a sneeze does not change the state.
#pragma once

#include "analysis/PostureCalibration.h"

#include <array>
#include <optional>
#include <string_view>

namespace posesmart {

enum class PostureState { Good, ForwardHead, Slouch, TooClose, Tilted, Away, Unknown };
inline constexpr int kPostureStateCount = static_cast<int>(PostureState::Unknown) + 1;

// "good", "forward_head", "slouch", "too_close", "tilted", "away", "unknown".
std::string_view toString(PostureState state);

struct PostureSettings {
    // Forward head: the face is larger (closer) and lower than at calibration.
    double forwardMinScale = 1.08;
    double forwardMinDropIod = 0.2;  // eye line lower by this many inter-ocular distances
    // Slouch / head drop: the eye line is lower without coming closer.
    double slouchMinDropIod = 0.3;
    // Too close: nearer than this when the distance was measured at calibration, otherwise this
    // much larger than at calibration.
    double tooCloseCm = 45.0;
    double tooCloseMinScale = 1.2;
    double tiltMinDeg = 10.0;  // roll beyond the range from upright to the calibrated roll
    double maxYawDeg = 25.0;   // beyond this the face is not frontal enough to judge: unknown
    // Leaving a state needs the measure back below this share of its threshold.
    double hysteresisShare = 0.8;
    double minStateSec = 2.0;   // a new state must hold this long before it is reported
    double awayAfterSec = 2.0;  // no face for this long: away
};

struct PostureReading {
    PostureState state = PostureState::Unknown;
    double scale = 1.0;         // inter-ocular distance against the baseline (> 1: closer)
    double dropIod = 0.0;       // eye line below the baseline, in baseline inter-ocular distances
    double rollDeltaDeg = 0.0;  // roll beyond the range from upright to the calibrated roll (signed)
    double distanceCm = 0.0;
};

// One frame against the baseline; `current` is the state reported so far (for hysteresis).
PostureReading classifyPosture(const FaceMeasurements& m, const PostureBaseline& baseline,
                               const PostureSettings& settings, PostureState current = PostureState::Good);

class PostureTracker {
public:
    explicit PostureTracker(PostureSettings settings = {});
    void setBaseline(const std::optional<PostureBaseline>& baseline);
    [[nodiscard]] const std::optional<PostureBaseline>& baseline() const { return m_baseline; }
    // The smoothed state after this frame.
    PostureState update(double timestampSec, const std::optional<FaceMeasurements>& m);
    [[nodiscard]] PostureState state() const { return m_state; }
    [[nodiscard]] const PostureReading& lastReading() const { return m_reading; }

private:
    PostureSettings m_settings;
    std::optional<PostureBaseline> m_baseline;
    PostureState m_state = PostureState::Unknown;
    bool m_started = false;
    std::optional<double> m_lastSec;
    std::optional<double> m_leavingSinceSec;               // the first frame away from m_state
    std::array<double, kPostureStateCount> m_secondsIn{};  // time in each other state since then
    PostureReading m_reading;
};

}  // namespace posesmart
