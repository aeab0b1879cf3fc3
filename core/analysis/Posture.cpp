#include "analysis/Posture.h"

#include <cmath>

namespace posesmart {

std::string_view toString(PostureState state) {
    switch (state) {
        case PostureState::Good:
            return "good";
        case PostureState::ForwardHead:
            return "forward_head";
        case PostureState::Slouch:
            return "slouch";
        case PostureState::TooClose:
            return "too_close";
        case PostureState::Tilted:
            return "tilted";
        case PostureState::Away:
            return "away";
        case PostureState::Unknown:
            return "unknown";
    }
    return "unknown";
}

PostureReading classifyPosture(const FaceMeasurements& m, const PostureBaseline& baseline,
                               const PostureSettings& settings, PostureState current) {
    PostureReading r;
    r.distanceCm = baseline.distanceFor(m);
    if (std::abs(m.yawDeg) > settings.maxYawDeg || baseline.iodPx <= 0.0) {
        r.state = PostureState::Unknown;
        return r;
    }
    // The inter-ocular distance shrinks with yaw; undo that so a head turn does not read as
    // leaning back.
    const double yawCos = m.poseValid ? std::max(0.5, std::cos(m.yawDeg * CV_PI / 180.0)) : 1.0;
    r.scale = m.iodPx / yawCos / baseline.iodPx;
    r.dropIod = (m.eyeLineCentre.y - baseline.eyeLineYPx) / baseline.iodPx;
    // Tilt: the head leaning away from upright beyond the person's habitual roll. Between upright
    // and the calibrated roll is the person's own range (a talker's roll swings across it), so
    // only roll past it counts, and a head coming back toward upright never does.
    const double habitualLow = std::min(baseline.rollDeg, 0.0);
    const double habitualHigh = std::max(baseline.rollDeg, 0.0);
    r.rollDeltaDeg = m.rollDeg > habitualHigh  ? m.rollDeg - habitualHigh
                     : m.rollDeg < habitualLow ? m.rollDeg - habitualLow
                                               : 0.0;
    // The state being left needs its measure clearly back, not just under the entry threshold.
    const auto threshold = [&](PostureState state, double value) {
        return state == current ? value * settings.hysteresisShare : value;
    };
    const auto scaleThreshold = [&](PostureState state, double value) {
        return state == current ? 1.0 + (value - 1.0) * settings.hysteresisShare : value;
    };
    const bool closer =
        baseline.knownDistanceCm > 0.0
            ? r.distanceCm < (current == PostureState::TooClose ? settings.tooCloseCm / settings.hysteresisShare
                                                                : settings.tooCloseCm)
            : r.scale >= scaleThreshold(PostureState::TooClose, settings.tooCloseMinScale);
    if (r.scale >= scaleThreshold(PostureState::ForwardHead, settings.forwardMinScale) &&
        r.dropIod >= threshold(PostureState::ForwardHead, settings.forwardMinDropIod)) {
        r.state = PostureState::ForwardHead;
    } else if (r.dropIod >= threshold(PostureState::Slouch, settings.slouchMinDropIod)) {
        r.state = PostureState::Slouch;
    } else if (closer) {
        r.state = PostureState::TooClose;
    } else if (std::abs(r.rollDeltaDeg) >= threshold(PostureState::Tilted, settings.tiltMinDeg)) {
        r.state = PostureState::Tilted;
    } else {
        r.state = PostureState::Good;
    }
    return r;
}

PostureTracker::PostureTracker(PostureSettings settings) : m_settings(settings) {}

void PostureTracker::setBaseline(const std::optional<PostureBaseline>& baseline) {
    m_baseline = baseline;
    m_started = false;
}

PostureState PostureTracker::update(double timestampSec, const std::optional<FaceMeasurements>& m) {
    PostureState raw = PostureState::Unknown;
    if (!m) {
        raw = PostureState::Away;
        m_reading = PostureReading{PostureState::Away};
    } else if (m_baseline) {
        m_reading = classifyPosture(*m, *m_baseline, m_settings, m_state);
        raw = m_reading.state;
    } else {
        m_reading = PostureReading{};
        m_reading.distanceCm = m->distanceCm;
    }
    const double step = m_lastSec && timestampSec > *m_lastSec ? timestampSec - *m_lastSec : 0.0;
    m_lastSec = timestampSec;
    if (!m_started) {
        m_started = true;
        m_state = raw;
        m_leavingSinceSec.reset();
        return m_state;
    }
    if (raw == m_state) {
        m_leavingSinceSec.reset();
        return m_state;
    }
    // Leaving the state: the time counts from the first frame away from it, whichever other
    // states the frames show (a lean may read as forward head one frame and slouch the next);
    // the state that held longest in that time is the one reported.
    if (!m_leavingSinceSec || timestampSec < *m_leavingSinceSec) {
        m_leavingSinceSec = timestampSec;
        m_secondsIn.fill(0.0);
    }
    m_secondsIn[static_cast<std::size_t>(raw)] += step;
    auto next = raw;
    for (std::size_t i = 0; i < m_secondsIn.size(); ++i) {
        if (m_secondsIn[i] > m_secondsIn[static_cast<std::size_t>(next)]) next = static_cast<PostureState>(i);
    }
    const double needed = next == PostureState::Away ? m_settings.awayAfterSec : m_settings.minStateSec;
    if (timestampSec - *m_leavingSinceSec >= needed) {
        m_state = next;
        m_leavingSinceSec.reset();
    }
    return m_state;
}

}  // namespace posesmart
