#include "session/LiveSession.h"

#include "history/LocalTime.h"

#include <cmath>

namespace posesmart {

namespace {

constexpr double kStatusEverySec = 0.1;          // status to the observer at most ten times a second
constexpr double kEnrolEverySec = 1.5;           // descriptors collected while calibrating
constexpr std::size_t kMinEnrolFaces = 3;        // ...and at least this many to enrol
constexpr int kSaveLearntFaceEveryUpdates = 10;  // the learnt face is stored this often, and at the end

FaceDescriptor meanOf(const std::vector<FaceDescriptor>& all) {
    FaceDescriptor out{};
    for (const FaceDescriptor& d : all) {
        for (std::size_t i = 0; i < out.size(); ++i) out[i] += d[i] / static_cast<float>(all.size());
    }
    return out;
}

}  // namespace

LiveSession::LiveSession(const LandmarkModel& landmarks, LiveSessionOptions options, SessionObserver& observer)
    : m_landmarks(landmarks),
      m_options(std::move(options)),
      m_observer(observer),
      m_analyzer(m_landmarks, m_options.analyzer),
      m_history(m_options.history, observer),
      m_stillFace(m_options.stillFace) {
    newAnalysis(m_options.analysis);
    loadProfile();
    announceProfile();
}

LiveSession::~LiveSession() = default;

void LiveSession::newAnalysis(const SessionSettings& settings) {
    const std::optional<PostureBaseline> baseline = m_analysis ? m_analysis->baseline() : std::nullopt;
    m_analysis = std::make_unique<SessionAnalyzer>(settings);
    m_analysis->setBaseline(baseline);
    m_analysis->alerts().setMinuteOfDay(
        [offset = m_options.history.utcAtStreamZero](double t) { return localMinuteOfDay(offset + t); });
}

void LiveSession::loadProfile() {
    m_analysis->setBaseline(m_history.baseline());
    m_identity = IdentityCheck(m_history.enrolledFace());
    m_savedIdentityUpdates = 0;
    m_baselineFit.reset();
    m_blinks = 0;
    m_lastTodayMinute = -1;
}

void LiveSession::announceProfile() {
    ProfileInfo info;
    info.name = m_history.profile();
    info.calibrated = m_analysis->baseline().has_value();
    info.faceEnrolled = faceEnrolled();
    info.recording = m_history.recording();
    info.profiles = m_history.profiles();
    m_observer.onProfileReady(info);
}

void LiveSession::setAnalysisSettings(const SessionSettings& settings) {
    m_options.analysis = settings;
    newAnalysis(settings);
}

void LiveSession::startCalibration(double seconds) {
    CalibrationSettings calibration;
    calibration.seconds = seconds;
    m_analysis->startCalibration(calibration);
    m_enrolment.clear();
    m_nextEnrolSec = 0.0;
}

void LiveSession::useBaseline(const PostureBaseline& baseline) {
    m_analysis->setBaseline(baseline);
    m_history.saveBaseline(baseline);
    m_baselineFit.reset();
}

void LiveSession::snoozeFor(double seconds) {
    if (!m_lastSec) {
        m_pendingSnoozes.emplace_back(std::nullopt, seconds);
        return;
    }
    m_analysis->alerts().snooze(*m_lastSec + seconds);
}

void LiveSession::snoozeFor(AlertKind kind, double seconds) {
    if (!m_lastSec) {
        m_pendingSnoozes.emplace_back(kind, seconds);
        return;
    }
    m_analysis->alerts().snooze(kind, *m_lastSec + seconds);
}

void LiveSession::setPaused(bool paused, double utcNow) {
    if (paused && !m_pausedAtUtc) {
        m_history.flush();
        m_pausedAtUtc = utcNow;
    } else if (!paused && m_pausedAtUtc) {
        m_history.addPause(*m_pausedAtUtc, utcNow);
        m_pausedAtUtc.reset();
    }
}

void LiveSession::switchProfile(const std::string& name) {
    if (name == m_history.profile()) return;
    saveLearntFace();
    m_history.switchProfile(name);
    m_analysis->setBaseline(std::nullopt);
    loadProfile();
    announceProfile();
}

void LiveSession::deleteAllData() {
    m_history.deleteAll();
    m_analysis->setBaseline(std::nullopt);
    loadProfile();
    announceProfile();
}

void LiveSession::saveLearntFace() {
    if (!m_identity.enrolled() || m_identity.enrolledUpdates() == m_savedIdentityUpdates) return;
    m_history.saveFace(*m_identity.enrolled());
    m_savedIdentityUpdates = m_identity.enrolledUpdates();
}

void LiveSession::finish(double utcNow) {
    saveLearntFace();
    if (m_pausedAtUtc) setPaused(false, utcNow);
    m_history.finish();
}

bool LiveSession::startRoutine(const Routine& routine) {
    // One at a time; one being stopped ends before the new one starts, on the same frame.
    if (!m_analysis->baseline() || (m_routine && !m_routineStopAsked) || m_pendingRoutine) return false;
    m_pendingRoutine = routine;
    return true;
}

void LiveSession::stopRoutine() {
    m_pendingRoutine.reset();
    if (m_routine) m_routineStopAsked = true;
}

void LiveSession::followRoutine(double t, const FrameResult& measured, SessionUpdate& update) {
    const bool ran = m_routine.has_value();
    if (m_routine && m_routineStopAsked) {
        m_routine->stop(t);
        endRoutine(t, true, update);
    }
    if (m_pendingRoutine && m_analysis->baseline()) {
        m_routine.emplace(std::move(*m_pendingRoutine), *m_analysis->baseline());
        m_routineStartSec = t;
    }
    m_pendingRoutine.reset();
    if (ran || m_routine) update.alert.reset();  // the user is doing what the alerts ask for
    if (m_routine && m_routine->update(t, measured.measurements).finished) endRoutine(t, false, update);
}

void LiveSession::endRoutine(double t, bool stopped, SessionUpdate& update) {
    RoutineSummary summary;
    summary.routineId = m_routine->routineId();
    summary.startSec = m_routineStartSec;
    summary.endSec = t;
    summary.stepsDone = m_routine->stepsDone();
    summary.steps = static_cast<int>(m_routine->outcomes().size());
    summary.completed = m_routine->completed();
    summary.stopped = stopped;
    m_routine.reset();
    m_routineStopAsked = false;
    // A routine is a break taken at the screen: sitting and screen time start again.
    m_analysis->presence().breakTaken(t);
    if (!update.breakTaken) update.breakTaken = BreakTaken{summary.startSec, t};
    if (!m_pausedAtUtc) m_history.addRoutine(summary);
    m_observer.onRoutineEnded(summary);
}

void LiveSession::process(const Frame& frame) {
    FrameResult result;
    try {
        result = m_analyzer.analyze(frame);
    } catch (const std::exception& e) {
        // One odd picture (a format the source should not have sent) must not end the session.
        if (m_lastAnalysisError != e.what()) m_observer.onProblem({SessionProblem::Kind::FrameNotAnalysed, e.what()});
        m_lastAnalysisError = e.what();
        return;
    }
    m_lastAnalysisError.clear();
    consume(frame, result);
}

void LiveSession::handleFaceId(const Frame& frame, const FrameResult& result) {
    const double t = frame.timestampSec;
    const bool calibrating = m_analysis->calibrating();
    m_identity.observe(t, result.landmarks.has_value());
    if (m_faceId && result.landmarks && !m_faceId->busy() && !frame.bgr.empty()) {
        if (calibrating && t >= m_nextEnrolSec) {
            if (m_faceId->submit(frame.bgr, *result.landmarks, t, true)) m_nextEnrolSec = t + kEnrolEverySec;
        } else if (!calibrating && m_identity.due(t)) {
            m_faceId->submit(frame.bgr, *result.landmarks, t, false);
        }
    }
    if (m_faceId) {
        if (const auto done = m_faceId->take()) {
            if (!done->descriptor) {
                m_observer.onProblem({SessionProblem::Kind::FaceIdFailed, done->error});
            } else if (done->enrolment) {
                if (calibrating) m_enrolment.push_back(*done->descriptor);
            } else {
                m_identity.report(done->streamSec, *done->descriptor);
                m_observer.onIdentityChecked(done->streamSec, m_identity.lastDistance().value_or(0.0), done->computeMs);
                if (m_identity.enrolledUpdates() - m_savedIdentityUpdates >= kSaveLearntFaceEveryUpdates) {
                    saveLearntFace();
                }
            }
        }
    }
}

void LiveSession::handleCalibration(const CalibrationResult& result) {
    bool enrolled = false;
    if (result.baseline) {
        m_history.saveBaseline(*result.baseline);
        if (m_enrolment.size() >= kMinEnrolFaces) {
            const FaceDescriptor face = meanOf(m_enrolment);
            m_history.saveFace(face);
            m_identity = IdentityCheck(face);
            m_savedIdentityUpdates = 0;
            enrolled = true;
        }
        m_baselineFit.reset();
    }
    m_enrolment.clear();
    m_observer.onCalibrationFinished(result, enrolled);
}

void LiveSession::consume(const Frame& frame, const FrameResult& result) {
    const double t = frame.timestampSec;
    if (!m_lastSec) {
        for (const auto& [kind, seconds] : m_pendingSnoozes) {
            if (kind) {
                m_analysis->alerts().snooze(*kind, t + seconds);
            } else {
                m_analysis->alerts().snooze(t + seconds);
            }
        }
        m_pendingSnoozes.clear();
    }
    handleFaceId(frame, result);
    const bool calibrating = m_analysis->calibrating();
    // Someone else's face is not measured; a calibration belongs to whoever sits there. A picture
    // of a face is nobody.
    const bool measures = (calibrating || m_identity.measures()) && !m_stillFace.picture();
    const FrameResult measured = measures ? result : withoutFace(result);
    SessionUpdate update = m_analysis->update(measured, frame.bgr.empty() ? cv::Size() : frame.bgr.size());
    m_stillFace.update(t, result.landmarks, result.measurements, update.blink.has_value());
    followRoutine(t, measured, update);
    if (!m_pausedAtUtc) m_history.record(measured, update);
    if (update.calibration) handleCalibration(*update.calibration);
    if (m_identity.state() != m_announcedIdentity) {
        m_announcedIdentity = m_identity.state();
        m_observer.onIdentityChanged(t, m_identity.state());
    }
    if (update.blink) ++m_blinks;
    report({frame, result, measured, update, m_identity.state()});
    m_lastSec = t;
}

void LiveSession::report(const FrameOutcome& outcome) {
    const SessionUpdate& update = outcome.update;
    const double t = update.timestampSec;
    m_observer.onFrame(outcome);
    if (update.blink) m_observer.onBlink(*update.blink);
    if (update.closure) m_observer.onClosure(*update.closure);
    if (update.breakTaken) m_observer.onBreak(*update.breakTaken);
    if (!m_lastSec || update.present != m_lastPresent) m_observer.onPresenceChanged(t, update.present);
    if (!m_lastSec || update.posture != m_lastPosture) m_observer.onPostureChanged(t, update.posture);
    m_lastPresent = update.present;
    m_lastPosture = update.posture;
    if (update.alert) m_observer.onAlert(*update.alert);
    if (!m_analysis->calibrating() && m_analysis->baseline() && m_identity.measures() &&
        m_baselineFit.update(t, update.posture)) {
        m_observer.onRecalibrationSuggested(t);
    }
    if (t - m_lastStatusSec >= kStatusEverySec || update.alert || update.calibration) {
        m_lastStatusSec = t;
        LiveStatus s;
        s.streamSec = t;
        s.faceSeen = outcome.seen.landmarks.has_value();
        s.present = update.present;
        s.facesSeen = outcome.seen.facesSeen;
        s.posture = update.posture;
        s.reading = update.reading;
        s.calibrated = m_analysis->baseline().has_value();
        s.calibrationProgress = update.calibrationProgress;
        s.eyesUsable = update.eyesUsable;
        s.blinkRatePerMin = update.blinkRatePerMin;
        s.blinksThisSession = m_blinks;
        s.distanceCm = update.reading.distanceCm;
        s.sittingSec = m_analysis->presence().sittingSec(t);
        s.identity = m_identity.state();
        s.picture = m_stillFace.picture();
        if (m_routine && !m_routine->progress().finished) {
            const RoutineProgress& p = m_routine->progress();
            s.routine = RoutineStatus{m_routine->routineId(),
                                      p.step,
                                      m_routine->outcomes().size(),
                                      m_routine->stepAt(p.step),
                                      p.repetitionsDone,
                                      p.holdProgress,
                                      p.onTarget};
        }
        s.recording = m_history.recording() && !m_pausedAtUtc && (m_analysis->calibrating() || m_identity.measures()) &&
                      !s.picture;
        m_observer.onStatus(s);
    }
    if (m_options.reportToday) {
        const double utc = m_options.history.utcAtStreamZero + t;
        const auto minute = static_cast<std::int64_t>(std::floor(utc / 60.0));
        if (minute != m_lastTodayMinute) {
            m_lastTodayMinute = minute;
            if (const auto today = m_history.today(utc)) m_observer.onTodayChanged(*today);
        }
    }
}

}  // namespace posesmart
