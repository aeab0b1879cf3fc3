#include "SessionJson.h"

#include "posesmart/Error.h"

#include <algorithm>
#include <array>
#include <fstream>

namespace posesmart::cli {

namespace {
// A frame counts towards the time of its state until the next frame, but not across a stall.
constexpr double kMaxFrameSec = 1.0;

double rounded(double value, double step) {
    return std::round(value / step) * step;
}
}  // namespace

SessionJson::SessionJson(const SourceInfo& source) : m_source(source) {}

void SessionJson::add(const FrameResult& frame, const SessionUpdate& update) {
    const double now = frame.timestampSec;
    if (m_frames > 0) {
        const double step = now - m_lastSec;
        if (step > 0.0 && step <= kMaxFrameSec) {
            m_frameSec = step;
            if (m_lastEyesUsable) m_eyeSeconds += step;
        }
        m_segments.back().endSec = now;
    }
    ++m_frames;
    m_faceFrames += frame.measurements ? 1 : 0;
    m_lastSec = now;
    m_lastEyesUsable = update.eyesUsable;
    m_pipelineMs.push_back(frame.times.totalMs());
    if (m_segments.empty() || m_segments.back().state != update.posture) {
        m_segments.push_back({now, now, update.posture});
    }
    if (update.blink) {
        const Blink& b = *update.blink;
        m_blinks.push_back({{"start_frame", b.startFrame},
                            {"end_frame", b.endFrame},
                            {"start_s", rounded(b.startSec, 1e-3)},
                            {"end_s", rounded(b.endSec, 1e-3)},
                            {"duration_ms", rounded(b.durationMs, 0.1)},
                            {"min_ear", rounded(b.minEar, 1e-4)},
                            {"complete", b.complete}});
    }
    if (update.closure) {
        const EyeClosure& c = *update.closure;
        m_closures.push_back({{"start_frame", c.startFrame},
                              {"end_frame", c.endFrame},
                              {"start_s", rounded(c.startSec, 1e-3)},
                              {"end_s", rounded(c.endSec, 1e-3)}});
    }
    if (update.alert) {
        m_alerts.push_back({{"t_s", rounded(update.alert->timestampSec, 1e-3)},
                            {"kind", toString(update.alert->kind)},
                            {"message", update.alert->message}});
    }
    if (update.breakTaken) {
        m_breaks.push_back({{"start_s", rounded(update.breakTaken->startSec, 1e-3)},
                            {"end_s", rounded(update.breakTaken->endSec, 1e-3)}});
    }
}

nlohmann::json SessionJson::document() const {
    nlohmann::json posture = nlohmann::json::array();
    std::array<double, kPostureStateCount> seconds{};
    for (std::size_t i = 0; i < m_segments.size(); ++i) {
        Segment s = m_segments[i];
        if (i + 1 == m_segments.size()) s.endSec += m_frameSec;  // the last frame lasts one frame
        posture.push_back(
            {{"start_s", rounded(s.startSec, 1e-3)}, {"end_s", rounded(s.endSec, 1e-3)}, {"state", toString(s.state)}});
        seconds[static_cast<std::size_t>(s.state)] += s.endSec - s.startSec;
    }
    nlohmann::json byState = nlohmann::json::object();
    for (int k = 0; k < kPostureStateCount; ++k) {
        byState[std::string(toString(static_cast<PostureState>(k)))] =
            rounded(seconds[static_cast<std::size_t>(k)], 1e-3);
    }
    std::vector<double> ms = m_pipelineMs;
    double medianMs = 0.0;
    if (!ms.empty()) {
        const auto middle = ms.begin() + static_cast<std::ptrdiff_t>(ms.size() / 2);
        std::nth_element(ms.begin(), middle, ms.end());
        medianMs = *middle;
    }
    const double ratePerMin = m_eyeSeconds > 0.0 ? static_cast<double>(m_blinks.size()) * 60.0 / m_eyeSeconds : 0.0;
    return {{"source", m_source.description},
            {"fps", m_source.fps},
            {"frames", m_frames},
            {"width", m_source.width},
            {"height", m_source.height},
            {"blinks", m_blinks},
            {"closures", m_closures},
            {"posture", posture},
            {"alerts", m_alerts},
            {"breaks", m_breaks},
            {"identity", m_identitySegments},
            {"summary",
             {{"blinks", m_blinks.size()},
              {"blink_rate_per_min", rounded(ratePerMin, 0.01)},
              {"eyes_seconds", rounded(m_eyeSeconds, 1e-3)},
              {"face_frames", m_faceFrames},
              {"seconds_by_state", byState},
              {"calibration", m_calibration},
              {"identity", m_identitySummary},
              {"ms_per_frame_median", rounded(medianMs, 1e-3)}}}};
}

void SessionJson::write(const std::string& path) const {
    std::ofstream file(path);
    file << document().dump(2) << '\n';
    if (!file) throw Error(ErrorKind::Io, "cannot write '" + path + "'");
}

nlohmann::json toJson(const CalibrationResult& r) {
    nlohmann::json out = {{"status", r.baseline ? "ok" : "failed"},
                          {"frames", r.frames},
                          {"face_frames", r.faceFrames},
                          {"kept_frames", r.keptFrames},
                          {"drift_iod", rounded(r.driftIod, 1e-4)},
                          {"scale_drift", rounded(r.scaleDrift, 1e-4)},
                          {"median_yaw_deg", rounded(r.medianYawDeg, 0.01)}};
    if (r.baseline) {
        out["baseline"] = toJson(*r.baseline);
    } else {
        out["reason"] = r.reason;
    }
    return out;
}

}  // namespace posesmart::cli
