#include "analysis/BaselineFit.h"

#include <algorithm>

namespace posesmart {

namespace {

// Posture states that say something about the baseline: the face was seen, frontal and judged.
bool measured(PostureState state) {
    return state != PostureState::Away && state != PostureState::Unknown;
}

}  // namespace

BaselineFit::BaselineFit(BaselineFitSettings settings) : m_settings(settings) {}

void BaselineFit::reset() {
    m_spans.clear();
    m_measuredSec = 0.0;
    m_offSec = 0.0;
    m_started = false;
}

bool BaselineFit::update(double streamSec, PostureState state) {
    const double step = m_started ? std::clamp(streamSec - m_lastSec, 0.0, m_settings.maxStepSec) : 0.0;
    m_started = true;
    m_lastSec = streamSec;
    if (measured(state) && step > 0.0) {
        const bool off = state != PostureState::Good;
        if (!m_spans.empty() && m_spans.back().off == off) {
            m_spans.back().endSec += step;
        } else {
            m_spans.push_back({streamSec - step, streamSec, off});
        }
        m_measuredSec += step;
        if (off) m_offSec += step;
        // The window is measured time: drop the oldest spans beyond it.
        dropBefore(m_measuredSec - m_settings.windowSec);
    }
    if (m_measuredSec < m_settings.minMeasuredSec || offShare() < m_settings.offShare) return false;
    if (m_reminded && streamSec - m_lastReminderSec < m_settings.remindEverySec) return false;
    m_reminded = true;
    m_lastReminderSec = streamSec;
    return true;
}

void BaselineFit::dropBefore(double excessSec) {
    // `excessSec`: how much measured time is beyond the window, taken from the oldest spans.
    while (excessSec > 0.0 && !m_spans.empty()) {
        Span& oldest = m_spans.front();
        const double take = std::min(excessSec, oldest.endSec - oldest.startSec);
        oldest.startSec += take;
        m_measuredSec -= take;
        if (oldest.off) m_offSec -= take;
        excessSec -= take;
        if (oldest.endSec - oldest.startSec <= 0.0) m_spans.pop_front();
    }
}

double BaselineFit::offShare() const {
    return m_measuredSec > 0.0 ? m_offSec / m_measuredSec : 0.0;
}

}  // namespace posesmart
