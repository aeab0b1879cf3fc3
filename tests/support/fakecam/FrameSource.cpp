// Loads libposesmart_fakecam_frames.so (beside this library or POSESMART_FAKECAM_FRAMES_LIB) and calls it.
#include "FrameSource.h"

#include <cstdlib>
#include <dlfcn.h>
#include <mutex>

namespace fakecam {

namespace {

struct Module {
    PosesmartFakecamFramesOpen open = nullptr;
    PosesmartFakecamFramesAt at = nullptr;
    PosesmartFakecamFramesClose close = nullptr;
    std::string error;
};

std::string modulePath() {
    if (const char* path = std::getenv("POSESMART_FAKECAM_FRAMES_LIB"); path && *path) return path;
    Dl_info info{};
    static const int anchor = 0;  // any address inside this library
    if (::dladdr(&anchor, &info) == 0 || !info.dli_fname) return "libposesmart_fakecam_frames.so";
    std::string self(info.dli_fname);
    const auto slash = self.rfind('/');
    return (slash == std::string::npos ? std::string() : self.substr(0, slash + 1)) +
           "libposesmart_fakecam_frames.so";
}

// Loaded once per process and never unloaded (OpenCV does not support being unloaded).
const Module& module() {
    static Module loaded;
    static std::once_flag once;
    std::call_once(once, [] {
        const std::string path = modulePath();
        void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            const char* reason = ::dlerror();
            loaded.error = "cannot load " + path + ": " + (reason ? reason : "unknown error");
            return;
        }
        loaded.open = reinterpret_cast<PosesmartFakecamFramesOpen>(::dlsym(handle, POSESMART_FAKECAM_FRAMES_OPEN));
        loaded.at = reinterpret_cast<PosesmartFakecamFramesAt>(::dlsym(handle, POSESMART_FAKECAM_FRAMES_AT));
        loaded.close = reinterpret_cast<PosesmartFakecamFramesClose>(::dlsym(handle, POSESMART_FAKECAM_FRAMES_CLOSE));
        if (!loaded.open || !loaded.at || !loaded.close) loaded.error = path + " lacks the frames entry points";
    });
    return loaded;
}

}  // namespace

std::unique_ptr<FrameSource> FrameSource::open(const std::string& videoPath, uint32_t fourcc, uint32_t width,
                                               uint32_t height, int jpegQuality, std::string& error) {
    const Module& frames = module();
    if (!frames.error.empty()) {
        error = frames.error;
        return nullptr;
    }
    char reason[256] = {};
    PosesmartFakecamFrames* handle =
        frames.open(videoPath.c_str(), fourcc, width, height, jpegQuality, reason, sizeof reason);
    if (!handle) {
        error = reason;
        return nullptr;
    }
    return std::unique_ptr<FrameSource>(new FrameSource(handle, fourcc, width, height));
}

FrameSource::~FrameSource() { module().close(m_frames); }

bool FrameSource::frameAt(double seconds, const unsigned char*& data, size_t& size) {
    return module().at(m_frames, seconds, &data, &size) == 0;
}

}  // namespace fakecam
