// No thread dies silently: each worker is made to fail the way it could in the field, and the
// failure must arrive on the GUI thread as a message, with the process still running.
//  - analysis thread: a picture no camera should send (two channels), and a landmark model that is
//    not one (a damaged file);
//  - capture thread: a source that throws something other than PoseSmart's Error;
//  - Face ID thread: a picture the descriptor network cannot take;
//  - report thread: a history file that is a folder.
#include "CaptureWorker.h"
#include "CatchQt.h"
#include "EngineText.h"
#include "EngineWorker.h"
#include "ReportWorker.h"
#include "TestData.h"
#include "common/ModelLocator.h"
#include "history/LocalTime.h"
#include "identity/DescriptorWorker.h"

#include <QSignalSpy>
#include <QTest>
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <stdexcept>
#include <thread>

using namespace posesmart;
using namespace posesmart::ui;

namespace {

constexpr int kWaitMs = 30000;

// Whether `spy` has caught a signal within kWaitMs. The workers emit from their own threads, and the
// signal may arrive before the test starts waiting: QSignalSpy::wait() waits for a further one only
// (on a loaded machine the first had often come already), so the spy's record is looked at instead.
bool caught(const QSignalSpy& spy) {
    return QTest::qWaitFor([&] { return !spy.isEmpty(); }, kWaitMs);
}

EngineOptions engineOptions(const std::filesystem::path& dir) {
    EngineOptions options;
    options.database = dir / "history.db";
    options.executableDir = dir;  // the models come from POSESMART_MODEL_DIR below
    return options;
}

// The staged models of the build, found the way an installed app finds them.
void useBuildModels() {
    ::setenv(kModelDirEnv, test::landmarkModelFile().parent_path().c_str(), 1);
}

class ThrowingSource : public FrameSource {
public:
    [[nodiscard]] const SourceInfo& info() const override { return m_info; }
    std::optional<Frame> next() override { throw std::runtime_error("the driver returned garbage"); }

private:
    SourceInfo m_info{"broken", 30.0, -1, 640, 480, true, false, {}, {}};
};

}  // namespace

TEST_CASE("analysis thread: a picture it cannot analyse is reported and skipped; the thread goes on") {
    useBuildModels();
    const auto dir = test::scratchDir("worker-engine");
    FrameMailbox mailbox;
    EngineWorker engine(mailbox);
    QSignalSpy ready(&engine, &EngineWorker::ready);
    QSignalSpy problems(&engine, &EngineWorker::problem);
    QSignalSpy statuses(&engine, &EngineWorker::statusChanged);
    QSignalSpy failed(&engine, &EngineWorker::failed);
    engine.start(engineOptions(dir));
    REQUIRE(caught(ready));
    Frame odd;
    odd.bgr = cv::Mat(480, 640, CV_8UC2, cv::Scalar::all(0));
    odd.timestampSec = 1.0;
    mailbox.put(odd);
    REQUIRE(caught(problems));
    const auto problem = problems.takeFirst().at(0).value<SessionProblem>();
    CHECK(problem.kind == SessionProblem::Kind::FrameNotAnalysed);
    CHECK_FALSE(problemText(problem).isEmpty());
    // The thread is alive: the next good picture is analysed.
    Frame fine;
    fine.bgr = cv::Mat(480, 640, CV_8UC3, cv::Scalar::all(60));
    fine.timestampSec = 2.0;
    statuses.clear();
    mailbox.put(fine);
    REQUIRE(caught(statuses));
    engine.stop();
    CHECK(failed.isEmpty());
}

TEST_CASE("analysis thread: a damaged landmark model ends it with a message, not a crash") {
    const auto dir = test::scratchDir("worker-engine-model");
    std::ofstream(dir / "shape_predictor_68_face_landmarks.dat") << "not a model";
    ::setenv(kModelDirEnv, dir.c_str(), 1);
    FrameMailbox mailbox;
    EngineWorker engine(mailbox);
    QSignalSpy failed(&engine, &EngineWorker::failed);
    engine.start(engineOptions(dir));
    REQUIRE(caught(failed));
    CHECK_THAT(failed.takeFirst().at(0).toString().toStdString(), Catch::Contains("landmark model"));
    engine.stop();
    useBuildModels();
}

TEST_CASE("capture thread: an unexpected exception from a source ends it with a report") {
    FrameMailbox mailbox;
    CaptureWorker capture(mailbox, CaptureLoopSettings{});
    capture.setOpener([](const std::string&) { return std::make_unique<ThrowingSource>(); });
    QSignalSpy states(&capture, &CaptureWorker::stateChanged);
    capture.start(QStringLiteral("camera:0"));
    // qWaitFor, not QTRY_VERIFY_WITH_TIMEOUT: Qt 6.8's macro narrows a long to int (-Wconversion).
    REQUIRE(QTest::qWaitFor(
        [&] { return !states.isEmpty() && states.last().at(0).value<CaptureReport>().state == CaptureState::NoSource; },
        kWaitMs));
    const auto report = states.last().at(0).value<CaptureReport>();
    CHECK(report.detail == "the driver returned garbage");
    CHECK(captureText(report) == QStringLiteral("the driver returned garbage"));
    capture.stop();
}

TEST_CASE("Face ID thread: a picture the network cannot take comes back as an error, and the thread goes on") {
    const auto modelFile =
        requireModel(FaceDescriptorModel::kFileName, {test::landmarkModelFile().parent_path()}, "build the project");
    DescriptorWorker worker(std::make_unique<FaceDescriptorModel>(modelFile));
    Landmarks points{};
    REQUIRE(worker.submit(cv::Mat(480, 640, CV_8UC2, cv::Scalar::all(0)), points, 1.0, false));
    std::optional<DescriptorService::Result> result;
    for (int i = 0; i < 3000 && !result; ++i) {
        result = worker.take();
        if (!result) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    REQUIRE(result);
    CHECK_FALSE(result->descriptor);
    CHECK_FALSE(result->error.empty());
    CHECK_FALSE(worker.busy());
    CHECK(worker.submit(cv::Mat(480, 640, CV_8UC3, cv::Scalar::all(0)), points, 2.0, false));
}

TEST_CASE("report thread: a history that cannot be opened is a message") {
    const auto dir = test::scratchDir("worker-report");
    std::filesystem::create_directories(dir / "history.db");  // a folder where the file should be
    ReportWorker worker(QString::fromStdString((dir / "history.db").string()), QStringLiteral("default"));
    QSignalSpy failed(&worker, &ReportWorker::failed);
    worker.request(ReportSpan::Day, *localDay("2026-11-20"));
    REQUIRE(caught(failed));
    CHECK_FALSE(failed.takeFirst().at(0).toString().isEmpty());
}
