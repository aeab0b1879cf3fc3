// CameraRun: how posesmart-cli reads a camera: through core's CaptureLoop, the app's own rules (a lost
// camera is waited for and reopened, the camera is handed over while another application uses it),
// with every change of the camera's state told on stderr. Frames are timed from the start of the
// run by the driver's capture times. Runs for a given time, or until interrupted (Ctrl-C, SIGTERM).
#pragma once

#include "capture/CaptureLoop.h"
#include "capture/DeviceWatch.h"

#include <functional>

namespace posesmart::cli {

class CameraRun final : public CaptureEnvironment {
public:
    // `first` is the camera already opened from `spec` (so that a camera that cannot be used at the
    // start is an error, not a wait); `seconds` <= 0: until interrupted; `analysisFps` as in
    // CaptureLoopSettings.
    CameraRun(std::string spec, std::unique_ptr<FrameSource> first, double seconds, double analysisFps);

    // Calls `onFrame` with each frame and the milliseconds its read took, until the run is over.
    void run(const std::function<void(Frame& frame, double readMs)>& onFrame);

    std::unique_ptr<FrameSource> open(const std::string& spec) override;
    double now() override;
    void sleepFor(double seconds) override;
    std::vector<DeviceUser> othersUsing(const std::filesystem::path& device) override;
    bool deviceUseMayHaveChanged(const std::filesystem::path& device) override;
    void deliver(Frame frame) override;
    void report(const CaptureReport& report) override;

private:
    class TimedSource;
    [[nodiscard]] bool over() const;

    std::string m_spec;
    std::unique_ptr<FrameSource> m_first;
    double m_startSec;
    double m_endSec;
    double m_analysisFps;
    TimedSource* m_current = nullptr;  // the open source, owned by the loop
    const std::function<void(Frame&, double)>* m_onFrame = nullptr;
    DeviceWatch m_deviceWatch;
};

}  // namespace posesmart::cli
