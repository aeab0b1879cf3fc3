// ModelLocator: where model files are looked for, in order, and which one was found.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace posesmart {

// Environment variable naming a folder that overrides every other place.
inline constexpr const char* kModelDirEnv = "POSESMART_MODEL_DIR";

// Where `cmake --install` puts the models for a binary installed in `executableDir`:
// <exe>/../share/posesmart/models with the default GNUInstallDirs layout (the relative path is
// taken from the configured CMAKE_INSTALL_BINDIR and CMAKE_INSTALL_DATADIR).
std::filesystem::path installedModelDir(const std::filesystem::path& executableDir);

// Folders searched for models: $POSESMART_MODEL_DIR, <exe>/models and <exe>/../models (build tree),
// installedModelDir(<exe>), then the distribution's dlib data folder.
std::vector<std::filesystem::path> modelSearchPath(const std::filesystem::path& executableDir);

// The first folder of `searchPath` holding `fileName` (a file or a link to one), or nullopt.
std::optional<std::filesystem::path> findModel(const std::string& fileName,
                                               const std::vector<std::filesystem::path>& searchPath);

// findModel, or Error(BadModel) naming the file, the folders looked in and `hint` (what to do).
std::filesystem::path requireModel(const std::string& fileName, const std::vector<std::filesystem::path>& searchPath,
                                   const std::string& hint);

}  // namespace posesmart
