#include "analysis/PostureCalibration.h"

#include "common/Statistics.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <sstream>

namespace posesmart {

namespace {

double medianOf(const std::vector<FaceMeasurements>& samples, const std::function<double(const FaceMeasurements&)>& f) {
    std::vector<double> values;
    values.reserve(samples.size());
    for (const auto& s : samples) values.push_back(f(s));
    return median(values);
}

double madOf(const std::vector<FaceMeasurements>& samples, const std::function<double(const FaceMeasurements&)>& f) {
    const double centre = medianOf(samples, f);
    return medianOf(samples, [&](const FaceMeasurements& s) { return std::abs(f(s) - centre); });
}

// A robust spread stays above this, so a very still face does not reject ordinary jitter.
constexpr double kMinSpreadIod = 0.02;
// Samples further than this many (scaled) median absolute deviations are dropped.
constexpr double kOutlierMads = 3.0;

}  // namespace

PostureCalibrator::PostureCalibrator(CalibrationSettings settings) : m_settings(settings) {}

bool PostureCalibrator::add(double timestampSec, const std::optional<FaceMeasurements>& m, cv::Size frameSize) {
    if (!m_startSec) m_startSec = timestampSec;
    ++m_frames;
    m_frameSize = frameSize;
    if (m) m_samples.push_back(*m);
    return timestampSec - *m_startSec >= m_settings.seconds;
}

double PostureCalibrator::progress(double timestampSec) const {
    if (!m_startSec || m_settings.seconds <= 0.0) return 0.0;
    return std::clamp((timestampSec - *m_startSec) / m_settings.seconds, 0.0, 1.0);
}

CalibrationResult PostureCalibrator::finish() const {
    CalibrationResult out;
    out.frames = m_frames;
    out.faceFrames = static_cast<int>(m_samples.size());
    const double faceShare = m_frames > 0 ? static_cast<double>(out.faceFrames) / m_frames : 0.0;
    if (out.faceFrames < m_settings.minFrames || faceShare < m_settings.minFaceShare) {
        std::ostringstream reason;
        reason << "a face was seen in " << out.faceFrames << " of " << m_frames
               << " frames: sit in front of the camera, face in view, and try again";
        out.reason = reason.str();
        return out;
    }
    // Talking, blinking and small movements: medians, and samples far from them dropped.
    const double iod = medianOf(m_samples, [](const auto& s) { return s.iodPx; });
    const auto eyeY = [](const FaceMeasurements& s) { return static_cast<double>(s.eyeLineCentre.y); };
    const double eyeYCentre = medianOf(m_samples, eyeY);
    const double eyeYSpread = std::max(kMinSpreadIod * iod, kMadToSigma * madOf(m_samples, eyeY));
    const double iodSpread =
        std::max(kMinSpreadIod * iod, kMadToSigma * madOf(m_samples, [](const auto& s) { return s.iodPx; }));
    std::vector<FaceMeasurements> kept;
    for (const auto& s : m_samples) {
        if (std::abs(eyeY(s) - eyeYCentre) <= kOutlierMads * eyeYSpread &&
            std::abs(s.iodPx - iod) <= kOutlierMads * iodSpread) {
            kept.push_back(s);
        }
    }
    out.keptFrames = static_cast<int>(kept.size());
    out.driftIod = madOf(kept, eyeY) / iod;
    out.scaleDrift = madOf(kept, [](const auto& s) { return s.iodPx; }) / iod;
    out.medianYawDeg = medianOf(kept, [](const auto& s) { return s.yawDeg; });
    const double roll = medianOf(kept, [](const auto& s) { return s.rollDeg; });
    std::ostringstream reason;
    if (out.keptFrames < m_settings.minFrames) {
        reason << "too much movement: only " << out.keptFrames << " steady frames; sit still and try again";
    } else if (out.driftIod > m_settings.maxDriftIod || out.scaleDrift > m_settings.maxScaleDrift) {
        reason << "the head moved too much during calibration; sit still for " << m_settings.seconds
               << " seconds and try again";
    } else if (std::abs(out.medianYawDeg) > m_settings.maxYawDeg) {
        reason << "the face is turned " << std::lround(std::abs(out.medianYawDeg))
               << " degrees away from the camera; face the screen, or move the camera in front of you";
    } else if (std::abs(roll) > m_settings.maxAbsRollDeg) {
        reason << "the head is tilted " << std::lround(std::abs(roll)) << " degrees; sit upright and try again";
    }
    out.reason = reason.str();
    if (!out.reason.empty()) return out;

    PostureBaseline baseline;
    baseline.iodPx = medianOf(kept, [](const auto& s) { return s.iodPx; });
    baseline.eyeLineYPx = medianOf(kept, eyeY);
    baseline.rollDeg = roll;
    baseline.pitchDeg = medianOf(kept, [](const auto& s) { return s.pitchDeg; });
    baseline.distanceCm = medianOf(kept, [](const auto& s) { return s.distanceCm; });
    baseline.frameWidth = m_frameSize.width;
    baseline.frameHeight = m_frameSize.height;
    out.baseline = baseline;
    return out;
}

}  // namespace posesmart
