#include "vision/FaceTracker.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace posesmart {

namespace {

// Below this overlap a detection is someone (or something) else.
constexpr float kSameFaceMinIoU = 0.3F;
// A predicted face with less than this share inside the frame has left it.
constexpr float kMinVisibleShare = 0.5F;

cv::Rect2f scaleAroundCentre(const cv::Rect2f& r, float factor) {
    const cv::Point2f centre(r.x + r.width / 2.F, r.y + r.height / 2.F);
    const cv::Size2f size(r.width * factor, r.height * factor);
    return {centre.x - size.width / 2.F, centre.y - size.height / 2.F, size.width, size.height};
}

// Grey first, then scaled: a third of the pixels to resample (a region check's picture takes 0.5 ms
// instead of 1.0 ms), and the same picture to within a grey level, as both steps are averages.
cv::Mat toGrey(const cv::Mat& bgr, double scale) {
    cv::Mat grey;
    cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    if (std::abs(scale - 1.0) > 1e-3) {
        cv::resize(grey, grey, cv::Size(), scale, scale, scale < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
    }
    return grey;
}

std::vector<Detection> toFrameCoordinates(std::vector<Detection> found, double scale, cv::Point2f origin) {
    const auto inverse = static_cast<float>(1.0 / scale);
    for (auto& d : found) {
        d.box = cv::Rect2f(d.box.x * inverse + origin.x, d.box.y * inverse + origin.y, d.box.width * inverse,
                           d.box.height * inverse);
    }
    return found;
}

// The landmarks' centre of mass and their RMS distance from it: a position and scale that do not
// depend on any box.
std::pair<cv::Point2f, float> centroidAndSpread(const Landmarks& points) {
    cv::Point2f centroid(0.F, 0.F);
    for (const auto& p : points) centroid += p;
    centroid /= static_cast<float>(points.size());
    double sumSquares = 0.0;
    for (const auto& p : points) sumSquares += (p - centroid).dot(p - centroid);
    const double spread = std::sqrt(sumSquares / static_cast<double>(points.size()));
    return {centroid, static_cast<float>(std::max(spread, 1e-3))};
}

}  // namespace

FaceTracker::FaceTracker(const LandmarkModel& model, TrackerSettings settings) : m_model(model), m_settings(settings) {}

void FaceTracker::reset() {
    m_last.reset();
    m_lastSceneCheckSec = 0.0;
    m_sceneAtFullDetection = {};
    m_lastVerifySec = 0.0;
    m_misses = 0;
    m_facesSeen = 0;
    m_lastFaceSec.reset();
    m_nextRetry = 0;
}

std::vector<Detection> FaceTracker::detectAll(const cv::Mat& bgr, StageTimes& times) const {
    const cv::Mat grey = searchPicture(bgr, times);
    const double scale = detectionScale(bgr.size());
    std::vector<Detection> found = detectIn(grey, scale, times, 0.0);
    if (found.empty() && m_settings.denoiseSigma > 0.0)
        found = detectIn(grey, scale, times, 0.0, m_settings.denoiseSigma);
    return found;
}

double FaceTracker::detectionScale(cv::Size frameSize) const {
    const int longSide = std::max(frameSize.width, frameSize.height);
    if (longSide > m_settings.detectLongSidePx) return static_cast<double>(m_settings.detectLongSidePx) / longSide;
    if (longSide < m_settings.detectMinLongSidePx) {
        return std::min(m_settings.maxDetectUpscale, static_cast<double>(m_settings.detectMinLongSidePx) / longSide);
    }
    return 1.0;
}

cv::Mat FaceTracker::searchPicture(const cv::Mat& bgr, StageTimes& times) const {
    const ScopedStageTimer timer(times.preprocessMs);
    return toGrey(bgr, detectionScale(bgr.size()));
}

std::vector<Detection> FaceTracker::detectIn(const cv::Mat& picture, double scale, StageTimes& times,
                                             double rotationDeg, double smoothSigma) const {
    cv::Mat smoothed;  // a picture of its own: `picture` serves the next passes as it is
    if (smoothSigma > 0.0) {
        const ScopedStageTimer timer(times.preprocessMs);
        cv::GaussianBlur(picture, smoothed, cv::Size(), smoothSigma);
    }
    const cv::Mat& grey = smoothSigma > 0.0 ? smoothed : picture;
    ++times.wholeFramePasses;
    if (rotationDeg == 0.0) {
        const ScopedStageTimer timer(times.detectMs);
        return toFrameCoordinates(m_detector.detect(grey), scale, {0.F, 0.F});
    }
    // Look for a face tilted by `rotationDeg` (clockwise) in a copy turned upright; report its box
    // where it lies in the unturned frame.
    const cv::Point2f centre(static_cast<float>(grey.cols) / 2.F, static_cast<float>(grey.rows) / 2.F);
    const cv::Mat turn = cv::getRotationMatrix2D(centre, rotationDeg, 1.0);
    cv::Mat upright;
    {
        const ScopedStageTimer timer(times.preprocessMs);
        cv::warpAffine(grey, upright, turn, grey.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    }
    std::vector<Detection> found;
    {
        const ScopedStageTimer timer(times.detectMs);
        found = m_detector.detect(upright);
    }
    cv::Mat back;
    cv::invertAffineTransform(turn, back);
    for (auto& d : found) {
        const cv::Point2d c(d.box.x + d.box.width / 2.0, d.box.y + d.box.height / 2.0);
        const cv::Point2d original(back.at<double>(0, 0) * c.x + back.at<double>(0, 1) * c.y + back.at<double>(0, 2),
                                   back.at<double>(1, 0) * c.x + back.at<double>(1, 1) * c.y + back.at<double>(1, 2));
        d.box.x = static_cast<float>(original.x) - d.box.width / 2.F;
        d.box.y = static_cast<float>(original.y) - d.box.height / 2.F;
    }
    return toFrameCoordinates(std::move(found), scale, {0.F, 0.F});
}

std::vector<Detection> FaceTracker::searchWholeFrame(const cv::Mat& bgr, StageTimes& times, bool oneRetry,
                                                     double& rollDeg) {
    rollDeg = 0.0;
    const double tilt = m_settings.tiltedRetryDeg;
    const double sigma = m_settings.denoiseSigma;
    const cv::Mat grey = searchPicture(bgr, times);  // once, for every pass
    const double scale = detectionScale(bgr.size());
    std::vector<Detection> found = detectIn(grey, scale, times, 0.0);
    if (!found.empty()) return found;
    if (!oneRetry) {
        if (sigma > 0.0) found = detectIn(grey, scale, times, 0.0, sigma);
        for (const double turn : {tilt, -tilt}) {
            if (!found.empty() || turn == 0.0) break;
            found = detectIn(grey, scale, times, turn);
            rollDeg = turn;
        }
        return found;
    }
    const int retry = m_nextRetry;
    m_nextRetry = (m_nextRetry + 1) % 3;
    if (retry == 0 && sigma > 0.0) return detectIn(grey, scale, times, 0.0, sigma);
    if (retry == 0 || tilt == 0.0) return found;
    rollDeg = retry == 1 ? tilt : -tilt;
    return detectIn(grey, scale, times, rollDeg);
}

std::optional<cv::Rect2f> FaceTracker::faceNear(const cv::Mat& bgr, const cv::Rect2f& predicted,
                                                StageTimes& times) const {
    const double scale = detectionScale(bgr.size());
    cv::Mat grey;
    {
        const ScopedStageTimer timer(times.preprocessMs);
        grey = toGrey(bgr, scale);
    }
    const auto s = static_cast<float>(scale);
    std::optional<Detection> found;
    {
        const ScopedStageTimer timer(times.detectMs);
        found = m_detector.detectNear(
            grey, cv::Rect2f(predicted.x * s, predicted.y * s, predicted.width * s, predicted.height * s));
    }
    if (!found) return std::nullopt;
    const cv::Rect2f box = toFrameCoordinates({*found}, scale, {0.F, 0.F}).front().box;
    if (intersectionOverUnion(box, predicted) < kSameFaceMinIoU) return std::nullopt;
    return box;
}

bool FaceTracker::faceInRegion(const cv::Mat& bgr, const cv::Rect2f& predicted, StageTimes& times) const {
    const cv::Rect frameRect(0, 0, bgr.cols, bgr.rows);
    const cv::Rect region =
        cv::Rect(scaleAroundCentre(predicted, static_cast<float>(m_settings.regionScale))) & frameRect;
    if (region.empty()) return false;
    const double scale = FaceDetector::kSizedFacePx / std::max(1.F, predicted.width);
    cv::Mat grey;
    {
        const ScopedStageTimer timer(times.preprocessMs);
        grey = toGrey(bgr(region), scale);
    }
    const auto foundThere = [&](const cv::Mat& picture) {
        std::vector<Detection> found;
        {
            const ScopedStageTimer timer(times.detectMs);
            found = toFrameCoordinates(m_detector.detectSized(picture), scale, cv::Point2f(region.tl()));
        }
        return std::any_of(found.begin(), found.end(), [&](const Detection& d) {
            return intersectionOverUnion(d.box, predicted) >= kSameFaceMinIoU;
        });
    };
    if (foundThere(grey)) return true;
    if (m_settings.denoiseSigma <= 0.0) return false;
    {
        const ScopedStageTimer timer(times.preprocessMs);
        cv::GaussianBlur(grey, grey, cv::Size(), m_settings.denoiseSigma);
    }
    return foundThere(grey);
}

FaceTracker::BoxRelation FaceTracker::relate(const Landmarks& points, const cv::Rect2f& box) {
    const auto [centroid, spread] = centroidAndSpread(points);
    const cv::Point2f boxCentre(box.x + box.width / 2.F, box.y + box.height / 2.F);
    return {(boxCentre - centroid) / spread, cv::Size2f(box.width / spread, box.height / spread)};
}

cv::Rect2f FaceTracker::predictBox(const Landmarks& points) const {
    const auto [centroid, spread] = centroidAndSpread(points);
    const cv::Point2f centre = centroid + m_relation.offset * spread;
    const cv::Size2f size(m_relation.size.width * spread, m_relation.size.height * spread);
    return {centre.x - size.width / 2.F, centre.y - size.height / 2.F, size.width, size.height};
}

bool FaceTracker::sceneChanged(const cv::Mat& bgr, const cv::Rect2f& predicted, StageTimes& times) const {
    SceneThumbnail now;
    {
        const ScopedStageTimer timer(times.preprocessMs);
        now = SceneThumbnail(bgr);
    }
    // The followed face moves as it talks, and the shoulders and arms below it with it; where it
    // was at the last search has changed too.
    const auto head = [](const cv::Rect2f& face) {  // the detector's box runs from the brows to the chin
        return cv::Rect2f(face.x - face.width / 2.F, face.y - face.height, 2.F * face.width, 2.5F * face.height);
    };
    const auto body = [&](const cv::Rect2f& face) {
        return cv::Rect2f(face.x - 1.5F * face.width, face.y + face.height, 4.F * face.width,
                          static_cast<float>(bgr.rows));
    };
    return now.changedSince(m_sceneAtFullDetection,
                            {head(predicted), body(predicted), head(m_boxAtFullDetection), body(m_boxAtFullDetection)},
                            m_settings.sceneChangeLevels);
}

TrackResult FaceTracker::process(const cv::Mat& bgr, double timestampSec, StageTimes& times) {
    TrackResult result;
    const bool backwards = timestampSec < m_lastFullDetectionSec || timestampSec < m_lastSceneCheckSec;
    bool fullDue = m_settings.mode == TrackingMode::DetectEveryFrame || !m_last || backwards ||
                   timestampSec - std::max(m_lastFullDetectionSec, m_lastSceneCheckSec) >= m_settings.fullRedetectSec;
    if (!m_lastFaceSec || backwards || timestampSec < *m_lastFaceSec) m_lastFaceSec = timestampSec;
    const bool absent = !m_last && m_settings.mode == TrackingMode::Tracking && !backwards &&
                        timestampSec - *m_lastFaceSec >= m_settings.absentAfterSec;
    if (absent && timestampSec - m_lastFullDetectionSec < m_settings.absentSearchSec) {
        return result;  // nobody for a while, and the frame was searched less than absentSearchSec ago
    }
    std::optional<cv::Rect2f> box;
    std::optional<cv::Rect2f> predicted;
    double rollDeg = m_last ? eyeLineRollDeg(*m_last) : 0.0;
    // Where the followed face should be: the periodic full detection stays with it too.
    if (m_last && m_settings.mode == TrackingMode::Tracking && !backwards) {
        predicted = predictBox(*m_last);
        // While the rest of the picture is as it was, the full search would find the same faces:
        // only the followed one's box is wanted, and the search around it gives the same box.
        if (fullDue && timestampSec - m_lastFullDetectionSec < m_settings.fullRedetectMaxSec) {
            m_lastSceneCheckSec = timestampSec;
            if (!sceneChanged(bgr, *predicted, times)) {
                box = faceNear(bgr, *predicted, times);
                if (box) {
                    fullDue = false;
                    rollDeg = 0.0;
                    m_lastVerifySec = timestampSec;
                    m_misses = 0;
                    result.method = TrackMethod::NearDetection;
                }
            }
        }
    }
    bool needFull = fullDue;
    if (!fullDue && !box) {
        const cv::Rect2f frameRect(0.F, 0.F, static_cast<float>(bgr.cols), static_cast<float>(bgr.rows));
        if ((*predicted & frameRect).area() < kMinVisibleShare * predicted->area()) {
            needFull = true;
        } else if (timestampSec - m_lastVerifySec >= m_settings.verifyEverySec || timestampSec < m_lastVerifySec) {
            m_lastVerifySec = timestampSec;
            // The region detection confirms the face is still there; its box is not used, since
            // HOG boxes at the region's scale jitter against the full-frame ones the relation was
            // learnt from.
            if (faceInRegion(bgr, *predicted, times)) {
                m_misses = 0;
                box = predicted;
                result.method = TrackMethod::RegionDetection;
            } else if (++m_misses >= m_settings.missesBeforeLost) {
                needFull = true;
            }
        }
        if (!box && !needFull) {
            box = predicted;
            result.method = TrackMethod::Tracked;
        }
    }
    if (needFull) {
        std::vector<Detection> found = searchWholeFrame(bgr, times, absent, rollDeg);
        m_lastFullDetectionSec = timestampSec;
        m_lastSceneCheckSec = timestampSec;
        m_lastVerifySec = timestampSec;
        {
            const ScopedStageTimer timer(times.preprocessMs);
            m_sceneAtFullDetection = SceneThumbnail(bgr);
        }
        m_misses = 0;
        m_facesSeen = static_cast<int>(found.size());
        if (found.empty()) {
            m_last.reset();
            return result;
        }
        // Stay with the face being tracked; otherwise take the largest (nearest) one.
        auto chosen = std::max_element(found.begin(), found.end(),
                                       [](const auto& a, const auto& b) { return a.box.area() < b.box.area(); });
        if (predicted) {
            const auto overlapping = std::max_element(found.begin(), found.end(), [&](const auto& a, const auto& b) {
                return intersectionOverUnion(a.box, *predicted) < intersectionOverUnion(b.box, *predicted);
            });
            if (intersectionOverUnion(overlapping->box, *predicted) >= kSameFaceMinIoU) chosen = overlapping;
        }
        box = chosen->box;
        m_boxAtFullDetection = *box;
        result.method = TrackMethod::FullDetection;
    }
    {
        // The predictor starts from an upright mean face, so it is shown the face through a box
        // turned by the expected tilt. That tilt is only a guess (the last frame's, or the
        // detector's): when the face turned out tilted well beyond it, fit once more with the
        // tilt just measured.
        const ScopedStageTimer timer(times.landmarksMs);
        m_last = m_model.fit(bgr, *box, rollDeg);
        if (std::abs(eyeLineRollDeg(*m_last) - rollDeg) >= m_settings.refitRollDeg) {
            m_last = m_model.fit(bgr, *box, eyeLineRollDeg(*m_last));
        }
    }
    if (result.method == TrackMethod::FullDetection || result.method == TrackMethod::NearDetection) {
        m_relation = relate(*m_last, *box);
    }
    m_lastFaceSec = timestampSec;
    result.landmarks = m_last;
    result.box = *box;
    result.facesSeen = std::max(1, m_facesSeen);
    return result;
}

}  // namespace posesmart
