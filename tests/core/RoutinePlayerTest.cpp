// RoutinePlayer with simulated time (10 frames a second) on measured faces set by hand, and the
// routine files: each target at its exact boundary against the calibrated baseline, holds and
// their grace, repetitions that need letting go, time-outs, skipping and ending early.
#include "common/Error.h"
#include "routine/RoutinePlayer.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace posesmart;

namespace {

constexpr double kFps = 10.0;

PostureBaseline baseline() {
    PostureBaseline b;
    b.iodPx = 60.0;
    b.eyeLineYPx = 200.0;
    b.rollDeg = 4.0;  // the user's own upright roll: targets are relative to it
    b.pitchDeg = 10.0;
    return b;
}

FaceMeasurements upright() {
    FaceMeasurements m;
    m.iodPx = 60.0;
    m.eyeLineCentre = cv::Point2f(320.F, 200.F);
    m.rollDeg = 4.0;
    m.pitchDeg = 10.0;
    m.poseValid = true;
    m.earLeft = m.earRight = 0.3;
    return m;
}

Routine oneStep(RoutineTarget target, double amount, double holdSec = 5.0, int repetitions = 1,
                double timeoutSec = 20.0) {
    return Routine{"test", "Test", {RoutineStep{target, amount, holdSec, repetitions, timeoutSec}}};
}

struct Play {
    RoutinePlayer player;
    std::int64_t frame = 0;
    explicit Play(Routine routine) : player(std::move(routine), baseline()) {}
    [[nodiscard]] double t() const { return static_cast<double>(frame) / kFps; }
    // Frames for `seconds` showing `face` (none: out of view).
    void show(double seconds, const std::optional<FaceMeasurements>& face) {
        const double end = t() + seconds;
        while (t() < end - 1e-9) {
            player.update(t(), face);
            ++frame;
        }
    }
};

FaceMeasurements with(FaceMeasurements m, double FaceMeasurements::*field, double value) {
    m.*field = value;
    return m;
}

}  // namespace

TEST_CASE("each target at its boundary, against the calibrated baseline") {
    struct Case {
        RoutineTarget target;
        double amount;
        FaceMeasurements on;
        FaceMeasurements off;
    };
    const FaceMeasurements u = upright();
    FaceMeasurements tuck = u;
    tuck.iodPx = 57.0;  // 5% smaller
    FaceMeasurements tuckTooSmall = u;
    tuckTooSmall.iodPx = 57.3;
    FaceMeasurements tuckDropped = tuck;
    tuckDropped.eyeLineCentre.y = 200.F + 0.11F * 60.F;  // the head went down instead of back
    FaceMeasurements closed = u;
    closed.earLeft = closed.earRight = 0.3 * 0.6;
    FaceMeasurements halfClosed = u;
    halfClosed.earLeft = halfClosed.earRight = 0.3 * 0.7;
    const std::vector<Case> cases{
        {RoutineTarget::TiltRight, 25.0, with(u, &FaceMeasurements::rollDeg, 4.0 - 25.0),
         with(u, &FaceMeasurements::rollDeg, 4.0 - 24.5)},
        {RoutineTarget::TiltLeft, 25.0, with(u, &FaceMeasurements::rollDeg, 29.0),
         with(u, &FaceMeasurements::rollDeg, 25.0)},  // 25 in the image is only 21 from the baseline
        {RoutineTarget::TurnLeft, 35.0, with(u, &FaceMeasurements::yawDeg, 35.0),
         with(u, &FaceMeasurements::yawDeg, 34.0)},
        {RoutineTarget::TurnRight, 35.0, with(u, &FaceMeasurements::yawDeg, -35.0),
         with(u, &FaceMeasurements::yawDeg, 35.0)},
        {RoutineTarget::ChinTuck, 0.05, tuck, tuckTooSmall},
        {RoutineTarget::ChinTuck, 0.05, tuck, tuckDropped},
        {RoutineTarget::LookUp, 15.0, with(u, &FaceMeasurements::pitchDeg, -5.0),
         with(u, &FaceMeasurements::pitchDeg, -4.0)},
        {RoutineTarget::LookDown, 15.0, with(u, &FaceMeasurements::pitchDeg, 25.0),
         with(u, &FaceMeasurements::pitchDeg, 24.0)},
        {RoutineTarget::EyesClosed, 0.0, closed, halfClosed},
        {RoutineTarget::LookAway, 30.0, with(u, &FaceMeasurements::yawDeg, -31.0),
         with(u, &FaceMeasurements::yawDeg, 29.0)},
    };
    for (const Case& c : cases) {
        INFO(toString(c.target));
        SECTION(std::string(toString(c.target)) + " on target") {
            Play play(oneStep(c.target, c.amount));
            play.show(1.0, upright());  // open eyes seen first
            CHECK_FALSE(play.player.progress().onTarget);
            play.show(5.2, c.on);
            CHECK(play.player.outcomes()[0] == StepOutcome::Done);
        }
        SECTION(std::string(toString(c.target)) + " just off target") {
            Play play(oneStep(c.target, c.amount));
            play.show(1.0, upright());
            play.show(19.0, c.off);
            CHECK_FALSE(play.player.progress().onTarget);
            CHECK(play.player.outcomes()[0] == StepOutcome::Pending);
            play.show(1.0, c.off);
            CHECK(play.player.outcomes()[0] == StepOutcome::TimedOut);
        }
    }
}

TEST_CASE("looking away counts with the face out of view, but not with the eyes closed") {
    Play play(oneStep(RoutineTarget::LookAway, 30.0, 20.0, 1, 40.0));
    play.show(1.0, upright());
    FaceMeasurements closedTurned = with(upright(), &FaceMeasurements::yawDeg, 40.0);
    closedTurned.earLeft = closedTurned.earRight = 0.1;
    play.show(10.0, closedTurned);
    CHECK_FALSE(play.player.progress().onTarget);
    play.show(19.9, std::nullopt);
    CHECK(play.player.progress().holdProgress == Approx(19.8 / 20.0).margin(0.01));
    play.show(0.2, std::nullopt);
    CHECK(play.player.completed());
}

TEST_CASE("the hold: progress fills, a short slip is forgiven, a longer one starts the hold again") {
    const FaceMeasurements tilted = with(upright(), &FaceMeasurements::rollDeg, -30.0);
    Play play(oneStep(RoutineTarget::TiltRight, 25.0, 5.0));
    play.show(2.5, tilted);
    CHECK(play.player.progress().onTarget);
    CHECK(play.player.progress().holdProgress == Approx(0.48).margin(0.01));
    play.show(0.3, upright());  // under the 0.4 s grace
    play.show(2.0, tilted);
    CHECK(play.player.outcomes()[0] == StepOutcome::Pending);
    play.show(0.3, tilted);
    CHECK(play.player.outcomes()[0] == StepOutcome::Done);

    Play slip(oneStep(RoutineTarget::TiltRight, 25.0, 5.0));
    slip.show(4.0, tilted);
    slip.show(0.5, upright());
    CHECK(slip.player.progress().holdProgress == 0.0);
    slip.show(4.9, tilted);
    CHECK(slip.player.outcomes()[0] == StepOutcome::Pending);
    slip.show(0.2, tilted);
    CHECK(slip.player.outcomes()[0] == StepOutcome::Done);
}

TEST_CASE("repetitions need letting go in between; held too briefly is never counted") {
    const FaceMeasurements tilted = with(upright(), &FaceMeasurements::rollDeg, -30.0);
    Play play(oneStep(RoutineTarget::TiltRight, 25.0, 3.0, 2, 20.0));
    play.show(8.0, tilted);  // one long hold is one repetition
    CHECK(play.player.progress().repetitionsDone == 1);
    CHECK(play.player.outcomes()[0] == StepOutcome::Pending);
    play.show(1.0, upright());
    play.show(3.1, tilted);
    CHECK(play.player.outcomes()[0] == StepOutcome::Done);

    Play brief(oneStep(RoutineTarget::TiltRight, 25.0, 3.0, 1, 20.0));
    for (int i = 0; i < 6; ++i) {
        brief.show(2.5, tilted);
        brief.show(1.0, upright());
    }
    CHECK(brief.player.outcomes()[0] == StepOutcome::TimedOut);
    CHECK(brief.player.stepsDone() == 0);
}

TEST_CASE("steps in order; a step not attempted times out and the next begins; skip and stop") {
    const Routine routine{"r",
                          "R",
                          {RoutineStep{RoutineTarget::TiltRight, 25.0, 2.0, 1, 5.0},
                           RoutineStep{RoutineTarget::TiltLeft, 25.0, 2.0, 1, 5.0},
                           RoutineStep{RoutineTarget::LookDown, 15.0, 2.0, 1, 5.0}}};
    Play play(routine);
    play.show(4.95, upright());
    CHECK(play.player.outcomes()[0] == StepOutcome::Pending);
    play.show(0.1, upright());
    CHECK(play.player.outcomes()[0] == StepOutcome::TimedOut);
    CHECK(play.player.progress().step == 1);
    play.show(2.2, with(upright(), &FaceMeasurements::rollDeg, 30.0));
    CHECK(play.player.outcomes()[1] == StepOutcome::Done);
    CHECK(play.player.progress().step == 2);
    play.player.stop(play.t());
    CHECK(play.player.progress().finished);
    CHECK(play.player.outcomes()[2] == StepOutcome::Skipped);
    CHECK(play.player.stepsDone() == 1);
    CHECK_FALSE(play.player.completed());

    Play skipping(routine);
    skipping.show(1.0, upright());
    skipping.player.skipStep(skipping.t());
    CHECK(skipping.player.outcomes()[0] == StepOutcome::Skipped);
    CHECK(skipping.player.progress().step == 1);
}

TEST_CASE("the routine files read, and a bad routine is a clear error") {
    for (const char* file : {"neck-1min.json", "eyes-20-20-20.json"}) {
        const Routine r = readRoutine(std::string(POSESMART_ROUTINES_DIR) + "/" + file);
        CHECK_FALSE(r.steps.empty());
        double total = 0.0;
        for (const RoutineStep& s : r.steps) total += s.timeoutSec;
        CHECK(total <= 90.0);
    }
    CHECK(readRoutine(std::string(POSESMART_ROUTINES_DIR) + "/neck-1min.json").name == "Neck, 1 minute");
    const auto bad = [](const char* text) {
        try {
            routineFromJson(nlohmann::json::parse(text));
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::BadInput);
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK_THAT(bad(R"({"id": "x", "name": "X", "steps": [{"target": "cartwheel", "amount": 1}]})"),
               Catch::Contains("unknown target 'cartwheel'"));
    CHECK_THAT(bad(R"({"id": "x", "name": "X", "steps": [{"target": "tilt_left"}]})"),
               Catch::Contains("needs an 'amount'"));
    CHECK_THAT(bad(R"({"id": "x", "name": "X", "steps": [{"target": "tilt_left", "amount": 200}]})"),
               Catch::Contains("'amount' is 200"));
    CHECK_THAT(
        bad(R"({"id": "x", "name": "X", "steps": [{"target": "tilt_left", "amount": 20, "hold_s": 10, "timeout_s": 5}]})"),
        Catch::Contains("shorter than its holds"));
    CHECK_THAT(bad(R"({"id": "x", "name": "X", "steps": []})"), Catch::Contains("has no 'steps'"));
    CHECK_THAT(bad(R"([1, 2])"), Catch::Contains("'id' and a 'name'"));
    CHECK_THROWS_AS(readRoutine("/nonexistent/routine.json"), Error);
}
