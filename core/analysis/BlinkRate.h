// BlinkRate: blinks per minute over a rolling window, counting only the time the eyes could be
// seen, and the low-blink-rate condition (default: under 8 per minute over 3 minutes).
#pragma once

#include <deque>

namespace posesmart {

struct BlinkRateSettings {
    double windowSec = 180.0;
    double lowPerMin = 8.0;
    double minObservedShare = 0.8;  // of the window, before the rate is trusted
};

class BlinkRate {
public:
    explicit BlinkRate(BlinkRateSettings settings = {});
    // One frame; `observed`: the eyes could be read on it.
    void addFrame(double timestampSec, bool observed);
    void addBlink(double timestampSec);
    // Blinks per minute of observed time in the window ending now (0 before any observed time).
    [[nodiscard]] double perMinute() const;
    [[nodiscard]] bool low() const;
    [[nodiscard]] double observedSec() const { return m_observedSec; }

private:
    void forgetOld(double now);

    BlinkRateSettings m_settings;
    std::deque<double> m_blinks;
    std::deque<std::pair<double, double>> m_observed;  // (frame time, observed seconds it adds)
    double m_observedSec = 0.0;
    double m_lastSec = -1.0;
};

}  // namespace posesmart
