#include "EngineWorker.h"

#include "FaceIdWorker.h"
#include "ThreadName.h"
#include "posesmart/BaselineFit.h"
#include "posesmart/BaselineJson.h"
#include "posesmart/Error.h"
#include "posesmart/FrameAnalyzer.h"
#include "posesmart/HistoryStore.h"
#include "posesmart/LandmarkModel.h"
#include "posesmart/LocalTime.h"
#include "posesmart/ModelLocator.h"
#include "posesmart/SessionRecorder.h"

#include <chrono>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <cmath>

namespace posesmart::ui {

namespace {

constexpr double kStatusEverySec = 0.1;  // status to the window at most ten times a second
constexpr double kEnrolEverySec = 1.5;   // descriptors collected while calibrating
constexpr std::size_t kMinEnrolFaces = 3;
constexpr int kSaveIdentityEveryUpdates = 10;  // the learned face is stored this often, and at the end

// Loading the landmark model builds dlib's trees (about 100 MB in small blocks) before packing
// them; glibc keeps the freed blocks in the heap unless asked to give them back.
void releaseFreedHeap() {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

double wallSec() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

double monotonicSec() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

FaceDescriptor mean(const std::vector<FaceDescriptor>& all) {
    FaceDescriptor out{};
    for (const auto& d : all) {
        for (std::size_t i = 0; i < out.size(); ++i) out[i] += d[i] / static_cast<float>(all.size());
    }
    return out;
}

std::optional<FaceDescriptor> storedDescriptor(const HistoryStore& store, std::int64_t profile) {
    const auto stored = store.faceDescriptor(profile);
    if (!stored || stored->size() != FaceDescriptor{}.size()) return std::nullopt;
    FaceDescriptor d{};
    std::copy(stored->begin(), stored->end(), d.begin());
    return d;
}

}  // namespace

// Everything the analysis thread owns; lives and dies on that thread.
struct EngineWorker::Engine {
    EngineOptions options;
    std::unique_ptr<LandmarkModel> landmarks;
    std::unique_ptr<FrameAnalyzer> analyzer;
    std::unique_ptr<FaceIdWorker> faceId;
    std::unique_ptr<HistoryStore> store;
    std::int64_t profile = 0;
    std::unique_ptr<SessionAnalyzer> session;
    std::unique_ptr<SessionRecorder> recorder;
    IdentityCheck identity{std::nullopt};
    int savedIdentityUpdates = 0;  // running-mean updates of the enrolled face already in the database
    BaselineFit baselineFit;
    std::vector<FaceDescriptor> enrolment;
    double nextEnrolSec = 0.0;
    double utcOffset = wallSec() - monotonicSec();  // stream time (monotonic) to UTC
    std::optional<double> pausedAtUtc;
    int blinks = 0;
    double lastStatusSec = -1.0;
    std::int64_t lastTodayMinute = -1;
    std::optional<std::string> reportedError;

    void openHistory(EngineWorker& worker) {
        recorder.reset();
        store.reset();
        try {
            store = std::make_unique<HistoryStore>(options.database);
            if (store->openReport().recreated)
                emit worker.historyProblem(QString::fromStdString(store->openReport().message));
            store->applyRetention(wallSec(), options.retentionDays);
            profile = store->profileId(options.profile);
            recorder = std::make_unique<SessionRecorder>(*store, profile, utcOffset);
        } catch (const Error& e) {
            store.reset();
            emit worker.historyProblem(QString::fromStdString(e.what()));
        }
    }

    // The enrolled face as the running mean has learnt it, kept for the next start.
    void saveLearnedFace(EngineWorker& worker) {
        if (!store || !identity.enrolled() || identity.enrolledUpdates() == savedIdentityUpdates) return;
        try {
            const FaceDescriptor& face = *identity.enrolled();
            store->saveFaceDescriptor(profile, std::vector<float>(face.begin(), face.end()));
            savedIdentityUpdates = identity.enrolledUpdates();
        } catch (const Error& error) {
            emit worker.historyProblem(QString::fromStdString(error.what()));
        }
    }

    void announceProfiles(EngineWorker& worker) {
        if (!store) return;
        QStringList names;
        for (const std::string& name : store->profileNames()) names.append(QString::fromStdString(name));
        emit worker.profilesChanged(names);
    }

    // Another person's profile: the current minute is written to the old one first.
    void switchProfile(EngineWorker& worker, const std::string& name) {
        if (name == options.profile) return;
        saveLearnedFace(worker);
        if (recorder) recorder->flush();
        options.profile = name;
        session->setBaseline(std::nullopt);
        openHistory(worker);
        loadProfile();
        savedIdentityUpdates = 0;
        baselineFit.reset();
        blinks = 0;
        lastTodayMinute = -1;
        announceProfiles(worker);
        emit worker.ready(faceId != nullptr, session->baseline().has_value());
    }

    void newSession(const SessionSettings& settings) {
        const std::optional<PostureBaseline> baseline = session ? session->baseline() : std::nullopt;
        session = std::make_unique<SessionAnalyzer>(settings);
        session->setBaseline(baseline);
        session->alerts().setMinuteOfDay([offset = utcOffset](double t) { return localMinuteOfDay(offset + t); });
    }

    void loadProfile() {
        if (!store) return;
        if (const auto text = store->baseline(profile)) {
            try {
                session->setBaseline(baselineFromJson(nlohmann::json::parse(*text)));
            } catch (const std::exception&) {
                session->setBaseline(std::nullopt);  // unreadable: calibrate again
            }
        }
        identity = IdentityCheck(storedDescriptor(*store, profile));
    }
};

EngineWorker::EngineWorker(FrameMailbox& mailbox, QObject* parent) : QObject(parent), m_mailbox(mailbox) {
    qRegisterMetaType<posesmart::ui::LiveStatus>();
    qRegisterMetaType<posesmart::PeriodReport>();
}

EngineWorker::~EngineWorker() {
    stop();
}

void EngineWorker::start(EngineOptions options) {
    stop();
    m_stop = false;
    m_thread = std::thread([this, o = std::move(options)]() mutable { run(std::move(o)); });
}

void EngineWorker::stop() {
    m_stop = true;
    if (m_thread.joinable()) m_thread.join();
}

void EngineWorker::post(std::function<void(Engine&)> command) {
    const std::lock_guard lock(m_commandMutex);
    m_commands.push_back(std::move(command));
}

void EngineWorker::setSessionSettings(const SessionSettings& settings) {
    post([settings](Engine& e) { e.newSession(settings); });
}

void EngineWorker::startCalibration(double seconds) {
    post([seconds](Engine& e) {
        CalibrationSettings calibration;
        calibration.seconds = seconds;
        e.session->startCalibration(calibration);
        e.enrolment.clear();
        e.nextEnrolSec = 0.0;
    });
}

void EngineWorker::snoozeAll(double seconds) {
    post([seconds](Engine& e) { e.session->alerts().snooze(monotonicSec() + seconds); });
}

void EngineWorker::snooze(AlertKind kind, double seconds) {
    post([kind, seconds](Engine& e) { e.session->alerts().snooze(kind, monotonicSec() + seconds); });
}

void EngineWorker::setProfile(const QString& name) {
    post([this, name = name.toStdString()](Engine& e) { e.switchProfile(*this, name); });
}

void EngineWorker::setPaused(bool paused) {
    post([paused](Engine& e) {
        if (!e.recorder) return;
        if (paused && !e.pausedAtUtc) {
            e.recorder->flush();
            e.pausedAtUtc = wallSec();
        } else if (!paused && e.pausedAtUtc) {
            e.recorder->addEvent({*e.pausedAtUtc, "pause", "", "", wallSec() - *e.pausedAtUtc});
            e.pausedAtUtc.reset();
        }
    });
}

void EngineWorker::deleteAllData() {
    post([this](Engine& e) {
        e.recorder.reset();
        e.store.reset();
        try {
            HistoryStore::deleteAll(e.options.database);
        } catch (const Error& error) {
            emit historyProblem(QString::fromStdString(error.what()));
        }
        e.openHistory(*this);
        e.session->setBaseline(std::nullopt);
        e.identity = IdentityCheck(std::nullopt);
        e.savedIdentityUpdates = 0;
        e.baselineFit.reset();
        e.blinks = 0;
        e.lastTodayMinute = -1;
    });
}

void EngineWorker::setFaceCallback(std::function<void(bool)> callback) {
    m_faceCallback = std::move(callback);
}

LiveFrame EngineWorker::latestFrame() const {
    const std::lock_guard lock(m_frameMutex);
    return m_latest;
}

void EngineWorker::run(EngineOptions options) {
    nameThisThread("ps-engine");
    Engine e;
    e.options = std::move(options);
    const auto searchPath = modelSearchPath(e.options.executableDir);
    emit loading(5, tr("Loading the face landmark model…"));
    const auto landmarkFile = findModel(LandmarkModel::kFileName, searchPath);
    if (!landmarkFile) {
        emit failed(tr("The face landmark model %1 was not found. Install the package libdlib-data, or set "
                       "POSESMART_MODEL_DIR to the folder that holds it.")
                        .arg(QString::fromLatin1(LandmarkModel::kFileName)));
        return;
    }
    try {
        e.landmarks = std::make_unique<LandmarkModel>(*landmarkFile);
    } catch (const Error& error) {
        emit failed(QString::fromStdString(error.what()));
        return;
    }
    e.analyzer = std::make_unique<FrameAnalyzer>(*e.landmarks);
    emit loading(60, tr("Loading the Face ID model…"));
    if (const auto descriptorFile = findModel(FaceDescriptorModel::kFileName, searchPath)) {
        try {
            e.faceId = std::make_unique<FaceIdWorker>(*descriptorFile);
        } catch (const Error& error) {
            emit historyProblem(tr("Face ID is off: %1").arg(QString::fromStdString(error.what())));
        }
    }
    emit loading(90, tr("Opening your history…"));
    e.newSession(e.options.session);
    e.openHistory(*this);
    e.loadProfile();
    releaseFreedHeap();
    e.announceProfiles(*this);
    emit ready(e.faceId != nullptr, e.session->baseline().has_value());

    while (!m_stop) {
        std::vector<std::function<void(Engine&)>> commands;
        {
            const std::lock_guard lock(m_commandMutex);
            commands.swap(m_commands);
        }
        for (auto& command : commands) command(e);

        const std::optional<Frame> frame = m_mailbox.take(std::chrono::milliseconds(200));
        if (!frame) continue;
        const double t = frame->timestampSec;
        const FrameResult result = e.analyzer->analyze(*frame);
        const bool calibrating = e.session->calibrating();

        // Face ID, off the per-frame path: submit when due, collect when done.
        e.identity.observe(t, result.landmarks.has_value());
        if (e.faceId && result.landmarks && !e.faceId->busy()) {
            if (calibrating && t >= e.nextEnrolSec) {
                if (e.faceId->submit(frame->bgr, *result.landmarks, t, true)) e.nextEnrolSec = t + kEnrolEverySec;
            } else if (!calibrating && e.identity.due(t)) {
                e.faceId->submit(frame->bgr, *result.landmarks, t, false);
            }
        }
        if (e.faceId) {
            if (const auto done = e.faceId->takeResult()) {
                if (done->enrolment && calibrating) {
                    e.enrolment.push_back(done->descriptor);
                } else if (!done->enrolment) {
                    e.identity.report(done->streamSec, done->descriptor);
                    if (e.identity.enrolledUpdates() - e.savedIdentityUpdates >= kSaveIdentityEveryUpdates) {
                        e.saveLearnedFace(*this);
                    }
                }
            }
        }

        // Someone else's face is not measured; a calibration belongs to whoever sits there.
        const FrameResult measured = calibrating || e.identity.measures() ? result : withoutFace(result);
        const SessionUpdate update = e.session->update(measured, frame->bgr.size());
        if (e.recorder) {
            e.recorder->add(measured, update);
            if (e.recorder->lastError() != e.reportedError && e.recorder->lastError()) {
                emit historyProblem(tr("Your history could not be saved yet (it is kept and retried): %1")
                                        .arg(QString::fromStdString(*e.recorder->lastError())));
            }
            e.reportedError = e.recorder->lastError();
        }
        if (update.blink) ++e.blinks;
        if (!calibrating && e.session->baseline() && e.identity.measures() && e.baselineFit.update(t, update.posture)) {
            emit recalibrationSuggested();
        }
        if (update.alert) {
            emit alertRaised(QString::fromLatin1(toString(update.alert->kind)),
                             QString::fromStdString(update.alert->message));
        }
        if (update.calibration) {
            const CalibrationResult& c = *update.calibration;
            if (c.baseline && e.store) {
                try {
                    e.store->saveBaseline(e.profile, toJson(*c.baseline).dump());
                    if (e.enrolment.size() >= kMinEnrolFaces) {
                        const FaceDescriptor enrolled = mean(e.enrolment);
                        e.store->saveFaceDescriptor(e.profile, std::vector<float>(enrolled.begin(), enrolled.end()));
                        e.identity = IdentityCheck(enrolled);
                        e.savedIdentityUpdates = 0;
                    }
                } catch (const Error& error) {
                    emit historyProblem(QString::fromStdString(error.what()));
                }
            }
            e.enrolment.clear();
            if (c.baseline) e.baselineFit.reset();
            emit calibrationFinished(c.baseline.has_value(), QString::fromStdString(c.reason));
        }
        if (m_faceCallback) m_faceCallback(result.landmarks.has_value());
        {
            const std::lock_guard lock(m_frameMutex);
            m_latest.bgr = frame->bgr;
            m_latest.landmarks = result.landmarks;
            m_latest.poseValid = result.measurements && result.measurements->poseValid;
            if (result.measurements) {
                m_latest.rollDeg = result.measurements->rollDeg;
                m_latest.pitchDeg = result.measurements->pitchDeg;
                m_latest.yawDeg = result.measurements->yawDeg;
            }
        }
        if (t - e.lastStatusSec >= kStatusEverySec || update.alert || update.calibration) {
            e.lastStatusSec = t;
            LiveStatus s;
            s.streamSec = t;
            s.faceSeen = result.landmarks.has_value();
            s.present = update.present;
            s.facesSeen = result.facesSeen;
            s.posture = update.posture;
            s.reading = update.reading;
            s.calibrated = e.session->baseline().has_value();
            s.calibrationProgress = update.calibrationProgress;
            s.eyesUsable = update.eyesUsable;
            s.blinkRatePerMin = update.blinkRatePerMin;
            s.blinksThisSession = e.blinks;
            s.distanceCm = update.reading.distanceCm;
            s.sittingSec = e.session->presence().sittingSec(t);
            s.identity = e.identity.state();
            s.recording = e.recorder != nullptr && (calibrating || e.identity.measures());
            emit statusChanged(s);
        }
        const auto minute = static_cast<std::int64_t>(std::floor((e.utcOffset + t) / 60.0));
        if (minute != e.lastTodayMinute && e.store) {
            e.lastTodayMinute = minute;
            try {
                emit todayChanged(buildReport(*e.store, e.profile, localDayOf(e.utcOffset + t)));
            } catch (const Error& error) {
                emit historyProblem(QString::fromStdString(error.what()));
            }
        }
    }
    e.saveLearnedFace(*this);
    if (e.recorder) {
        if (e.pausedAtUtc) e.recorder->addEvent({*e.pausedAtUtc, "pause", "", "", wallSec() - *e.pausedAtUtc});
        e.recorder->flush();
        if (e.recorder->lastError()) emit historyProblem(QString::fromStdString(*e.recorder->lastError()));
    }
}

}  // namespace posesmart::ui
