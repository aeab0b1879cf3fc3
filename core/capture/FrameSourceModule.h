// FrameSourceModule: openFrameSource() loaded at run time from the posesmart_frame_sources module,
// for the desktop app, which does not link OpenCV's imgcodecs and videoio (and the FFmpeg,
// GStreamer, GDAL... they pull in) so that its window shows without waiting for them.
#pragma once

#include "capture/FrameSource.h"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

// The module's one entry point: openFrameSource(spec), with a plain-C boundary (no exception crosses
// it): 0 and the source in *source, or 1 + the ErrorKind and the reason in `message` (always
// terminated, cut to `messageSize`).
extern "C" int posesmart_open_frame_source(const char* spec, posesmart::FrameSource** source, char* message,
                                           std::size_t messageSize);

namespace posesmart {

// Environment variable naming a folder searched for the module before every other place.
inline constexpr const char* kModuleDirEnv = "POSESMART_MODULE_DIR";

// Where `cmake --install` puts the module for a binary installed in `executableDir`:
// <exe>/../lib/posesmart, or <exe>/../lib/<multiarch>/posesmart (Debian; see core/CMakeLists.txt).
std::filesystem::path installedModuleDir(const std::filesystem::path& executableDir);

// Folders searched for the module: $POSESMART_MODULE_DIR, <exe> (build tree), installedModuleDir(<exe>).
std::vector<std::filesystem::path> moduleSearchPath(const std::filesystem::path& executableDir);

class FrameSourceModule {
public:
    // Loads the module from the first folder of `searchPath` holding it. Throws Error(Io) naming
    // the folders when none does, or with the loader's reason when it does not load. The module
    // stays loaded for the rest of the process: the sources it makes run its code.
    explicit FrameSourceModule(const std::vector<std::filesystem::path>& searchPath);

    // openFrameSource(spec), run by the module: same sources, same Error.
    [[nodiscard]] std::unique_ptr<FrameSource> open(const std::string& spec) const;
    [[nodiscard]] const std::filesystem::path& file() const { return m_file; }

private:
    std::filesystem::path m_file;
    decltype(&posesmart_open_frame_source) m_open = nullptr;
};

}  // namespace posesmart
