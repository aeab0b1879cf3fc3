#include "analysis/PostureCalibration.h"

#include "common/Statistics.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>
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

std::vector<FaceMeasurements> PostureCalibrator::steadyGroup() const {
    // Each frame proposes the group of frames near it; the largest group wins (ties: the earlier).
    const auto near = [&](const FaceMeasurements& centre, const FaceMeasurements& s) {
        return std::abs(s.eyeLineCentre.y - centre.eyeLineCentre.y) <= m_settings.steadyEyeLineIod * centre.iodPx &&
               std::abs(s.iodPx / centre.iodPx - 1.0) <= m_settings.steadyScale;
    };
    std::size_t best = 0;
    std::ptrdiff_t bestCount = -1;
    for (std::size_t i = 0; i < m_samples.size(); ++i) {
        const auto count = std::count_if(m_samples.begin(), m_samples.end(),
                                         [&](const FaceMeasurements& s) { return near(m_samples[i], s); });
        if (count > bestCount) {
            bestCount = count;
            best = i;
        }
    }
    std::vector<FaceMeasurements> group;
    if (m_samples.empty()) return group;
    std::copy_if(m_samples.begin(), m_samples.end(), std::back_inserter(group),
                 [&](const FaceMeasurements& s) { return near(m_samples[best], s); });
    return group;
}

CalibrationResult PostureCalibrator::finish() const {
    CalibrationResult out;
    out.frames = m_frames;
    out.faceFrames = static_cast<int>(m_samples.size());
    const std::vector<FaceMeasurements> kept = steadyGroup();
    out.keptFrames = static_cast<int>(kept.size());
    out.steadyShare = m_frames > 0 ? static_cast<double>(out.keptFrames) / m_frames : 0.0;
    const double faceShare = m_frames > 0 ? static_cast<double>(out.faceFrames) / m_frames : 0.0;
    std::ostringstream reason;
    if (m_frames < m_settings.minFrames) {
        // A photo, or a clip too short: nothing to do with where the person sat.
        reason << "only " << m_frames << (m_frames == 1 ? " picture was" : " pictures were")
               << " seen while calibrating; it needs at least " << m_settings.minFrames << " (" << m_settings.seconds
               << " seconds of the camera, or of a video)";
        out.reason = reason.str();
        return out;
    }
    if (out.faceFrames < m_settings.minFrames || faceShare < m_settings.minSteadyShare) {
        reason << "a face was seen in " << out.faceFrames << " of " << m_frames
               << " frames: sit in front of the camera, face in view, and try again";
        out.reason = reason.str();
        return out;
    }
    const double iod = medianOf(kept, [](const auto& s) { return s.iodPx; });
    const auto eyeY = [](const FaceMeasurements& s) { return static_cast<double>(s.eyeLineCentre.y); };
    out.driftIod = madOf(kept, eyeY) / iod;
    out.scaleDrift = madOf(kept, [](const auto& s) { return s.iodPx; }) / iod;
    out.medianYawDeg = medianOf(kept, [](const auto& s) { return s.yawDeg; });
    const double roll = medianOf(kept, [](const auto& s) { return s.rollDeg; });
    if (out.keptFrames < m_settings.minFrames || out.steadyShare < m_settings.minSteadyShare) {
        reason << "you were out of your usual place for " << std::lround(100.0 * (1.0 - out.steadyShare))
               << "% of the time (leaning in or out, or moving around); sit as you usually do for "
               << m_settings.seconds << " seconds and try again";
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
