// ModelLocator: the model search path of the binaries, from the build tree to the installed layout.
#include "common/ModelLocator.h"

#include "common/Error.h"

#include <cstdlib>

namespace posesmart {

std::filesystem::path installedModelDir(const std::filesystem::path& executableDir) {
    // POSESMART_INSTALLED_MODEL_DIR is set by core/CMakeLists.txt from GNUInstallDirs.
    return (executableDir / POSESMART_INSTALLED_MODEL_DIR).lexically_normal();
}

std::vector<std::filesystem::path> modelSearchPath(const std::filesystem::path& executableDir) {
    std::vector<std::filesystem::path> dirs;
    if (const char* env = std::getenv(kModelDirEnv); env != nullptr && *env != '\0') dirs.emplace_back(env);
    dirs.push_back(executableDir / "models");
    dirs.push_back(executableDir.parent_path() / "models");
    dirs.push_back(installedModelDir(executableDir));
    dirs.emplace_back("/usr/share/dlib");
    return dirs;
}

std::optional<std::filesystem::path> findModel(const std::string& fileName,
                                               const std::vector<std::filesystem::path>& searchPath) {
    for (const auto& dir : searchPath) {
        std::error_code ec;
        const auto candidate = dir / fileName;
        if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
    }
    return std::nullopt;
}

std::filesystem::path requireModel(const std::string& fileName, const std::vector<std::filesystem::path>& searchPath,
                                   const std::string& hint) {
    if (auto found = findModel(fileName, searchPath)) return *found;
    std::string places;
    for (const auto& dir : searchPath) places += (places.empty() ? "" : ", ") + dir.string();
    throw Error(ErrorKind::BadModel, "the model " + fileName + " was not found in " + places + " (" + hint + ")");
}

}  // namespace posesmart
