#include "identity/IdentityCheck.h"

namespace posesmart {

std::string_view toString(IdentityState state) {
    switch (state) {
        case IdentityState::NobodyEnrolled:
            return "nobody_enrolled";
        case IdentityState::Checking:
            return "checking";
        case IdentityState::You:
            return "you";
        case IdentityState::AnotherPerson:
            return "another_person";
    }
    return "checking";
}

IdentityCheck::IdentityCheck(std::optional<FaceDescriptor> enrolled, IdentitySettings settings)
    : m_settings(settings),
      m_enrolled(enrolled),
      m_state(enrolled ? IdentityState::Checking : IdentityState::NobodyEnrolled) {}

void IdentityCheck::observe(double streamSec, bool faceInView) {
    m_faceInView = faceInView;
    if (!m_enrolled) return;
    const bool wasGone = m_lastFaceSec && streamSec - *m_lastFaceSec > m_settings.faceGoneSec;
    if (wasGone && m_state != IdentityState::Checking) {
        // Whoever is in view now may not be who was there before.
        m_state = IdentityState::Checking;
        m_nextCheckSec.reset();
        m_pendingSame.reset();
    }
    if (faceInView) m_lastFaceSec = streamSec;
}

bool IdentityCheck::due(double streamSec) const {
    return m_enrolled && m_faceInView && (!m_nextCheckSec || streamSec >= *m_nextCheckSec);
}

IdentityState IdentityCheck::report(double streamSec, const FaceDescriptor& seen) {
    if (!m_enrolled) return m_state;
    const double distance = descriptorDistance(*m_enrolled, seen);
    m_lastDistance = distance;
    const bool same = distance < m_settings.sameDistance;
    const IdentityState verdict = same ? IdentityState::You : IdentityState::AnotherPerson;
    if (m_state == IdentityState::Checking || verdict == m_state) {
        m_state = verdict;
        m_pendingSame.reset();
    } else if (m_pendingSame == same) {
        m_state = verdict;  // the second check in a row that disagrees with the verdict
        m_pendingSame.reset();
    } else {
        m_pendingSame = same;
    }
    if (m_state == IdentityState::You && distance < m_settings.updateDistance) {
        const auto share = static_cast<float>(m_settings.learnShare);
        for (std::size_t i = 0; i < seen.size(); ++i) (*m_enrolled)[i] += share * (seen[i] - (*m_enrolled)[i]);
        ++m_updates;
    }
    m_nextCheckSec = streamSec + (m_pendingSame ? m_settings.recheckAfterSec : m_settings.checkEverySec);
    return m_state;
}

}  // namespace posesmart
