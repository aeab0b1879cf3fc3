// ImageSequenceSource: a folder of images (sorted by name) or a single image, as frames.
#pragma once

#include "capture/FrameSource.h"

#include <filesystem>
#include <string>
#include <vector>

namespace posesmart {

class ImageSequenceSource final : public FrameSource {
public:
    // A folder: every image in it, by file name. A file: that one image.
    explicit ImageSequenceSource(const std::filesystem::path& path);
    [[nodiscard]] const SourceInfo& info() const override { return m_info; }
    std::optional<Frame> next() override;
    std::vector<std::string> takeSkipped() override;

    // Image sequences have no clock of their own; frames are spaced at this nominal rate.
    static constexpr double kNominalFps = 30.0;

private:
    std::vector<std::filesystem::path> m_files;
    bool m_folder = false;
    SourceInfo m_info;
    std::size_t m_next = 0;
    std::vector<std::string> m_skipped;  // why, for each image skipped since takeSkipped()
};

}  // namespace posesmart
