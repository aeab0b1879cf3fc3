// FrameSourceModule: finds the frame-source module, loads it with dlopen and calls its entry point.
#include "capture/FrameSourceModule.h"

#include "common/Error.h"

#include <array>
#include <cstdlib>
#include <dlfcn.h>

namespace posesmart {

std::filesystem::path installedModuleDir(const std::filesystem::path& executableDir) {
    // POSESMART_INSTALLED_MODULE_DIR is set by core/CMakeLists.txt from GNUInstallDirs.
    return (executableDir / POSESMART_INSTALLED_MODULE_DIR).lexically_normal();
}

std::vector<std::filesystem::path> moduleSearchPath(const std::filesystem::path& executableDir) {
    std::vector<std::filesystem::path> dirs;
    if (const char* env = std::getenv(kModuleDirEnv); env != nullptr && *env != '\0') dirs.emplace_back(env);
    dirs.push_back(executableDir);
    dirs.push_back(installedModuleDir(executableDir));
    return dirs;
}

FrameSourceModule::FrameSourceModule(const std::vector<std::filesystem::path>& searchPath) {
    // POSESMART_FRAME_SOURCE_MODULE (the file name) is set by core/CMakeLists.txt.
    std::string places;
    for (const auto& dir : searchPath) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(dir / POSESMART_FRAME_SOURCE_MODULE, ec)) {
            m_file = dir / POSESMART_FRAME_SOURCE_MODULE;
            break;
        }
        places += (places.empty() ? "" : ", ") + dir.string();
    }
    if (m_file.empty()) {
        throw Error(ErrorKind::Io, std::string("the frame-source module ") + POSESMART_FRAME_SOURCE_MODULE +
                                       " was not found (looked in " + places + "); reinstall PoseSmart");
    }
    // Never closed: it is loaded once per process, and dlopen only counts later loads.
    void* handle = ::dlopen(m_file.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        throw Error(ErrorKind::Io, "the frame-source module " + m_file.string() + " does not load: " + ::dlerror());
    }
    m_open = reinterpret_cast<decltype(m_open)>(::dlsym(handle, "posesmart_open_frame_source"));
    if (m_open == nullptr) {
        throw Error(ErrorKind::Io,
                    "the frame-source module " + m_file.string() + " has no entry point: " + ::dlerror());
    }
}

std::unique_ptr<FrameSource> FrameSourceModule::open(const std::string& spec) const {
    FrameSource* source = nullptr;
    std::array<char, 1024> message{};
    const int status = m_open(spec.c_str(), &source, message.data(), message.size());
    if (status == 0 && source != nullptr) return std::unique_ptr<FrameSource>(source);
    const auto kind = status >= 1 && status <= 4 ? static_cast<ErrorKind>(status - 1) : ErrorKind::Io;
    throw Error(kind, message[0] != '\0' ? std::string(message.data()) : "the frame-source module failed to open '" + spec + "'");
}

}  // namespace posesmart
