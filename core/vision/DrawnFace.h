// DrawnFace: tells a line drawing of a face from a photographed one. Skin in a photograph is
// shaded everywhere (light falls off over cheeks, nose and forehead), so few pixels of a face share
// one grey level; a line drawing is bare paper crossed by ink lines, so most of its pixels do.
// dlib's HOG detector scores a line drawing like a face; FaceDetector drops what this calls drawn.
#pragma once

#include <opencv2/core/mat.hpp>

namespace posesmart {

// Share of the face's pixels that lie at its median grey level, within 3% of its tonal range
// (5th to 95th percentile), over the inner 80% of `faceBox` in the 8-bit grey `grey`. Clipped
// pixels (<= 4 or >= 250) are left out: a blown-out or crushed area says nothing about shading.
// Measured by test_drawn_face: at most 0.16 for 46 annotated photographed faces, and 0.34 when
// they are exposed from a quarter to three times as long; 0.68 for the Picasso line drawing in
// ../shared/testdata/bad.
// Returns -1 when too little of the face is unclipped to tell.
double bareShare(const cv::Mat& grey, const cv::Rect& faceBox);

// A face is taken for a drawing above this share; in doubt (-1) it is a face.
inline constexpr double kDrawnMinBareShare = 0.55;

inline bool looksDrawn(const cv::Mat& grey, const cv::Rect& faceBox) {
    return bareShare(grey, faceBox) > kDrawnMinBareShare;
}

}  // namespace posesmart
