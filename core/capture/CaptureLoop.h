// CaptureLoop: the capture thread's rules, without the thread: open the source, read it, hand
// each frame on; play files at their own frame rate (as a camera would deliver them); reopen a lost
// camera every few seconds; release the camera while paused, while another application uses it,
// and when nobody has been in view for a while (CameraReleasePolicy). Everything it needs from the
// world (the sources, the clock, sleeping, who else has the device open, where frames and state
// go) comes through a CaptureEnvironment, so tests drive it with scripted sources and simulated time.
#pragma once

#include "capture/AnalysisRate.h"
#include "capture/CameraRelease.h"
#include "capture/CaptureSpec.h"
#include "capture/DeviceUsers.h"
#include "capture/FrameSource.h"

#include <atomic>
#include <memory>
#include <string>

namespace posesmart {

enum class CaptureState { Starting, Running, Paused, Released, Lost, NoSource, Ended };

// Why the capture is in its state; the words are the reader's (detail: the source's own message).
enum class CaptureReason {
    None,
    OtherApplication,  // released: another application has the camera open
    NobodyInView,      // released: nobody in view for a while; probed now and then
    OpenFailed,        // the source could not be opened (detail says why)
    ReadFailed,        // reading failed (detail says why)
    StoppedSending,    // the camera delivered no more frames
    VideoEnded,        // a file played to its end
};

struct CaptureReport {
    CaptureState state = CaptureState::Starting;
    CaptureReason reason = CaptureReason::None;
    // Running: the camera and its negotiated format ("Name: YUYV 640x480 at 30 fps"); Released by
    // another application: who (CameraMessages); a failure: the reason, for a camera followed by
    // "; waiting for it", since a camera is tried again.
    std::string detail;
};

class CaptureEnvironment {
public:
    virtual ~CaptureEnvironment() = default;
    // Opens a source (openFrameSource, or the module's); throws Error with the reason.
    virtual std::unique_ptr<FrameSource> open(const std::string& spec) = 0;
    [[nodiscard]] virtual double now() = 0;     // seconds of the monotonic clock
    virtual void sleepFor(double seconds) = 0;  // may return early when the loop is being stopped
    // The other processes that have the device open (otherUsersOf).
    [[nodiscard]] virtual std::vector<DeviceUser> othersUsing(const std::filesystem::path& device) = 0;
    // Whether the device may have been opened or closed by anyone since the last call (DeviceWatch);
    // othersUsing is asked only then. True when that cannot be known.
    [[nodiscard]] virtual bool deviceUseMayHaveChanged(const std::filesystem::path& /*device*/) { return true; }
    virtual void deliver(Frame frame) = 0;
    virtual void report(const CaptureReport& report) = 0;  // on every change, and once at the start
    // The source skipped something it could not read (an image of a folder), with the reason.
    virtual void skipped(const std::string& /*reason*/) {}
};

struct CaptureLoopSettings {
    CameraReleaseSettings release;
    double reopenEverySec = 2.0;  // a lost camera is tried again this often
    // How often the device's opens and closes are looked at; who has it open is looked up only
    // after one (a walk over every process's descriptors).
    double foreignCheckEverySec = 2.0;
    double stillsFps = 1.0;        // pace of a folder of images, which has no frame rate
    double releasedPollSec = 0.2;  // how often the rules are looked at while released or paused
    double analysisFps = 0.0;      // frames delivered a second at most (AnalysisRate); 0: all
};

class CaptureLoop {
public:
    // Throws Error(BadArgument) for a malformed spec.
    CaptureLoop(const std::string& spec, CaptureLoopSettings settings, CaptureEnvironment& environment);

    // One turn of the loop: opens, reads and delivers one frame, or waits while released, paused or
    // lost. False once the loop is over: a file ended or cannot be read (a camera never ends).
    bool step();

    // From other threads.
    void setPaused(bool paused) { m_paused = paused; }
    void setAnalysisFps(double fps) { m_analysisFps = fps; }
    void faceObserved(bool faceInView);

    [[nodiscard]] const CaptureReport& lastReport() const { return m_report; }

private:
    void report(CaptureState state, CaptureReason reason = CaptureReason::None, std::string detail = {});
    bool holdOrRelease(double now);
    bool readOne();
    void pace(const Frame& frame);

    std::string m_spec;
    CaptureSpec m_parsed;
    CaptureLoopSettings m_settings;
    CaptureEnvironment& m_env;
    CameraReleasePolicy m_policy;
    std::unique_ptr<FrameSource> m_source;
    std::int64_t m_nextIndex = 0;
    double m_nextForeignCheck = 0.0;
    bool m_started = false;
    // Pacing of files: stream time m_firstStreamSec was delivered at m_firstWallSec.
    bool m_paced = false;
    double m_firstStreamSec = 0.0;
    double m_firstWallSec = 0.0;
    std::string m_foreignUsers;  // who else uses the camera, for the report
    std::atomic<bool> m_paused = false;
    std::atomic<double> m_analysisFps;
    FrameThinner m_thinner;
    std::atomic<bool> m_faceInView = false;
    std::atomic<bool> m_faceNews = false;  // faceObserved() was called since the last look
    CaptureReport m_report;
};

}  // namespace posesmart
