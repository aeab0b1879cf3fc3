// FaceIdRun: Face ID during `analyze --db`: when the run's profile has an enrolled descriptor, the
// face in view is checked on IdentityCheck's schedule, and frames of another person reach the
// session as frames without a face (nothing of theirs is recorded or alerted on). Collects the
// identity segments and counts for the JSON document.
#pragma once

#include "posesmart/FaceDescriptor.h"
#include "posesmart/FrameAnalyzer.h"
#include "posesmart/HistoryStore.h"
#include "posesmart/IdentityCheck.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace posesmart::cli {

class FaceIdRun {
public:
    // Nobody enrolled in `profile` (or no store): every face is measured and no model is loaded.
    FaceIdRun(HistoryStore* store, std::int64_t profile, const std::string& descriptorModelFile);

    // What the session should see of this frame: the frame itself, or, for another person (or
    // one not verified yet), the same frame without its face.
    FrameResult filter(const Frame& frame, const FrameResult& result);
    // Stores the enrolled descriptor when confident matches refined it.
    void save();
    [[nodiscard]] nlohmann::json summary() const;
    [[nodiscard]] nlohmann::json segments() const;

private:
    struct Segment {
        double startSec;
        double endSec;
        IdentityState state;
    };

    HistoryStore* m_store;
    std::int64_t m_profile;
    IdentityCheck m_check;
    std::unique_ptr<FaceDescriptorModel> m_model;
    std::vector<Segment> m_segments;
    std::vector<double> m_distances;
    double m_describeMs = 0.0;
};

}  // namespace posesmart::cli
