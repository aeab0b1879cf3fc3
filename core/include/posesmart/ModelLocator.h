// ModelLocator: where model files are looked for, in order, and which one was found.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace posesmart {

// Environment variable naming a folder that overrides every other place.
inline constexpr const char* kModelDirEnv = "POSESMART_MODEL_DIR";

// Folders searched for models: $POSESMART_MODEL_DIR, <exe>/models and <exe>/../models (build tree),
// <exe>/../share/posesmart/models (installed), then the distribution's dlib data folder.
std::vector<std::filesystem::path> modelSearchPath(const std::filesystem::path& executableDir);

// The first folder of `searchPath` holding `fileName`, or nullopt.
std::optional<std::filesystem::path> findModel(const std::string& fileName,
                                               const std::vector<std::filesystem::path>& searchPath);

}  // namespace posesmart
