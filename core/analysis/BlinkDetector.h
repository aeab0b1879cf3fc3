// BlinkDetector: blinks and long eye closures from per-frame eye measurements, driven only by the
// frames' timestamps (15 and 30 fps behave alike).
//
// Each frame gives a closure score: half the drop of the eye aspect ratio below the person's
// open-eye baseline (a rolling median), half the change of the eyes' appearance (EyeAppearance).
// The threshold adapts to the person too: the score's rolling median plus a multiple of its median
// absolute deviation, so a steady face triggers on small dips and a lively, talking one needs a
// deeper dip. Until a few seconds of the person are known the spread is blended with a population
// prior, so blinks count from the first second; and the threshold never rises above a share of
// the person's own blinks' depth, so lively stretches cannot lift it past them.
// An event runs from the first frame at half its peak to the last; it is a blink when it lasts at
// most 0.5 s, a closure when longer, and nothing when shorter than a blink can be (a flicker). A
// new event needs the score to rise clearly above where it lay before the rise (the median of the
// frames since the last one, so neither a half-open tail after a blink nor a squint or lowered gaze
// read through noise counts as a blink of its own); and an event whose score settles well below
// its peak without returning (the eyes reopen to a lowered gaze) ends where it left the peak.
// Frames without a usable face (lost, turned away) pause an event: when the eyes are read again
// within a second it ends as it would have; otherwise it is reported as unreadable, never dropped.
// The rolling windows count only the time the eyes were read, so a face that leaves and comes
// back finds its baseline as it left it.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <optional>
#include <utility>
#include <vector>

namespace posesmart {

struct EyeSample {
    std::int64_t frame = 0;
    double timestampSec = 0.0;
    bool usable = false;  // a face, frontal enough and steady enough to read the eyes
    double earLeft = 0.0;
    double earRight = 0.0;
    std::array<double, 2> appearanceClosure{0.0, 0.0};  // EyeAppearance::closure
    bool hasAppearance = false;                         // appearanceClosure is known
};

struct Blink {
    std::int64_t startFrame = 0;
    std::int64_t endFrame = 0;  // inclusive
    double startSec = 0.0;
    double endSec = 0.0;
    double durationMs = 0.0;
    double minEar = 0.0;    // lowest mean eye aspect ratio during the blink
    bool complete = false;  // the lids closed as far as in this person's usual blinks
};

struct EyeClosure {
    std::int64_t startFrame = 0;
    std::int64_t endFrame = 0;
    double startSec = 0.0;
    double endSec = 0.0;
};

struct BlinkSettings {
    double maxBlinkSec = 0.5;         // longer (at half depth): a closure
    double minBlinkSec = 0.06;        // shorter: a flicker of the landmarks, not a blink
    double baselineWindowSec = 20.0;  // rolling window (of read time) of the open-eye baseline and the score's spread
    double thresholdSpread = 10.0;    // threshold = median + this x median absolute deviation...
    double minThreshold = 0.15;       // ...kept within these bounds
    double maxThreshold = 0.45;
    // Until the person's own spread is known, it is blended with this prior, weighted as this
    // many seconds of reading.
    double priorSpread = 0.02;
    double priorWeightSec = 3.0;
    // The threshold stays under this share of the median peak of the person's recent blinks (while
    // fewer than priorBlinks are known, their mean with the prior peak for each missing one), so it
    // cannot ratchet past them.
    double blinkPeakShare = 0.6;
    double priorBlinkPeak = 0.5;
    int priorBlinks = 3;
    // An event needs the score to rise at least this much above its floor: the median of the
    // scores since the last event (within maxBlinkSec) before the rise, not their lowest, so a noisy
    // frame cannot make a lasting squint or lowered gaze look like a rise.
    double minRise = 0.1;
    double reopenShare = 0.5;      // an event ends below this share of the threshold...
    double reopenPeakShare = 0.5;  // ...or of the event's peak score (half width), whichever is higher
    // The lids have left the closed level once the score stays under this share of the peak for
    // settleSec, even if it does not come all the way back (eyes lowered or looking aside
    // after a blink): the event ends at the last frame near the peak.
    double closedPeakShare = 0.8;
    double settleSec = 0.25;
    // The eyes must be seen reopened this long (two frames at 15-30 fps) before a blink counts,
    // so a stream that ends or a face lost mid-blink gives no half blink.
    double confirmSec = 0.03;
    double maxFrameGapSec = 0.25;     // a longer gap between frames pauses any event, like unusable frames
    double unreadableAfterSec = 1.0;  // an event paused this long is reported as unreadable
    double completeShare = 0.6;       // complete: peak score >= this share of the usual blink's peak
    // No open eyes for this long while the eye aspect ratio says the eyes are open is a change of
    // look (light, glasses, gaze), not a closure: any event is dropped and the appearance relearnt.
    double appearanceChangeSec = 4.0;
};

struct BlinkUpdate {
    std::optional<Blink> blink;
    std::optional<EyeClosure> closure;
    std::optional<EyeClosure> unreadable;  // eyes seen closing, then not read again in time
    bool eyesOpen = false;                 // this frame showed open eyes (appearance templates may learn from it)
    bool relearnAppearance = false;        // the eyes' look changed for good: replace the templates
    double score = 0.0;
    double threshold = 0.0;
};

class BlinkDetector {
public:
    explicit BlinkDetector(BlinkSettings settings = {});
    BlinkUpdate update(const EyeSample& sample);
    // Starts the open-eye baseline with an eye aspect ratio known to be open.
    void seedOpenEyes(double ear);
    void reset();
    [[nodiscard]] const BlinkSettings& settings() const { return m_settings; }

private:
    struct Scored {
        std::int64_t frame;
        double timestampSec;
        double readSec;  // time the eyes had been read until this frame
        double score;
        double ear;
    };
    struct Event {
        std::vector<Scored> closing;  // the event's frames above its end level, from the start of the rise
        Scored last{};
        Scored lastClosed{};                // the last frame near the peak
        std::optional<double> reopenedSec;  // when the score fell under the end level
        double peakScore = 0.0;
    };

    [[nodiscard]] double earBaseline() const;
    [[nodiscard]] std::pair<double, double> threshold() const;  // the threshold and the score's median
    [[nodiscard]] double floorBeforeRise(const Scored& current) const;
    void startEvent(const Scored& scored, double reopen);
    void continueEvent(const Scored& scored, double reopen, BlinkUpdate& out);
    void finishEvent(BlinkUpdate& update);
    void forgetOld();

    BlinkSettings m_settings;
    std::deque<Scored> m_window;        // usable frames of the last baselineWindowSec
    std::deque<double> m_openEars;      // mean EAR of open-eye frames, same window
    std::deque<double> m_openEarTimes;  // in read time
    std::deque<Scored> m_recent;        // the last few frames, to find where an event began
    std::deque<double> m_blinkPeaks;    // peak scores of the last blinks
    std::optional<Event> m_event;
    bool m_armed = true;               // false after an aborted event until the eyes reopen
    std::int64_t m_lastEventEnd = -1;  // an event never starts at or before this frame
    double m_readSec = 0.0;
    std::optional<double> m_lastSec;
    std::optional<double> m_lastUsableSec;
    std::optional<double> m_lastOpenSec;  // the last usable frame with open eyes
    double m_frameSec = 0.0;              // the last interval between frames
};

}  // namespace posesmart
