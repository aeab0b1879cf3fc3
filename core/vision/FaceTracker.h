// FaceTracker: finds the user's face, then follows it from frame to frame through its landmarks,
// re-detecting in a small region around it and over the whole frame only when needed.
#pragma once

#include "vision/FaceDetector.h"
#include "vision/LandmarkModel.h"
#include "vision/SceneChange.h"
#include "vision/StageTimes.h"

#include <optional>
#include <vector>

namespace posesmart {

enum class TrackingMode {
    Tracking,          // detect once, then follow the landmarks
    DetectEveryFrame,  // the original method: full-frame detection on every frame (the reference)
};

struct TrackerSettings {
    TrackingMode mode = TrackingMode::Tracking;
    // Full-frame detection runs on the frame scaled to this long side (down for large frames,
    // up to kMaxDetectUpscale for tiny ones), so its cost does not grow with the camera resolution.
    int detectLongSidePx = 640;
    int detectMinLongSidePx = 320;
    double maxDetectUpscale = 2.0;
    // Region re-detection: a region this many times the predicted face's size, scaled so the face
    // is FaceDetector::kSizedFacePx wide (a scan of two HOG levels of under 200 pixels).
    double regionScale = 2.0;
    double verifyEverySec = 0.5;  // region re-detection schedule while tracking (by time: 15 and 30 fps cost alike)
    int missesBeforeLost = 2;     // failed region re-detections before a full one
    // Slow schedule, every fullRedetectSec: the full-frame search's box for the followed face
    // (the landmarks are re-anchored to it) and the faces in view. When the picture outside the
    // followed face (and the body below it) has not changed by more than sceneChangeLevels grey
    // levels anywhere since the last full search, no other face can have come into view, and the
    // search looks only around the followed face (the same box, a fraction of the cost); the whole
    // frame is searched again at least every fullRedetectMaxSec.
    double fullRedetectSec = 2.0;
    double fullRedetectMaxSec = 10.0;
    double sceneChangeLevels = 10.0;
    // Nobody followed for absentAfterSec: the whole frame is searched only every absentSearchSec,
    // and each of those searches makes one of the retries below, in turn (smoothed, turned one way,
    // the other): two passes of the detector (about 50 ms of a core at 640x480) instead of four. An
    // empty chair does not keep a core busy; someone sitting down is found at the next search, or
    // (dim light, a tilted head) within three.
    double absentAfterSec = 2.0;
    double absentSearchSec = 1.0;
    // In dim light a webcam's sensor noise drowns the gradients HOG reads: when the full search
    // finds no face, or the region check not the followed one, it looks again in the picture
    // smoothed by a Gaussian of this sigma (pixels at the scale searched; 0: never).
    double denoiseSigma = 1.5;
    // HOG finds faces tilted up to about 12 degrees; when it finds none, it looks again in the
    // frame turned by this much each way.
    double tiltedRetryDeg = 15.0;
    // Landmarks are fitted again when the face's tilt differs from the expected one by this much.
    double refitRollDeg = 1.5;
};

// NearDetection: the full-frame search's box for the followed face, found by searching around it
// only (the rest of the picture had not changed).
enum class TrackMethod { None, FullDetection, RegionDetection, Tracked, NearDetection };

struct TrackResult {
    std::optional<Landmarks> landmarks;
    cv::Rect2f box;  // the face box the landmarks were fitted in
    int facesSeen = 0;
    TrackMethod method = TrackMethod::None;
};

class FaceTracker {
public:
    FaceTracker(const LandmarkModel& model, TrackerSettings settings = {});

    // Landmarks of the tracked (or largest) face in `bgr`; times are added to `times`.
    TrackResult process(const cv::Mat& bgr, double timestampSec, StageTimes& times);
    void reset();

    // Every face in the frame, through the same scaling and grey conversion as `process` (and, when
    // none is found, the same second look at the picture smoothed).
    [[nodiscard]] std::vector<Detection> detectAll(const cv::Mat& bgr, StageTimes& times) const;
    // The scale at which the full detection looks at a frame of this size (settings: detectLongSidePx).
    [[nodiscard]] double detectionScale(cv::Size frameSize) const;
    [[nodiscard]] const LandmarkModel& landmarkModel() const { return m_model; }

private:
    // Where the detector's box sits relative to the landmarks, in units of the landmarks' spread.
    struct BoxRelation {
        cv::Point2f offset;
        cv::Size2f size;
    };

    // The frame as the whole-frame search reads it: grey, scaled by detectionScale.
    [[nodiscard]] cv::Mat searchPicture(const cv::Mat& bgr, StageTimes& times) const;
    // One pass of the detector over that picture (`scale`: detectionScale), smoothed by `smoothSigma`
    // and turned by `rotationDeg` first when non-zero; boxes in the frame's coordinates.
    [[nodiscard]] std::vector<Detection> detectIn(const cv::Mat& picture, double scale, StageTimes& times,
                                                  double rotationDeg, double smoothSigma = 0.0) const;
    // The whole frame, plainly and, when nothing is found, with the retries (all, or the next one in
    // turn); `rollDeg` is set to the turn of the pass that found the faces.
    std::vector<Detection> searchWholeFrame(const cv::Mat& bgr, StageTimes& times, bool oneRetry, double& rollDeg);
    [[nodiscard]] bool faceInRegion(const cv::Mat& bgr, const cv::Rect2f& predicted, StageTimes& times) const;
    // The box the full-frame search would give the face at `predicted` (FaceDetector::detectNear).
    [[nodiscard]] std::optional<cv::Rect2f> faceNear(const cv::Mat& bgr, const cv::Rect2f& predicted,
                                                     StageTimes& times) const;
    [[nodiscard]] cv::Rect2f predictBox(const Landmarks& points) const;
    // Whether the picture changed outside the followed face since the last full-frame search.
    [[nodiscard]] bool sceneChanged(const cv::Mat& bgr, const cv::Rect2f& predicted, StageTimes& times) const;
    static BoxRelation relate(const Landmarks& points, const cv::Rect2f& box);

    const LandmarkModel& m_model;
    TrackerSettings m_settings;
    FaceDetector m_detector;
    std::optional<Landmarks> m_last;
    BoxRelation m_relation{};
    double m_lastFullDetectionSec = 0.0;
    double m_lastSceneCheckSec = 0.0;
    SceneThumbnail m_sceneAtFullDetection;
    cv::Rect2f m_boxAtFullDetection;
    double m_lastVerifySec = 0.0;
    int m_misses = 0;
    int m_facesSeen = 0;
    std::optional<double> m_lastFaceSec;  // the last frame with a face followed (or the first frame)
    int m_nextRetry = 0;                  // which retry an empty chair's search makes next
};

}  // namespace posesmart
