// SessionJson: collects what the live session reports over a run (frame by frame) and writes the
// `analyze --json` document (field names are read by evaluation scripts: keep them).
#pragma once

#include "analysis/BaselineJson.h"
#include "analysis/SessionAnalyzer.h"
#include "capture/FrameSource.h"
#include "session/SessionObserver.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace posesmart::cli {

class SessionJson {
public:
    // `identity`: Face ID runs (a history was given): identity segments and summary are kept.
    SessionJson(const SourceInfo& source, bool identity);
    void add(const FrameOutcome& outcome);
    void setCalibration(nlohmann::json calibration) { m_calibration = std::move(calibration); }
    // One Face ID check: the distance to the enrolled face and what it cost.
    void addIdentityCheck(double distance, double computeMs);
    // At the end: whether a face is enrolled and how often confident matches refined it.
    void setIdentityResult(bool enrolled, int enrolledUpdates);
    [[nodiscard]] nlohmann::json document() const;
    void write(const std::string& path) const;  // throws Error(Io)

private:
    struct Segment {
        double startSec;
        double endSec;
        PostureState state;
    };
    struct IdentitySegment {
        double startSec;
        double endSec;
        IdentityState state;
    };
    [[nodiscard]] nlohmann::json identitySegments() const;
    [[nodiscard]] nlohmann::json identitySummary() const;

    SourceInfo m_source;
    std::int64_t m_frames = 0;
    std::int64_t m_faceFrames = 0;
    double m_eyeSeconds = 0.0;
    double m_lastSec = 0.0;
    double m_frameSec = 0.0;
    bool m_lastEyesUsable = false;
    nlohmann::json m_blinks = nlohmann::json::array();
    nlohmann::json m_closures = nlohmann::json::array();
    nlohmann::json m_unreadable = nlohmann::json::array();
    nlohmann::json m_alerts = nlohmann::json::array();
    nlohmann::json m_breaks = nlohmann::json::array();
    nlohmann::json m_calibration = {{"status", "none"}};
    bool m_identity;
    std::vector<IdentitySegment> m_identitySegments;
    std::vector<double> m_distances;
    double m_describeMs = 0.0;
    bool m_enrolled = false;
    int m_enrolledUpdates = 0;
    std::vector<Segment> m_segments;
    std::vector<double> m_pipelineMs;
};

nlohmann::json toJson(const CalibrationResult& result);

}  // namespace posesmart::cli
