// VideoFrames: helpers to pull real frames out of the test recordings and transform them by
// known amounts.
#pragma once

#include "capture/FrameSource.h"

#include <cstdint>
#include <filesystem>
#include <opencv2/core.hpp>
#include <vector>

namespace posesmart::test {

// The frames at the given 0-based indices of a video (in increasing order).
std::vector<cv::Mat> framesAt(const std::filesystem::path& video, const std::vector<int>& indices);

// Rotates the picture about `centre` by `degrees` counter-clockwise as displayed; the frame keeps its size.
cv::Mat rotated(const cv::Mat& image, double degrees, cv::Point2f centre);
// Magnifies the picture about `centre` by `factor` (a zoom); the frame keeps its size.
cv::Mat zoomed(const cv::Mat& image, double factor, cv::Point2f centre);
// The picture a dim, noisy camera gives: half the light, Gaussian noise of deviation `noiseSigma`
// drawn from `rng`.
cv::Mat dimAndNoisy(const cv::Mat& bgr, double noiseSigma, cv::RNG& rng);

// Reads `source` to its end, checking that frames come in decode order as 8-bit BGR, each timed at
// index / fps (within 2 ms); returns how many came.
std::int64_t readTimedFrames(FrameSource& source, double fps);

}  // namespace posesmart::test
