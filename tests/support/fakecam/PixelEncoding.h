// Turns a BGR picture into the bytes a webcam sends: packed YUYV 4:2:2 or a JPEG (MJPEG).
#pragma once

#include <opencv2/core.hpp>

#include <cstdint>
#include <vector>

namespace fakecam {

// BT.601 limited range (Y 16-235, Cb/Cr 16-240) like webcams, which OpenCV's YUV2BGR_YUYV undoes;
// chroma is the average of each horizontal pixel pair. `bgr` must have an even width.
void bgrToYuyv(const cv::Mat& bgr, std::vector<uint8_t>& yuyv);
// A baseline JFIF JPEG, which any MJPEG consumer (libjpeg, OpenCV's imdecode) accepts.
void bgrToJpeg(const cv::Mat& bgr, int quality, std::vector<uint8_t>& jpeg);
// Crops `source` to the aspect ratio of `size` around its centre, then scales it to `size`, as a camera
// sensor mode does (stretching would change face proportions). Shrinking averages whole pixel blocks
// (INTER_AREA at an integer factor, its fast case) and interpolates the remaining factor below 2:
// general INTER_AREA costs 10x more, too much to keep up with 30 fps. `scratch` is reused storage.
void fitToSize(const cv::Mat& source, cv::Size size, cv::Mat& scratch, cv::Mat& fitted);

}  // namespace fakecam
