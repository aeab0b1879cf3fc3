#include "AnalyzeCommand.h"

#include "CameraRun.h"
#include "FrameCsvWriter.h"
#include "SessionJson.h"
#include "analysis/BaselineJson.h"
#include "capture/AnalysisRate.h"
#include "capture/CaptureSpec.h"
#include "common/Clock.h"
#include "common/Error.h"
#include "common/PrivateFile.h"
#include "history/LocalTime.h"
#include "identity/InlineDescriber.h"
#include "session/LiveSession.h"

#include <chrono>
#include <fstream>
#include <iostream>
#include <optional>

namespace posesmart::cli {

AnalyzeCommand::AnalyzeCommand(CLI::App& parent)
    : m_command(parent.add_subcommand("analyze", "Analyse a video, an image, a folder of images or camera:N")) {
    m_command->add_option("INPUT", m_input, "video file, image, folder of images, or camera:N / camera:/dev/videoN")
        ->required();
    m_command->add_option("--frames", m_framesCsv, "write one CSV row per frame to this file");
    m_command->add_option("--json", m_jsonOut, "write blinks, closures, posture, alerts and a summary to this file");
    auto* calibrate = m_command
                          ->add_option("--calibrate-seconds", m_calibrateSeconds,
                                       "posture baseline from the first N seconds (default 10; 0: none); a recording "
                                       "is calibrated in a pass of its own and then judged from its start")
                          ->check(CLI::Range(0.0, 600.0));
    m_command->add_option("--profile", m_profileIn, "posture baseline from a profile file (written by --save-profile)")
        ->check(CLI::ExistingFile)
        ->excludes(calibrate);
    m_command->add_option("--save-profile", m_profileOut, "write the calibrated posture baseline to this file");
    m_command
        ->add_option("--known-distance", m_knownDistanceCm,
                     "the person sat this many cm from the camera while calibrating (distance calibration)")
        ->check(CLI::Range(20.0, 200.0));
    auto* db = m_command->add_option("--db", m_dbPath, "record the run into this history database");
    m_command
        ->add_option("--start", m_start,
                     "local time the run is recorded as having started, e.g. 2026-11-20T09:00 (default: now)")
        ->needs(db);
    m_command
        ->add_option("--user", m_user,
                     "profile the run is recorded under (default: default); when the profile is enrolled for Face "
                     "ID, only its person is measured")
        ->needs(db);
    m_command->add_option("--descriptor-model", m_descriptorModel, "Face ID model (default: search)")->needs(db);
    m_command
        ->add_option("--seconds", m_cameraSeconds,
                     "a camera: stop after this many seconds (default: at Ctrl-C); a lost camera is waited for")
        ->check(CLI::PositiveNumber);
    m_command
        ->add_option("--analysis-fps", m_analysisFps,
                     "analyse at most this many frames a second, as the app does on battery (15); default: all")
        ->check(CLI::Range(1.0, 120.0));
    m_command
        ->add_option("--wait-for-db", m_waitForDbSeconds,
                     "wait this long for a history database another program has locked, at the start and at the "
                     "end (default 30); what still cannot be written is kept next to it and added at the next run")
        ->check(CLI::Range(0.0, 3600.0))
        ->needs(db);
    m_command->footer(
        "Exit codes: 0 done; 3 the history database could not be written and the run's minutes were kept in "
        "DB.pending, added at the next run; 4 the run's minutes could not be kept at all; others: an error, said on "
        "stderr.");
    addPipelineOptions(*m_command, m_pipeline);
}

namespace {

constexpr int kRetentionDays = 365;
constexpr int kExitHistoryKept = 3;
constexpr int kExitHistoryLost = 4;

PostureBaseline readProfile(const std::string& path) {
    std::ifstream file(path);
    try {
        return baselineFromJson(nlohmann::json::parse(file));
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::BadInput, "profile '" + path + "' is not JSON: " + e.what());
    }
}

// A recording is calibrated from its first seconds in a pass of its own, so that the whole
// recording, those seconds included, is judged against the baseline.
CalibrationResult calibrateFromStart(const std::string& input, const LandmarkModel& model,
                                     const AnalyzerSettings& settings, const CalibrationSettings& calibration) {
    const auto source = openInput(input);
    FrameAnalyzer analyzer(model, settings);
    PostureCalibrator calibrator(calibration);
    while (const auto frame = source->next()) {
        const FrameResult result = analyzer.analyze(*frame);
        if (calibrator.add(frame->timestampSec, result.measurements, frame->bgr.size())) break;
    }
    return calibrator.finish();
}

// What the run shows: the JSON document and the frame CSV, and messages on stderr.
class RunObserver : public SessionObserver {
public:
    RunObserver(SessionJson& json, std::optional<FrameCsvWriter>& csv) : m_json(json), m_csv(csv) {}
    std::function<void(const CalibrationResult&)> calibrated;
    double decodeMs = 0.0;                      // of the frame being analysed
    std::optional<std::string> historyProblem;  // the write that has not succeeded yet
    bool historyKept = false;                   // in the journal, for the next run
    double waitForDbSeconds = 0.0;
    std::int64_t frames = 0;
    std::int64_t faceFrames = 0;
    int mostFaces = 0;

    void onFrame(const FrameOutcome& outcome) override {
        m_json.add(outcome);
        if (m_csv) m_csv->write(outcome.seen, outcome.update, decodeMs);
        ++frames;
        faceFrames += outcome.seen.landmarks ? 1 : 0;
        mostFaces = std::max(mostFaces, outcome.seen.facesSeen);
    }
    void onCalibrationFinished(const CalibrationResult& result, bool /*faceEnrolled*/) override { calibrated(result); }
    void onIdentityChecked(double /*streamSec*/, double distance, double computeMs) override {
        m_json.addIdentityCheck(distance, computeMs);
    }
    void onProblem(const SessionProblem& problem) override {
        using Kind = SessionProblem::Kind;
        switch (problem.kind) {
            case Kind::HistoryNotSaved:
                // Said once per cause; the analysis goes on and the rows are kept.
                std::cerr << "posesmart-cli: history not saved yet, will retry: " << problem.detail << "\n";
                historyProblem = problem.detail;
                break;
            case Kind::HistorySaved:
                historyProblem.reset();
                break;
            case Kind::HistoryUnavailable:
                throw Error(ErrorKind::Io, problem.detail);
            case Kind::HistoryWaiting:
                std::cerr << "posesmart-cli: " << problem.detail << "; waiting up to " << waitForDbSeconds << " s\n";
                break;
            case Kind::HistoryKept:
                std::cerr << "posesmart-cli: the history was not saved; the run's minutes are kept in "
                          << problem.detail << " and will be added at the next run with this --db\n";
                historyProblem.reset();
                historyKept = true;
                break;
            case Kind::HistoryLost:
                historyProblem = "the run's minutes were not saved: " + problem.detail;
                break;
            case Kind::HistoryRecovered:
                std::cerr << "posesmart-cli: " << problem.detail
                          << " minute(s) kept from an earlier run were added to the history\n";
                break;
            case Kind::HistoryRecreated:
            case Kind::HistoryError:
            case Kind::BaselineUnreadable:
            case Kind::FaceIdFailed:
            case Kind::FrameNotAnalysed:
                std::cerr << "posesmart-cli: " << problem.detail << "\n";
                break;
        }
    }

private:
    SessionJson& m_json;
    std::optional<FrameCsvWriter>& m_csv;
};

}  // namespace

void AnalyzeCommand::useCalibration(CalibrationResult result, LiveSession& session, SessionJson& json) const {
    if (result.baseline && m_knownDistanceCm > 0.0) result.baseline->knownDistanceCm = m_knownDistanceCm;
    json.setCalibration(toJson(result));
    if (!result.baseline) {
        std::cerr << "posesmart-cli: calibration failed: " << result.reason << "\n";
        return;
    }
    session.useBaseline(*result.baseline);
    if (!m_profileOut.empty()) {
        createPrivateFile(m_profileOut);
        std::ofstream file(m_profileOut);
        file << nlohmann::json{{"baseline", toJson(*result.baseline)}}.dump(2) << '\n';
        if (!file) throw Error(ErrorKind::Io, "cannot write '" + m_profileOut + "'");
    }
}

int AnalyzeCommand::run() const {
    const bool isCamera = parseCaptureSpec(m_input).camera;
    if (m_cameraSeconds > 0.0 && !isCamera) {
        throw Error(ErrorKind::BadArgument, "--seconds is for a camera; a file is read to its end");
    }
    std::unique_ptr<FrameSource> source = openInput(m_input);
    if (isCamera) source->setMaxFps(m_analysisFps);  // the camera is asked for the rate before it streams
    const SourceInfo info = source->info();
    const auto model = loadLandmarkModel(m_pipeline);
    LiveSessionOptions options;
    options.analyzer = analyzerSettings(m_pipeline, source->info());
    if (!m_dbPath.empty()) {
        // The run is recorded as if it had happened live from --start.
        options.history.database = m_dbPath;
        options.history.profile = m_user;
        options.history.utcNow = wallSec();
        options.history.retentionDays = kRetentionDays;
        options.history.lockWaitMs = static_cast<int>(m_waitForDbSeconds * 1000.0);
        options.history.utcAtStreamZero = options.history.utcNow;
        if (!m_start.empty()) {
            const auto parsed = parseLocalDateTime(m_start);
            if (!parsed) throw Error(ErrorKind::BadArgument, "--start '" + m_start + "' is not YYYY-MM-DDTHH:MM");
            options.history.utcAtStreamZero = *parsed;
        }
    }
    std::optional<FrameCsvWriter> csv;
    SessionJson json(source->info(), !m_dbPath.empty());
    RunObserver observer(json, csv);
    observer.waitForDbSeconds = m_waitForDbSeconds;
    LiveSession session(*model, options, observer);
    if (!m_framesCsv.empty()) csv.emplace(m_framesCsv);  // once the history opened: a failed run writes nothing
    observer.calibrated = [&](const CalibrationResult& result) { useCalibration(result, session, json); };
    // Face ID only for a profile with an enrolled face: nobody else's frames are measured.
    std::unique_ptr<InlineDescriber> describer;
    if (session.faceEnrolled()) {
        describer = std::make_unique<InlineDescriber>(loadDescriptorModel(m_descriptorModel));
        session.setDescriptorService(describer.get());
    }

    CalibrationSettings calibration;
    calibration.seconds = m_calibrateSeconds;
    if (!m_profileIn.empty()) {
        const PostureBaseline baseline = readProfile(m_profileIn);
        session.useBaseline(baseline);
        json.setCalibration({{"status", "profile"}, {"profile", m_profileIn}, {"baseline", toJson(baseline)}});
    } else if (m_calibrateSeconds > 0.0 && !source->info().live) {
        useCalibration(calibrateFromStart(m_input, *model, options.analyzer, calibration), session, json);
    } else if (m_calibrateSeconds > 0.0) {
        session.startCalibration(m_calibrateSeconds);
    }

    // Whatever was analysed before a read error is still written out, then the error is reported.
    std::optional<Error> readError;
    if (isCamera) {
        CameraRun run(m_input, std::move(source), m_cameraSeconds, m_analysisFps);
        run.run([&](Frame& frame, double readMs) {
            observer.decodeMs = readMs;
            session.process(frame);
        });
    } else {
        FrameThinner thinner(m_analysisFps);
        while (true) {
            const auto decodeStart = std::chrono::steady_clock::now();
            std::optional<Frame> frame;
            try {
                frame = source->next();
            } catch (const Error& e) {
                readError = e;
                break;
            }
            for (const std::string& skipped : source->takeSkipped())
                std::cerr << "posesmart-cli: skipped: " << skipped << "\n";
            if (!frame) break;
            if (!thinner.keep(frame->timestampSec)) continue;
            observer.decodeMs =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - decodeStart).count();
            session.process(*frame);
        }
    }
    // The files are written before a history error is reported, so that one failure loses nothing else.
    session.finish(wallSec());
    json.setIdentityResult(session.faceEnrolled(), session.identity().enrolledUpdates());
    if (csv) csv->close();
    if (!m_jsonOut.empty()) json.write(m_jsonOut);
    std::cout << info.description << ": " << observer.frames << " frames, a face in " << observer.faceFrames
              << ", at most " << observer.mostFaces << (observer.mostFaces == 1 ? " face" : " faces") << " at once\n";
    if (observer.historyProblem) {
        std::cerr << "posesmart-cli: error: " << *observer.historyProblem << '\n';
        return kExitHistoryLost;
    }
    if (readError) throw *readError;
    return observer.historyKept ? kExitHistoryKept : 0;
}

}  // namespace posesmart::cli
