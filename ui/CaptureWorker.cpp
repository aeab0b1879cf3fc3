#include "CaptureWorker.h"

#include "ThreadName.h"
#include "posesmart/DeviceUsers.h"
#include "posesmart/Error.h"
#include "posesmart/FrameSourceModule.h"

#include <QCoreApplication>
#include <chrono>
#include <filesystem>
#include <optional>

namespace posesmart::ui {

namespace {

constexpr double kReopenEverySec = 2.0;        // a lost camera is tried again this often
constexpr double kForeignCheckEverySec = 2.0;  // another application's use of the camera
constexpr double kStillsFps = 1.0;             // pace of a folder of images without a frame rate

double monotonicSec() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

bool isCamera(const std::string& spec) {
    return spec.rfind("camera:", 0) == 0;
}

// The device node of "camera:N" or "camera:/dev/videoN".
std::filesystem::path devicePath(const std::string& spec) {
    const std::string rest = spec.substr(7);
    if (!rest.empty() && rest.find_first_not_of("0123456789") == std::string::npos) return "/dev/video" + rest;
    return rest;
}

}  // namespace

CaptureWorker::CaptureWorker(FrameMailbox& mailbox, CameraReleaseSettings release, QObject* parent)
    : QObject(parent),
      m_mailbox(mailbox),
      m_releaseSettings(release),
      m_moduleSearchPath(moduleSearchPath(QCoreApplication::applicationDirPath().toStdString())) {
    qRegisterMetaType<posesmart::ui::CaptureState>();
}

CaptureWorker::~CaptureWorker() {
    stop();
}

void CaptureWorker::start(const QString& spec) {
    stop();
    {
        const std::lock_guard lock(m_specMutex);
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
}

void CaptureWorker::faceObserved(bool faceInView) {
    m_faceInView = faceInView;
    m_faceNews = true;
}

QString CaptureWorker::spec() const {
    const std::lock_guard lock(m_specMutex);
    return m_spec;
}

void CaptureWorker::report(CaptureState state, const QString& detail) {
    if (state == m_state && state == CaptureState::Running) return;
    m_state = state;
    emit stateChanged(state, detail);
}

void CaptureWorker::run(std::string spec) {
    nameThisThread("ps-capture");
    const bool camera = isCamera(spec);
    const std::filesystem::path device = camera ? devicePath(spec) : std::filesystem::path();
    CameraReleasePolicy policy(m_releaseSettings);
    std::unique_ptr<FrameSource> source;
    std::int64_t nextIndex = 0;
    double nextForeignCheck = 0.0;
    // Pacing of files: stream time `firstStreamSec` was shown at `firstWallSec`.
    double firstStreamSec = 0.0;
    double firstWallSec = 0.0;
    bool paced = false;
    const auto sleepFor = [this](double seconds) {
        const double until = monotonicSec() + seconds;
        while (!m_stop && monotonicSec() < until) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    };
    report(CaptureState::Starting, QString::fromStdString(spec));
    std::optional<FrameSourceModule> module;
    try {
        module.emplace(m_moduleSearchPath);
    } catch (const Error& e) {
        report(CaptureState::NoSource, QString::fromStdString(e.what()));
        return;
    }
    while (!m_stop) {
        const double now = monotonicSec();
        policy.setPaused(m_paused);
        if (camera && now >= nextForeignCheck) {
            policy.setForeignUse(!otherProcessesUsing(device).empty());
            nextForeignCheck = now + kForeignCheckEverySec;
        }
        const bool hold = camera ? policy.shouldHold(now) : !m_paused.load();
        if (!hold) {
            if (camera) source.reset();  // the device is free for others
            paced = false;
            if (m_paused) {
                report(CaptureState::Paused, {});
            } else {
                const auto reason = policy.reason(now);
                report(CaptureState::Released, reason == CameraReleaseReason::OtherApplication
                                                   ? tr("Another application is using the camera")
                                                   : tr("Nobody in view: the camera is off and checked now and then"));
            }
            sleepFor(0.2);
            continue;
        }
        if (!source) {
            try {
                source = module->open(spec);
            } catch (const Error& e) {
                if (!camera) {
                    report(CaptureState::NoSource, QString::fromStdString(e.what()));
                    return;
                }
                report(m_state == CaptureState::Running || m_state == CaptureState::Lost ? CaptureState::Lost
                                                                                         : CaptureState::NoSource,
                       QString::fromStdString(e.what()));
                sleepFor(kReopenEverySec);
                continue;
            }
        }
        std::optional<Frame> frame;
        try {
            frame = source->next();
        } catch (const Error& e) {
            source.reset();
            report(camera ? CaptureState::Lost : CaptureState::NoSource, QString::fromStdString(e.what()));
            if (!camera) return;
            sleepFor(kReopenEverySec);
            continue;
        }
        if (!frame) {
            source.reset();
            if (camera) {
                report(CaptureState::Lost, tr("The camera stopped sending pictures"));
                sleepFor(kReopenEverySec);
                continue;
            }
            report(CaptureState::Ended, tr("The video has ended"));
            return;
        }
        if (!source->info().live) {
            // Play a file at its own rate, as a camera would deliver it.
            const double fps = source->info().fps > 0.0 ? source->info().fps : kStillsFps;
            const double streamSec =
                source->info().fps > 0.0 ? frame->timestampSec : static_cast<double>(nextIndex) / fps;
            if (!paced) {
                paced = true;
                firstStreamSec = streamSec;
                firstWallSec = monotonicSec();
            }
            sleepFor(firstWallSec + (streamSec - firstStreamSec) - monotonicSec());
            if (m_stop) break;
        }
        const double capturedSec = monotonicSec();
        frame->index = nextIndex++;
        frame->timestampSec = capturedSec;
        frame->bgr = frame->bgr.clone();  // a decoder may reuse its buffer; the frame changes threads
        m_mailbox.put(std::move(*frame));
        report(CaptureState::Running, {});
        if (camera && m_faceNews.exchange(false)) policy.observe(capturedSec, m_faceInView);
    }
}

}  // namespace posesmart::ui
