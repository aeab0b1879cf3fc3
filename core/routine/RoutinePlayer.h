// RoutinePlayer: follows one run of a routine through the camera. Each frame (its time and the
// face measured on it, if any) is judged against the current step's target relative to the
// calibrated baseline; a step is done when its position was held for its hold time as often as
// it asks (letting go in between), and timed out when its time-out passes first. Driven only by
// frame timestamps.
#pragma once

#include "analysis/PostureCalibration.h"
#include "routine/Routine.h"

#include <optional>
#include <vector>

namespace posesmart {

struct RoutinePlayerSettings {
    // On-target readings jitter: the position counts as kept through off-target frames this short.
    double graceSec = 0.4;
    // Chin tuck: the eye line may not drop more than this (inter-ocular distances).
    double chinTuckMaxDropIod = 0.1;
    // Eyes are closed when the mean eye aspect ratio is under this share of the open eyes' ratio,
    // which is the highest recent ratio, forgotten by this share a second.
    double eyesClosedShare = 0.65;
    double openEyeForgetPerSec = 0.01;
};

enum class StepOutcome { Pending, Done, Skipped, TimedOut };

struct RoutineProgress {
    std::size_t step = 0;  // the current step; steps.size() once the routine is over
    int repetitionsDone = 0;
    double holdProgress = 0.0;  // 0..1 toward the current repetition's hold
    bool onTarget = false;
    bool finished = false;
    std::optional<std::size_t> stepEnded;  // a step that ended on this frame (see outcomes())
};

class RoutinePlayer {
public:
    RoutinePlayer(Routine routine, PostureBaseline baseline, RoutinePlayerSettings settings = {});
    // One frame; `face` empty when no face was measured.
    const RoutineProgress& update(double timestampSec, const std::optional<FaceMeasurements>& face);
    // The user moves on: the current step is skipped.
    void skipStep(double timestampSec);
    // Ended early: the current and remaining steps are skipped.
    void stop(double timestampSec);

    [[nodiscard]] const std::string& routineId() const { return m_routine.id; }
    [[nodiscard]] const RoutineStep& stepAt(std::size_t index) const { return m_routine.steps.at(index); }
    [[nodiscard]] const RoutineProgress& progress() const { return m_progress; }
    [[nodiscard]] const std::vector<StepOutcome>& outcomes() const { return m_outcomes; }
    [[nodiscard]] int stepsDone() const;
    // Every step done: the routine was finished, not just ended.
    [[nodiscard]] bool completed() const;

private:
    [[nodiscard]] bool onTarget(const RoutineStep& step, const std::optional<FaceMeasurements>& face) const;
    [[nodiscard]] bool eyesClosed(const FaceMeasurements& face) const;
    void learnOpenEyes(double timestampSec, const std::optional<FaceMeasurements>& face);
    void endStep(double timestampSec, StepOutcome outcome);

    Routine m_routine;
    PostureBaseline m_baseline;
    RoutinePlayerSettings m_settings;
    RoutineProgress m_progress;
    std::vector<StepOutcome> m_outcomes;
    std::optional<double> m_stepStartSec;  // the first frame of the current step
    std::optional<double> m_holdStartSec;  // the position is being held since
    std::optional<double> m_offSinceSec;   // off target since (within the grace)
    bool m_mustLetGo = false;              // a repetition was just done: leave the position first
    double m_openEar = 0.0;
    std::optional<double> m_lastSec;
};

}  // namespace posesmart
