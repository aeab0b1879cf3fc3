#include "EngineWorker.h"

#include "EngineRelay.h"
#include "common/Clock.h"
#include "common/Error.h"
#include "common/ModelLocator.h"
#include "common/ThreadName.h"
#include "identity/DescriptorWorker.h"
#include "session/LiveSession.h"

#include <QLoggingCategory>

namespace posesmart::ui {

namespace {

Q_LOGGING_CATEGORY(lcEngine, "posesmart.engine")

}  // namespace

EngineWorker::EngineWorker(FrameMailbox& mailbox, QObject* parent) : QObject(parent), m_mailbox(mailbox) {
    qRegisterMetaType<posesmart::LiveStatus>();
    qRegisterMetaType<posesmart::PeriodReport>();
    qRegisterMetaType<posesmart::AlertKind>();
    qRegisterMetaType<posesmart::SessionProblem>();
    qRegisterMetaType<posesmart::CalibrationResult>();
    qRegisterMetaType<posesmart::RoutineSummary>();
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

void EngineWorker::post(std::function<void(LiveSession&)> command) {
    const std::lock_guard lock(m_commandMutex);
    m_commands.push_back(std::move(command));
}

void EngineWorker::setSessionSettings(const SessionSettings& settings) {
    post([settings](LiveSession& s) { s.setAnalysisSettings(settings); });
}
void EngineWorker::startCalibration(double seconds) {
    post([seconds](LiveSession& s) { s.startCalibration(seconds); });
}
void EngineWorker::snoozeAll(double seconds) {
    post([seconds](LiveSession& s) { s.snoozeFor(seconds); });
}
void EngineWorker::snooze(AlertKind kind, double seconds) {
    post([kind, seconds](LiveSession& s) { s.snoozeFor(kind, seconds); });
}
void EngineWorker::setProfile(const QString& name) {
    post([name = name.toStdString()](LiveSession& s) { s.switchProfile(name); });
}
void EngineWorker::setPaused(bool paused) {
    post([paused](LiveSession& s) { s.setPaused(paused, wallSec()); });
}
void EngineWorker::deleteAllData() {
    post([](LiveSession& s) { s.deleteAllData(); });
}
void EngineWorker::startRoutine(const Routine& routine) {
    post([this, routine](LiveSession& s) {
        if (!s.startRoutine(routine) && !s.baseline()) emit routineRefused();
    });
}
void EngineWorker::stopRoutine() {
    post([](LiveSession& s) { s.stopRoutine(); });
}

void EngineWorker::setFaceCallback(std::function<void(bool)> callback) {
    m_faceCallback = std::move(callback);
}

LiveFrame EngineWorker::latestFrame() const {
    return m_latest.get();
}

void EngineWorker::run(EngineOptions options) {
    nameThisThread("ps-engine");
    QString error;
    try {
        runSession(std::move(options));
        return;
    } catch (const std::exception& e) {
        error = QString::fromUtf8(e.what());
    } catch (...) {
        error = tr("unknown error");
    }
    qCCritical(lcEngine, "the analysis thread stopped: %s", qUtf8Printable(error));
    emit failed(tr("The analysis stopped after an unexpected error: %1").arg(error));
}

void EngineWorker::runSession(EngineOptions options) {
    const auto searchPath = modelSearchPath(options.executableDir);
    emit loading(5, tr("Loading the face landmark model…"));
    std::unique_ptr<LandmarkModel> landmarks;
    try {
        landmarks = std::make_unique<LandmarkModel>(requireModel(
            LandmarkModel::kFileName, searchPath, "install libdlib-data, or set POSESMART_MODEL_DIR to its folder"));
    } catch (const Error& error) {
        emit failed(tr("The face landmark model cannot be used: %1").arg(QString::fromUtf8(error.what())));
        return;
    }
    emit loading(60, tr("Loading the Face ID model…"));
    std::unique_ptr<DescriptorWorker> faceId;
    std::optional<SessionProblem> faceIdProblem;
    try {
        faceId = std::make_unique<DescriptorWorker>(std::make_unique<FaceDescriptorModel>(
            requireModel(FaceDescriptorModel::kFileName, searchPath, "reinstall PoseSmart")));
    } catch (const Error& error) {
        faceIdProblem = SessionProblem{SessionProblem::Kind::FaceIdFailed, error.what()};
    }
    EngineRelay relay(*this, m_latest, m_faceCallback, faceId != nullptr);
    if (faceIdProblem) relay.onProblem(*faceIdProblem);
    emit loading(90, tr("Opening your history…"));
    LiveSessionOptions sessionOptions;
    sessionOptions.analysis = options.session;
    sessionOptions.history = {options.database, options.profile, wallSec() - monotonicSec(), wallSec(),
                              options.retentionDays};  // frames carry monotonic-clock times
    // At the end a session manager waits a few seconds before SIGKILL: what a lock keeps out goes to the journal.
    sessionOptions.history.lockWaitMs = 3000;
    sessionOptions.reportToday = true;
    LiveSession session(*landmarks, sessionOptions, relay);
    session.setDescriptorService(faceId.get());

    while (!m_stop) {
        std::vector<std::function<void(LiveSession&)>> commands;
        {
            const std::lock_guard lock(m_commandMutex);
            commands.swap(m_commands);
        }
        for (auto& command : commands) command(session);
        if (const std::optional<Frame> frame = m_mailbox.take(std::chrono::milliseconds(200))) session.process(*frame);
    }
    session.finish(wallSec());
}

}  // namespace posesmart::ui
