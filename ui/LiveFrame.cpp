#include "LiveFrame.h"

namespace posesmart::ui {

void LatestFrame::put(const Frame& frame, const FrameResult& result) {
    const std::lock_guard lock(m_mutex);
    m_frame.bgr = frame.bgr;
    m_frame.landmarks = result.landmarks;
    m_frame.poseValid = result.measurements && result.measurements->poseValid;
    if (result.measurements) {
        m_frame.rollDeg = result.measurements->rollDeg;
        m_frame.pitchDeg = result.measurements->pitchDeg;
        m_frame.yawDeg = result.measurements->yawDeg;
    }
}

LiveFrame LatestFrame::get() const {
    const std::lock_guard lock(m_mutex);
    return m_frame;
}

}  // namespace posesmart::ui
