#include "routine/RoutinePlayer.h"

#include <algorithm>
#include <cmath>

namespace posesmart {

RoutinePlayer::RoutinePlayer(Routine routine, PostureBaseline baseline, RoutinePlayerSettings settings)
    : m_routine(std::move(routine)),
      m_baseline(baseline),
      m_settings(settings),
      m_outcomes(m_routine.steps.size(), StepOutcome::Pending) {
    m_progress.finished = m_routine.steps.empty();
}

bool RoutinePlayer::eyesClosed(const FaceMeasurements& face) const {
    return m_openEar > 0.0 && (face.earLeft + face.earRight) / 2.0 < m_settings.eyesClosedShare * m_openEar;
}

void RoutinePlayer::learnOpenEyes(double timestampSec, const std::optional<FaceMeasurements>& face) {
    if (m_lastSec) m_openEar *= std::pow(1.0 - m_settings.openEyeForgetPerSec, timestampSec - *m_lastSec);
    if (face) m_openEar = std::max(m_openEar, (face->earLeft + face->earRight) / 2.0);
}

bool RoutinePlayer::onTarget(const RoutineStep& step, const std::optional<FaceMeasurements>& face) const {
    if (step.target == RoutineTarget::LookAway) {
        return !face || (!eyesClosed(*face) && face->poseValid && std::abs(face->yawDeg) >= step.amount);
    }
    if (!face) return false;
    const FaceMeasurements& f = *face;
    const double rollDelta = f.rollDeg - m_baseline.rollDeg;
    const double pitchDelta = f.pitchDeg - m_baseline.pitchDeg;
    switch (step.target) {
        case RoutineTarget::TiltRight:
            return rollDelta <= -step.amount;
        case RoutineTarget::TiltLeft:
            return rollDelta >= step.amount;
        case RoutineTarget::TurnLeft:
            return f.poseValid && f.yawDeg >= step.amount;
        case RoutineTarget::TurnRight:
            return f.poseValid && f.yawDeg <= -step.amount;
        case RoutineTarget::ChinTuck: {
            if (m_baseline.iodPx <= 0.0) return false;
            const double dropIod = (f.eyeLineCentre.y - m_baseline.eyeLineYPx) / m_baseline.iodPx;
            return f.iodPx <= (1.0 - step.amount) * m_baseline.iodPx && dropIod <= m_settings.chinTuckMaxDropIod;
        }
        case RoutineTarget::LookUp:
            return f.poseValid && pitchDelta <= -step.amount;
        case RoutineTarget::LookDown:
            return f.poseValid && pitchDelta >= step.amount;
        case RoutineTarget::EyesClosed:
            return eyesClosed(f);
        case RoutineTarget::LookAway:
            break;
    }
    return false;
}

void RoutinePlayer::endStep(double timestampSec, StepOutcome outcome) {
    m_outcomes[m_progress.step] = outcome;
    m_progress.stepEnded = m_progress.step;
    ++m_progress.step;
    m_progress.repetitionsDone = 0;
    m_progress.holdProgress = 0.0;
    m_progress.onTarget = false;
    m_progress.finished = m_progress.step >= m_routine.steps.size();
    m_stepStartSec = m_progress.finished ? std::nullopt : std::optional<double>(timestampSec);
    m_holdStartSec.reset();
    m_offSinceSec.reset();
    m_mustLetGo = false;
}

const RoutineProgress& RoutinePlayer::update(double timestampSec, const std::optional<FaceMeasurements>& face) {
    m_progress.stepEnded.reset();
    learnOpenEyes(timestampSec, face);
    m_lastSec = timestampSec;
    if (m_progress.finished) return m_progress;
    const RoutineStep& step = m_routine.steps[m_progress.step];
    if (!m_stepStartSec) m_stepStartSec = timestampSec;

    const bool on = onTarget(step, face);
    m_progress.onTarget = on;
    if (on) {
        m_offSinceSec.reset();
        if (!m_mustLetGo && !m_holdStartSec) m_holdStartSec = timestampSec;
    } else {
        if (!m_offSinceSec) m_offSinceSec = timestampSec;
        if (timestampSec - *m_offSinceSec >= m_settings.graceSec) {
            m_holdStartSec.reset();
            m_mustLetGo = false;
        }
    }
    m_progress.holdProgress = m_holdStartSec ? std::min(1.0, (timestampSec - *m_holdStartSec) / step.holdSec) : 0.0;
    // A hold ends on a frame in position: the grace bridges a slip, it does not lengthen the hold.
    if (on && m_holdStartSec && timestampSec - *m_holdStartSec >= step.holdSec) {
        ++m_progress.repetitionsDone;
        m_holdStartSec.reset();
        m_mustLetGo = true;
        if (m_progress.repetitionsDone >= step.repetitions) {
            endStep(timestampSec, StepOutcome::Done);
            return m_progress;
        }
        m_progress.holdProgress = 0.0;
    }
    if (timestampSec - *m_stepStartSec >= step.timeoutSec) endStep(timestampSec, StepOutcome::TimedOut);
    return m_progress;
}

void RoutinePlayer::skipStep(double timestampSec) {
    m_progress.stepEnded.reset();
    if (!m_progress.finished) endStep(timestampSec, StepOutcome::Skipped);
}

void RoutinePlayer::stop(double timestampSec) {
    while (!m_progress.finished) skipStep(timestampSec);
}

int RoutinePlayer::stepsDone() const {
    return static_cast<int>(std::count(m_outcomes.begin(), m_outcomes.end(), StepOutcome::Done));
}

bool RoutinePlayer::completed() const {
    return m_progress.finished && stepsDone() == static_cast<int>(m_outcomes.size());
}

}  // namespace posesmart
