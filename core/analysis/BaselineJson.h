// BaselineJson: a posture baseline as JSON, for profile files and the history database.
#pragma once

#include "analysis/PostureCalibration.h"

#include <nlohmann/json.hpp>

namespace posesmart {

nlohmann::json toJson(const PostureBaseline& baseline);
// Accepts the baseline itself or an object holding it under "baseline". Throws Error(BadInput).
PostureBaseline baselineFromJson(const nlohmann::json& json);

}  // namespace posesmart
