// The POSESMART_FAKECAM_* settings of a fake camera (profile, frames, faults, log), read at open().
#pragma once

#include "Profiles.h"

#include <string>
#include <vector>

namespace fakecam {

// One line of a POSESMART_FAKECAM_TIMING file: the time since the previous frame slot, and whether the
// frame of this slot is lost (its sequence number is used, no buffer is filled).
struct TimingStep {
    double milliseconds = 0;  // 0 for `drop` without a time: the negotiated interval
    bool drop = false;
};

enum class BusyFault {
    None,
    Streaming,  // POSESMART_FAKECAM_BUSY=1: another process streams, S_FMT/S_PARM/REQBUFS/STREAMON fail
    Open,       // POSESMART_FAKECAM_BUSY=open: open() itself fails with EBUSY
};

struct Config {
    std::string cardName = "PoseSmart Test Camera";
    std::string videoPath;  // empty: a generated test pattern
    FormatTable formats;
    long unplugAfter = 0;  // frames dequeued before the camera disappears; 0 = never
    BusyFault busy = BusyFault::None;
    bool denyAccess = false;
    std::vector<TimingStep> timing;  // empty: frames at the negotiated interval
    std::string logPath;
    int jpegQuality = 80;

    // Reads the POSESMART_FAKECAM_* variables. A bad value is reported on stderr and ignored, so a
    // typo shows up without making every process that loads this library fail.
    static Config fromEnvironment();
};

// The fake camera directory (POSESMART_FAKECAM_DIR), or nullptr when no camera is faked.
const char* fakeCameraDir();

}  // namespace fakecam
