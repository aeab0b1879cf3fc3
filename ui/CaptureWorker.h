// CaptureWorker: the capture thread around core's CaptureLoop (which holds the rules: pacing of
// files, reopening a lost camera, releasing the camera). It supplies the loop's environment: the
// frame sources from the frame-source module (loaded on this thread, so that OpenCV's video stack
// never delays the window), the monotonic clock, the FrameMailbox, and its reports as queued
// signals. A failure on the thread ends it with a NoSource report, never silently.
#pragma once

#include "capture/CaptureLoop.h"
#include "capture/FrameMailbox.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace posesmart::ui {

class CaptureWorker : public QObject {
    Q_OBJECT
public:
    // Opens a source for a spec; throws Error. Default: the frame-source module.
    using Opener = std::function<std::unique_ptr<FrameSource>(const std::string& spec)>;

    CaptureWorker(FrameMailbox& mailbox, CaptureLoopSettings settings, QObject* parent = nullptr);
    ~CaptureWorker() override;

    // Starts reading `spec` ("camera:0", "camera:/dev/video0", a video file or a folder).
    void start(const QString& spec);
    void stop();  // joins the thread
    void setPaused(bool paused);
    // Frames delivered a second at most (core's AnalysisRate); 0: all.
    void setAnalysisFps(double fps);
    // From the analysis: whether a face was in view (for releasing the camera when nobody is).
    void faceObserved(bool faceInView);
    [[nodiscard]] QString spec() const;
    // Tests: sources from elsewhere than the module.
    void setOpener(Opener opener) { m_opener = std::move(opener); }

signals:
    void stateChanged(const posesmart::CaptureReport& report);
    // The source skipped something it could not read (an image of a folder): why.
    void inputSkipped(const QString& reason);

private:
    class Environment;
    void run(const std::string& spec);
    void stopped(const std::string& why);  // the thread ends after an unexpected error

    FrameMailbox& m_mailbox;
    CaptureLoopSettings m_settings;
    std::vector<std::filesystem::path> m_moduleSearchPath;
    Opener m_opener;
    std::thread m_thread;
    std::atomic<bool> m_stop = false;
    std::atomic<bool> m_paused = false;
    std::atomic<double> m_analysisFps;
    mutable std::mutex m_mutex;  // m_spec and m_loop
    QString m_spec;
    CaptureLoop* m_loop = nullptr;  // while the thread runs
};

}  // namespace posesmart::ui

Q_DECLARE_METATYPE(posesmart::CaptureReport)
