#include "vision/FaceDetector.h"

#include "common/Error.h"
#include "vision/DrawnFace.h"

#include <algorithm>
#include <cmath>
#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/opencv/cv_image.h>
#include <optional>

namespace posesmart {

namespace {

// The same detector looking at the first `levels` levels of its pyramid only (1: the picture it is
// given).
dlib::frontal_face_detector firstLevels(const dlib::frontal_face_detector& full, unsigned long levels) {
    dlib::frontal_face_detector::image_scanner_type scanner;
    scanner.copy_configuration(full.get_scanner());
    scanner.set_max_pyramid_levels(levels);
    std::vector<dlib::frontal_face_detector::feature_vector_type> weights;
    for (unsigned long i = 0; i < full.num_detectors(); ++i) weights.push_back(full.get_w(i));
    return {scanner, full.get_overlap_tester(), weights};
}

// Faces `detector` finds in `grey`, best first, without drawings of faces.
std::vector<Detection> detectWith(dlib::frontal_face_detector& detector, const cv::Mat& grey) {
    if (grey.type() != CV_8UC1) throw Error(ErrorKind::BadArgument, "FaceDetector needs an 8-bit grey image");
    if (grey.cols < FaceDetector::kMinFacePx || grey.rows < FaceDetector::kMinFacePx) return {};
    const dlib::cv_image<unsigned char> image(grey);
    std::vector<dlib::rect_detection> found;
    detector(image, found);
    std::vector<Detection> result;
    result.reserve(found.size());
    for (const auto& d : found) {
        const auto& r = d.rect;
        if (looksDrawn(grey, cv::Rect(static_cast<int>(r.left()), static_cast<int>(r.top()),
                                      static_cast<int>(r.width()), static_cast<int>(r.height())))) {
            continue;
        }
        result.push_back({cv::Rect2f(static_cast<float>(r.left()), static_cast<float>(r.top()),
                                     static_cast<float>(r.width()), static_cast<float>(r.height())),
                          d.detection_confidence});
    }
    std::sort(result.begin(), result.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
    return result;
}

}  // namespace

struct FaceDetector::Impl {
    // dlib's detectors keep scratch buffers, so each FaceDetector owns its own.
    mutable dlib::frontal_face_detector detector = dlib::get_frontal_face_detector();
    mutable dlib::frontal_face_detector oneLevel = firstLevels(detector, 1);
    mutable dlib::frontal_face_detector twoLevels = firstLevels(detector, 2);
    mutable std::vector<dlib::array2d<unsigned char>> levels;
};

FaceDetector::FaceDetector() : m_impl(std::make_unique<Impl>()) {}
FaceDetector::~FaceDetector() = default;

std::vector<Detection> FaceDetector::detect(const cv::Mat& grey) const {
    return detectWith(m_impl->detector, grey);
}

std::vector<Detection> FaceDetector::detectSized(const cv::Mat& grey) const {
    return detectWith(m_impl->twoLevels, grey);
}

std::optional<Detection> FaceDetector::detectNear(const cv::Mat& grey, const cv::Rect2f& face) const {
    if (grey.type() != CV_8UC1) throw Error(ErrorKind::BadArgument, "FaceDetector needs an 8-bit grey image");
    if (face.width < 1.F || face.height < 1.F) return std::nullopt;
    // The full search finds a face at the pyramid level where it is about the size of the
    // detector's window: look at that level and the ones on either side of it.
    const dlib::pyramid_down<6> pyramid;
    const dlib::cv_image<unsigned char> image(grey);
    const double level = std::log(face.width / static_cast<double>(kMinFacePx)) / std::log(6.0 / 5.0);
    const int first = std::max(0, static_cast<int>(std::lround(level)) - kNearLevels);
    // ...and no level the full search would not look at (it stops at a minimum size).
    const auto& scanner = m_impl->detector.get_scanner();
    // (dlib's own count of the levels, create_fhog_pyramid)
    unsigned long searched = 0;
    dlib::rectangle layer = dlib::get_rect(image);
    do {
        layer = pyramid.rect_down(layer);
        ++searched;
    } while (layer.width() >= scanner.get_min_pyramid_layer_width() &&
             layer.height() >= scanner.get_min_pyramid_layer_height() && searched < scanner.get_max_pyramid_levels());
    const int last = std::min(static_cast<int>(searched) - 1, static_cast<int>(std::lround(level)) + kNearLevels);
    if (last < first) return std::nullopt;
    // The pyramid of the whole picture, as the full search builds it (each level from the one
    // above), so that the levels' pixels are the same.
    auto& levels = m_impl->levels;
    levels.resize(static_cast<std::size_t>(last) + 1);
    std::vector<std::pair<double, dlib::rectangle>> found;
    std::vector<int> foundBy;
    if (last >= 1) pyramid(image, levels[1]);
    for (std::size_t l = 2; l <= static_cast<std::size_t>(last); ++l) pyramid(levels[l - 1], levels[l]);
    // HOG cells are this many pixels of a level, counted from its top-left corner.
    const auto cellPx = static_cast<long>(scanner.get_cell_size());
    for (int l = first; l <= last; ++l) {
        auto& down = levels[static_cast<std::size_t>(l)];
        const cv::Mat levelImage = l == 0 ? grey
                                          : cv::Mat(static_cast<int>(down.nr()), static_cast<int>(down.nc()), CV_8UC1,
                                                    down.begin(), static_cast<std::size_t>(down.width_step()));
        // The face and half its size around it at this level, from a whole cell, so that the HOG
        // cells there are the full search's.
        const dlib::drectangle at =
            pyramid.rect_down(dlib::drectangle(face.x, face.y, face.x + face.width - 1.F, face.y + face.height - 1.F),
                              static_cast<unsigned int>(l));
        const double margin = at.width() / 2.0;
        const long left =
            std::max(0L, static_cast<long>(std::floor((at.left() - margin) / static_cast<double>(cellPx))) * cellPx);
        const long top =
            std::max(0L, static_cast<long>(std::floor((at.top() - margin) / static_cast<double>(cellPx))) * cellPx);
        const long right =
            std::min(static_cast<long>(levelImage.cols), static_cast<long>(std::ceil(at.right() + margin)));
        const long bottom =
            std::min(static_cast<long>(levelImage.rows), static_cast<long>(std::ceil(at.bottom() + margin)));
        if (right - left < kMinFacePx || bottom - top < kMinFacePx) continue;
        const cv::Mat crop = levelImage(cv::Rect(static_cast<int>(left), static_cast<int>(top),
                                                 static_cast<int>(right - left), static_cast<int>(bottom - top)));
        std::vector<dlib::rect_detection> atLevel;
        m_impl->oneLevel(dlib::cv_image<unsigned char>(crop), atLevel);
        for (const auto& d : atLevel) {
            dlib::rectangle r = dlib::translate_rect(d.rect, left, top);
            r = pyramid.rect_up(r, static_cast<unsigned int>(l));
            found.emplace_back(d.detection_confidence, r);
            foundBy.push_back(static_cast<int>(d.weight_index));
        }
    }
    // The full search keeps, of overlapping boxes from one of its detectors, the most certain.
    std::vector<std::size_t> order(found.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return found[a].first > found[b].first; });
    std::vector<std::size_t> kept;
    const auto& overlaps = m_impl->detector.get_overlap_tester();
    for (const std::size_t i : order) {
        const bool suppressed = std::any_of(kept.begin(), kept.end(), [&](std::size_t k) {
            return foundBy[k] == foundBy[i] && overlaps(found[k].second, found[i].second);
        });
        if (!suppressed) kept.push_back(i);
    }
    std::optional<Detection> best;
    double bestOverlap = 0.0;
    for (const std::size_t i : kept) {
        const auto& r = found[i].second;
        const cv::Rect2f box(static_cast<float>(r.left()), static_cast<float>(r.top()), static_cast<float>(r.width()),
                             static_cast<float>(r.height()));
        const double overlap = intersectionOverUnion(box, face);
        if (overlap > bestOverlap && !looksDrawn(grey, cv::Rect(box))) {
            bestOverlap = overlap;
            best = Detection{box, found[i].first};
        }
    }
    return best;
}

}  // namespace posesmart
