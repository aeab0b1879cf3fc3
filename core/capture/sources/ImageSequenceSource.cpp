#include "ImageSequenceSource.h"

#include "common/Error.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace posesmart {

namespace {

bool hasImageExtension(const std::filesystem::path& path) {
    static constexpr std::array<std::string_view, 9> kExtensions = {".jpg", ".jpeg", ".png",  ".bmp", ".ppm",
                                                                    ".pgm", ".tif",  ".tiff", ".webp"};
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return std::find(kExtensions.begin(), kExtensions.end(), ext) != kExtensions.end();
}

// Any decodable image becomes 8-bit BGR: grey, 16-bit and RGBA inputs included.
cv::Mat toBgr8(const cv::Mat& decoded) {
    cv::Mat eightBit = decoded;
    if (decoded.depth() != CV_8U) {
        const double scale = decoded.depth() == CV_16U ? 1.0 / 257.0 : 1.0;
        decoded.convertTo(eightBit, CV_8U, scale);
    }
    cv::Mat bgr;
    switch (eightBit.channels()) {
        case 1:
            cv::cvtColor(eightBit, bgr, cv::COLOR_GRAY2BGR);
            break;
        case 4:
            cv::cvtColor(eightBit, bgr, cv::COLOR_BGRA2BGR);
            break;
        default:
            bgr = eightBit;
            break;
    }
    return bgr;
}

}  // namespace

ImageSequenceSource::ImageSequenceSource(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
            if (entry.is_regular_file(ec) && hasImageExtension(entry.path())) m_files.push_back(entry.path());
        }
        std::sort(m_files.begin(), m_files.end());
        if (m_files.empty()) {
            throw Error(ErrorKind::BadInput, "folder '" + path.string() + "' holds no images");
        }
    } else {
        m_files.push_back(path);
    }
    const cv::Mat first = cv::imread(m_files.front().string(), cv::IMREAD_UNCHANGED);
    if (first.empty()) {
        throw Error(ErrorKind::BadInput, "cannot read image '" + m_files.front().string() + "'");
    }
    m_info.description = path.string();
    m_info.fps = kNominalFps;
    m_info.frameCount = static_cast<std::int64_t>(m_files.size());
    m_info.width = first.cols;
    m_info.height = first.rows;
    m_info.independentFrames = true;
}

std::optional<Frame> ImageSequenceSource::next() {
    if (m_next >= m_files.size()) return std::nullopt;
    const auto& file = m_files[m_next];
    const cv::Mat decoded = cv::imread(file.string(), cv::IMREAD_UNCHANGED);
    if (decoded.empty()) throw Error(ErrorKind::BadInput, "cannot read image '" + file.string() + "'");
    Frame frame;
    frame.bgr = toBgr8(decoded);
    frame.index = static_cast<std::int64_t>(m_next);
    frame.timestampSec = static_cast<double>(m_next) / kNominalFps;
    ++m_next;
    return frame;
}

}  // namespace posesmart
