// FaceIdWorker: computes face descriptors on a thread of its own, one at a time, so Face ID never
// runs on the per-frame path and the frame rate does not drop while it works. The analysis thread
// submits a picture with its landmarks when IdentityCheck says a check is due and collects the
// result on a later frame.
#pragma once

#include "posesmart/FaceDescriptor.h"

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace posesmart::ui {

class FaceIdWorker {
public:
    // Throws Error(BadModel) when the model cannot be loaded.
    explicit FaceIdWorker(const std::filesystem::path& modelFile);
    ~FaceIdWorker();
    FaceIdWorker(const FaceIdWorker&) = delete;
    FaceIdWorker& operator=(const FaceIdWorker&) = delete;

    struct Result {
        double streamSec = 0.0;  // when the picture was taken
        bool enrolment = false;
        FaceDescriptor descriptor{};
    };

    // False (and nothing queued) while a descriptor is still being computed.
    bool submit(const cv::Mat& bgr, const Landmarks& points, double streamSec, bool enrolment);
    [[nodiscard]] bool busy() const;
    std::optional<Result> takeResult();

private:
    struct Job {
        cv::Mat bgr;
        Landmarks points{};
        double streamSec = 0.0;
        bool enrolment = false;
    };
    void run();

    std::unique_ptr<FaceDescriptorModel> m_model;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<Job> m_job;
    bool m_working = false;
    std::optional<Result> m_result;
    bool m_stop = false;
    std::thread m_thread;
};

}  // namespace posesmart::ui
