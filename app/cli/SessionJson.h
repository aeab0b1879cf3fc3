// SessionJson: collects what SessionAnalyzer reports over a run and writes the `analyze --json`
// document (field names are read by evaluation scripts: keep them).
#pragma once

#include "posesmart/BaselineJson.h"
#include "posesmart/FrameSource.h"
#include "posesmart/SessionAnalyzer.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace posesmart::cli {

class SessionJson {
public:
    explicit SessionJson(const SourceInfo& source);
    void add(const FrameResult& frame, const SessionUpdate& update);
    void setCalibration(nlohmann::json calibration) { m_calibration = std::move(calibration); }
    // Face ID: "identity" segments (start_s, end_s, state) and summary.identity.
    void setIdentity(nlohmann::json segments, nlohmann::json summary) {
        m_identitySegments = std::move(segments);
        m_identitySummary = std::move(summary);
    }
    [[nodiscard]] nlohmann::json document() const;
    void write(const std::string& path) const;  // throws Error(Io)

private:
    struct Segment {
        double startSec;
        double endSec;
        PostureState state;
    };

    SourceInfo m_source;
    std::int64_t m_frames = 0;
    std::int64_t m_faceFrames = 0;
    double m_eyeSeconds = 0.0;
    double m_lastSec = 0.0;
    double m_frameSec = 0.0;
    bool m_lastEyesUsable = false;
    nlohmann::json m_blinks = nlohmann::json::array();
    nlohmann::json m_closures = nlohmann::json::array();
    nlohmann::json m_alerts = nlohmann::json::array();
    nlohmann::json m_breaks = nlohmann::json::array();
    nlohmann::json m_calibration = {{"status", "none"}};
    nlohmann::json m_identitySegments = nlohmann::json::array();
    nlohmann::json m_identitySummary = {{"enrolled", false}};
    std::vector<Segment> m_segments;
    std::vector<double> m_pipelineMs;
};

nlohmann::json toJson(const CalibrationResult& result);

}  // namespace posesmart::cli
