// StillFaceCheck: tells a picture of a face (a photo, a poster, a frozen screen) from a person. A
// person blinks every few seconds and never holds the head perfectly still; a picture does neither.
// A face that shows no blink and no landmark or head-pose motion above the noise floor for two
// minutes is a picture, until it blinks, moves or leaves.
#pragma once

#include "vision/FaceMeasurements.h"
#include "vision/Landmarks.h"

#include <deque>
#include <optional>

namespace posesmart {

struct StillFaceSettings {
    double pictureAfterSec = 120.0;  // still this long, without a blink: a picture
    // Where the face is: the mean of the last second of frames, since landmarks and head pose jitter
    // from frame to frame even on a photo (head pose by a few degrees). Motion is measured from
    // where the face was at the start of the still stretch, so slow drift adds up.
    double smoothSec = 1.0;
    double landmarkNoiseIod = 0.04;  // mean displacement of the 68 points, in inter-ocular distances
    double poseNoiseDeg = 3.0;       // roll, pitch or yaw
    double faceLostSec = 2.0;        // no face for longer than this: whoever comes back starts afresh
};

class StillFaceCheck {
public:
    explicit StillFaceCheck(StillFaceSettings settings = {});
    // One frame: the face found on it (none: both empty) and whether a blink ended on it.
    void update(double timestampSec, const std::optional<Landmarks>& landmarks,
                const std::optional<FaceMeasurements>& measurements, bool blinked);
    [[nodiscard]] bool picture() const { return m_picture; }

private:
    struct Place {
        Landmarks landmarks{};
        double iodPx = 0.0;
        double rollDeg = 0.0;
        double pitchDeg = 0.0;  // NaN: no valid pose in the window
        double yawDeg = 0.0;
    };
    struct Sample {
        double timestampSec;
        Landmarks landmarks;
        FaceMeasurements measurements;
    };
    [[nodiscard]] Place smoothed() const;
    [[nodiscard]] bool moved(const Place& now) const;
    void restart(double timestampSec);

    StillFaceSettings m_settings;
    std::deque<Sample> m_window;  // the last smoothSec of face frames
    std::optional<double> m_stillSinceSec;
    std::optional<Place> m_reference;  // where the face was when the still stretch began
    std::optional<double> m_lastFaceSec;
    bool m_picture = false;
};

}  // namespace posesmart
