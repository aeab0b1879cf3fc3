#include "capture/AnalysisRate.h"

#include <algorithm>

namespace posesmart {

namespace {
constexpr double kFullFps = 30.0;
constexpr double kBatteryFps = 15.0;
constexpr double kJitterShare = 0.25;
}  // namespace

double analysisFps(AnalysisRateSetting setting, PowerSource power) {
    switch (setting) {
        case AnalysisRateSetting::Thirty:
            return kFullFps;
        case AnalysisRateSetting::Fifteen:
            return kBatteryFps;
        case AnalysisRateSetting::Automatic:
            break;
    }
    return power == PowerSource::Battery ? kBatteryFps : kFullFps;
}

void FrameThinner::setFps(double fps) {
    const double interval = fps > 0.0 ? 1.0 / fps : 0.0;
    if (interval != m_intervalSec) m_nextDueSec.reset();  // a new grid from the next frame
    m_intervalSec = interval;
}

bool FrameThinner::keep(double timestampSec) {
    const bool restart = !m_nextDueSec || timestampSec > *m_nextDueSec + m_intervalSec ||
                         timestampSec < *m_nextDueSec - 2.0 * m_intervalSec;
    if (restart) {
        m_nextDueSec = timestampSec + m_intervalSec;
        return true;
    }
    if (timestampSec < *m_nextDueSec - kJitterShare * m_intervalSec) return false;
    // On the grid, but a whole interval after a late frame: no catching up after lost frames.
    *m_nextDueSec = std::max(*m_nextDueSec, timestampSec) + m_intervalSec;
    return true;
}

}  // namespace posesmart
