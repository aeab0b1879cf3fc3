#include "FaceIdRun.h"

#include "CliSupport.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>

namespace posesmart::cli {

namespace {

std::optional<FaceDescriptor> enrolledIn(HistoryStore* store, std::int64_t profile) {
    if (!store) return std::nullopt;
    const auto stored = store->faceDescriptor(profile);
    if (!stored || stored->size() != FaceDescriptor{}.size()) return std::nullopt;
    FaceDescriptor d{};
    std::copy(stored->begin(), stored->end(), d.begin());
    return d;
}

double roundedMs(double value) {
    return std::round(value * 1000.0) / 1000.0;
}

}  // namespace

FaceIdRun::FaceIdRun(HistoryStore* store, std::int64_t profile, const std::string& descriptorModelFile)
    : m_store(store), m_profile(profile), m_check(enrolledIn(store, profile)) {
    if (m_check.enrolled()) m_model = loadDescriptorModel(descriptorModelFile);
}

FrameResult FaceIdRun::filter(const Frame& frame, const FrameResult& result) {
    const double now = frame.timestampSec;
    m_check.observe(now, result.landmarks.has_value());
    if (m_model && result.landmarks && m_check.due(now)) {
        const auto start = std::chrono::steady_clock::now();
        m_check.report(now, m_model->describe(frame.bgr, *result.landmarks));
        m_describeMs += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        m_distances.push_back(*m_check.lastDistance());
    }
    if (m_segments.empty() || m_segments.back().state != m_check.state()) {
        m_segments.push_back({now, now, m_check.state()});
    } else {
        m_segments.back().endSec = now;
    }
    return m_check.measures() ? result : withoutFace(result);
}

void FaceIdRun::save() {
    if (m_store && m_check.enrolledUpdates() > 0) {
        const FaceDescriptor& d = *m_check.enrolled();
        m_store->saveFaceDescriptor(m_profile, std::vector<float>(d.begin(), d.end()));
    }
}

nlohmann::json FaceIdRun::segments() const {
    nlohmann::json out = nlohmann::json::array();
    for (const Segment& s : m_segments) {
        out.push_back(
            {{"start_s", roundedMs(s.startSec)}, {"end_s", roundedMs(s.endSec)}, {"state", toString(s.state)}});
    }
    return out;
}

nlohmann::json FaceIdRun::summary() const {
    nlohmann::json seconds = nlohmann::json::object();
    for (const Segment& s : m_segments) {
        const std::string key(toString(s.state));
        seconds[key] = roundedMs(seconds.value(key, 0.0) + s.endSec - s.startSec);
    }
    return {
        {"enrolled", m_check.enrolled().has_value()},
        {"checks", m_distances.size()},
        {"distances", m_distances},
        {"ms_per_check", m_distances.empty() ? 0.0 : roundedMs(m_describeMs / static_cast<double>(m_distances.size()))},
        {"enrolled_updates", m_check.enrolledUpdates()},
        {"seconds_by_state", seconds}};
}

}  // namespace posesmart::cli
