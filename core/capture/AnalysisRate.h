// AnalysisRate: how many frames a second are analysed. The user picks 30 or 15, or leaves it to the
// power source: 15 on battery (about half the work; blinks are timed, not counted in frames, and
// F1 stays >= 0.93 on the dev clips), 30 otherwise. FrameThinner keeps a stream's frames at that
// rate by their timestamps, so a 30 fps camera or file is analysed at 15 and a 15 fps one whole.
#pragma once

#include <optional>

namespace posesmart {

enum class AnalysisRateSetting { Automatic, Thirty, Fifteen };
enum class PowerSource { Unknown, Mains, Battery };

// Frames a second to analyse.
double analysisFps(AnalysisRateSetting setting, PowerSource power);

class FrameThinner {
public:
    // fps <= 0: every frame is kept.
    explicit FrameThinner(double fps = 0.0) { setFps(fps); }
    void setFps(double fps);
    // Whether the frame taken at `timestampSec` is analysed: one frame per interval of the rate,
    // taken up to a quarter of an interval early for a camera's jitter; after a late one the next
    // is due a whole interval later (no catching up after lost frames). After a long gap (pause,
    // lost camera) or a jump back in time it starts afresh.
    bool keep(double timestampSec);

private:
    double m_intervalSec = 0.0;
    std::optional<double> m_nextDueSec;
};

}  // namespace posesmart
