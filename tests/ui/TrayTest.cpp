// Tray: every menu item emits its signal (pause with 15, 60 or -1 minutes), a left click opens the
// window, pausing swaps the pause items for Resume, each state has its own visible icon, and the
// tooltip names the state and its detail.
#include "CatchQt.h"
#include "TrayController.h"

#include <QAction>
#include <QImage>
#include <QMenu>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <array>
#include <catch2/catch.hpp>

using namespace posesmart::ui;
using namespace Qt::StringLiterals;

namespace {

constexpr std::array kStates{TrayState::Good, TrayState::Attention, TrayState::Paused, TrayState::NoCamera,
                             TrayState::NotYou};

QAction* action(const TrayController& tray, const char* name) {
    auto* found = tray.menu()->findChild<QAction*>(QLatin1String(name));
    REQUIRE(found != nullptr);
    return found;
}

QImage render(TrayState state) {
    return trayIcon(state).pixmap(32, 32).toImage().convertToFormat(QImage::Format_ARGB32);
}

bool hasOpaquePixel(const QImage& image) {
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(image.pixel(x, y)) > 0) return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("Each tray menu item emits its signal", "[tray]") {
    TrayController tray;
    struct Item {
        const char* action;
        const char* signal;
    };
    const std::array items{
        Item{"actionOpen", SIGNAL(openRequested())},
        Item{"actionResume", SIGNAL(resumeRequested())},
        Item{"actionRecalibrate", SIGNAL(recalibrateRequested())},
        Item{"actionReport", SIGNAL(reportRequested())},
        Item{"actionQuit", SIGNAL(quitRequested())},
    };
    for (const Item& item : items) {
        INFO(item.action);
        QSignalSpy spy(&tray, item.signal);
        QSignalSpy pauses(&tray, &TrayController::pauseRequested);
        action(tray, item.action)->trigger();
        CHECK(spy.count() == 1);
        CHECK(pauses.count() == 0);
    }
}

TEST_CASE("The routine items ask for the neck or the eyes routine", "[tray]") {
    TrayController tray;
    QSignalSpy routines(&tray, &TrayController::routineRequested);
    action(tray, "actionRoutineNeck")->trigger();
    action(tray, "actionRoutineEyes")->trigger();
    REQUIRE(routines.count() == 2);
    CHECK(routines.at(0).at(0).toString() == u"neck-1min"_s);
    CHECK(routines.at(1).at(0).toString() == u"eyes-20-20-20"_s);
    CHECK(action(tray, "actionRoutineNeck")->text() == u"Neck, 1 minute"_s);
    CHECK(action(tray, "menuRoutines")->menu() != nullptr);
}

TEST_CASE("The pause items ask for 15 minutes, 1 hour or until tomorrow", "[tray]") {
    TrayController tray;
    QSignalSpy pauses(&tray, &TrayController::pauseRequested);
    action(tray, "actionPause15")->trigger();
    action(tray, "actionPause60")->trigger();
    action(tray, "actionPauseTomorrow")->trigger();
    REQUIRE(pauses.count() == 3);
    CHECK(pauses.at(0).at(0).toInt() == 15);
    CHECK(pauses.at(1).at(0).toInt() == 60);
    CHECK(pauses.at(2).at(0).toInt() == -1);
}

TEST_CASE("Every menu item has a label", "[tray]") {
    TrayController tray;
    for (QAction* item : tray.menu()->actions()) {
        if (item->isSeparator()) continue;
        INFO(item->objectName().toStdString());
        CHECK_FALSE(item->objectName().isEmpty());
        if (item->objectName() != u"actionPausedUntil") CHECK_FALSE(item->text().isEmpty());
    }
}

TEST_CASE("A left click on the tray icon opens the window", "[tray]") {
    TrayController tray;
    auto* icon = tray.findChild<QSystemTrayIcon*>();
    REQUIRE(icon != nullptr);
    CHECK(icon->contextMenu() == tray.menu());
    QSignalSpy opens(&tray, &TrayController::openRequested);
    emit icon->activated(QSystemTrayIcon::Context);
    CHECK(opens.count() == 0);
    emit icon->activated(QSystemTrayIcon::Trigger);
    CHECK(opens.count() == 1);
}

TEST_CASE("While paused the menu offers Resume instead of the pause items", "[tray]") {
    TrayController tray;
    const std::array pauseItems{"actionPause15", "actionPause60", "actionPauseTomorrow"};

    for (const char* name : pauseItems) CHECK(action(tray, name)->isVisible());
    CHECK_FALSE(action(tray, "actionResume")->isVisible());
    CHECK_FALSE(action(tray, "actionPausedUntil")->isVisible());

    tray.setPaused(true, u"14:30"_s);
    for (const char* name : pauseItems) CHECK_FALSE(action(tray, name)->isVisible());
    CHECK(action(tray, "actionResume")->isVisible());
    QAction* until = action(tray, "actionPausedUntil");
    CHECK(until->isVisible());
    CHECK_FALSE(until->isEnabled());
    CHECK(until->text() == u"Paused until 14:30"_s);

    tray.setPaused(false, {});
    for (const char* name : pauseItems) CHECK(action(tray, name)->isVisible());
    CHECK_FALSE(action(tray, "actionResume")->isVisible());
    CHECK_FALSE(action(tray, "actionPausedUntil")->isVisible());
}

TEST_CASE("Each tray state has its own icon, and none is blank", "[tray]") {
    std::array<QImage, kStates.size()> images;
    for (std::size_t i = 0; i < kStates.size(); ++i) {
        images[i] = render(kStates[i]);
        INFO("state " << i);
        REQUIRE(images[i].size() == QSize(32, 32));
        CHECK(hasOpaquePixel(images[i]));
    }
    for (std::size_t i = 0; i < images.size(); ++i) {
        for (std::size_t j = i + 1; j < images.size(); ++j) {
            INFO("states " << i << " and " << j);
            CHECK(images[i] != images[j]);
        }
    }
}

TEST_CASE("The tray icon and tooltip follow the state", "[tray]") {
    TrayController tray;
    auto* icon = tray.findChild<QSystemTrayIcon*>();
    REQUIRE(icon != nullptr);
    CHECK(tray.state() == TrayState::Good);
    CHECK(tray.toolTip() == u"PoseSmart: Posture good"_s);

    for (TrayState state : kStates) {
        tray.setState(state, {});
        CHECK(tray.state() == state);
        CHECK(tray.toolTip() == u"PoseSmart: "_s + trayStateText(state));
        CHECK(icon->icon().pixmap(32, 32).toImage() == trayIcon(state).pixmap(32, 32).toImage());
    }

    tray.setState(TrayState::NotYou, u"Someone else is in front of the camera."_s);
    CHECK(tray.toolTip() == u"PoseSmart: Not you\nSomeone else is in front of the camera."_s);
    tray.setState(TrayState::Attention, u"Forward head for 2 min"_s);
    CHECK(tray.toolTip().contains(u"Needs attention"_s));
    CHECK(tray.toolTip().contains(u"Forward head for 2 min"_s));
}
