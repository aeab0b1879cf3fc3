#include "vision/ShapeRegressor.h"

#include "common/Error.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <dlib/image_processing/shape_predictor.h>
#include <fstream>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace posesmart {

namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20U;
// How many trees ahead the leaf summation prefetches.
constexpr std::size_t kPrefetchDistance = 8;
constexpr std::size_t kCacheLine = 64;
// A face whose box is larger than this is read as if it were this size: each feature pixel is the
// mean of the window of pixels it stands for. On the annotated photos enlarged to a 420-pixel face,
// darkened and given sensor noise (test_landmark_accuracy), what the landmarks move between two
// noise draws falls from 0.030 to 0.011 inter-ocular distances with the same error on clean
// pictures (100 gives about the same, 150 0.015).
constexpr float kLargestReadFacePx = 120.F;

// The 2x2 linear part of the least-squares similarity transform taking `from` to `to`
// (dlib's find_tform_between_shapes, in closed form for two dimensions).
cv::Matx22f similarityBetween(const std::vector<float>& from, const std::vector<float>& to) {
    const std::size_t n = from.size() / 2;
    float fx = 0.F, fy = 0.F, tx = 0.F, ty = 0.F;
    for (std::size_t i = 0; i < n; ++i) {
        fx += from[2 * i];
        fy += from[2 * i + 1];
        tx += to[2 * i];
        ty += to[2 * i + 1];
    }
    const auto count = static_cast<float>(n);
    fx /= count, fy /= count, tx /= count, ty /= count;
    float dot = 0.F, cross = 0.F, norm = 0.F;
    for (std::size_t i = 0; i < n; ++i) {
        const float ax = from[2 * i] - fx, ay = from[2 * i + 1] - fy;
        const float bx = to[2 * i] - tx, by = to[2 * i + 1] - ty;
        dot += ax * bx + ay * by;
        cross += ax * by - ay * bx;
        norm += ax * ax + ay * ay;
    }
    const float a = norm > 0.F ? dot / norm : 1.F;
    const float b = norm > 0.F ? cross / norm : 0.F;
    return {a, -b, b, a};
}

inline void prefetch(const void* address) {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(address);
#else
    (void)address;
#endif
}

// Asks for the cache lines of a leaf of `size` values.
inline void prefetchLeaf(const std::int16_t* leaf, std::size_t size) {
    const char* bytes = reinterpret_cast<const char*>(leaf);
    for (std::size_t offset = 0; offset < size * sizeof(std::int16_t); offset += kCacheLine) prefetch(bytes + offset);
}

#if defined(__SSE2__)
// 16 x 0xFF then 16 x 0: the 16 bytes from kLeadingBytes + 16 - n keep the first n of a load.
alignas(16) constexpr std::uint8_t kLeadingBytes[32] = {255, 255, 255, 255, 255, 255, 255, 255,
                                                        255, 255, 255, 255, 255, 255, 255, 255};
#endif

// The mean intensity ((B + G + R) / 3, as dlib reads a colour picture) of the `window` x `window`
// pixels centred on (x, y); 0 outside the picture.
float intensity(const cv::Mat& bgr, float x, float y, int window) {
    const float half = 0.5F * static_cast<float>(window - 1);
    const int left = static_cast<int>(std::floor(x - half + 0.5F));
    const int top = static_cast<int>(std::floor(y - half + 0.5F));
    if (window == 1) {
        if (left < 0 || top < 0 || left >= bgr.cols || top >= bgr.rows) return 0.F;
        const auto* p = bgr.ptr<std::uint8_t>(top) + 3 * left;
        return static_cast<float>((static_cast<unsigned>(p[0]) + p[1] + p[2]) / 3U);
    }
    const int x0 = std::max(left, 0), x1 = std::min(left + window, bgr.cols);
    const int y0 = std::max(top, 0), y1 = std::min(top + window, bgr.rows);
    if (x0 >= x1 || y0 >= y1) return 0.F;
    unsigned sum = 0;
    const int bytes = 3 * (x1 - x0);
#if defined(__SSE2__)
    // A row of the window is at most 15 bytes: one 16-byte load (kept inside the picture's row),
    // masked, summed by psadbw.
    if (bytes <= 15 && 3 * x0 + 16 <= 3 * bgr.cols) {
        const __m128i mask = _mm_loadu_si128(reinterpret_cast<const __m128i*>(kLeadingBytes + 16 - bytes));
        __m128i total = _mm_setzero_si128();
        for (int row = y0; row < y1; ++row) {
            const __m128i pixels =
                _mm_loadu_si128(reinterpret_cast<const __m128i*>(bgr.ptr<std::uint8_t>(row) + 3 * x0));
            total = _mm_add_epi64(total, _mm_sad_epu8(_mm_and_si128(pixels, mask), _mm_setzero_si128()));
        }
        sum = static_cast<unsigned>(_mm_cvtsi128_si32(total) + _mm_cvtsi128_si32(_mm_srli_si128(total, 8)));
        return static_cast<float>(sum) / static_cast<float>(bytes * (y1 - y0));
    }
#endif
    for (int row = y0; row < y1; ++row) {
        const auto* p = bgr.ptr<std::uint8_t>(row) + 3 * x0;
        for (const auto* end = p + bytes; p != end; ++p) sum += *p;
    }
    return static_cast<float>(sum) / static_cast<float>(bytes * (y1 - y0));
}

void addScaled(const std::int16_t* __restrict leaf, float scale, float* __restrict shape, std::size_t count) {
    for (std::size_t k = 0; k < count; ++k) shape[k] += scale * static_cast<float>(leaf[k]);
}

std::int16_t* allocateLeaves(std::size_t count) {
    const std::size_t bytes = (count * sizeof(std::int16_t) + kHugePage - 1) / kHugePage * kHugePage;
    void* memory = std::aligned_alloc(kHugePage, bytes);
    if (memory == nullptr) throw std::bad_alloc();
#if defined(__linux__)
    // Leaves are read at random: 2 MiB pages spare the TLB most of its misses.
    madvise(memory, bytes, MADV_HUGEPAGE);
#endif
    return static_cast<std::int16_t*>(memory);
}

// A leaf as 16-bit integers times one scale: half the memory traffic of floats, and a rounding
// error of at most 1/65534 of the leaf's largest component.
void quantizeLeaf(const float* values, std::size_t count, std::int16_t* out, float& scale) {
    float largest = 0.F;
    for (std::size_t k = 0; k < count; ++k) largest = std::max(largest, std::abs(values[k]));
    scale = largest > 0.F ? largest / 32767.F : 1.F;
    for (std::size_t k = 0; k < count; ++k) out[k] = static_cast<std::int16_t>(std::lround(values[k] / scale));
}

}  // namespace

void ShapeRegressor::FreeDeleter::operator()(std::int16_t* p) const {
    std::free(p);
}

ShapeRegressor::ShapeRegressor(const std::filesystem::path& modelFile) {
    const std::string name = modelFile.string();
    std::ifstream in(modelFile, std::ios::binary);
    if (!in) throw Error(ErrorKind::BadModel, "landmark model '" + name + "' is missing or unreadable");

    // dlib's serialisation of shape_predictor: version, initial shape, forests, anchors, deltas.
    dlib::matrix<float, 0, 1> initialShape;
    std::vector<std::vector<dlib::impl::regression_tree>> forests;
    std::vector<std::vector<unsigned long>> anchors;
    std::vector<std::vector<dlib::vector<float, 2>>> deltas;
    try {
        int version = 0;
        dlib::deserialize(version, in);
        if (version != 1) throw dlib::serialization_error("unknown shape_predictor version");
        dlib::deserialize(initialShape, in);
        dlib::deserialize(forests, in);
        dlib::deserialize(anchors, in);
        dlib::deserialize(deltas, in);
    } catch (const std::exception& e) {
        throw Error(ErrorKind::BadModel, "landmark model '" + name + "' is damaged or not a dlib shape predictor (" +
                                             std::string(e.what()).substr(0, 120) + ")");
    }
    const auto bad = [&](const std::string& why) {
        return Error(ErrorKind::BadModel, "landmark model '" + name + "' is not usable: " + why);
    };
    if (forests.empty() || forests.front().empty() || anchors.size() != forests.size() ||
        deltas.size() != forests.size() || initialShape.size() == 0) {
        throw bad("it holds no regression trees");
    }
    m_initialShape.assign(initialShape.begin(), initialShape.end());
    m_treesPerCascade = forests.front().size();
    m_splitsPerTree = forests.front().front().splits.size();
    const std::size_t leavesPerTree = m_splitsPerTree + 1;
    const std::size_t shapeSize = m_initialShape.size();
    const std::size_t totalLeaves = forests.size() * m_treesPerCascade * leavesPerTree;
    m_leaves.reset(allocateLeaves(totalLeaves * shapeSize));
    m_leafScales.resize(totalLeaves);

    std::size_t leafCursor = 0;
    for (std::size_t c = 0; c < forests.size(); ++c) {
        Cascade cascade;
        if (anchors[c].size() != deltas[c].size() || anchors[c].size() > 65535)
            throw bad("feature pixels do not match");
        for (std::size_t i = 0; i < anchors[c].size(); ++i) {
            if (anchors[c][i] >= pointCount()) throw bad("feature anchor out of range");
            cascade.anchors.push_back(static_cast<std::uint16_t>(anchors[c][i]));
            cascade.deltas.push_back(deltas[c][i].x());
            cascade.deltas.push_back(deltas[c][i].y());
        }
        if (forests[c].size() != m_treesPerCascade) throw bad("cascades differ in size");
        cascade.leafOffset = leafCursor;
        for (const auto& tree : forests[c]) {
            if (tree.splits.size() != m_splitsPerTree || tree.leaf_values.size() != leavesPerTree) {
                throw bad("trees differ in depth");
            }
            for (const auto& split : tree.splits) {
                if (split.idx1 >= anchors[c].size() || split.idx2 >= anchors[c].size()) throw bad("split out of range");
                cascade.splits.push_back(
                    {static_cast<std::uint16_t>(split.idx1), static_cast<std::uint16_t>(split.idx2), split.thresh});
            }
            for (const auto& leaf : tree.leaf_values) {
                if (static_cast<std::size_t>(leaf.size()) != shapeSize) throw bad("leaf size differs from the shape");
                quantizeLeaf(&leaf(0), shapeSize, &m_leaves[leafCursor * shapeSize], m_leafScales[leafCursor]);
                ++leafCursor;
            }
        }
        m_cascades.push_back(std::move(cascade));
    }
}

ShapeRegressor::~ShapeRegressor() = default;

void ShapeRegressor::predict(const cv::Mat& bgr, const cv::Rect2f& box, double rollDeg,
                             std::vector<float>& shape) const {
    const std::size_t shapeSize = m_initialShape.size();
    shape = m_initialShape;
    // The shape lives in the unit square of the face box: (0,0) is its top-left, (1,1) its
    // bottom-right pixel, as in dlib. A tilted face is read through the box turned by `rollDeg`
    // about its centre, which is what the model would see in the frame turned upright, without
    // turning any pixels.
    const double radians = rollDeg * CV_PI / 180.0;
    const auto cosRoll = static_cast<float>(std::cos(radians));
    const auto sinRoll = static_cast<float>(std::sin(radians));
    const float spanX = box.width - 1.F;
    const float spanY = box.height - 1.F;
    const float centreX = box.x + spanX / 2.F;
    const float centreY = box.y + spanY / 2.F;
    // Unit square -> image: (u, v) relative to the box centre, scaled to pixels, turned.
    const float ax = cosRoll * spanX, bx = -sinRoll * spanY;
    const float ay = sinRoll * spanX, by = cosRoll * spanY;
    const float ox = centreX - 0.5F * (ax + bx), oy = centreY - 0.5F * (ay + by);
    // A large face is read as the model reads a smaller one: each feature pixel is the mean of the
    // window of pixels it stands for there (kLargestReadFacePx), so that sensor noise averages out
    // instead of flipping the trees' comparisons.
    const int window = std::max(1, static_cast<int>(std::lround(std::min(box.width, box.height) / kLargestReadFacePx)));
    std::vector<float> pixelValues;
    std::vector<std::uint32_t> leafIndex(m_treesPerCascade);
    const std::size_t leavesPerTree = m_splitsPerTree + 1;

    for (const Cascade& cascade : m_cascades) {
        const cv::Matx22f tform = similarityBetween(m_initialShape, shape);
        const std::size_t pixelCount = cascade.anchors.size();
        pixelValues.resize(pixelCount);
        for (std::size_t i = 0; i < pixelCount; ++i) {
            const float dx = cascade.deltas[2 * i], dy = cascade.deltas[2 * i + 1];
            const std::size_t anchor = cascade.anchors[i];
            const float u = tform(0, 0) * dx + tform(0, 1) * dy + shape[2 * anchor];
            const float v = tform(1, 0) * dx + tform(1, 1) * dy + shape[2 * anchor + 1];
            pixelValues[i] = intensity(bgr, ox + ax * u + bx * v, oy + ay * u + by * v, window);
        }
        // All trees of a cascade read the same pixels: find every leaf first, asking for it as soon
        // as it is known (between two frames the model's 32 MB of leaves have mostly left the
        // cache: in the app a fit took 1.4 ms against 0.8 ms for frames fitted back to back)...
        for (std::size_t t = 0; t < m_treesPerCascade; ++t) {
            const Split* splits = &cascade.splits[t * m_splitsPerTree];
            std::size_t node = 0;
            while (node < m_splitsPerTree) {
                const Split& s = splits[node];
                node = pixelValues[s.pixel1] - pixelValues[s.pixel2] > s.threshold ? 2 * node + 1 : 2 * node + 2;
            }
            leafIndex[t] = static_cast<std::uint32_t>(cascade.leafOffset + t * leavesPerTree + node - m_splitsPerTree);
            prefetchLeaf(&m_leaves[leafIndex[t] * shapeSize], shapeSize);
        }
        // ...then add them up, fetching a few leaves ahead again (the first requests may have been
        // dropped while memory was busy).
        for (std::size_t t = 0; t < m_treesPerCascade; ++t) {
            if (t + kPrefetchDistance < m_treesPerCascade) {
                prefetchLeaf(&m_leaves[leafIndex[t + kPrefetchDistance] * shapeSize], shapeSize);
            }
            addScaled(&m_leaves[leafIndex[t] * shapeSize], m_leafScales[leafIndex[t]], shape.data(), shapeSize);
        }
    }
    for (std::size_t k = 0; k < shapeSize; k += 2) {
        const float u = shape[k], v = shape[k + 1];
        shape[k] = ox + ax * u + bx * v;
        shape[k + 1] = oy + ay * u + by * v;
    }
}

}  // namespace posesmart
