#include "analysis/SessionAnalyzer.h"

#include <cmath>

namespace posesmart {

SessionAnalyzer::SessionAnalyzer(SessionSettings settings)
    : m_settings(settings),
      m_blinks(settings.blink),
      m_blinkRate(settings.blinkRate),
      m_posture(settings.posture),
      m_presence(settings.presence),
      m_alerts(settings.alerts) {}

void SessionAnalyzer::startCalibration(const CalibrationSettings& settings) {
    m_calibrator.emplace(settings);
}

void SessionAnalyzer::setBaseline(const std::optional<PostureBaseline>& baseline) {
    m_sourceBaseline = baseline;
    if (!baseline || m_frameSize.width <= 0 || baseline->frameWidth <= 0 || baseline->frameWidth == m_frameSize.width) {
        m_posture.setBaseline(baseline);
        return;
    }
    // A baseline from another resolution of the same camera: pixels scale with the width.
    PostureBaseline fitted = *baseline;
    const double factor = static_cast<double>(m_frameSize.width) / baseline->frameWidth;
    fitted.iodPx *= factor;
    fitted.eyeLineYPx *= factor;
    fitted.frameWidth = m_frameSize.width;
    fitted.frameHeight = m_frameSize.height;
    m_posture.setBaseline(fitted);
}

bool SessionAnalyzer::eyesUsable(const FrameResult& frame) const {
    if (!frame.measurements || frame.eyePatches.empty()) return false;
    const FaceMeasurements& m = *frame.measurements;
    if (m.poseValid && std::abs(m.yawDeg) > m_settings.maxEyeYawDeg) return false;
    if (m_boxCentres.size() < 3) return true;
    // Landmarks that jump around the face (a tracker losing it, motion blur) are not read: the box
    // centre's distance from the straight line fitted through the last span of frames.
    double meanT = 0.0;
    cv::Point2d meanP;
    for (const auto& [t, p] : m_boxCentres) {
        meanT += t;
        meanP += cv::Point2d(p);
    }
    const double n = static_cast<double>(m_boxCentres.size());
    meanT /= n;
    meanP /= n;
    double varT = 0.0;
    cv::Point2d covTP;
    for (const auto& [t, p] : m_boxCentres) {
        varT += (t - meanT) * (t - meanT);
        covTP += (t - meanT) * (cv::Point2d(p) - meanP);
    }
    const cv::Point2d velocity = varT > 0.0 ? covTP / varT : cv::Point2d();
    double squares = 0.0;
    for (const auto& [t, p] : m_boxCentres) {
        const cv::Point2d off = cv::Point2d(p) - (meanP + velocity * (t - meanT));
        squares += off.dot(off);
    }
    return std::sqrt(squares / n) <= m_settings.maxJitterIod * std::max(1.0, m.iodPx);
}

void SessionAnalyzer::readEyes(const FrameResult& frame, SessionUpdate& out) {
    if (frame.measurements) {
        const cv::Rect2f& box = frame.measurements->faceBox;
        m_boxCentres.emplace_back(frame.timestampSec, cv::Point2f(box.x + box.width / 2.F, box.y + box.height / 2.F));
        while (frame.timestampSec - m_boxCentres.front().first > m_settings.jitterSpanSec) m_boxCentres.pop_front();
    } else {
        m_boxCentres.clear();
    }
    out.eyesUsable = eyesUsable(frame);
    EyeFrame eyes;
    eyes.frame = frame.frameIndex;
    eyes.timestampSec = frame.timestampSec;
    eyes.usable = out.eyesUsable;
    if (out.eyesUsable) {
        eyes.earLeft = frame.measurements->earLeft;
        eyes.earRight = frame.measurements->earRight;
        eyes.patches = frame.eyePatches;
    }
    const BlinkUpdate update = m_blinks.update(eyes);
    out.blink = update.blink;
    out.closure = update.closure;
    out.unreadable = update.unreadable;
    out.blinkScore = update.score;
    out.blinkThreshold = update.threshold;
    m_blinkRate.addFrame(frame.timestampSec, out.eyesUsable);
    if (out.blink) m_blinkRate.addBlink(out.blink->endSec);
    out.blinkRatePerMin = m_blinkRate.perMinute();
}

AlertConditions SessionAnalyzer::conditions(double timestampSec, PostureState posture) const {
    AlertConditions c{};
    c[static_cast<std::size_t>(AlertKind::ForwardHead)] = posture == PostureState::ForwardHead;
    c[static_cast<std::size_t>(AlertKind::Slouch)] = posture == PostureState::Slouch;
    c[static_cast<std::size_t>(AlertKind::TooClose)] = posture == PostureState::TooClose;
    c[static_cast<std::size_t>(AlertKind::Tilted)] = posture == PostureState::Tilted;
    c[static_cast<std::size_t>(AlertKind::LowBlinkRate)] = m_presence.present() && m_blinkRate.low();
    c[static_cast<std::size_t>(AlertKind::SittingTooLong)] =
        m_presence.sittingSec(timestampSec) >= m_settings.sittingLimitSec;
    c[static_cast<std::size_t>(AlertKind::EyeBreak)] =
        m_presence.screenSec(timestampSec) >= m_settings.eyeBreakEverySec;
    return c;
}

SessionUpdate SessionAnalyzer::update(const FrameResult& frame, cv::Size frameSize) {
    SessionUpdate out;
    const double now = frame.timestampSec;
    out.timestampSec = now;
    out.faceSeen = frame.measurements.has_value();
    if (frameSize != m_frameSize) {
        m_frameSize = frameSize;
        if (m_sourceBaseline) setBaseline(m_sourceBaseline);
    }

    readEyes(frame, out);

    if (m_calibrator) {
        out.calibrationProgress = m_calibrator->progress(now);
        if (m_calibrator->add(now, frame.measurements, frameSize)) {
            out.calibration = m_calibrator->finish();
            m_calibrator.reset();
            out.calibrationProgress = 1.0;
            if (out.calibration->baseline) setBaseline(out.calibration->baseline);
        }
    }

    const PresenceUpdate presence = m_presence.update(now, out.faceSeen);
    out.present = presence.present;
    out.breakTaken = presence.breakTaken;

    out.posture = m_posture.update(now, frame.measurements);
    out.reading = m_posture.lastReading();

    out.alert = m_alerts.update(now, conditions(now, out.posture));
    if (out.alert && out.alert->kind == AlertKind::EyeBreak) m_presence.restTaken(now);

    return out;
}

}  // namespace posesmart
