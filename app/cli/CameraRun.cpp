#include "CameraRun.h"

#include "CliSupport.h"
#include "capture/DeviceUsers.h"
#include "common/Clock.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <thread>

namespace posesmart::cli {

namespace {

std::atomic<bool> g_interrupted = false;
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

extern "C" void onInterrupt(int /*signal*/) {
    g_interrupted = true;
}

}  // namespace

// The loop's source, timing each read for the frame CSV.
class CameraRun::TimedSource final : public FrameSource {
public:
    TimedSource(std::unique_ptr<FrameSource> source, TimedSource*& current)
        : m_source(std::move(source)), m_current(current) {
        m_current = this;
    }
    TimedSource(const TimedSource&) = delete;
    TimedSource& operator=(const TimedSource&) = delete;
    ~TimedSource() override { m_current = nullptr; }
    [[nodiscard]] const SourceInfo& info() const override { return m_source->info(); }
    void setMaxFps(double fps) override { m_source->setMaxFps(fps); }
    std::optional<Frame> next() override {
        const auto start = std::chrono::steady_clock::now();
        auto frame = m_source->next();
        readMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        return frame;
    }
    double readMs = 0.0;

private:
    std::unique_ptr<FrameSource> m_source;
    TimedSource*& m_current;
};

CameraRun::CameraRun(std::string spec, std::unique_ptr<FrameSource> first, double seconds, double analysisFps)
    : m_spec(std::move(spec)),
      m_first(std::move(first)),
      m_startSec(monotonicSec()),
      m_endSec(seconds > 0.0 ? m_startSec + seconds : 0.0),
      m_analysisFps(analysisFps) {}

bool CameraRun::over() const {
    return g_interrupted || (m_endSec > 0.0 && monotonicSec() >= m_endSec);
}

void CameraRun::run(const std::function<void(Frame&, double)>& onFrame) {
    m_onFrame = &onFrame;
    g_interrupted = false;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    CaptureLoopSettings settings;
    settings.analysisFps = m_analysisFps;
    CaptureLoop loop(m_spec, settings, *this);
    while (!over() && loop.step()) {
    }
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    m_onFrame = nullptr;
}

std::unique_ptr<FrameSource> CameraRun::open(const std::string& spec) {
    auto source = m_first ? std::move(m_first) : openInput(spec);
    return std::make_unique<TimedSource>(std::move(source), m_current);
}

double CameraRun::now() {
    return monotonicSec();
}

void CameraRun::sleepFor(double seconds) {
    const double until = monotonicSec() + seconds;
    while (!over() && monotonicSec() < until) {
        std::this_thread::sleep_for(std::chrono::duration<double>(std::min(0.05, until - monotonicSec())));
    }
}

std::vector<DeviceUser> CameraRun::othersUsing(const std::filesystem::path& device) {
    return otherUsersOf(device);
}

bool CameraRun::deviceUseMayHaveChanged(const std::filesystem::path& device) {
    return m_deviceWatch.changed(device);
}

void CameraRun::deliver(Frame frame) {
    frame.timestampSec -= m_startSec;  // stream time: seconds since the run started
    (*m_onFrame)(frame, m_current ? m_current->readMs : 0.0);
}

void CameraRun::report(const CaptureReport& report) {
    switch (report.state) {
        case CaptureState::Starting:
            return;
        case CaptureState::Running:
            std::cerr << "posesmart-cli: camera on: " << report.detail << "\n";
            return;
        case CaptureState::Paused:
            return;  // nothing pauses a command-line run
        case CaptureState::Released:
            std::cerr << "posesmart-cli: camera off: "
                      << (report.reason == CaptureReason::NobodyInView ? "nobody in view; looked at now and then"
                                                                       : report.detail)
                      << "\n";
            return;
        case CaptureState::Lost:
            std::cerr << "posesmart-cli: camera lost: " << report.detail << "\n";
            return;
        case CaptureState::NoSource:
        case CaptureState::Ended:
            std::cerr << "posesmart-cli: no camera: " << report.detail << "\n";
            return;
    }
}

}  // namespace posesmart::cli
