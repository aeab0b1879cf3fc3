#include "analysis/BaselineJson.h"

#include "common/Error.h"

namespace posesmart {

nlohmann::json toJson(const PostureBaseline& b) {
    return {{"iod_px", b.iodPx},           {"eye_line_y_px", b.eyeLineYPx}, {"roll_deg", b.rollDeg},
            {"pitch_deg", b.pitchDeg},     {"distance_cm", b.distanceCm},   {"known_distance_cm", b.knownDistanceCm},
            {"frame_width", b.frameWidth}, {"frame_height", b.frameHeight}};
}

PostureBaseline baselineFromJson(const nlohmann::json& json) {
    try {
        const auto& j = json.contains("baseline") ? json.at("baseline") : json;
        PostureBaseline b;
        b.iodPx = j.at("iod_px").get<double>();
        b.eyeLineYPx = j.at("eye_line_y_px").get<double>();
        b.rollDeg = j.at("roll_deg").get<double>();
        b.pitchDeg = j.at("pitch_deg").get<double>();
        b.distanceCm = j.at("distance_cm").get<double>();
        b.knownDistanceCm = j.value("known_distance_cm", 0.0);
        b.frameWidth = j.at("frame_width").get<int>();
        b.frameHeight = j.at("frame_height").get<int>();
        if (b.iodPx <= 0.0 || b.frameWidth <= 0 || b.frameHeight <= 0) {
            throw Error(ErrorKind::BadInput, "profile has a non-positive size");
        }
        return b;
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::BadInput, std::string("profile is not a posture baseline: ") + e.what());
    }
}

}  // namespace posesmart
