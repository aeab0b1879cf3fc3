// EyeAppearance: how much each eye looks like the same person's open eye a moment ago.
//
// The 68-point model follows closing lids poorly on some faces (low contrast, back light): the eye
// aspect ratio may drop by only 15% in a full blink. The appearance of the eye does change
// completely, since the iris and the white of the eye disappear under the lid. Each eye is sampled
// into a small patch aligned with its corners, smoothed so that sensor noise averages out, and
// compared (normalised cross-correlation) with a template of that person's open eye that is
// refreshed while the eyes are known to be open.
#pragma once

#include "vision/Landmarks.h"

#include <array>
#include <opencv2/core/mat.hpp>

namespace posesmart {

// Two eye patches (the person's left eye first), zero-mean and unit-variance, CV_32F.
struct EyePatches {
    std::array<cv::Mat, 2> eyes;
    [[nodiscard]] bool empty() const { return eyes[0].empty() || eyes[1].empty(); }
};

// Samples both eyes of `bgr` around the eye corners of `points`.
EyePatches extractEyePatches(const cv::Mat& bgr, const Landmarks& points);

class EyeAppearance {
public:
    // Per eye: 1 - correlation with the open-eye template (0 = looks open as usual, about 1 =
    // nothing alike). Zero until a template exists.
    [[nodiscard]] std::array<double, 2> closure(const EyePatches& patches) const;
    // Blends `patches` into the templates; `weight` in (0, 1], 1 replaces them.
    void learn(const EyePatches& patches, double weight);
    [[nodiscard]] bool hasTemplate() const { return !m_templates[0].empty(); }
    void reset();

private:
    std::array<cv::Mat, 2> m_templates;
};

}  // namespace posesmart
