// BaselineFit: notices when the posture baseline has stopped fitting the user (the camera was
// moved, a new desk or chair): the measured posture has read as off for most of the recent
// sitting time. It then suggests a recalibration, at most once per reminder interval. Driven by
// stream timestamps only, like the rest of the engine.
#pragma once

#include "analysis/Posture.h"

#include <deque>

namespace posesmart {

struct BaselineFitSettings {
    double windowSec = 20.0 * 60.0;       // the recent sitting time looked at
    double minMeasuredSec = 10.0 * 60.0;  // of measured posture in the window before judging
    double offShare = 0.8;                // of it off (not good) to suggest recalibrating
    double remindEverySec = 2.0 * 3600.0;
    double maxStepSec = 1.0;  // a gap between frames counts at most this long
};

class BaselineFit {
public:
    explicit BaselineFit(BaselineFitSettings settings = {});

    // A new baseline (or none): forget what was seen against the old one.
    void reset();
    // Call on every frame with the reported posture; true when a recalibration should be suggested now.
    bool update(double streamSec, PostureState state);
    // Share of the measured time in the window that read as off (0 when nothing was measured).
    [[nodiscard]] double offShare() const;
    [[nodiscard]] double measuredSec() const { return m_measuredSec; }

private:
    struct Span {
        double startSec;
        double endSec;
        bool off;
    };
    void dropBefore(double excessSec);

    BaselineFitSettings m_settings;
    std::deque<Span> m_spans;  // measured time only, oldest first, neighbours of equal kind merged
    double m_measuredSec = 0.0;
    double m_offSec = 0.0;
    double m_lastSec = 0.0;
    bool m_started = false;
    double m_lastReminderSec = 0.0;
    bool m_reminded = false;
};

}  // namespace posesmart
