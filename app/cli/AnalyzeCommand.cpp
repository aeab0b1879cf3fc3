#include "AnalyzeCommand.h"

#include "FaceIdRun.h"
#include "FrameCsvWriter.h"
#include "SessionJson.h"
#include "posesmart/Error.h"
#include "posesmart/FrameSource.h"
#include "posesmart/LocalTime.h"
#include "posesmart/SessionRecorder.h"

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
    addPipelineOptions(*m_command, m_pipeline);
}

namespace {

constexpr int kRetentionDays = 365;

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
    const auto source = openFrameSource(input);
    FrameAnalyzer analyzer(model, settings);
    PostureCalibrator calibrator(calibration);
    while (const auto frame = source->next()) {
        const FrameResult result = analyzer.analyze(*frame);
        if (calibrator.add(frame->timestampSec, result.measurements, frame->bgr.size())) break;
    }
    return calibrator.finish();
}

}  // namespace

void AnalyzeCommand::useCalibration(CalibrationResult result, SessionAnalyzer& session, SessionJson& json) const {
    if (result.baseline && m_knownDistanceCm > 0.0) result.baseline->knownDistanceCm = m_knownDistanceCm;
    json.setCalibration(toJson(result));
    if (!result.baseline) {
        std::cerr << "posesmart-cli: calibration failed: " << result.reason << "\n";
        return;
    }
    session.setBaseline(result.baseline);
    if (!m_profileOut.empty()) {
        std::ofstream file(m_profileOut);
        file << nlohmann::json{{"baseline", toJson(*result.baseline)}}.dump(2) << '\n';
        if (!file) throw Error(ErrorKind::Io, "cannot write '" + m_profileOut + "'");
    }
}

int AnalyzeCommand::run() const {
    const auto source = openFrameSource(m_input);
    const auto model = loadLandmarkModel(m_pipeline);
    const AnalyzerSettings settings = analyzerSettings(m_pipeline, source->info());
    FrameAnalyzer analyzer(*model, settings);
    std::optional<FrameCsvWriter> csv;
    if (!m_framesCsv.empty()) csv.emplace(m_framesCsv);
    SessionAnalyzer session;
    SessionJson json(source->info());
    CalibrationSettings calibration;
    calibration.seconds = m_calibrateSeconds;
    if (!m_profileIn.empty()) {
        const PostureBaseline baseline = readProfile(m_profileIn);
        session.setBaseline(baseline);
        json.setCalibration({{"status", "profile"}, {"profile", m_profileIn}, {"baseline", toJson(baseline)}});
    } else if (m_calibrateSeconds > 0.0 && !source->info().live) {
        useCalibration(calibrateFromStart(m_input, *model, settings, calibration), session, json);
    } else if (m_calibrateSeconds > 0.0) {
        session.startCalibration(calibration);
    }

    // History: the run as if it had happened live from --start.
    std::optional<HistoryStore> store;
    std::optional<SessionRecorder> recorder;
    std::optional<FaceIdRun> faceId;
    if (!m_dbPath.empty()) {
        double startUtc = static_cast<double>(std::time(nullptr));
        if (!m_start.empty()) {
            const auto parsed = parseLocalDateTime(m_start);
            if (!parsed) throw Error(ErrorKind::BadArgument, "--start '" + m_start + "' is not YYYY-MM-DDTHH:MM");
            startUtc = *parsed;
        }
        store.emplace(m_dbPath);
        if (store->openReport().recreated) std::cerr << "posesmart-cli: " << store->openReport().message << "\n";
        store->applyRetention(static_cast<double>(std::time(nullptr)), kRetentionDays);
        const std::int64_t profile = store->profileId(m_user);
        if (session.baseline()) store->saveBaseline(profile, toJson(*session.baseline()).dump());
        recorder.emplace(*store, profile, startUtc);
        faceId.emplace(&*store, profile, m_descriptorModel);
        session.alerts().setMinuteOfDay([startUtc](double t) { return localMinuteOfDay(startUtc + t); });
    }
    std::optional<std::string> reportedWriteError;

    std::int64_t frames = 0;
    std::int64_t faceFrames = 0;
    int mostFaces = 0;
    // Whatever was analysed before a read error is still written out, then the error is reported.
    std::optional<Error> readError;
    while (true) {
        const auto decodeStart = std::chrono::steady_clock::now();
        std::optional<Frame> frame;
        try {
            frame = source->next();
        } catch (const Error& e) {
            readError = e;
            break;
        }
        if (!frame) break;
        const double decodeMs =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - decodeStart).count();
        const FrameResult result = analyzer.analyze(*frame);
        ++frames;
        faceFrames += result.landmarks ? 1 : 0;
        mostFaces = std::max(mostFaces, result.facesSeen);
        if (csv) csv->write(result, decodeMs);
        // Another person's face (Face ID) reaches the session as no face at all.
        const FrameResult measured = faceId ? faceId->filter(*frame, result) : result;
        const SessionUpdate update = session.update(measured, frame->bgr.size());
        if (update.calibration) useCalibration(*update.calibration, session, json);
        json.add(measured, update);
        if (recorder) {
            recorder->add(measured, update);
            // A failed write (disk full) is said once; the analysis goes on and the rows are kept.
            if (recorder->lastError() && recorder->lastError() != reportedWriteError) {
                std::cerr << "posesmart-cli: history not saved yet, will retry: " << *recorder->lastError() << "\n";
            }
            reportedWriteError = recorder->lastError();
        }
    }
    // The files are written before a history error is reported, so that one failure loses nothing else.
    if (recorder) recorder->flush();
    if (faceId) json.setIdentity(faceId->segments(), faceId->summary());
    if (csv) csv->close();
    if (!m_jsonOut.empty()) json.write(m_jsonOut);
    std::cout << source->info().description << ": " << frames << " frames, a face in " << faceFrames << ", at most "
              << mostFaces << (mostFaces == 1 ? " face" : " faces") << " at once\n";
    if (recorder && recorder->lastError()) throw Error(ErrorKind::Io, *recorder->lastError());
    if (faceId) faceId->save();
    if (readError) throw *readError;
    return 0;
}

}  // namespace posesmart::cli
