// DescriptorWorker: descriptors computed on a thread of its own, one at a time, so Face ID never
// runs on the per-frame path and the frame rate does not drop while it works. A failure on the
// thread (even an unexpected exception) comes back as a result with its error: the thread never
// dies silently.
#pragma once

#include "identity/DescriptorService.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace posesmart {

class DescriptorWorker : public DescriptorService {
public:
    explicit DescriptorWorker(std::unique_ptr<FaceDescriptorModel> model);
    ~DescriptorWorker() override;
    DescriptorWorker(const DescriptorWorker&) = delete;
    DescriptorWorker& operator=(const DescriptorWorker&) = delete;

    bool submit(const cv::Mat& bgr, const Landmarks& points, double streamSec, bool enrolment) override;
    [[nodiscard]] bool busy() const override;
    std::optional<Result> take() override;

private:
    struct Job {
        cv::Mat bgr;
        Landmarks points{};
        double streamSec = 0.0;
        bool enrolment = false;
    };
    void run(const std::stop_token& stop);

    std::unique_ptr<FaceDescriptorModel> m_model;
    mutable std::mutex m_mutex;
    std::condition_variable_any m_wake;
    std::optional<Job> m_job;
    bool m_working = false;
    std::optional<Result> m_result;
    std::jthread m_thread;  // last: started once everything above exists, stopped first
};

}  // namespace posesmart
