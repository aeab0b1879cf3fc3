// BlinkReader: reads blinks from the eyes of each frame, from the very first second.
//
// BlinkDetector compares each frame with the person's open eyes: the open-eye aspect ratio and
// the open eye's appearance (EyeAppearance). Whatever the first frame shows (eyes closed, a blink
// a second) must not become that reference. So the reader holds the first second of readable eyes
// (longer, up to a few seconds, until a fifth of it shows eyes as open as a typical person's), takes the
// reference from its most open frames, and then reads the held frames and all later ones against
// it. Events found in the held frames come out one per frame after that, each with its own times.
// The reference then follows the person (rolling baseline, template refreshed on open eyes), and
// survives the face leaving and coming back.
#pragma once

#include "analysis/BlinkDetector.h"
#include "vision/EyeAppearance.h"

#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

namespace posesmart {

struct BlinkReaderSettings {
    BlinkSettings detector;
    double holdSec = 1.0;             // readable eye time held before the reference is chosen...
    double maxHoldSec = 3.0;          // ...or longer, up to this, until enough open eyes have been seen:
    double priorOpenEar = 0.2;        // an eye aspect ratio that most people's open eyes reach...
    double minOpenShare = 0.2;        // ...in this share of the held frames
    double maxHoldSpanSec = 10.0;     // the reference is chosen at the latest this long after the first frame held
    double openShare = 0.92;          // reference frames: aspect ratio >= this share of the held 90th percentile
    double appearanceLearnSec = 1.0;  // time constant of the open-eye template afterwards
};

struct EyeFrame {
    std::int64_t frame = 0;
    double timestampSec = 0.0;
    bool usable = false;  // a face, frontal and steady enough to read the eyes
    double earLeft = 0.0;
    double earRight = 0.0;
    EyePatches patches;
};

class BlinkReader {
public:
    explicit BlinkReader(BlinkReaderSettings settings = {});
    // The events reported at this frame (possibly of earlier frames), and this frame's score.
    BlinkUpdate update(const EyeFrame& frame);
    [[nodiscard]] bool holding() const { return !m_started; }

private:
    BlinkUpdate read(const EyeFrame& frame);
    void chooseReference();
    void queue(const BlinkUpdate& update);

    BlinkReaderSettings m_settings;
    BlinkDetector m_detector;
    EyeAppearance m_appearance;
    bool m_started = false;
    std::vector<EyeFrame> m_held;     // from the first readable frame until the reference is chosen
    std::deque<BlinkUpdate> m_queue;  // events still to report, one per frame
    std::optional<double> m_lastSec;
};

}  // namespace posesmart
