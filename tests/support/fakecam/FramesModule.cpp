// libposesmart_fakecam_frames.so: the video frame for a moment of the stream, encoded as negotiated.

// Encoded frames are kept (within POSESMART_FAKECAM_CACHE_MB), and once every frame of the video has
// been asked for the decoder stops: decoding a 1080p H.264 video and encoding 720p JPEGs live takes
// half a core of a CI machine.
#include "FramesModuleApi.h"
#include "PixelEncoding.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <linux/videodev2.h>
#include <memory>
#include <string>
#include <vector>

using Bytes = std::vector<uint8_t>;

struct PosesmartFakecamFrames {
    std::string videoPath;
    uint32_t fourcc = 0;
    cv::Size size;
    int jpegQuality = 80;

    cv::VideoCapture video;
    double videoFps = 30;
    double expectedLength = 0;  // the container's frame count, to give up caching early when too big
    // Frames are numbered from the stream's start without wrapping: frame n shows the video frame at
    // position n - loopStart of the current pass.
    int64_t nextFrame = 0;   // the frame the next grab() decodes
    int64_t loopStart = 0;   // frame number of the current pass's first frame
    int64_t loopLength = 0;  // frames in the video, once a pass has ended

    size_t cacheBudget = 0;
    bool caching = false;
    bool cacheComplete = false;
    size_t cacheBytes = 0;
    size_t cacheFilled = 0;
    std::vector<Bytes> cache;  // by position in the video; empty where a frame was not asked for yet

    int64_t currentFrame = -1;
    const Bytes* current = nullptr;
    Bytes encoded;
    cv::Mat decoded;
    cv::Mat scratch;
    cv::Mat fitted;
};

namespace {

using Frames = PosesmartFakecamFrames;

void encode(Frames& frames, Bytes& out) {
    fakecam::fitToSize(frames.decoded, frames.size, frames.scratch, frames.fitted);
    if (frames.fourcc == V4L2_PIX_FMT_MJPEG) {
        fakecam::bgrToJpeg(frames.fitted, frames.jpegQuality, out);
    } else {
        fakecam::bgrToYuyv(frames.fitted, out);
    }
}

bool reopen(Frames& frames) {
    frames.video.release();
    if (!frames.video.open(frames.videoPath, cv::CAP_FFMPEG) && !frames.video.open(frames.videoPath)) return false;
    frames.loopStart = frames.nextFrame;
    return true;
}

void stopCaching(Frames& frames) {
    frames.caching = false;
    frames.cache.clear();
    frames.cache.shrink_to_fit();
    frames.cacheBytes = 0;
    frames.cacheFilled = 0;
}

// The cached bytes of video position `position`, or nullptr.
const Bytes* cached(const Frames& frames, int64_t position) {
    const auto index = static_cast<size_t>(position);
    if (!frames.caching || index >= frames.cache.size() || frames.cache[index].empty()) return nullptr;
    return &frames.cache[index];
}

// Moves `bytes` into the cache as the frame at `position`, unless the cache would outgrow its budget:
// then caching stops for good, nullptr is returned and `bytes` is left as it was.
const Bytes* keep(Frames& frames, int64_t position, Bytes& bytes) {
    const size_t total = frames.cacheBytes + bytes.size();
    const double perFrame = static_cast<double>(total) / static_cast<double>(frames.cacheFilled + 1);
    const auto budget = static_cast<double>(frames.cacheBudget);
    if (total > frames.cacheBudget || perFrame * frames.expectedLength > 1.1 * budget) {
        stopCaching(frames);
        return nullptr;
    }
    const auto index = static_cast<size_t>(position);
    if (index >= frames.cache.size()) frames.cache.resize(index + 1);
    frames.cacheBytes = total;
    ++frames.cacheFilled;
    frames.cache[index] = std::move(bytes);
    return &frames.cache[index];
}

// Decodes up to frame `wanted`, reopening the video at its end, and points `current` at its bytes.
// Frames in between are decoded (H.264 needs them) but not converted or encoded.
bool decodeFrame(Frames& frames, int64_t wanted) {
    if (wanted < frames.nextFrame - 1) {
        frames.nextFrame = 0;  // a new stream starts over at the video's first frame
        if (!reopen(frames)) return false;
    }
    if (frames.loopLength > 0 && wanted - frames.nextFrame >= frames.loopLength) {
        const int64_t skipped = (wanted - frames.nextFrame) / frames.loopLength * frames.loopLength;
        frames.nextFrame += skipped;
        frames.loopStart += skipped;
    }
    while (frames.nextFrame <= wanted) {
        if (frames.video.grab()) {
            ++frames.nextFrame;
            continue;
        }
        if (frames.nextFrame == frames.loopStart) return false;  // not one frame: not a video
        frames.loopLength = frames.nextFrame - frames.loopStart;
        if (frames.caching && frames.cacheFilled == static_cast<size_t>(frames.loopLength)) {
            frames.cacheComplete = true;  // every frame is encoded: no more decoding from here on
            frames.video.release();
            frames.current = &frames.cache[static_cast<size_t>(wanted % frames.loopLength)];
            return true;
        }
        if (!reopen(frames)) return false;
    }
    const int64_t position = wanted - frames.loopStart;
    if (const Bytes* bytes = cached(frames, position)) {
        frames.current = bytes;
        return true;
    }
    if (!frames.video.retrieve(frames.decoded) || frames.decoded.empty()) return false;
    Bytes bytes;
    encode(frames, bytes);
    if (frames.caching) {
        if (const Bytes* kept = keep(frames, position, bytes)) {
            frames.current = kept;
            return true;
        }
    }
    frames.encoded = std::move(bytes);
    frames.current = &frames.encoded;
    return true;
}

// A moving test card for runs without POSESMART_FAKECAM_VIDEO: colour bars, a sweeping block and the
// frame number, so stalls and repeats are visible.
void drawPattern(Frames& frames, int64_t frame) {
    const cv::Size size(640, 480);
    frames.decoded.create(size, CV_8UC3);
    static const cv::Scalar bars[] = {{255, 255, 255}, {0, 255, 255}, {255, 255, 0}, {0, 255, 0},
                                      {255, 0, 255},   {0, 0, 255},   {255, 0, 0},   {0, 0, 0}};
    const int barWidth = size.width / 8;
    for (int i = 0; i < 8; ++i) {
        cv::rectangle(frames.decoded, cv::Rect(i * barWidth, 0, barWidth, size.height), bars[i], cv::FILLED);
    }
    const int x = static_cast<int>(frame * 8 % (size.width - 80));
    cv::rectangle(frames.decoded, cv::Rect(x, size.height / 2 - 40, 80, 80), cv::Scalar(128, 128, 128), cv::FILLED);
    const std::string label = "fakecam " + std::to_string(frame);
    cv::putText(frames.decoded, label, cv::Point(20, size.height - 30), cv::FONT_HERSHEY_SIMPLEX, 1.5,
                cv::Scalar(0, 0, 0), 6);
    cv::putText(frames.decoded, label, cv::Point(20, size.height - 30), cv::FONT_HERSHEY_SIMPLEX, 1.5,
                cv::Scalar(255, 255, 255), 2);
    encode(frames, frames.encoded);
    frames.current = &frames.encoded;
}

size_t cacheBudgetBytes() {
    const char* megabytes = std::getenv("POSESMART_FAKECAM_CACHE_MB");
    const long value = megabytes && *megabytes ? std::atol(megabytes) : 256;
    return static_cast<size_t>(std::max(0L, value)) * 1024 * 1024;
}

void copyError(char* error, size_t errorSize, const std::string& message) {
    if (error && errorSize > 0) std::snprintf(error, errorSize, "%s", message.c_str());
}

}  // namespace

extern "C" {

__attribute__((visibility("default"))) PosesmartFakecamFrames* posesmart_fakecam_frames_open(
    const char* videoPath, uint32_t fourcc, uint32_t width, uint32_t height, int jpegQuality, char* error,
    size_t errorSize) {
    try {
        auto frames = std::make_unique<Frames>();
        frames->videoPath = videoPath ? videoPath : "";
        frames->fourcc = fourcc;
        frames->size = cv::Size(static_cast<int>(width), static_cast<int>(height));
        frames->jpegQuality = jpegQuality;
        frames->cacheBudget = cacheBudgetBytes();
        if (!frames->videoPath.empty()) {
            if (!reopen(*frames)) {
                copyError(error, errorSize, "cannot open video " + frames->videoPath);
                return nullptr;
            }
            const double fps = frames->video.get(cv::CAP_PROP_FPS);
            if (std::isfinite(fps) && fps > 0) frames->videoFps = fps;
            const double length = frames->video.get(cv::CAP_PROP_FRAME_COUNT);
            if (std::isfinite(length) && length > 0) frames->expectedLength = length;
            frames->caching = frames->cacheBudget > 0;
        }
        return frames.release();
    } catch (const std::exception& e) {
        copyError(error, errorSize, e.what());
        return nullptr;
    }
}

__attribute__((visibility("default"))) int posesmart_fakecam_frames_at(PosesmartFakecamFrames* frames,
                                                                        double seconds,
                                                                        const unsigned char** data,
                                                                        size_t* size) {
    try {
        // The small epsilon keeps a slot that lands exactly on a video frame's start from rounding down.
        const auto wanted = static_cast<int64_t>(std::floor(std::max(seconds, 0.0) * frames->videoFps + 1e-6));
        if (wanted != frames->currentFrame || !frames->current) {
            frames->current = nullptr;
            if (frames->videoPath.empty()) {
                drawPattern(*frames, wanted);
            } else if (frames->cacheComplete) {
                frames->current = &frames->cache[static_cast<size_t>(wanted % frames->loopLength)];
            } else if (!decodeFrame(*frames, wanted)) {
                return -1;
            }
            frames->currentFrame = wanted;
        }
        *data = frames->current->data();
        *size = frames->current->size();
        return 0;
    } catch (const std::exception&) {
        return -1;
    }
}

__attribute__((visibility("default"))) void posesmart_fakecam_frames_close(PosesmartFakecamFrames* frames) {
    delete frames;
}
}
