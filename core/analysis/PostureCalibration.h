// PostureCalibration: the user's own upright posture, from a few seconds of sitting comfortably,
// against which later frames are judged.
#pragma once

#include "vision/FaceMeasurements.h"

#include <optional>
#include <string>
#include <vector>

namespace posesmart {

struct PostureBaseline {
    double iodPx = 0.0;       // inter-ocular distance: how far the face is
    double eyeLineYPx = 0.0;  // height of the eye line in the frame
    double rollDeg = 0.0;
    double pitchDeg = 0.0;
    double distanceCm = 0.0;       // estimated from the camera's field of view...
    double knownDistanceCm = 0.0;  // ...or measured by the user (0: not measured)
    int frameWidth = 0;
    int frameHeight = 0;

    // Distance in cm for a face measured now: scaled from the known distance when there is one.
    [[nodiscard]] double distanceFor(const FaceMeasurements& m) const {
        return knownDistanceCm > 0.0 && distanceCm > 0.0 ? m.distanceCm * knownDistanceCm / distanceCm : m.distanceCm;
    }
};

// Ordinary sitting, talking and nodding included, keeps the head near one place; walking away,
// turning aside or leaning in and out does not. The baseline is taken from the steady majority:
// the largest group of frames whose eye line and face size agree within the limits below.
struct CalibrationSettings {
    double seconds = 10.0;
    double minSteadyShare = 0.7;  // of all frames must be in the steady group
    int minFrames = 15;
    double steadyEyeLineIod = 0.25;  // eye line within this many inter-ocular distances...
    double steadyScale = 0.08;       // ...and the inter-ocular distance within this share
    double maxYawDeg = 20.0;         // median |yaw|: the camera must be roughly in front
    double maxAbsRollDeg = 20.0;
};

struct CalibrationResult {
    std::optional<PostureBaseline> baseline;  // set when the calibration succeeded
    std::string reason;                       // why it failed, in words for the user
    int frames = 0;
    int faceFrames = 0;
    int keptFrames = 0;        // in the steady group
    double steadyShare = 0.0;  // keptFrames / frames
    double driftIod = 0.0;     // median absolute deviation of the steady group's eye line, in iods
    double scaleDrift = 0.0;   // ...and of its inter-ocular distance, relative
    double medianYawDeg = 0.0;
};

// Collects frames for `settings.seconds` of stream time, then judges them.
class PostureCalibrator {
public:
    explicit PostureCalibrator(CalibrationSettings settings = {});
    // Adds one frame (no measurements: no usable face). Returns true once the time is up.
    bool add(double timestampSec, const std::optional<FaceMeasurements>& m, cv::Size frameSize);
    [[nodiscard]] double progress(double timestampSec) const;  // 0..1
    [[nodiscard]] CalibrationResult finish() const;

private:
    [[nodiscard]] std::vector<FaceMeasurements> steadyGroup() const;

    CalibrationSettings m_settings;
    std::optional<double> m_startSec;
    int m_frames = 0;
    cv::Size m_frameSize;
    std::vector<FaceMeasurements> m_samples;
};

}  // namespace posesmart
