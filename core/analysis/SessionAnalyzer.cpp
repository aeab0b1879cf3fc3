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
    // Head speed from the nose tip (closing lids move the eye centres) over a short span, since
    // single frames jitter, and the whole shape can jump a little when the eyes reopen.
    for (const auto& [t, nose] : m_noseHistory) {
        const double span = frame.timestampSec - t;
        if (span < m_settings.headSpeedSpanSec) break;
        const cv::Point2f moved = m.noseTip - nose;
        if (std::sqrt(moved.dot(moved)) / std::max(1.0, m.iodPx) / span > m_settings.maxEyeSpeedIodPerSec) return false;
    }
    return true;
}

void SessionAnalyzer::readEyes(const FrameResult& frame, SessionUpdate& out) {
    out.eyesUsable = eyesUsable(frame);
    EyeSample sample;
    sample.frame = frame.frameIndex;
    sample.timestampSec = frame.timestampSec;
    sample.usable = out.eyesUsable;
    if (out.eyesUsable) {
        if (!m_appearance.hasTemplate()) m_appearance.learn(frame.eyePatches, 1.0);
        sample.earLeft = frame.measurements->earLeft;
        sample.earRight = frame.measurements->earRight;
        sample.appearanceClosure = m_appearance.closure(frame.eyePatches);
        sample.hasAppearance = true;
    }
    const double frameSec = m_started ? frame.timestampSec - m_previousSec : 0.0;
    const BlinkUpdate update = m_blinks.update(sample);
    if (update.relearnAppearance) {
        m_appearance.learn(frame.eyePatches, 1.0);
    } else if (update.eyesOpen && frameSec > 0.0) {
        m_appearance.learn(frame.eyePatches, 1.0 - std::exp(-frameSec / m_settings.appearanceLearnSec));
    }
    out.blink = update.blink;
    out.blinkScore = update.score;
    out.blinkThreshold = update.threshold;
    out.closure = update.closure;
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

    if (frame.measurements) {
        m_noseHistory.emplace_back(now, frame.measurements->noseTip);
        while (m_noseHistory.size() > 1 && now - m_noseHistory[1].first >= m_settings.headSpeedSpanSec) {
            m_noseHistory.pop_front();
        }
    } else {
        m_noseHistory.clear();
    }
    m_previousSec = now;
    m_started = true;
    return out;
}

}  // namespace posesmart
