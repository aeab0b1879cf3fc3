// LiveFrame: the newest analysed picture with its landmarks, pulled by the live view on a timer
// rather than sent with every frame (LatestFrame holds it between the threads). Also declares the
// engine's value types that cross threads in queued signals.
#pragma once

#include "analysis/AlertPolicy.h"
#include "history/HistoryReport.h"
#include "session/LiveStatus.h"
#include "session/SessionObserver.h"
#include "vision/FrameAnalyzer.h"

#include <QMetaType>
#include <mutex>
#include <opencv2/core/mat.hpp>
#include <optional>

namespace posesmart::ui {

struct LiveFrame {
    cv::Mat bgr;
    std::optional<Landmarks> landmarks;
    double rollDeg = 0.0;
    double pitchDeg = 0.0;
    double yawDeg = 0.0;
    bool poseValid = false;
};

// The newest LiveFrame: written by the analysis thread, read by the live view's timer.
class LatestFrame {
public:
    void put(const Frame& frame, const FrameResult& result);
    [[nodiscard]] LiveFrame get() const;

private:
    mutable std::mutex m_mutex;
    LiveFrame m_frame;
};

}  // namespace posesmart::ui

Q_DECLARE_METATYPE(posesmart::LiveStatus)
Q_DECLARE_METATYPE(posesmart::PeriodReport)
Q_DECLARE_METATYPE(posesmart::AlertKind)
Q_DECLARE_METATYPE(posesmart::SessionProblem)
Q_DECLARE_METATYPE(posesmart::CalibrationResult)
Q_DECLARE_METATYPE(posesmart::RoutineSummary)
