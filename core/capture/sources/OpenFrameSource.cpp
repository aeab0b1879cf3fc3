#include "capture/FrameSource.h"

#include "CameraSource.h"
#include "ImageSequenceSource.h"
#include "VideoFileSource.h"
#include "capture/CaptureSpec.h"
#include "common/Error.h"

#include <filesystem>
#include <opencv2/imgcodecs.hpp>

namespace posesmart {

std::unique_ptr<FrameSource> openFrameSource(const std::string& spec) {
    const CaptureSpec parsed = parseCaptureSpec(spec);
    if (parsed.camera) return std::make_unique<CameraSource>(parsed, CameraNeeds{});
    const std::filesystem::path& path = parsed.path;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        throw Error(ErrorKind::BadInput, "input '" + spec + "' does not exist");
    }
    if (std::filesystem::is_directory(path, ec) || cv::haveImageReader(spec)) {
        return std::make_unique<ImageSequenceSource>(path);
    }
    return std::make_unique<VideoFileSource>(spec);
}

}  // namespace posesmart
