// The guided routine's window on Qt's offscreen platform: what it says for a step, the drawing of
// the step (a mirror: tilting left is tilting right flipped), the ring that fills clockwise while the
// position is held, ending early with one click or by closing it, and the verdict that closes itself.
#include "CatchQt.h"
#include "RoutineFigure.h"
#include "RoutineText.h"
#include "RoutineWindow.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <catch2/catch.hpp>

using namespace posesmart;
using namespace posesmart::ui;
using namespace Qt::StringLiterals;

namespace {

QString text(const RoutineWindow& window, const char* name) {
    auto* label = window.findChild<QLabel*>(QLatin1String(name));
    REQUIRE(label != nullptr);
    return label->text();
}

QPushButton* button(const RoutineWindow& window) {
    auto* found = window.findChild<QPushButton*>(u"routineButton"_s);
    REQUIRE(found != nullptr);
    return found;
}

LiveStatus statusAt(std::size_t step, RoutineTarget target, double hold, bool onTarget, int repetitionsDone = 0) {
    LiveStatus status;
    status.faceSeen = true;
    status.calibrated = true;
    RoutineStatus r;
    r.routineId = "neck-1min";
    r.step = step;
    r.steps = 6;
    r.current.target = target;
    r.current.amount = 25.0;
    r.current.holdSec = 5.0;
    r.current.repetitions = target == RoutineTarget::ChinTuck ? 2 : 1;
    r.repetitionsDone = repetitionsDone;
    r.holdProgress = hold;
    r.onTarget = onTarget;
    status.routine = r;
    return status;
}

QImage render(std::optional<RoutineTarget> target, double hold = 0.0, bool onTarget = false) {
    RoutineFigure figure;
    figure.resize(200, 200);
    figure.setTarget(target);
    figure.setHold(hold, onTarget);
    QImage image(figure.size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    figure.render(&image);
    return image;
}

// Share of pixels that differ by more than a little (anti-aliasing differs at the edges).
double difference(const QImage& a, const QImage& b) {
    int differ = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QColor p = a.pixelColor(x, y);
            const QColor q = b.pixelColor(x, y);
            differ +=
                std::abs(p.red() - q.red()) + std::abs(p.green() - q.green()) + std::abs(p.blue() - q.blue()) > 120;
        }
    }
    return static_cast<double>(differ) / (a.width() * a.height());
}

int greenIn(const QImage& image, int fromX, int toX) {
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = fromX; x < toX; ++x) {
            const QColor c = image.pixelColor(x, y);
            count += c.green() > 120 && c.red() < 60 && c.blue() < 150 ? 1 : 0;
        }
    }
    return count;
}

}  // namespace

TEST_CASE("a step is shown in words, as a count and as a drawing") {
    RoutineWindow window;
    window.show();
    window.showStarting(kNeckRoutineId);
    CHECK(window.running());
    CHECK(text(window, "routineTitle") == u"Neck, 1 minute"_s);
    CHECK(text(window, "routineInstruction") == u"Getting ready…"_s);

    window.showStatus(statusAt(0, RoutineTarget::TiltRight, 0.0, false));
    CHECK(text(window, "routineStepCount") == u"Step 1 of 6"_s);
    CHECK(text(window, "routineInstruction") == u"Tilt your right ear toward your right shoulder"_s);
    CHECK(text(window, "routineHold") == u"Hold for 5 s"_s);
    CHECK(window.figure()->target() == RoutineTarget::TiltRight);

    window.showStatus(statusAt(0, RoutineTarget::TiltRight, 0.5, true));
    CHECK(text(window, "routineHold") == u"Hold it… 3 s"_s);  // 2.5 s left, rounded up
    CHECK(window.figure()->holdProgress() == 0.5);
    CHECK(window.figure()->onTarget());

    window.showStatus(statusAt(4, RoutineTarget::ChinTuck, 0.0, false, 1));
    CHECK(text(window, "routineStepCount") == u"Step 5 of 6"_s);
    CHECK(text(window, "routineHold") == u"Hold for 5 s, 2 times (1 done)"_s);

    LiveStatus away = statusAt(5, RoutineTarget::LookUp, 0.0, false);
    away.faceSeen = false;
    window.showStatus(away);
    CHECK(text(window, "routineHold") == u"Your face is not in view of the camera."_s);
}

TEST_CASE("the drawing is a mirror of the user, and each position is drawn differently") {
    const QImage right = render(RoutineTarget::TiltRight);
    const QImage left = render(RoutineTarget::TiltLeft);
    CHECK(difference(right, left) > 0.02);
    CHECK(difference(right.mirrored(true, false), left) < 0.005);
    CHECK(difference(render(RoutineTarget::TurnLeft).mirrored(true, false), render(RoutineTarget::TurnRight)) < 0.005);
    const std::array targets{RoutineTarget::TiltRight, RoutineTarget::TurnLeft, RoutineTarget::ChinTuck,
                             RoutineTarget::LookUp,    RoutineTarget::LookDown, RoutineTarget::EyesClosed};
    for (std::size_t i = 0; i < targets.size(); ++i) {
        for (std::size_t j = i + 1; j < targets.size(); ++j) {
            INFO(toString(targets[i]) << " / " << toString(targets[j]));
            CHECK(difference(render(targets[i]), render(targets[j])) > 0.002);
        }
    }
}

TEST_CASE("the ring fills clockwise from the top while the position is held, green on target") {
    const QImage empty = render(RoutineTarget::TiltRight, 0.0, true);
    const QImage quarter = render(RoutineTarget::TiltRight, 0.25, true);
    const QImage half = render(RoutineTarget::TiltRight, 0.5, true);
    const QImage full = render(RoutineTarget::TiltRight, 1.0, true);
    CHECK(greenIn(empty, 0, 200) == 0);
    CHECK(greenIn(quarter, 100, 200) > 100);
    CHECK(greenIn(quarter, 0, 92) == 0);  // the right half fills first (the round cap reaches past 12 o'clock)
    CHECK(greenIn(half, 100, 200) > 1.7 * greenIn(quarter, 100, 200));
    CHECK(greenIn(half, 0, 92) == 0);
    CHECK(greenIn(full, 0, 100) == Approx(greenIn(full, 100, 200)).epsilon(0.1));
    CHECK(greenIn(render(RoutineTarget::TiltRight, 0.5, false), 0, 200) == 0);  // off target: not green
}

TEST_CASE("one click ends the routine early, and so do Escape and closing the window") {
    RoutineWindow window;
    window.show();
    window.showStarting(kEyesRoutineId);
    QSignalSpy stops(&window, &RoutineWindow::stopRequested);
    CHECK(button(window)->text() == u"End routine"_s);
    button(window)->click();
    CHECK(stops.count() == 1);
    CHECK_FALSE(window.running());
    CHECK_FALSE(button(window)->isEnabled());  // until the session's verdict
    window.close();
    CHECK(stops.count() == 1);  // asked once

    RoutineWindow closed;
    closed.show();
    closed.showStarting(kNeckRoutineId);
    QSignalSpy closeStops(&closed, &RoutineWindow::stopRequested);
    closed.close();
    CHECK(closeStops.count() == 1);

    RoutineWindow escaped;
    escaped.show();
    escaped.showStarting(kNeckRoutineId);
    QSignalSpy escapeStops(&escaped, &RoutineWindow::stopRequested);
    QTest::keyClick(&escaped, Qt::Key_Escape);
    CHECK(escapeStops.count() == 1);
    CHECK_FALSE(escaped.isVisible());
}

TEST_CASE("the verdict is shown, and the window closes itself") {
    RoutineWindow window;
    window.show();
    window.showStarting(kNeckRoutineId);
    RoutineSummary summary;
    summary.routineId = "neck-1min";
    summary.steps = 6;
    summary.stepsDone = 6;
    summary.completed = true;
    QSignalSpy stops(&window, &RoutineWindow::stopRequested);
    window.showEnded(summary);  // the end of one that ran before this one began: not this one's
    CHECK(window.running());
    CHECK(text(window, "routineInstruction") == u"Getting ready…"_s);
    window.showStatus(statusAt(5, RoutineTarget::LookUp, 0.9, true));
    window.showEnded(summary);
    CHECK(text(window, "routineInstruction") == u"Well done: all 6 steps."_s);
    CHECK(button(window)->text() == u"Close"_s);
    summary.completed = false;
    summary.stepsDone = 4;
    CHECK(routineEndText(summary) == u"4 of 6 steps done. The others timed out: try them next time."_s);
    summary.stopped = true;
    summary.stepsDone = 2;
    CHECK(routineEndText(summary) == u"Ended early: 2 of 6 steps done."_s);
    REQUIRE(QTest::qWaitFor([&] { return !window.isVisible(); }, RoutineWindow::kCloseAfterEndMs + 3000));
    CHECK(stops.count() == 0);  // it had ended: closing is not a stop
}

TEST_CASE("the shipped routines are in the resources") {
    QString error;
    const auto neck = builtInRoutine(kNeckRoutineId, &error);
    REQUIRE(neck);
    CHECK(neck->steps.size() == 6);
    CHECK(neck->steps[0].target == RoutineTarget::TiltRight);
    const auto eyes = builtInRoutine(kEyesRoutineId, &error);
    REQUIRE(eyes);
    CHECK(eyes->steps[0].target == RoutineTarget::EyesClosed);
    CHECK_FALSE(builtInRoutine(u"no-such-routine"_s, &error));
    CHECK(error.contains(u"no-such-routine"_s));
}
