#include "BenchCommand.h"

#include "capture/FrameSource.h"
#include "common/Error.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

namespace posesmart::cli {

namespace {

using Clock = std::chrono::steady_clock;

// Decoded frames held at once (256 MiB: about 50 frames of 1620x1080).
constexpr std::size_t kDecodeBatchBytes = std::size_t{256} << 20U;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Distribution {
    std::vector<double> samples;
    [[nodiscard]] double quantile(double q) const {
        if (samples.empty()) return 0.0;
        std::vector<double> sorted = samples;
        const auto k = static_cast<std::size_t>(q * static_cast<double>(sorted.size() - 1) + 0.5);
        std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(k), sorted.end());
        return sorted[k];
    }
    [[nodiscard]] nlohmann::json json() const {
        double sum = 0.0;
        for (double s : samples) sum += s;
        const double mean = samples.empty() ? 0.0 : sum / static_cast<double>(samples.size());
        return {{"median_ms", quantile(0.5)}, {"p95_ms", quantile(0.95)}, {"mean_ms", mean}};
    }
};

struct RunStats {
    std::string mode;
    std::int64_t frames = 0;
    std::int64_t faceFrames = 0;
    double modelLoadMs = 0.0;
    Distribution pipeline, preprocess, detect, landmarks, metrics, decode;
    Distribution descriptor;  // Face ID descriptors computed alongside, when asked for

    [[nodiscard]] nlohmann::json json() const {
        return {{"mode", mode},
                {"face_id_alongside", !descriptor.samples.empty()},
                {"descriptor", descriptor.json()},
                {"frames", frames},
                {"face_frames", faceFrames},
                {"model_load_ms", modelLoadMs},
                {"pipeline", pipeline.json()},
                {"stages",
                 {{"preprocess", preprocess.json()},
                  {"detect", detect.json()},
                  {"landmarks", landmarks.json()},
                  {"metrics", metrics.json()}}},
                {"decode_excluded", decode.json()}};
    }
};

// Computes Face ID descriptors without a pause on a thread of its own, from the first face the
// pipeline finds, for as long as it lives: the worst case for the frames analysed meanwhile (the
// app computes one every few seconds).
class DescriptorLoad {
public:
    DescriptorLoad(FaceDescriptorModel& model, Distribution& times) : m_model(model), m_times(times) {}
    ~DescriptorLoad() {
        m_stop = true;
        if (m_thread.joinable()) m_thread.join();
    }
    DescriptorLoad(const DescriptorLoad&) = delete;
    DescriptorLoad& operator=(const DescriptorLoad&) = delete;

    void offer(const Frame& frame, const FrameResult& result) {
        if (m_thread.joinable() || !result.landmarks) return;
        m_thread = std::thread([this, bgr = frame.bgr.clone(), points = *result.landmarks] {
            while (!m_stop) {
                const auto start = Clock::now();
                (void)m_model.describe(bgr, points);
                m_times.samples.push_back(msSince(start));
            }
        });
    }

private:
    FaceDescriptorModel& m_model;
    Distribution& m_times;  // written by the thread until it is joined
    std::atomic<bool> m_stop = false;
    std::thread m_thread;
};

RunStats runOnce(const std::string& input, PipelineOptions options, FaceDescriptorModel* faceId = nullptr) {
    RunStats stats;
    stats.mode = options.mode;
    const auto loadStart = Clock::now();
    const auto model = loadLandmarkModel(options);
    stats.modelLoadMs = msSince(loadStart);
    const auto source = openInput(input);
    FrameAnalyzer analyzer(*model, analyzerSettings(options, source->info()));
    std::optional<DescriptorLoad> load;
    if (faceId) load.emplace(*faceId, stats.descriptor);
    // Frames are decoded a batch at a time and analysed afterwards: FFmpeg's decoder threads work
    // ahead in the background, and on a single core they would otherwise be billed to the pipeline.
    std::vector<Frame> batch;
    bool more = true;
    while (more) {
        batch.clear();
        std::size_t batchBytes = 0;
        while (batchBytes < kDecodeBatchBytes) {
            const auto decodeStart = Clock::now();
            auto frame = source->next();
            if (!frame) {
                more = false;
                break;
            }
            frame->bgr = frame->bgr.clone();  // the decoder may reuse its buffer
            stats.decode.samples.push_back(msSince(decodeStart));
            batchBytes += frame->bgr.total() * frame->bgr.elemSize();
            batch.push_back(std::move(*frame));
        }
        for (const Frame& frame : batch) {
            const auto start = Clock::now();
            const FrameResult result = analyzer.analyze(frame);
            stats.pipeline.samples.push_back(msSince(start));
            stats.preprocess.samples.push_back(result.times.preprocessMs);
            stats.detect.samples.push_back(result.times.detectMs);
            stats.landmarks.samples.push_back(result.times.landmarksMs);
            stats.metrics.samples.push_back(result.times.metricsMs);
            ++stats.frames;
            stats.faceFrames += result.landmarks ? 1 : 0;
            if (load) load->offer(frame, result);
        }
    }
    load.reset();  // joins the thread before its samples are read
    return stats;
}

void print(const RunStats& s) {
    const auto row = [](const char* name, const Distribution& d) {
        std::cout << "  " << std::left << std::setw(22) << name << std::right << std::fixed << std::setprecision(3)
                  << "median " << std::setw(8) << d.quantile(0.5) << " ms   p95 " << std::setw(8) << d.quantile(0.95)
                  << " ms\n";
    };
    std::cout << "mode " << s.mode << ": " << s.frames << " frames, a face in " << s.faceFrames << ", model load "
              << std::fixed << std::setprecision(0) << s.modelLoadMs << " ms\n";
    row("pipeline per frame", s.pipeline);
    row("  preprocess", s.preprocess);
    row("  detect", s.detect);
    row("  landmarks", s.landmarks);
    row("  metrics", s.metrics);
    row("decode (excluded)", s.decode);
    if (!s.descriptor.samples.empty()) {
        std::cout << "  with Face ID descriptors computed alongside without a pause: " << s.descriptor.samples.size()
                  << "\n";
        row("  descriptor per face", s.descriptor);
    }
}

}  // namespace

BenchCommand::BenchCommand(CLI::App& parent)
    : m_command(parent.add_subcommand("bench", "Measure the per-frame cost of the pipeline, stage by stage")) {
    m_command->add_option("INPUT", m_input, "video file, image or folder of images")->required();
    m_command->add_option("--json", m_jsonOut, "also write the results to this JSON file");
    m_command->add_flag("--compare", m_compare,
                        "also run detect-every-frame on the same input and report the speed-up");
    m_command->add_flag("--face-id", m_faceId,
                        "run again with Face ID descriptors computed non-stop on another thread, and report both");
    m_command->add_option("--descriptor-model", m_descriptorModel, "Face ID model (default: search)");
    addPipelineOptions(*m_command, m_pipeline);
}

int BenchCommand::run() const {
    std::cout << "input " << m_input << "\n";
    std::vector<RunStats> runs{runOnce(m_input, m_pipeline)};
    print(runs.back());
    nlohmann::json out = {{"input", m_input}, {"runs", nlohmann::json::array({runs.back().json()})}};
    if (m_compare && m_pipeline.mode != "detect-every-frame") {
        PipelineOptions reference = m_pipeline;
        reference.mode = "detect-every-frame";
        runs.push_back(runOnce(m_input, reference));
        print(runs.back());
        const double speedup = runs[1].pipeline.quantile(0.5) / std::max(1e-9, runs[0].pipeline.quantile(0.5));
        std::cout << "speed-up (median, detect-every-frame / " << m_pipeline.mode << "): " << std::setprecision(1)
                  << speedup << "x\n";
        out["runs"].push_back(runs.back().json());
        out["speedup_median"] = speedup;
    }
    if (m_faceId) {
        const auto model = loadDescriptorModel(m_descriptorModel);
        runs.push_back(runOnce(m_input, m_pipeline, model.get()));
        print(runs.back());
        const double slowdown = runs.back().pipeline.quantile(0.5) / std::max(1e-9, runs[0].pipeline.quantile(0.5));
        std::cout << "pipeline median with Face ID alongside / without: " << std::setprecision(2) << slowdown << "x\n";
        out["runs"].push_back(runs.back().json());
        out["face_id_slowdown_median"] = slowdown;
    }
    if (!m_jsonOut.empty()) {
        std::ofstream file(m_jsonOut);
        file << out.dump(2) << '\n';
        if (!file) throw Error(ErrorKind::Io, "cannot write '" + m_jsonOut + "'");
    }
    return 0;
}

}  // namespace posesmart::cli
