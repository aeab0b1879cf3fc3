// ImageSize: an image's width and height read from its header (PNG, JPEG, BMP, PNM, WebP), before
// anything is decoded, so that a small file that would decode to gigabytes is refused first.
#pragma once

#include <filesystem>
#include <opencv2/core/types.hpp>
#include <optional>

namespace posesmart {

// The largest picture PoseSmart decodes (a 64-megapixel camera's, with room to spare).
inline constexpr int kMaxImageSide = 8192;

// The size the header gives; nullopt for another format or a header that cannot be read (the
// decoder then decides, under OpenCV's own pixel limit, see limitImageDecoding).
std::optional<cv::Size> imageSizeFromHeader(const std::filesystem::path& file);
// Sets OpenCV's decoder limit to kMaxImageSide x kMaxImageSide pixels for the formats read here
// without a header check (TIFF, ...). Call before the first decode; a limit set in the environment stays.
void limitImageDecoding();

}  // namespace posesmart
