// CameraReleasePolicy: whether the capture thread should hold the camera open right now. It is
// released while paused, while another application has the device open, and when nobody has been
// in view for a while (then opened briefly now and then to look for a face). Driven only by the
// times passed in (seconds of a monotonic clock); no threads, no I/O.
//
// The rules, first match wins:
//  1. Paused: release.
//  2. Another application has the device open: release; hold again as soon as it is free (unless
//     paused). A foreign user also wins over a probe (rule 4).
//  3. Hold while a face was seen within nobodyReleaseSec. The nobody timer runs from the last frame
//     with a face, or from the first frame after the camera was (re)opened following a pause or a
//     foreign use; it does not run before that first frame.
//  4. Otherwise release at exactly (timer start + nobodyReleaseSec). From then on, probe: every
//     probeEverySec after that release, hold for probeSec, [start, start + probeSec). A face during
//     a probe holds again and restarts the nobody timer; no face by the end of it releases again
//     until the next probe.
// Any change of the paused or foreign-use state ends a nobody release: the camera is held again
// once neither applies, with the nobody timer restarting at the next frame.
#pragma once

#include <optional>

namespace posesmart {

struct CameraReleaseSettings {
    double nobodyReleaseSec = 300;  // nobody in view this long: release the camera
    double probeEverySec = 60;      // then open it this often...
    double probeSec = 5;            // ...for this long, to look for a face
};

enum class CameraReleaseReason { None, Paused, NobodyInView, OtherApplication };

class CameraReleasePolicy {
public:
    // Throws Error(BadArgument) unless nobodyReleaseSec > 0 and probeEverySec > probeSec > 0.
    explicit CameraReleasePolicy(CameraReleaseSettings settings = {});

    void setPaused(bool paused);
    // Whether another process has the device open (see DeviceUsers.h); call it on every check.
    void setForeignUse(bool inUse);
    // One analysed frame taken at `now`. Ignored while paused or in foreign use (frames still in
    // flight after the release).
    void observe(double now, bool faceInView);

    [[nodiscard]] bool shouldHold(double now) const { return reason(now) == CameraReleaseReason::None; }
    // Why the camera is released at `now`; None while it should be held (a probe included).
    [[nodiscard]] CameraReleaseReason reason(double now) const;
    // When the decision next changes by time alone: the nobody release while holding, the next
    // probe while released for nobody, the end of a running probe. nullopt when only an input can
    // change it (paused, foreign use, or no frame seen since the camera was opened).
    [[nodiscard]] std::optional<double> nextWakeSec(double now) const;

    [[nodiscard]] const CameraReleaseSettings& settings() const { return m_settings; }

private:
    CameraReleaseSettings m_settings;
    bool m_paused = false;
    bool m_foreignUse = false;
    std::optional<double> m_nobodySinceSec;  // start of the nobody timer; unset until a frame arrives
};

}  // namespace posesmart
