#include "CaptureWorker.h"

#include "capture/DeviceUsers.h"
#include "capture/DeviceWatch.h"
#include "capture/FrameSourceModule.h"
#include "common/Clock.h"
#include "common/Error.h"
#include "common/ThreadName.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <optional>

namespace posesmart::ui {

namespace {
Q_LOGGING_CATEGORY(lcCapture, "posesmart.capture")
}  // namespace

// What the loop uses of the world, on the capture thread.
class CaptureWorker::Environment : public CaptureEnvironment {
public:
    Environment(CaptureWorker& worker, Opener opener) : m_worker(worker), m_opener(std::move(opener)) {}
    std::unique_ptr<FrameSource> open(const std::string& spec) override { return m_opener(spec); }
    double now() override { return monotonicSec(); }
    void sleepFor(double seconds) override {
        const double until = monotonicSec() + seconds;
        while (!m_worker.m_stop && monotonicSec() < until) {
            std::this_thread::sleep_for(std::chrono::duration<double>(std::min(0.02, until - monotonicSec())));
        }
    }
    std::vector<DeviceUser> othersUsing(const std::filesystem::path& device) override { return otherUsersOf(device); }
    bool deviceUseMayHaveChanged(const std::filesystem::path& device) override { return m_deviceWatch.changed(device); }
    void deliver(Frame frame) override { m_worker.m_mailbox.put(std::move(frame)); }
    void report(const CaptureReport& report) override {
        if (report.state == CaptureState::Running && !report.detail.empty()) {
            qCInfo(lcCapture, "camera: %s", report.detail.c_str());
        } else if (!report.detail.empty() && report.state != CaptureState::Starting) {
            qCInfo(lcCapture, "camera off: %s", report.detail.c_str());
        }
        emit m_worker.stateChanged(report);
    }
    void skipped(const std::string& reason) override {
        qCWarning(lcCapture, "skipped: %s", reason.c_str());
        emit m_worker.inputSkipped(QString::fromStdString(reason));
    }

private:
    CaptureWorker& m_worker;
    Opener m_opener;
    DeviceWatch m_deviceWatch;
};

CaptureWorker::CaptureWorker(FrameMailbox& mailbox, CaptureLoopSettings settings, QObject* parent)
    : QObject(parent),
      m_mailbox(mailbox),
      m_settings(settings),
      m_moduleSearchPath(moduleSearchPath(QCoreApplication::applicationDirPath().toStdString())),
      m_analysisFps(settings.analysisFps) {
    qRegisterMetaType<posesmart::CaptureReport>();
}

CaptureWorker::~CaptureWorker() {
    stop();
}

void CaptureWorker::start(const QString& spec) {
    stop();
    {
        const std::lock_guard lock(m_mutex);
        m_spec = spec;
    }
    m_stop = false;
    m_thread = std::thread([this, s = spec.toStdString()] { run(s); });
}

void CaptureWorker::stop() {
    m_stop = true;
    if (m_thread.joinable()) m_thread.join();
}

void CaptureWorker::setPaused(bool paused) {
    m_paused = paused;
    const std::lock_guard lock(m_mutex);
    if (m_loop) m_loop->setPaused(paused);
}

void CaptureWorker::setAnalysisFps(double fps) {
    m_analysisFps = fps;
    const std::lock_guard lock(m_mutex);
    if (m_loop) m_loop->setAnalysisFps(fps);
}

void CaptureWorker::faceObserved(bool faceInView) {
    const std::lock_guard lock(m_mutex);
    if (m_loop) m_loop->faceObserved(faceInView);
}

QString CaptureWorker::spec() const {
    const std::lock_guard lock(m_mutex);
    return m_spec;
}

void CaptureWorker::stopped(const std::string& why) {
    {
        const std::lock_guard lock(m_mutex);
        m_loop = nullptr;
    }
    qCCritical(lcCapture, "the capture thread stopped: %s", why.c_str());
    emit stateChanged({CaptureState::NoSource, CaptureReason::OpenFailed, why});
}

void CaptureWorker::run(const std::string& spec) {
    nameThisThread("ps-capture");
    try {
        Opener opener = m_opener;
        if (!opener) {
            // Loaded here, not at start-up: it holds the dynamic loader for a while.
            auto module = std::make_shared<FrameSourceModule>(m_moduleSearchPath);
            opener = [module](const std::string& s) { return module->open(s); };
        }
        Environment environment(*this, std::move(opener));
        CaptureLoop loop(spec, m_settings, environment);
        loop.setPaused(m_paused);
        loop.setAnalysisFps(m_analysisFps);
        {
            const std::lock_guard lock(m_mutex);
            m_loop = &loop;
        }
        while (!m_stop && loop.step()) {
        }
        const std::lock_guard lock(m_mutex);
        m_loop = nullptr;
    } catch (const std::exception& e) {
        stopped(e.what());
    } catch (...) {
        stopped("an unknown error");
    }
}

}  // namespace posesmart::ui
