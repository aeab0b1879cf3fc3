#include "analysis/BlinkRate.h"

#include <algorithm>

namespace posesmart {

namespace {
// A longer gap between frames adds no observed time (the stream stalled or was paused).
constexpr double kMaxFrameGapSec = 1.0;
}  // namespace

BlinkRate::BlinkRate(BlinkRateSettings settings) : m_settings(settings) {}

void BlinkRate::forgetOld(double now) {
    const double oldest = now - m_settings.windowSec;
    while (!m_blinks.empty() && m_blinks.front() <= oldest) m_blinks.pop_front();
    while (!m_observed.empty() && m_observed.front().first <= oldest) {
        m_observedSec -= m_observed.front().second;
        m_observed.pop_front();
    }
    m_observedSec = std::max(0.0, m_observedSec);
}

void BlinkRate::addFrame(double timestampSec, bool observed) {
    const double step = m_lastSec >= 0.0 ? timestampSec - m_lastSec : 0.0;
    m_lastSec = timestampSec;
    if (observed && step > 0.0 && step <= kMaxFrameGapSec) {
        m_observed.emplace_back(timestampSec, step);
        m_observedSec += step;
    }
    forgetOld(timestampSec);
}

void BlinkRate::addBlink(double timestampSec) {
    m_blinks.push_back(timestampSec);
}

double BlinkRate::perMinute() const {
    if (m_observedSec <= 0.0) return 0.0;
    return static_cast<double>(m_blinks.size()) * 60.0 / m_observedSec;
}

bool BlinkRate::low() const {
    return m_observedSec >= m_settings.minObservedShare * m_settings.windowSec && perMinute() < m_settings.lowPerMin;
}

}  // namespace posesmart
