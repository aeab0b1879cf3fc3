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
};

class FrameSource {
public:
    virtual ~FrameSource() = default;
    [[nodiscard]] virtual const SourceInfo& info() const = 0;
    // The next frame, or nullopt at the end of the stream. Throws Error on a read failure
    // that is not a clean end (e.g. a camera unplugged mid-run).
    virtual std::optional<Frame> next() = 0;
    // What was skipped since the last call (an unreadable image in a folder), one reason each; the
    // caller says so.
    virtual std::vector<std::string> takeSkipped() { return {}; }
};

// Opens "camera:N", "camera:/dev/videoN", a video file, a folder of images or one image.
// Throws Error(BadInput) with a one-line reason when the input cannot be used.
std::unique_ptr<FrameSource> openFrameSource(const std::string& spec);

}  // namespace posesmart
