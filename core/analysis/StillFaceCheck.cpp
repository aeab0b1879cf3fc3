#include "analysis/StillFaceCheck.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace posesmart {

StillFaceCheck::StillFaceCheck(StillFaceSettings settings) : m_settings(settings) {}

StillFaceCheck::Place StillFaceCheck::smoothed() const {
    Place p;
    int poses = 0;
    double pitch = 0.0;
    double yaw = 0.0;
    const auto n = static_cast<double>(m_window.size());
    for (const Sample& s : m_window) {
        for (std::size_t i = 0; i < kLandmarkCount; ++i) p.landmarks[i] += s.landmarks[i] / static_cast<float>(n);
        p.iodPx += s.measurements.iodPx / n;
        p.rollDeg += s.measurements.rollDeg / n;
        if (s.measurements.poseValid) {
            pitch += s.measurements.pitchDeg;
            yaw += s.measurements.yawDeg;
            ++poses;
        }
    }
    p.pitchDeg = poses > 0 ? pitch / poses : std::numeric_limits<double>::quiet_NaN();
    p.yawDeg = poses > 0 ? yaw / poses : std::numeric_limits<double>::quiet_NaN();
    return p;
}

bool StillFaceCheck::moved(const Place& now) const {
    const Place& ref = *m_reference;
    double sum = 0.0;
    for (std::size_t i = 0; i < kLandmarkCount; ++i) {
        const cv::Point2f d = now.landmarks[i] - ref.landmarks[i];
        sum += std::sqrt(d.dot(d));
    }
    if (sum / static_cast<double>(kLandmarkCount) / std::max(1.0, ref.iodPx) > m_settings.landmarkNoiseIod) return true;
    if (std::abs(now.rollDeg - ref.rollDeg) > m_settings.poseNoiseDeg) return true;
    // A pose missing on either side compares as NaN: no evidence of motion.
    return std::abs(now.pitchDeg - ref.pitchDeg) > m_settings.poseNoiseDeg ||
           std::abs(now.yawDeg - ref.yawDeg) > m_settings.poseNoiseDeg;
}

void StillFaceCheck::restart(double timestampSec) {
    m_stillSinceSec = timestampSec;
    m_reference.reset();
    m_picture = false;
    while (m_window.size() > 1) m_window.pop_front();  // the frame that moved starts the new place
}

void StillFaceCheck::update(double timestampSec, const std::optional<Landmarks>& landmarks,
                            const std::optional<FaceMeasurements>& measurements, bool blinked) {
    if (!landmarks || !measurements) {
        if (!m_lastFaceSec || timestampSec - *m_lastFaceSec > m_settings.faceLostSec) {
            m_stillSinceSec.reset();
            m_reference.reset();
            m_window.clear();
            m_picture = false;
        }
        return;
    }
    m_lastFaceSec = timestampSec;
    m_window.push_back({timestampSec, *landmarks, *measurements});
    while (timestampSec - m_window.front().timestampSec > m_settings.smoothSec) m_window.pop_front();
    if (!m_stillSinceSec || blinked) {
        restart(timestampSec);
        return;
    }
    // The window covers the stretch's first second: that is where the face is said to be.
    const bool windowFull = timestampSec - *m_stillSinceSec >= m_settings.smoothSec;
    if (!windowFull) return;
    const Place now = smoothed();
    if (!m_reference) {
        m_reference = now;
    } else if (moved(now)) {
        restart(timestampSec);
        return;
    }
    if (timestampSec - *m_stillSinceSec >= m_settings.pictureAfterSec) m_picture = true;
}

}  // namespace posesmart
