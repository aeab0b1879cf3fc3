#include "analysis/BlinkDetector.h"

#include "common/Statistics.h"

#include <algorithm>
#include <numeric>

namespace posesmart {

namespace {

constexpr std::size_t kRememberedBlinkPeaks = 10;
constexpr double kHalfDepth = 0.5;  // an event's edges: where the score crosses half its peak

}  // namespace

BlinkDetector::BlinkDetector(BlinkSettings settings) : m_settings(settings) {}

void BlinkDetector::reset() {
    *this = BlinkDetector(m_settings);
}

void BlinkDetector::seedOpenEyes(double ear) {
    m_openEars.push_back(ear);
    m_openEarTimes.push_back(m_readSec);
}

double BlinkDetector::floorBeforeRise(const Scored& current) const {
    // Back from the current frame over the rise (each frame lower than the next), to its foot.
    auto it = m_recent.rbegin();
    while (it != m_recent.rend() && it->frame >= current.frame) ++it;
    double foot = current.score;
    for (; it != m_recent.rend() && it->frame > m_lastEventEnd && it->score < foot; ++it) foot = it->score;
    std::vector<double> before{foot};
    for (; it != m_recent.rend() && it->frame > m_lastEventEnd; ++it) before.push_back(it->score);
    return median(before);
}

double BlinkDetector::earBaseline() const {
    return median(m_openEars);
}

std::pair<double, double> BlinkDetector::threshold() const {
    std::vector<double> scores;
    scores.reserve(m_window.size());
    for (const auto& s : m_window) scores.push_back(s.score);
    const double centre = median(scores);
    for (double& s : scores) s = std::abs(s - centre);
    // The person's spread, blended with the prior while little of the person is known.
    const double readSec = m_window.empty() ? 0.0 : m_window.back().readSec - m_window.front().readSec;
    const double spread = (readSec * median(scores) + m_settings.priorWeightSec * m_settings.priorSpread) /
                          (readSec + m_settings.priorWeightSec);
    // The person's usual blink peak: the median of their recent blinks; while fewer than priorBlinks
    // are known, their mean with the prior peak standing in for the missing ones (a median of so
    // few would ignore the person's first blink).
    const auto known = static_cast<double>(m_blinkPeaks.size());
    const double wanted = std::max(0, m_settings.priorBlinks);
    const double usualPeak = known >= wanted ? median(m_blinkPeaks)
                                             : (std::accumulate(m_blinkPeaks.begin(), m_blinkPeaks.end(), 0.0) +
                                                (wanted - known) * m_settings.priorBlinkPeak) /
                                                   wanted;
    const double byPeaks = m_settings.blinkPeakShare * usualPeak;
    const double threshold = std::min(centre + m_settings.thresholdSpread * spread, byPeaks);
    return {std::clamp(threshold, m_settings.minThreshold, m_settings.maxThreshold), centre};
}

void BlinkDetector::forgetOld() {
    const double oldest = m_readSec - m_settings.baselineWindowSec;
    while (!m_window.empty() && m_window.front().readSec < oldest) m_window.pop_front();
    while (!m_openEarTimes.empty() && m_openEarTimes.front() < oldest) {
        m_openEarTimes.pop_front();
        m_openEars.pop_front();
    }
    const double now = m_recent.empty() ? 0.0 : m_recent.back().timestampSec;
    while (!m_recent.empty() && m_recent.front().timestampSec < now - m_settings.maxBlinkSec) m_recent.pop_front();
}

void BlinkDetector::finishEvent(BlinkUpdate& update) {
    const Event event = *m_event;
    m_event.reset();
    m_lastEventEnd = event.last.frame;
    // The lids' movement starts where the score first reaches half its peak.
    auto first = event.closing.begin();
    while (first != event.closing.end() && first->score < kHalfDepth * event.peakScore) ++first;
    if (first == event.closing.end()) first = event.closing.begin();
    double minEar = first->ear;
    for (auto it = first; it != event.closing.end() && it->frame <= event.last.frame; ++it)
        minEar = std::min(minEar, it->ear);
    const double durationSec = event.last.timestampSec - first->timestampSec;
    if (durationSec > m_settings.maxBlinkSec) {
        update.closure = EyeClosure{first->frame, event.last.frame, first->timestampSec, event.last.timestampSec};
        return;
    }
    Blink blink;
    blink.startFrame = first->frame;
    blink.endFrame = event.last.frame;
    blink.startSec = first->timestampSec;
    blink.endSec = event.last.timestampSec;
    // The event covers whole frames: its last frame lasts until the next one.
    blink.durationMs = (durationSec + m_frameSec) * 1000.0;
    if (blink.durationMs < m_settings.minBlinkSec * 1000.0) return;  // a flicker of the landmarks
    blink.minEar = minEar;
    blink.complete = m_blinkPeaks.empty() || event.peakScore >= m_settings.completeShare * median(m_blinkPeaks);
    m_blinkPeaks.push_back(event.peakScore);
    if (m_blinkPeaks.size() > kRememberedBlinkPeaks) m_blinkPeaks.pop_front();
    update.blink = blink;
}

void BlinkDetector::startEvent(const Scored& scored, double reopen) {
    // The event began where the score started its rise, above the re-opening level.
    Event event{.closing = {scored},
                .last = scored,
                .lastClosed = scored,
                .reopenedSec = std::nullopt,
                .peakScore = scored.score};
    double later = scored.score;
    for (auto it = m_recent.rbegin();
         it != m_recent.rend() && it->score >= reopen && it->score < later && it->frame > m_lastEventEnd; ++it) {
        later = it->score;
        event.closing.insert(event.closing.begin(), *it);
    }
    m_event = std::move(event);
}

void BlinkDetector::continueEvent(const Scored& scored, double reopen, BlinkUpdate& out) {
    Event& event = *m_event;
    const double now = scored.timestampSec;
    if (scored.score >= std::max(reopen, m_settings.reopenPeakShare * event.peakScore)) {
        event.reopenedSec.reset();
        event.last = scored;
        event.closing.push_back(scored);
        event.peakScore = std::max(event.peakScore, scored.score);
        if (scored.score >= m_settings.closedPeakShare * event.peakScore) event.lastClosed = scored;
        if (now - event.lastClosed.timestampSec >= m_settings.settleSec) {
            event.last = event.lastClosed;
            finishEvent(out);
        }
    } else if (!event.reopenedSec) {
        event.reopenedSec = now;
    } else if (now - *event.reopenedSec >= m_settings.confirmSec) {
        finishEvent(out);
    }
}

BlinkUpdate BlinkDetector::update(const EyeSample& sample) {
    BlinkUpdate out;
    const double now = sample.timestampSec;
    if (m_lastSec && now < *m_lastSec) {  // time went back: a new stream
        m_event.reset();
        m_lastUsableSec.reset();
    }
    if (m_lastSec && (now < *m_lastSec || now - *m_lastSec > m_settings.maxFrameGapSec)) {
        m_recent.clear();
        m_lastOpenSec.reset();
    }
    m_lastSec = now;
    // An event paused by unreadable frames or a stall: the eyes were seen closing, so it is
    // reported, as unreadable, once they have not been read for too long.
    if (m_event && m_lastUsableSec && now - *m_lastUsableSec > m_settings.unreadableAfterSec) {
        const Event& event = *m_event;
        out.unreadable = EyeClosure{event.closing.front().frame, event.last.frame, event.closing.front().timestampSec,
                                    event.last.timestampSec};
        m_lastEventEnd = event.last.frame;
        m_event.reset();
        m_armed = false;
    }
    if (!sample.usable) {
        // A lost or turned face says nothing about the lids: nothing new starts until the eyes
        // are seen open again; an event in progress waits for them.
        m_recent.clear();
        m_lastOpenSec.reset();
        if (!m_event) m_armed = false;
        return out;
    }
    const double frameSec =
        m_lastUsableSec && now - *m_lastUsableSec <= m_settings.maxFrameGapSec ? now - *m_lastUsableSec : 0.0;
    m_lastUsableSec = now;
    if (!m_lastOpenSec) m_lastOpenSec = now;
    m_readSec += frameSec;
    if (frameSec > 0.0) m_frameSec = frameSec;

    const double ear = (sample.earLeft + sample.earRight) / 2.0;
    const double baseline = m_openEars.empty() ? ear : earBaseline();
    const double earDrop = baseline > 0.0 ? std::max(0.0, 1.0 - ear / baseline) : 0.0;
    const double appearance = (sample.appearanceClosure[0] + sample.appearanceClosure[1]) / 2.0;
    out.score = sample.hasAppearance ? 0.5 * earDrop + 0.5 * appearance : earDrop;
    const Scored scored{sample.frame, now, m_readSec, out.score, ear};
    m_window.push_back(scored);
    m_recent.push_back(scored);
    forgetOld();
    const auto [level, centre] = threshold();
    out.threshold = level;
    const double reopen = m_settings.reopenShare * level;

    if (m_event) {
        continueEvent(scored, reopen, out);
    } else if (!m_armed) {
        m_armed = out.score < reopen;
    } else if (out.score >= level &&
               out.score - floorBeforeRise(scored) >= std::max(m_settings.minRise, level - centre)) {
        m_recent.pop_back();  // the event's own frame is not part of the rise before it
        startEvent(scored, reopen);
        m_recent.push_back(scored);
    }
    out.eyesOpen = !m_event && out.score < reopen;
    if (out.eyesOpen) {
        m_openEars.push_back(ear);
        m_openEarTimes.push_back(m_readSec);
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
    return out;
}

}  // namespace posesmart
