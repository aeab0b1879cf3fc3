#include "VideoFrames.h"

#include <catch2/catch.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>
#include <stdexcept>

namespace posesmart::test {

std::vector<cv::Mat> framesAt(const std::filesystem::path& video, const std::vector<int>& indices) {
    cv::VideoCapture capture(video.string(), cv::CAP_FFMPEG);
    if (!capture.isOpened()) throw std::runtime_error("cannot open " + video.string());
    std::vector<cv::Mat> frames;
    cv::Mat frame;
    int index = 0;
    for (const int wanted : indices) {
        while (index <= wanted) {
            if (!capture.read(frame)) throw std::runtime_error("video too short: " + video.string());
            ++index;
        }
        frames.push_back(frame.clone());
    }
    return frames;
}

cv::Mat rotated(const cv::Mat& image, double degrees, cv::Point2f centre) {
    cv::Mat out;
    cv::warpAffine(image, out, cv::getRotationMatrix2D(centre, degrees, 1.0), image.size(), cv::INTER_LINEAR,
                   cv::BORDER_REPLICATE);
    return out;
}

cv::Mat zoomed(const cv::Mat& image, double factor, cv::Point2f centre) {
    cv::Mat out;
    cv::warpAffine(image, out, cv::getRotationMatrix2D(centre, 0.0, factor), image.size(), cv::INTER_LINEAR,
                   cv::BORDER_REPLICATE);
    return out;
}

cv::Mat dimAndNoisy(const cv::Mat& bgr, double noiseSigma, cv::RNG& rng) {
    cv::Mat noise(bgr.size(), CV_16SC3);
    rng.fill(noise, cv::RNG::NORMAL, 0.0, noiseSigma);
    cv::Mat dim;
    bgr.convertTo(dim, CV_16SC3, 0.5);
    cv::add(dim, noise, dim);
    cv::Mat out;
    dim.convertTo(out, CV_8UC3);
    return out;
}

std::int64_t readTimedFrames(FrameSource& source, double fps) {
    std::int64_t expectedIndex = 0;
    while (auto frame = source.next()) {
        REQUIRE(frame->index == expectedIndex);
        CHECK(frame->timestampSec == Approx(static_cast<double>(expectedIndex) / fps).margin(0.002));
        CHECK(frame->bgr.type() == CV_8UC3);
        ++expectedIndex;
    }
    return expectedIndex;
}

}  // namespace posesmart::test
