// Presence: whether the user is at the screen, with short absences bridged; how long they have
// been sitting; the breaks they took; and screen time towards the next 20-20-20 rest.
#pragma once

#include <optional>

namespace posesmart {

struct PresenceSettings {
    double bridgeSec = 15.0;        // shorter absences (a glance away, a lost face) do not count
    double breakSec = 300.0;        // an absence this long is a break: the sitting stretch restarts
    double lookAwayRestSec = 20.0;  // an absence this long also counts as a 20-20-20 rest
};

struct BreakTaken {
    double startSec = 0.0;  // the last moment the face was seen
    double endSec = 0.0;    // when it came back
};

struct PresenceUpdate {
    bool present = false;
    std::optional<BreakTaken> breakTaken;  // set on the frame the user came back from a break
};

class PresenceTracker {
public:
    explicit PresenceTracker(PresenceSettings settings = {});
    PresenceUpdate update(double timestampSec, bool faceSeen);
    [[nodiscard]] bool present() const { return m_present; }
    // Time at the screen since the last break (0 when away).
    [[nodiscard]] double sittingSec(double timestampSec) const;
    // Time at the screen since the last 20-20-20 rest (a reminder or looking away long enough).
    [[nodiscard]] double screenSec(double timestampSec) const;
    void restTaken(double timestampSec);   // the 20-20-20 reminder was given
    void breakTaken(double timestampSec);  // a break at the screen (a guided routine): both times restart
    [[nodiscard]] double presentSec() const { return m_presentSec; }  // in all

private:
    PresenceSettings m_settings;
    bool m_present = false;
    std::optional<double> m_lastFaceSec;
    std::optional<double> m_lastSec;
    double m_sittingSinceSec = 0.0;
    double m_screenSinceSec = 0.0;
    double m_presentSec = 0.0;
};

}  // namespace posesmart
