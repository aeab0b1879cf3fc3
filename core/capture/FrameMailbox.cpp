#include "capture/FrameMailbox.h"

namespace posesmart {

void FrameMailbox::put(Frame frame) {
    {
        const std::lock_guard lock(m_mutex);
        if (m_closed) return;
        if (m_frame) ++m_dropped;
        m_frame = std::move(frame);
    }
    m_ready.notify_one();
}

std::optional<Frame> FrameMailbox::take(std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    m_ready.wait_for(lock, timeout, [this] { return m_closed || m_frame.has_value(); });
    if (m_closed || !m_frame) return std::nullopt;
    std::optional<Frame> out = std::move(m_frame);
    m_frame.reset();
    return out;
}

void FrameMailbox::close() {
    {
        const std::lock_guard lock(m_mutex);
        m_closed = true;
        m_frame.reset();
    }
    m_ready.notify_all();
}

void FrameMailbox::reopen() {
    const std::lock_guard lock(m_mutex);
    m_closed = false;
}

std::int64_t FrameMailbox::dropped() const {
    const std::lock_guard lock(m_mutex);
    return m_dropped;
}

}  // namespace posesmart
