#include "vision/EyeAppearance.h"

#include <cmath>
#include <opencv2/imgproc.hpp>

namespace posesmart {

namespace {

// Patch size in samples, and how much wider than the corner-to-corner distance it looks.
constexpr int kPatchWidth = 32;
constexpr int kPatchHeight = 16;
constexpr float kPatchSpan = 1.4F;
constexpr float kBlurFromStep = 1.5F;
// Gaussian smoothing of the sampled patch, sigma in samples.
constexpr double kPatchSmoothing = 1.0;

cv::Mat samplePatch(const cv::Mat& bgr, cv::Point2f cornerA, cv::Point2f cornerB) {
    cv::Point2f axis = cornerB - cornerA;
    if (axis.x < 0.F) axis = -axis;  // left to right in the image, whichever corner is which
    const float length = std::sqrt(axis.dot(axis));
    const cv::Point2f centre = (cornerA + cornerB) * 0.5F;
    const float step = std::max(length, 1.F) * kPatchSpan / kPatchWidth;  // image pixels per sample
    const float angle = std::atan2(axis.y, axis.x);
    // Sampling a large eye at a coarse step aliases: image noise and compression blocks then change
    // the patch from frame to frame. Above kBlurFromStep pixels per sample the eye's region is
    // smoothed first (Gaussian, sigma half a step), as a resampling filter should.
    cv::Point2f origin(0.F, 0.F);
    cv::Mat region = bgr;
    if (step > kBlurFromStep) {
        const float sigma = 0.5F * step;
        // Only the turned patch's bounding box, and the blur's reach around it, is smoothed.
        const float cosine = std::abs(std::cos(angle));
        const float sine = std::abs(std::sin(angle));
        const float margin = 3.F * sigma + 2.F;
        const float reachX = 0.5F * step * (kPatchWidth * cosine + kPatchHeight * sine) + margin;
        const float reachY = 0.5F * step * (kPatchWidth * sine + kPatchHeight * cosine) + margin;
        const cv::Rect box = cv::Rect(cv::Point(cvFloor(centre.x - reachX), cvFloor(centre.y - reachY)),
                                      cv::Point(cvCeil(centre.x + reachX), cvCeil(centre.y + reachY))) &
                             cv::Rect(0, 0, bgr.cols, bgr.rows);
        if (box.area() > 0) {
            cv::cvtColor(bgr(box), region, cv::COLOR_BGR2GRAY);  // one channel to smooth, not three
            // The kernel GaussianBlur would take for 8-bit pictures (3 sigma each side), applied as a
            // plain separable filter: GaussianBlur's bit-exact path costs four times as much.
            const int kernelSize = cvRound(sigma * 3.F * 2.F + 1.F) | 1;
            const cv::Mat kernel = cv::getGaussianKernel(kernelSize, sigma, CV_32F);
            cv::sepFilter2D(region, region, -1, kernel, kernel, cv::Point(-1, -1), 0.0, cv::BORDER_REFLECT_101);
            origin = cv::Point2f(static_cast<float>(box.x), static_cast<float>(box.y));
        }
    }
    const float c = std::cos(angle) * step;
    const float s = std::sin(angle) * step;
    // Patch -> image: a turned, scaled grid centred on the eye.
    const cv::Point2f at = centre - origin;
    const cv::Matx23f toImage(c, -s, at.x - c * kPatchWidth / 2.F + s * kPatchHeight / 2.F,  //
                              s, c, at.y - s * kPatchWidth / 2.F - c * kPatchHeight / 2.F);
    cv::Mat sampled;
    cv::warpAffine(region, sampled, toImage, cv::Size(kPatchWidth, kPatchHeight),
                   cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_REPLICATE);
    cv::Mat grey = sampled;
    if (sampled.channels() == 3) cv::cvtColor(sampled, grey, cv::COLOR_BGR2GRAY);
    cv::Mat patch;
    grey.convertTo(patch, CV_32F);
    // What a blink changes is a few samples wide (the iris and the white go under the lid); what
    // sensor noise and compression change is one sample. Smoothing keeps the first and averages out
    // most of the second, so the comparison with the template reads the lids, not the noise.
    cv::GaussianBlur(patch, patch, cv::Size(0, 0), kPatchSmoothing, kPatchSmoothing, cv::BORDER_REPLICATE);
    cv::Scalar mean;
    cv::Scalar deviation;
    cv::meanStdDev(patch, mean, deviation);
    patch = (patch - mean[0]) / std::max(1.0, deviation[0]);
    return patch;
}

}  // namespace

EyePatches extractEyePatches(const cv::Mat& bgr, const Landmarks& points) {
    EyePatches out;
    // The person's left eye is on the image's right: points 42-47, corners 42 and 45.
    out.eyes[0] = samplePatch(bgr, points[landmark::kLeftEyeFirst], points[landmark::kLeftEyeFirst + 3]);
    out.eyes[1] = samplePatch(bgr, points[landmark::kRightEyeFirst], points[landmark::kRightEyeFirst + 3]);
    return out;
}

std::array<double, 2> EyeAppearance::closure(const EyePatches& patches) const {
    std::array<double, 2> out{0.0, 0.0};
    if (!hasTemplate() || patches.empty()) return out;
    for (std::size_t i = 0; i < 2; ++i) {
        const double norms = std::sqrt(patches.eyes[i].dot(patches.eyes[i]) * m_templates[i].dot(m_templates[i]));
        const double correlation = norms > 0.0 ? patches.eyes[i].dot(m_templates[i]) / norms : 0.0;
        out[i] = 1.0 - correlation;
    }
    return out;
}

void EyeAppearance::learn(const EyePatches& patches, double weight) {
    if (patches.empty()) return;
    for (std::size_t i = 0; i < 2; ++i) {
        if (m_templates[i].empty() || weight >= 1.0) {
            m_templates[i] = patches.eyes[i].clone();
        } else {
            cv::addWeighted(m_templates[i], 1.0 - weight, patches.eyes[i], weight, 0.0, m_templates[i]);
        }
    }
}

void EyeAppearance::reset() {
    m_templates = {};
}

}  // namespace posesmart
