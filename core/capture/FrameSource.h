// FrameSource: one interface over cameras, video files, image folders and single images.
#pragma once

#include "common/Frame.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace posesmart {

struct SourceInfo {
    std::string description;       // what was opened, for messages and JSON output
    double fps = 0.0;              // nominal rate; 0 when unknown (image folders)
    std::int64_t frameCount = -1;  // -1 when unknown (cameras)
    int width = 0;
    int height = 0;
    bool live = false;               // a camera: frames arrive in real time
    bool independentFrames = false;  // unrelated stills: nothing is tracked from one to the next
    std::string name;                // a camera's own name ("HD Pro Webcam C920"); empty for files
    std::string mode;                // a camera's negotiated format, "YUYV 640x480 at 30 fps"; empty for files
};

class FrameSource {
public:
    virtual ~FrameSource() = default;
    [[nodiscard]] virtual const SourceInfo& info() const = 0;
    // The next frame, or nullopt at the end of the stream. Throws Error on a read failure
    // that is not a clean end (e.g. a camera unplugged mid-run). Each frame owns its pixels (no
    // buffer is shared with the source or an earlier frame), so it can be handed to another thread
    // as it is. A live source stamps frames with the capture time on the monotonic clock
    // (common/Clock.h's monotonicSec); the others with the time in the stream.
    virtual std::optional<Frame> next() = 0;
    // At most `fps` frames a second will be used (the analysis rate, 0: all). A source that can drop
    // frames more cheaply than its reader (a camera: before converting them) does so.
    virtual void setMaxFps(double /*fps*/) {}
    // What was skipped since the last call (an unreadable image in a folder), one reason each; the
    // caller says so.
    virtual std::vector<std::string> takeSkipped() { return {}; }
};

// Opens "camera:N", "camera:/dev/videoN", a video file, a folder of images or one image.
// Throws Error(BadInput) with a one-line reason when the input cannot be used.
std::unique_ptr<FrameSource> openFrameSource(const std::string& spec);

}  // namespace posesmart
