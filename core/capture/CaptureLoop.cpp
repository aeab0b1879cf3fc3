#include "capture/CaptureLoop.h"

#include "capture/CameraMessages.h"
#include "common/Error.h"

namespace posesmart {

CaptureLoop::CaptureLoop(const std::string& spec, CaptureLoopSettings settings, CaptureEnvironment& environment)
    : m_spec(spec),
      m_parsed(parseCaptureSpec(spec)),
      m_settings(settings),
      m_env(environment),
      m_policy(settings.release),
      m_analysisFps(settings.analysisFps) {}

void CaptureLoop::faceObserved(bool faceInView) {
    m_faceInView = faceInView;
    m_faceNews = true;
}

void CaptureLoop::report(CaptureState state, CaptureReason reason, std::string detail) {
    if (m_started && state == m_report.state && reason == m_report.reason && detail == m_report.detail) return;
    m_started = true;
    m_report = {state, reason, std::move(detail)};
    m_env.report(m_report);
}

// Whether to hold the source now; when not, the camera is closed and the loop waits a little.
bool CaptureLoop::holdOrRelease(double now) {
    m_policy.setPaused(m_paused);
    if (!m_parsed.camera) {
        if (!m_paused) return true;
        report(CaptureState::Paused);
        m_paced = false;  // a file resumes where it was, paced afresh
        m_env.sleepFor(m_settings.releasedPollSec);
        return false;
    }
    if (now >= m_nextForeignCheck) {
        m_nextForeignCheck = now + m_settings.foreignCheckEverySec;
        if (m_env.deviceUseMayHaveChanged(m_parsed.path)) {
            const std::vector<DeviceUser> users = m_env.othersUsing(m_parsed.path);
            m_policy.setForeignUse(!users.empty());
            if (!users.empty()) m_foreignUsers = cameraInUseMessage(users);
        }
    }
    if (m_policy.shouldHold(now)) return true;
    m_source.reset();  // the device is free for others
    if (m_paused) {
        report(CaptureState::Paused);
    } else if (m_policy.reason(now) == CameraReleaseReason::OtherApplication) {
        report(CaptureState::Released, CaptureReason::OtherApplication, m_foreignUsers);
    } else {
        report(CaptureState::Released, CaptureReason::NobodyInView);
    }
    m_env.sleepFor(m_settings.releasedPollSec);
    return false;
}

void CaptureLoop::pace(const Frame& frame) {
    const SourceInfo& info = m_source->info();
    const double fps = info.fps > 0.0 ? info.fps : m_settings.stillsFps;
    const double streamSec = info.fps > 0.0 ? frame.timestampSec : static_cast<double>(m_nextIndex) / fps;
    if (!m_paced) {
        m_paced = true;
        m_firstStreamSec = streamSec;
        m_firstWallSec = m_env.now();
    }
    const double wait = m_firstWallSec + (streamSec - m_firstStreamSec) - m_env.now();
    if (wait > 0.0) m_env.sleepFor(wait);
}

// Reads one frame; false when the loop is over.
bool CaptureLoop::readOne() {
    std::optional<Frame> frame;
    try {
        m_source->setMaxFps(m_analysisFps);
        frame = m_source->next();
        for (const std::string& reason : m_source->takeSkipped()) m_env.skipped(reason);
    } catch (const Error& e) {
        m_source.reset();
        if (!m_parsed.camera) {
            report(CaptureState::NoSource, CaptureReason::ReadFailed, e.what());
            return false;
        }
        report(CaptureState::Lost, CaptureReason::ReadFailed, e.what() + std::string(kCameraWaiting));
        m_env.sleepFor(m_settings.reopenEverySec);
        return true;
    }
    if (!frame) {
        m_source.reset();
        if (!m_parsed.camera) {
            report(CaptureState::Ended, CaptureReason::VideoEnded);
            return false;
        }
        report(CaptureState::Lost, CaptureReason::StoppedSending);
        m_env.sleepFor(m_settings.reopenEverySec);
        return true;
    }
    const SourceInfo& info = m_source->info();
    if (!info.live) pace(*frame);
    // A camera's frames carry the driver's capture time, on the same clock as now().
    const double capturedSec = info.live ? frame->timestampSec : m_env.now();
    m_thinner.setFps(m_analysisFps);
    if (!m_thinner.keep(capturedSec)) return true;
    frame->index = m_nextIndex++;
    frame->timestampSec = capturedSec;
    m_env.deliver(std::move(*frame));  // sources hand out frames that own their pixels
    report(CaptureState::Running, CaptureReason::None,
           info.mode.empty() ? std::string() : (info.name.empty() ? info.mode : info.name + ": " + info.mode));
    if (m_parsed.camera && m_faceNews.exchange(false)) m_policy.observe(capturedSec, m_faceInView);
    return true;
}

bool CaptureLoop::step() {
    if (!m_started) report(CaptureState::Starting, CaptureReason::None, m_spec);
    const double now = m_env.now();
    if (!holdOrRelease(now)) return true;
    if (!m_source) {
        try {
            m_source = m_env.open(m_spec);
        } catch (const Error& e) {
            if (!m_parsed.camera) {
                report(CaptureState::NoSource, CaptureReason::OpenFailed, e.what());
                return false;
            }
            const bool wasRunning = m_report.state == CaptureState::Running || m_report.state == CaptureState::Lost;
            report(wasRunning ? CaptureState::Lost : CaptureState::NoSource, CaptureReason::OpenFailed,
                   e.what() + std::string(kCameraWaiting));
            m_env.sleepFor(m_settings.reopenEverySec);
            return true;
        }
    }
    return readOne();
}

}  // namespace posesmart
