#include "capture/CameraRelease.h"

#include "common/Error.h"

#include <cmath>

namespace posesmart {

namespace {

// Start of the probe period holding `now` (>= releasedSec): releasedSec itself before the first
// probe, else the start of the latest probe.
double periodStart(double now, double releasedSec, double probeEverySec) {
    double start = releasedSec + std::floor((now - releasedSec) / probeEverySec) * probeEverySec;
    if (start > now) start -= probeEverySec;  // rounding in the division
    return start;
}

}  // namespace

CameraReleasePolicy::CameraReleasePolicy(CameraReleaseSettings settings) : m_settings(settings) {
    if (!(settings.nobodyReleaseSec > 0.0 && settings.probeSec > 0.0 && settings.probeEverySec > settings.probeSec)) {
        throw Error(ErrorKind::BadArgument,
                    "camera release needs nobodyReleaseSec > 0 and probeEverySec > probeSec > 0");
    }
}

void CameraReleasePolicy::setPaused(bool paused) {
    if (paused != m_paused) m_nobodySinceSec.reset();
    m_paused = paused;
}

void CameraReleasePolicy::setForeignUse(bool inUse) {
    if (inUse != m_foreignUse) m_nobodySinceSec.reset();
    m_foreignUse = inUse;
}

void CameraReleasePolicy::observe(double now, bool faceInView) {
    if (m_paused || m_foreignUse) return;
    if (faceInView || !m_nobodySinceSec) m_nobodySinceSec = now;
}

CameraReleaseReason CameraReleasePolicy::reason(double now) const {
    if (m_paused) return CameraReleaseReason::Paused;
    if (m_foreignUse) return CameraReleaseReason::OtherApplication;
    if (!m_nobodySinceSec) return CameraReleaseReason::None;
    const double releasedSec = *m_nobodySinceSec + m_settings.nobodyReleaseSec;
    if (now < releasedSec) return CameraReleaseReason::None;
    const double start = periodStart(now, releasedSec, m_settings.probeEverySec);
    const bool probing = start > releasedSec && now < start + m_settings.probeSec;
    return probing ? CameraReleaseReason::None : CameraReleaseReason::NobodyInView;
}

std::optional<double> CameraReleasePolicy::nextWakeSec(double now) const {
    if (m_paused || m_foreignUse || !m_nobodySinceSec) return std::nullopt;
    const double releasedSec = *m_nobodySinceSec + m_settings.nobodyReleaseSec;
    if (now < releasedSec) return releasedSec;
    const double start = periodStart(now, releasedSec, m_settings.probeEverySec);
    if (start > releasedSec && now < start + m_settings.probeSec) return start + m_settings.probeSec;
    return start + m_settings.probeEverySec;
}

}  // namespace posesmart
