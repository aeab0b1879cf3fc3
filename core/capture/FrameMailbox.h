// FrameMailbox: the hand-over from the capture thread to the analysis thread. Capacity one,
// latest wins: a frame not taken yet is replaced by a newer one (and counted as dropped), so a
// slow analysis drops frames instead of adding lag. Thread-safe.
#pragma once

#include "common/Frame.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>

namespace posesmart {

class FrameMailbox {
public:
    void put(Frame frame);
    // The newest frame, waiting up to `timeout` for one; nullopt on timeout or once closed.
    std::optional<Frame> take(std::chrono::milliseconds timeout);
    // Wakes every waiting take(); later puts are ignored until reopen().
    void close();
    void reopen();
    [[nodiscard]] std::int64_t dropped() const;

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_ready;
    std::optional<Frame> m_frame;
    bool m_closed = false;
    std::int64_t m_dropped = 0;
};

}  // namespace posesmart
