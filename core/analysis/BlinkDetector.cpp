#include "analysis/BlinkDetector.h"

#include "common/Statistics.h"

#include <algorithm>

namespace posesmart {

namespace {

constexpr std::size_t kRememberedBlinkPeaks = 10;

}  // namespace

BlinkDetector::BlinkDetector(BlinkSettings settings) : m_settings(settings) {}

void BlinkDetector::reset() {
    *this = BlinkDetector(m_settings);
}

double BlinkDetector::lowestSinceLastEvent(double current) const {
    double lowest = current;
    for (const auto& s : m_recent) {
        if (s.frame > m_lastEventEnd) lowest = std::min(lowest, s.score);
    }
    return lowest;
}

double BlinkDetector::earBaseline() const {
    return median(m_openEars);
}

double BlinkDetector::threshold() const {
    std::vector<double> scores;
    scores.reserve(m_window.size());
    for (const auto& s : m_window) scores.push_back(s.score);
    const double centre = median(scores);
    for (double& s : scores) s = std::abs(s - centre);
    const double spread = median(scores);
    return std::clamp(centre + m_settings.thresholdSpread * spread, m_settings.minThreshold, m_settings.maxThreshold);
}

void BlinkDetector::forgetOld(double now) {
    const double oldest = now - m_settings.baselineWindowSec;
    while (!m_window.empty() && m_window.front().timestampSec < oldest) m_window.pop_front();
    while (!m_openEarTimes.empty() && m_openEarTimes.front() < oldest) {
        m_openEarTimes.pop_front();
        m_openEars.pop_front();
    }
    while (!m_recent.empty() && m_recent.front().timestampSec < now - m_settings.maxBlinkSec) m_recent.pop_front();
}

std::optional<Blink> BlinkDetector::finishEvent(BlinkUpdate& update) {
    const Event event = *m_event;
    m_event.reset();
    m_lastEventEnd = event.last.frame;
    const double durationSec = event.last.timestampSec - event.startSec;
    if (durationSec > m_settings.maxBlinkSec) {
        update.closure = EyeClosure{event.startFrame, event.last.frame, event.startSec, event.last.timestampSec};
        return std::nullopt;
    }
    Blink blink;
    blink.startFrame = event.startFrame;
    blink.endFrame = event.last.frame;
    blink.startSec = event.startSec;
    blink.endSec = event.last.timestampSec;
    // The event covers whole frames: its last frame lasts until the next one.
    blink.durationMs = (durationSec + m_frameSec) * 1000.0;
    blink.minEar = event.minEar;
    blink.complete = m_blinkPeaks.empty() || event.peakScore >= m_settings.completeShare * median(m_blinkPeaks);
    m_blinkPeaks.push_back(event.peakScore);
    if (m_blinkPeaks.size() > kRememberedBlinkPeaks) m_blinkPeaks.pop_front();
    return blink;
}

BlinkUpdate BlinkDetector::update(const EyeSample& sample) {
    BlinkUpdate out;
    const double now = sample.timestampSec;
    const bool gap = m_lastSec && (now - *m_lastSec > m_settings.maxFrameGapSec || now < *m_lastSec);
    const double frameSec = m_lastSec && !gap ? now - *m_lastSec : 0.0;
    m_lastSec = now;
    if (gap) {
        m_event.reset();
        m_recent.clear();
        m_lastOpenSec.reset();
    }
    if (!sample.usable) {
        // A lost, turned or fast-moving face says nothing about the lids: whatever was going on is
        // dropped, and nothing starts again until the eyes are seen open.
        m_event.reset();
        m_recent.clear();
        m_lastOpenSec.reset();
        m_armed = false;
        return out;
    }
    if (!m_lastOpenSec) m_lastOpenSec = now;
    m_usableSec += frameSec;
    if (frameSec > 0.0) m_frameSec = frameSec;

    const double ear = (sample.earLeft + sample.earRight) / 2.0;
    const double baseline = m_openEars.empty() ? ear : earBaseline();
    const double earDrop = baseline > 0.0 ? std::max(0.0, 1.0 - ear / baseline) : 0.0;
    const double appearance = (sample.appearanceClosure[0] + sample.appearanceClosure[1]) / 2.0;
    out.score = sample.hasAppearance ? 0.5 * earDrop + 0.5 * appearance : earDrop;
    const Scored scored{sample.frame, now, out.score, ear};
    m_window.push_back(scored);
    forgetOld(now);
    out.threshold = threshold();
    const double reopen = m_settings.reopenShare * out.threshold;

    if (m_usableSec >= m_settings.warmUpSec) {
        if (m_event) {
            if (out.score >= std::max(reopen, m_settings.reopenPeakShare * m_event->peakScore)) {
                m_event->reopenedSec.reset();
                m_event->last = scored;
                m_event->peakScore = std::max(m_event->peakScore, out.score);
                m_event->minEar = std::min(m_event->minEar, ear);
                if (out.score >= m_settings.closedPeakShare * m_event->peakScore) m_event->lastClosed = scored;
                if (now - m_event->lastClosed.timestampSec >= m_settings.settleSec) {
                    m_event->last = m_event->lastClosed;
                    out.blink = finishEvent(out);
                }
            } else if (!m_event->reopenedSec) {
                m_event->reopenedSec = now;
            } else if (now - *m_event->reopenedSec >= m_settings.confirmSec) {
                out.blink = finishEvent(out);
            }
        } else if (!m_armed) {
            m_armed = out.score < reopen;
        } else if (out.score >= out.threshold && out.score - lowestSinceLastEvent(out.score) >= out.threshold) {
            // The event began where the score started its rise, above the re-opening level.
            Event event{.startFrame = sample.frame,
                        .startSec = now,
                        .last = scored,
                        .lastClosed = scored,
                        .reopenedSec = std::nullopt,
                        .peakScore = out.score,
                        .minEar = ear};
            double later = out.score;
            for (auto it = m_recent.rbegin();
                 it != m_recent.rend() && it->score >= reopen && it->score < later && it->frame > m_lastEventEnd;
                 ++it) {
                later = it->score;
                event.startFrame = it->frame;
                event.startSec = it->timestampSec;
                event.peakScore = std::max(event.peakScore, it->score);
                event.minEar = std::min(event.minEar, it->ear);
            }
            m_event = event;
        }
    }
    out.eyesOpen = !m_event && out.score < reopen;
    if (out.eyesOpen) {
        m_openEars.push_back(ear);
        m_openEarTimes.push_back(now);
        m_lastOpenSec = now;
    } else if (now - *m_lastOpenSec > m_settings.appearanceChangeSec && earDrop < reopen && !out.blink) {
        // No open eyes seen for this long while the eye aspect ratio says they are open: the eyes'
        // look changed (light, glasses, gaze), whether or not an event is running. Start afresh.
        m_event.reset();
        m_armed = true;
        m_lastEventEnd = sample.frame;
        m_lastOpenSec = now;
        out.relearnAppearance = true;
    }
    m_recent.push_back(scored);
    return out;
}

}  // namespace posesmart
