#include "posesmart/FrameSource.h"

#include "CameraSource.h"
#include "ImageSequenceSource.h"
#include "VideoFileSource.h"
#include "posesmart/Error.h"

#include <filesystem>
#include <opencv2/imgcodecs.hpp>

namespace posesmart {

std::unique_ptr<FrameSource> openFrameSource(const std::string& spec) {
    static constexpr std::string_view kCameraPrefix = "camera:";
    if (spec.starts_with(kCameraPrefix)) {
        return std::make_unique<CameraSource>(spec.substr(kCameraPrefix.size()));
    }
    const std::filesystem::path path(spec);
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
