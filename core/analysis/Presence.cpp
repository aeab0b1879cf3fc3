#include "analysis/Presence.h"

namespace posesmart {

PresenceTracker::PresenceTracker(PresenceSettings settings) : m_settings(settings) {}

PresenceUpdate PresenceTracker::update(double timestampSec, bool faceSeen) {
    PresenceUpdate out;
    if (m_present && m_lastSec) m_presentSec += timestampSec - *m_lastSec;
    m_lastSec = timestampSec;
    if (faceSeen) {
        const double awaySec = m_lastFaceSec ? timestampSec - *m_lastFaceSec : 0.0;
        if (!m_lastFaceSec || awaySec >= m_settings.breakSec) {
            if (m_lastFaceSec) out.breakTaken = BreakTaken{*m_lastFaceSec, timestampSec};
            m_sittingSinceSec = timestampSec;
            m_screenSinceSec = timestampSec;
        } else if (awaySec >= m_settings.lookAwayRestSec) {
            m_screenSinceSec = timestampSec;
        }
        m_lastFaceSec = timestampSec;
        m_present = true;
    } else if (m_present && m_lastFaceSec && timestampSec - *m_lastFaceSec > m_settings.bridgeSec) {
        m_present = false;
    }
    out.present = m_present;
    return out;
}

double PresenceTracker::sittingSec(double timestampSec) const {
    return m_present ? timestampSec - m_sittingSinceSec : 0.0;
}

double PresenceTracker::screenSec(double timestampSec) const {
    return m_present ? timestampSec - m_screenSinceSec : 0.0;
}

void PresenceTracker::restTaken(double timestampSec) {
    m_screenSinceSec = timestampSec;
}

void PresenceTracker::breakTaken(double timestampSec) {
    m_sittingSinceSec = timestampSec;
    m_screenSinceSec = timestampSec;
}

}  // namespace posesmart
