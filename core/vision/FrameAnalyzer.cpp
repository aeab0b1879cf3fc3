#include "vision/FrameAnalyzer.h"

namespace posesmart {

FrameResult withoutFace(const FrameResult& result) {
    FrameResult out = result;
    out.landmarks.reset();
    out.measurements.reset();
    out.eyePatches = {};
    return out;
}

FrameAnalyzer::FrameAnalyzer(const LandmarkModel& model, AnalyzerSettings settings)
    : m_settings(settings), m_tracker(model, settings.tracker) {}

FrameResult FrameAnalyzer::analyze(const Frame& frame) {
    FrameResult result;
    result.frameIndex = frame.index;
    result.timestampSec = frame.timestampSec;
    if (frame.bgr.size() != m_cameraFrameSize) {
        m_cameraFrameSize = frame.bgr.size();
        m_camera = CameraModel::fromFieldOfView(frame.bgr.cols, frame.bgr.rows, m_settings.horizontalFovDeg);
        m_tracker.reset();
    }
    if (m_settings.independentFrames) m_tracker.reset();

    const TrackResult track = m_tracker.process(frame.bgr, frame.timestampSec, result.times);
    result.facesSeen = track.facesSeen;
    result.method = track.method;
    result.detectorBox = track.box;
    result.landmarks = track.landmarks;
    if (track.landmarks) {
        const ScopedStageTimer timer(result.times.metricsMs);
        result.measurements = measureFace(*track.landmarks, m_camera);
        result.eyePatches = extractEyePatches(frame.bgr, *track.landmarks);
    }
    return result;
}

}  // namespace posesmart
