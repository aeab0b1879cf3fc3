// CaptureWorker: the capture thread. Owns the frame source (camera, video file, image folder),
// reads it in a blocking loop and hands every frame to the FrameMailbox, stamped with a monotonic
// clock (files are paced at their own frame rate, so they play like a camera). A camera that
// fails mid-run is reported as lost and reopened every few seconds until it is back; the source is
// closed while paused or released (CameraReleasePolicy decides) and reopened afterwards.
// The sources come from the frame-source module (posesmart/FrameSourceModule.h), loaded on the capture
// thread; without it the state is NoSource, with the reason.
// Signals come from the capture thread; connect them with a receiver in the GUI thread (queued).
#pragma once

#include "posesmart/CameraRelease.h"
#include "posesmart/FrameMailbox.h"

#include <QObject>
#include <QString>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

namespace posesmart::ui {

enum class CaptureState { Starting, Running, Paused, Released, Lost, NoSource, Ended };

class CaptureWorker : public QObject {
    Q_OBJECT
public:
    CaptureWorker(FrameMailbox& mailbox, CameraReleaseSettings release, QObject* parent = nullptr);
    ~CaptureWorker() override;

    // Starts reading `spec` ("camera:0", "camera:/dev/video0", a video file or a folder).
    void start(const QString& spec);
    void stop();  // joins the thread
    void setPaused(bool paused);
    // From the analysis: whether a face was in view (for releasing the camera when nobody is).
    void faceObserved(bool faceInView);
    [[nodiscard]] QString spec() const;

signals:
    void stateChanged(posesmart::ui::CaptureState state, const QString& detail);

private:
    void run(std::string spec);
    void report(CaptureState state, const QString& detail);

    FrameMailbox& m_mailbox;
    std::thread m_thread;
    std::atomic<bool> m_stop = false;
    std::atomic<bool> m_paused = false;
    std::atomic<bool> m_faceInView = false;
    std::atomic<bool> m_faceNews = false;  // faceObserved() was called since the last look
    CameraReleaseSettings m_releaseSettings;
    std::vector<std::filesystem::path> m_moduleSearchPath;
    mutable std::mutex m_specMutex;
    QString m_spec;
    CaptureState m_state = CaptureState::Starting;  // capture thread only
};

}  // namespace posesmart::ui

Q_DECLARE_METATYPE(posesmart::ui::CaptureState)
