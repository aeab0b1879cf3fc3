#include "FaceIdWorker.h"

#include "ThreadName.h"

namespace posesmart::ui {

FaceIdWorker::FaceIdWorker(const std::filesystem::path& modelFile)
    : m_model(std::make_unique<FaceDescriptorModel>(modelFile)), m_thread([this] { run(); }) {}

FaceIdWorker::~FaceIdWorker() {
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

bool FaceIdWorker::submit(const cv::Mat& bgr, const Landmarks& points, double streamSec, bool enrolment) {
    {
        const std::lock_guard lock(m_mutex);
        if (m_job || m_working) return false;
        m_job = Job{bgr.clone(), points, streamSec, enrolment};
    }
    m_wake.notify_one();
    return true;
}

bool FaceIdWorker::busy() const {
    const std::lock_guard lock(m_mutex);
    return m_job.has_value() || m_working;
}

std::optional<FaceIdWorker::Result> FaceIdWorker::takeResult() {
    const std::lock_guard lock(m_mutex);
    std::optional<Result> out = std::move(m_result);
    m_result.reset();
    return out;
}

void FaceIdWorker::run() {
    nameThisThread("ps-faceid");
    while (true) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || m_job.has_value(); });
            if (m_stop) return;
            job = std::move(*m_job);
            m_job.reset();
            m_working = true;
        }
        const FaceDescriptor descriptor = m_model->describe(job.bgr, job.points);
        const std::lock_guard lock(m_mutex);
        m_result = Result{job.streamSec, job.enrolment, descriptor};
        m_working = false;
    }
}

}  // namespace posesmart::ui
