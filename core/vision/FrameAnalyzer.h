// FrameAnalyzer: the per-frame pipeline: track the face, fit landmarks, measure, time each stage.
#pragma once

#include "vision/EyeAppearance.h"
#include "vision/FaceMeasurements.h"
#include "vision/FaceTracker.h"
#include "common/Frame.h"

#include <optional>

namespace posesmart {

struct AnalyzerSettings {
    TrackerSettings tracker;
    double horizontalFovDeg = CameraModel::kDefaultHorizontalFovDeg;
    bool independentFrames = false;  // stills: forget the face between frames
};

struct FrameResult {
    std::int64_t frameIndex = 0;
    double timestampSec = 0.0;
    int facesSeen = 0;
    TrackMethod method = TrackMethod::None;
    cv::Rect2f detectorBox;
    std::optional<Landmarks> landmarks;
    std::optional<FaceMeasurements> measurements;
    EyePatches eyePatches;  // empty without a face
    StageTimes times;
};

// The same frame as if no face had been seen (Face ID: someone else's face is not measured).
FrameResult withoutFace(const FrameResult& result);

class FrameAnalyzer {
public:
    FrameAnalyzer(const LandmarkModel& model, AnalyzerSettings settings = {});
    FrameResult analyze(const Frame& frame);

private:
    AnalyzerSettings m_settings;
    FaceTracker m_tracker;
    CameraModel m_camera;
    cv::Size m_cameraFrameSize;
};

}  // namespace posesmart
