// StageTimes: milliseconds one frame spent in each stage of the pipeline.
#pragma once

#include <chrono>

namespace posesmart {

struct StageTimes {
    double preprocessMs = 0.0;  // grey conversion and scaling for detection
    double detectMs = 0.0;      // HOG face detection (full frame or region)
    double landmarksMs = 0.0;   // 68-point shape prediction
    double metricsMs = 0.0;     // eye ratios, head pose (solvePnP), distance
    int wholeFramePasses = 0;   // the detector's passes over the whole frame (plain, smoothed, turned)

    [[nodiscard]] double totalMs() const { return preprocessMs + detectMs + landmarksMs + metricsMs; }
};

// Adds the lifetime of the scope to one stage.
class ScopedStageTimer {
public:
    explicit ScopedStageTimer(double& accumulatorMs)
        : m_accumulatorMs(accumulatorMs), m_start(std::chrono::steady_clock::now()) {}
    ~ScopedStageTimer() {
        m_accumulatorMs +=
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_start).count();
    }
    ScopedStageTimer(const ScopedStageTimer&) = delete;
    ScopedStageTimer& operator=(const ScopedStageTimer&) = delete;

private:
    double& m_accumulatorMs;
    std::chrono::steady_clock::time_point m_start;
};

}  // namespace posesmart
