#include "analysis/BlinkReader.h"

#include "common/Statistics.h"

#include <algorithm>
#include <cmath>

namespace posesmart {

namespace {

double meanEar(const EyeFrame& f) {
    return (f.earLeft + f.earRight) / 2.0;
}

bool hasEvent(const BlinkUpdate& u) {
    return u.blink || u.closure || u.unreadable;
}

}  // namespace

BlinkReader::BlinkReader(BlinkReaderSettings settings) : m_settings(settings), m_detector(settings.detector) {}

BlinkUpdate BlinkReader::read(const EyeFrame& frame) {
    EyeSample sample;
    sample.frame = frame.frame;
    sample.timestampSec = frame.timestampSec;
    sample.usable = frame.usable && !frame.patches.empty();
    if (sample.usable) {
        sample.earLeft = frame.earLeft;
        sample.earRight = frame.earRight;
        sample.appearanceClosure = m_appearance.closure(frame.patches);
        sample.hasAppearance = m_appearance.hasTemplate();
    }
    const double frameSec = m_lastSec && frame.timestampSec > *m_lastSec ? frame.timestampSec - *m_lastSec : 0.0;
    m_lastSec = frame.timestampSec;
    const BlinkUpdate update = m_detector.update(sample);
    if (update.relearnAppearance) {
        m_appearance.learn(frame.patches, 1.0);
    } else if (update.eyesOpen && frameSec > 0.0) {
        m_appearance.learn(frame.patches, 1.0 - std::exp(-frameSec / m_settings.appearanceLearnSec));
    }
    return update;
}

void BlinkReader::chooseReference() {
    std::vector<double> ears;
    for (const auto& f : m_held) {
        if (f.usable && !f.patches.empty()) ears.push_back(meanEar(f));
    }
    const double open = m_settings.openShare * quantile(ears, 0.9);
    int learnt = 0;
    for (const auto& f : m_held) {
        if (!f.usable || f.patches.empty() || meanEar(f) < open) continue;
        ++learnt;
        m_appearance.learn(f.patches, 1.0 / learnt);  // the mean of the most open frames
        m_detector.seedOpenEyes(meanEar(f));
    }
}

void BlinkReader::queue(const BlinkUpdate& update) {
    if (!hasEvent(update)) return;
    BlinkUpdate events;
    events.blink = update.blink;
    events.closure = update.closure;
    events.unreadable = update.unreadable;
    m_queue.push_back(events);
}

BlinkUpdate BlinkReader::update(const EyeFrame& frame) {
    BlinkUpdate out;
    if (m_started) {
        out = read(frame);
    } else if (frame.usable || !m_held.empty()) {
        m_held.push_back(frame);
        if (!frame.usable) m_held.back().patches = {};  // never read: keep the hold small
        double readSec = 0.0;
        int usable = 0;
        int open = 0;
        for (std::size_t i = 0; i < m_held.size(); ++i) {
            if (!m_held[i].usable) continue;
            ++usable;
            open += meanEar(m_held[i]) >= m_settings.priorOpenEar ? 1 : 0;
            if (i > 0 && m_held[i - 1].usable) readSec += m_held[i].timestampSec - m_held[i - 1].timestampSec;
        }
        const bool seenOpen = open >= m_settings.minOpenShare * usable;
        const double spanSec = frame.timestampSec - m_held.front().timestampSec;
        const bool enough = readSec >= m_settings.holdSec && (seenOpen || readSec >= m_settings.maxHoldSec);
        if (!enough && spanSec < m_settings.maxHoldSpanSec) return out;
        m_started = true;
        chooseReference();
        m_lastSec.reset();
        const std::vector<EyeFrame> held = std::move(m_held);
        m_held.clear();
        for (std::size_t i = 0; i + 1 < held.size(); ++i) queue(read(held[i]));
        out = read(held.back());
    }
    // One event per frame, in order: those found in the held frames first.
    if (m_queue.empty()) return out;
    queue(out);
    BlinkUpdate next = m_queue.front();
    m_queue.pop_front();
    out.blink = next.blink;
    out.closure = next.closure;
    out.unreadable = next.unreadable;
    return out;
}

}  // namespace posesmart
