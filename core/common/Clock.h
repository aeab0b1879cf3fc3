// Clock: the two clocks the programs read. Core's decisions never read them: they take times as
// arguments (frames carry their own), so that tests can drive them with simulated time.
#pragma once

#include <chrono>

namespace posesmart {

// Seconds of the monotonic clock (CLOCK_MONOTONIC on Linux, the clock V4L2 stamps frames with).
inline double monotonicSec() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Seconds since 1970-01-01 00:00 UTC.
inline double wallSec() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace posesmart
