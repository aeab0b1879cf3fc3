#include "SessionJson.h"

#include "common/Error.h"
#include "common/PrivateFile.h"
#include "common/Statistics.h"

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

SessionJson::SessionJson(const SourceInfo& source, bool identity) : m_source(source), m_identity(identity) {}

void SessionJson::addIdentityCheck(double distance, double computeMs) {
    m_distances.push_back(distance);
    m_describeMs += computeMs;
}

void SessionJson::setIdentityResult(bool enrolled, int enrolledUpdates) {
    m_enrolled = enrolled;
    m_enrolledUpdates = enrolledUpdates;
}

void SessionJson::add(const FrameOutcome& outcome) {
    const FrameResult& frame = outcome.measured;
    const SessionUpdate& update = outcome.update;
    const double now = frame.timestampSec;
    if (m_identity) {
        if (m_identitySegments.empty() || m_identitySegments.back().state != outcome.identity) {
            m_identitySegments.push_back({now, now, outcome.identity});
        } else {
            m_identitySegments.back().endSec = now;
        }
    }
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
    const auto closureJson = [](const EyeClosure& c) {
        return nlohmann::json{{"start_frame", c.startFrame},
                              {"end_frame", c.endFrame},
                              {"start_s", rounded(c.startSec, 1e-3)},
                              {"end_s", rounded(c.endSec, 1e-3)}};
    };
    if (update.closure) m_closures.push_back(closureJson(*update.closure));
    if (update.unreadable) m_unreadable.push_back(closureJson(*update.unreadable));
    if (update.alert) {
        m_alerts.push_back({{"t_s", rounded(update.alert->timestampSec, 1e-3)},
                            {"kind", toString(update.alert->kind)},
                            {"message", defaultMessage(update.alert->kind)}});
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
    const double medianMs = median(m_pipelineMs);
    const double ratePerMin = m_eyeSeconds > 0.0 ? static_cast<double>(m_blinks.size()) * 60.0 / m_eyeSeconds : 0.0;
    nlohmann::json out = {{"source", m_source.description},
                          {"fps", m_source.fps},
                          {"frames", m_frames},
                          {"width", m_source.width},
                          {"height", m_source.height},
                          {"blinks", m_blinks},
                          {"closures", m_closures},
                          {"unreadable", m_unreadable},
                          {"posture", posture},
                          {"alerts", m_alerts},
                          {"breaks", m_breaks},
                          {"identity", identitySegments()},
                          {"summary",
                           {{"blinks", m_blinks.size()},
                            {"blink_rate_per_min", rounded(ratePerMin, 0.01)},
                            {"eyes_seconds", rounded(m_eyeSeconds, 1e-3)},
                            {"face_frames", m_faceFrames},
                            {"seconds_by_state", byState},
                            {"calibration", m_calibration},
                            {"identity", identitySummary()},
                            {"ms_per_frame_median", rounded(medianMs, 1e-3)}}}};
    if (m_source.live) out["camera"] = {{"name", m_source.name}, {"mode", m_source.mode}};
    return out;
}

nlohmann::json SessionJson::identitySegments() const {
    nlohmann::json out = nlohmann::json::array();
    for (const IdentitySegment& s : m_identitySegments) {
        out.push_back(
            {{"start_s", rounded(s.startSec, 1e-3)}, {"end_s", rounded(s.endSec, 1e-3)}, {"state", toString(s.state)}});
    }
    return out;
}

nlohmann::json SessionJson::identitySummary() const {
    if (!m_identity) return {{"enrolled", false}};
    nlohmann::json seconds = nlohmann::json::object();
    for (const IdentitySegment& s : m_identitySegments) {
        const std::string key(toString(s.state));
        seconds[key] = rounded(seconds.value(key, 0.0) + s.endSec - s.startSec, 1e-3);
    }
    const double msPerCheck = m_distances.empty() ? 0.0 : m_describeMs / static_cast<double>(m_distances.size());
    return {{"enrolled", m_enrolled},
            {"checks", m_distances.size()},
            {"distances", m_distances},
            {"ms_per_check", rounded(msPerCheck, 1e-3)},
            {"enrolled_updates", m_enrolledUpdates},
            {"seconds_by_state", seconds}};
}

void SessionJson::write(const std::string& path) const {
    createPrivateFile(path);  // a person's measurements: readable by them only, whatever the umask
    std::ofstream file(path);
    file << document().dump(2) << '\n';
    if (!file) throw Error(ErrorKind::Io, "cannot write '" + path + "'");
}

nlohmann::json toJson(const CalibrationResult& r) {
    nlohmann::json out = {{"status", r.baseline ? "ok" : "failed"},
                          {"frames", r.frames},
                          {"face_frames", r.faceFrames},
                          {"kept_frames", r.keptFrames},
                          {"steady_share", rounded(r.steadyShare, 1e-3)},
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
