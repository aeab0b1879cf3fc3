#include "ImageSequenceSource.h"

#include "ImageSize.h"
#include "common/Error.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <utility>

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

// Decodes `file`, after its header said it is not too large to decode. Throws Error(BadInput).
cv::Mat decode(const std::filesystem::path& file) {
    const auto size = imageSizeFromHeader(file);
    if (size && (size->width > kMaxImageSide || size->height > kMaxImageSide)) {
        throw Error(ErrorKind::BadInput, "image '" + file.string() + "' is " + std::to_string(size->width) + "x" +
                                             std::to_string(size->height) + " pixels: PoseSmart reads images up to " +
                                             std::to_string(kMaxImageSide) + "x" + std::to_string(kMaxImageSide));
    }
    limitImageDecoding();
    cv::Mat decoded;
    try {
        decoded = cv::imread(file.string(), cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception&) {
        decoded.release();
    }
    if (decoded.empty()) {
        throw Error(ErrorKind::BadInput, "cannot read image '" + file.string() +
                                             "': not an image PoseSmart can read, damaged, or larger than " +
                                             std::to_string(kMaxImageSide) + "x" + std::to_string(kMaxImageSide));
    }
    return decoded;
}

}  // namespace

ImageSequenceSource::ImageSequenceSource(const std::filesystem::path& path) {
    std::error_code ec;
    m_folder = std::filesystem::is_directory(path, ec);
    if (m_folder) {
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
    // The first image that can be read gives the size; in a folder, unreadable ones are skipped.
    cv::Mat first;
    while (first.empty()) {
        try {
            first = decode(m_files[m_next]);
        } catch (const Error& e) {
            if (!m_folder) throw;
            m_skipped.emplace_back(e.what());
            if (++m_next == m_files.size()) {
                throw Error(ErrorKind::BadInput,
                            "no image in folder '" + path.string() + "' can be read (" + m_skipped.front() + ")");
            }
        }
    }
    m_info.description = path.string();
    m_info.fps = kNominalFps;
    m_info.frameCount = static_cast<std::int64_t>(m_files.size());
    m_info.width = first.cols;
    m_info.height = first.rows;
    m_info.independentFrames = true;
}

std::optional<Frame> ImageSequenceSource::next() {
    for (; m_next < m_files.size(); ++m_next) {
        cv::Mat decoded;
        try {
            decoded = decode(m_files[m_next]);
        } catch (const Error& e) {
            // One unreadable image does not end a folder: it is skipped, and the caller says so.
            if (!m_folder) throw;
            m_skipped.emplace_back(e.what());
            continue;
        }
        Frame frame;
        frame.bgr = toBgr8(decoded);
        frame.index = static_cast<std::int64_t>(m_next);
        frame.timestampSec = static_cast<double>(m_next) / kNominalFps;
        ++m_next;
        return frame;
    }
    return std::nullopt;
}

std::vector<std::string> ImageSequenceSource::takeSkipped() {
    return std::exchange(m_skipped, {});
}

}  // namespace posesmart
