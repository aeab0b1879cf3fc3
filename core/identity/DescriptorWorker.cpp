#include "identity/DescriptorWorker.h"

#include "common/ThreadName.h"

#include <chrono>
#include <exception>

namespace posesmart {

DescriptorWorker::DescriptorWorker(std::unique_ptr<FaceDescriptorModel> model)
    : m_model(std::move(model)), m_thread([this](const std::stop_token& stop) { run(stop); }) {}

DescriptorWorker::~DescriptorWorker() {
    m_thread.request_stop();
    m_wake.notify_all();
}

bool DescriptorWorker::submit(const cv::Mat& bgr, const Landmarks& points, double streamSec, bool enrolment) {
    {
        const std::lock_guard lock(m_mutex);
        if (m_job || m_working) return false;
        // A copy: the caller's picture belongs to the capture buffers and changes threads here.
        m_job = Job{bgr.clone(), points, streamSec, enrolment};
    }
    m_wake.notify_one();
    return true;
}

bool DescriptorWorker::busy() const {
    const std::lock_guard lock(m_mutex);
    return m_job.has_value() || m_working;
}

std::optional<DescriptorService::Result> DescriptorWorker::take() {
    const std::lock_guard lock(m_mutex);
    return std::exchange(m_result, std::nullopt);
}

void DescriptorWorker::run(const std::stop_token& stop) {
    nameThisThread("ps-faceid");
    while (true) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, stop, [this] { return m_job.has_value(); });
            if (stop.stop_requested()) return;
            job = std::move(*m_job);
            m_job.reset();
            m_working = true;
        }
        Result result;
        result.streamSec = job.streamSec;
        result.enrolment = job.enrolment;
        const auto start = std::chrono::steady_clock::now();
        try {
            result.descriptor = m_model->describe(job.bgr, job.points);
        } catch (const std::exception& e) {
            result.error = e.what();
        } catch (...) {
            result.error = "an unknown failure in the face descriptor model";
        }
        result.computeMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        const std::lock_guard lock(m_mutex);
        m_result = std::move(result);
        m_working = false;
    }
}

}  // namespace posesmart
