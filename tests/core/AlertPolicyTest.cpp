// AlertPolicy on synthetic timelines (stream time only): hold durations, per-kind cooldown, the
// minimum gap between any two alerts, priority order, hold reset when a condition drops, snoozing
// (all kinds and one kind), quiet hours (plain and wrapping midnight), disabled rules and names.
#include "analysis/AlertPolicy.h"

#include <catch2/catch.hpp>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <vector>

using namespace posesmart;

namespace {

AlertConditions only(std::initializer_list<AlertKind> kinds) {
    AlertConditions conditions{};
    for (AlertKind kind : kinds) conditions[static_cast<std::size_t>(kind)] = true;
    return conditions;
}

struct Raised {
    double timestampSec;
    AlertKind kind;
};

// Updates once every `stepSec` from `fromSec` to `toSec` (inclusive, whole steps) with the conditions
// `conditionsAt(t)` and returns every alert raised.
template <typename Conditions>
std::vector<Raised> run(AlertPolicy& policy, double fromSec, double toSec, Conditions conditionsAt,
                        double stepSec = 1.0) {
    std::vector<Raised> raised;
    const int steps = static_cast<int>((toSec - fromSec) / stepSec + 0.5);
    for (int i = 0; i <= steps; ++i) {
        const double t = fromSec + i * stepSec;
        if (const auto alert = policy.update(t, conditionsAt(t))) {
            CHECK(alert->timestampSec == t);
            raised.push_back({alert->timestampSec, alert->kind});
        }
    }
    return raised;
}

std::vector<double> times(const std::vector<Raised>& raised) {
    std::vector<double> out;
    for (const auto& r : raised) out.push_back(r.timestampSec);
    return out;
}

std::vector<AlertKind> kinds(const std::vector<Raised>& raised) {
    std::vector<AlertKind> out;
    for (const auto& r : raised) out.push_back(r.kind);
    return out;
}

constexpr AlertKind kAllKinds[] = {AlertKind::ForwardHead, AlertKind::Slouch,       AlertKind::TooClose,
                                   AlertKind::Tilted,      AlertKind::LowBlinkRate, AlertKind::SittingTooLong,
                                   AlertKind::EyeBreak};

}  // namespace

TEST_CASE("alert kinds have their names and a message") {
    CHECK(toString(AlertKind::ForwardHead) == "forward_head");
    CHECK(toString(AlertKind::Slouch) == "slouch");
    CHECK(toString(AlertKind::TooClose) == "too_close");
    CHECK(toString(AlertKind::Tilted) == "tilted");
    CHECK(toString(AlertKind::LowBlinkRate) == "low_blink_rate");
    CHECK(toString(AlertKind::SittingTooLong) == "sitting");
    CHECK(toString(AlertKind::EyeBreak) == "eye_break");
    CHECK_FALSE(alertKindFromString("posture"));
    for (AlertKind kind : kAllKinds) {
        CAPTURE(toString(kind));
        CHECK_FALSE(defaultMessage(kind).empty());
        AlertSettings settings;
        settings.rules[static_cast<std::size_t>(kind)].holdSec = 0.0;
        AlertPolicy policy(settings);
        const auto alert = policy.update(5.0, only({kind}));
        REQUIRE(alert);
        CHECK(alert->kind == kind);
        CHECK(alertKindFromString(toString(kind)) == kind);  // the key in files reads back
    }
}

TEST_CASE("a posture condition must hold for its hold time before it fires") {
    AlertPolicy policy;
    REQUIRE(policy.settings().rules[0].holdSec == 30.0);
    // Nothing before the condition appears, nor during the first 30 s of it.
    const auto raised =
        run(policy, 0.0, 200.0, [](double t) { return t >= 100.0 ? only({AlertKind::ForwardHead}) : only({}); });
    REQUIRE(raised.size() == 1);
    CHECK(raised[0].timestampSec == 130.0);  // held exactly 30 s: fires
    CHECK(raised[0].kind == AlertKind::ForwardHead);
}

TEST_CASE("hold boundary: 29.9 s is not enough, 30 s is") {
    AlertPolicy policy;
    CHECK_FALSE(policy.update(10.0, only({AlertKind::Slouch})));
    CHECK_FALSE(policy.update(39.9, only({AlertKind::Slouch})));
    const auto alert = policy.update(40.0, only({AlertKind::Slouch}));
    REQUIRE(alert);
    CHECK(alert->kind == AlertKind::Slouch);
}

TEST_CASE("conditions with no hold time fire on their first frame") {
    for (AlertKind kind : {AlertKind::LowBlinkRate, AlertKind::SittingTooLong, AlertKind::EyeBreak}) {
        AlertPolicy policy;
        const auto alert = policy.update(42.0, only({kind}));
        REQUIRE(alert);
        CHECK(alert->kind == kind);
        CHECK(alert->timestampSec == 42.0);
    }
}

TEST_CASE("a condition that drops restarts its hold") {
    AlertPolicy policy;
    // Held 100..120 (20 s), gone at 121, back from 122: due 30 s later, at 152.
    const auto raised = run(policy, 0.0, 300.0,
                            [](double t) { return t >= 100.0 && t != 121.0 ? only({AlertKind::Tilted}) : only({}); });
    REQUIRE(raised.size() == 1);
    CHECK(raised[0].timestampSec == 152.0);
    CHECK(raised[0].kind == AlertKind::Tilted);
}

TEST_CASE("the same kind does not fire again within its cooldown") {
    AlertPolicy policy;
    REQUIRE(policy.settings().cooldownSec == 600.0);
    const auto raised = run(policy, 0.0, 1300.0, [](double) { return only({AlertKind::SittingTooLong}); });
    CHECK(times(raised) == std::vector<double>{0.0, 600.0, 1200.0});
    CHECK(kinds(raised) == std::vector<AlertKind>(3, AlertKind::SittingTooLong));
}

TEST_CASE("cooldown boundary: 599 s after an alert no, 600 s yes") {
    AlertPolicy policy;
    REQUIRE(policy.update(0.0, only({AlertKind::EyeBreak})));
    CHECK_FALSE(policy.update(599.0, only({AlertKind::EyeBreak})));
    CHECK(policy.update(600.0, only({AlertKind::EyeBreak})));
}

TEST_CASE("one alert at a time: a second kind waits for the minimum gap") {
    AlertPolicy policy;
    REQUIRE(policy.settings().minGapSec == 60.0);

    SECTION("two kinds due at the same moment") {
        const auto raised = run(policy, 0.0, 200.0, [](double) {
            return only({AlertKind::LowBlinkRate, AlertKind::EyeBreak});
        });
        REQUIRE(raised.size() == 2);
        CHECK(raised[0].kind == AlertKind::LowBlinkRate);
        CHECK(raised[0].timestampSec == 0.0);
        CHECK(raised[1].kind == AlertKind::EyeBreak);
        CHECK(raised[1].timestampSec == 60.0);
    }
    SECTION("a kind that becomes due shortly after another alert") {
        REQUIRE(policy.update(0.0, only({AlertKind::SittingTooLong})));
        CHECK_FALSE(policy.update(10.0, only({AlertKind::EyeBreak})));
        CHECK_FALSE(policy.update(59.0, only({AlertKind::EyeBreak})));
        const auto alert = policy.update(60.0, only({AlertKind::EyeBreak}));
        REQUIRE(alert);
        CHECK(alert->kind == AlertKind::EyeBreak);
    }
}

TEST_CASE("when several kinds are due the earliest in priority order wins") {
    AlertSettings settings;
    for (auto& rule : settings.rules) rule.holdSec = 0.0;
    AlertPolicy policy(settings);
    const auto raised = run(policy, 0.0, 500.0, [](double) {
        return only({AlertKind::EyeBreak, AlertKind::SittingTooLong, AlertKind::LowBlinkRate, AlertKind::Tilted,
                     AlertKind::TooClose, AlertKind::Slouch, AlertKind::ForwardHead});
    });
    CHECK(kinds(raised) == std::vector<AlertKind>(std::begin(kAllKinds), std::end(kAllKinds)));
    CHECK(times(raised) == std::vector<double>{0.0, 60.0, 120.0, 180.0, 240.0, 300.0, 360.0});
}

TEST_CASE("priority with the default holds: a held posture condition comes after the gap") {
    AlertPolicy policy;
    // All conditions from t=0: the ones with no hold are due at once (low blink rate first); the
    // posture ones are due at 30 s but must wait for the gap, then go in order.
    const auto raised = run(policy, 0.0, 400.0, [](double) {
        return only({AlertKind::ForwardHead, AlertKind::Slouch, AlertKind::TooClose, AlertKind::Tilted,
                     AlertKind::LowBlinkRate, AlertKind::SittingTooLong, AlertKind::EyeBreak});
    });
    CHECK(kinds(raised) == std::vector<AlertKind>{AlertKind::LowBlinkRate, AlertKind::ForwardHead, AlertKind::Slouch,
                                                  AlertKind::TooClose, AlertKind::Tilted, AlertKind::SittingTooLong,
                                                  AlertKind::EyeBreak});
    CHECK(times(raised) == std::vector<double>{0.0, 60.0, 120.0, 180.0, 240.0, 300.0, 360.0});
}

TEST_CASE("snoozing every kind: nothing until the time, then the due alert fires") {
    AlertPolicy policy;
    policy.snooze(100.0);
    const auto raised = run(policy, 0.0, 200.0, [](double) { return only({AlertKind::EyeBreak}); });
    REQUIRE(raised.size() == 1);
    CHECK(raised[0].timestampSec == 100.0);
    CHECK(raised[0].kind == AlertKind::EyeBreak);
}

TEST_CASE("a condition held through a snooze fires when the snooze ends") {
    AlertPolicy policy;
    policy.snooze(50.0);
    const auto raised = run(policy, 0.0, 200.0, [](double) { return only({AlertKind::ForwardHead}); });
    REQUIRE(raised.size() == 1);
    CHECK(raised[0].timestampSec == 50.0);  // held since 0, due at 30, snoozed until 50
}

TEST_CASE("snoozing one kind leaves the others") {
    AlertPolicy policy;
    policy.snooze(AlertKind::Slouch, 100.0);
    const auto raised = run(policy, 0.0, 200.0, [](double) { return only({AlertKind::Slouch, AlertKind::Tilted}); });
    REQUIRE(raised.size() == 2);
    // Slouch outranks Tilted but is snoozed: Tilted fires when due, Slouch when its snooze ends.
    CHECK(raised[0].kind == AlertKind::Tilted);
    CHECK(raised[0].timestampSec == 30.0);
    CHECK(raised[1].kind == AlertKind::Slouch);
    CHECK(raised[1].timestampSec == 100.0);
}

namespace {

// Stream time 0 is midnight; the condition (eye break, no hold) holds from `fromMinute` on.
// Returns the minute of the day of the first alert (within two days), or -1.
int firstAlertMinute(int quietStart, int quietEnd, int fromMinute, bool withClock = true) {
    AlertSettings settings;
    settings.quietStartMinute = quietStart;
    settings.quietEndMinute = quietEnd;
    AlertPolicy policy(settings);
    if (withClock) policy.setMinuteOfDay([](double t) { return static_cast<int>(t / 60.0) % 1440; });
    for (int minute = fromMinute; minute < fromMinute + 2 * 1440; ++minute) {
        if (policy.update(minute * 60.0, only({AlertKind::EyeBreak}))) return minute % 1440;
    }
    return -1;
}

}  // namespace

TEST_CASE("quiet hours within a day hold alerts back until they end") {
    const int noon = 12 * 60;
    const int one = 13 * 60;
    CHECK(firstAlertMinute(noon, one, noon - 1) == noon - 1);  // before: fires
    CHECK(firstAlertMinute(noon, one, noon) == one);           // start is quiet
    CHECK(firstAlertMinute(noon, one, noon + 30) == one);
    CHECK(firstAlertMinute(noon, one, one - 1) == one);
    CHECK(firstAlertMinute(noon, one, one) == one);  // end is not quiet
    CHECK(firstAlertMinute(noon, one, 20 * 60) == 20 * 60);
}

TEST_CASE("quiet hours may wrap past midnight") {
    const int ten = 22 * 60;
    const int seven = 7 * 60;
    CHECK(firstAlertMinute(ten, seven, ten - 1) == ten - 1);
    CHECK(firstAlertMinute(ten, seven, ten) == seven);
    CHECK(firstAlertMinute(ten, seven, 1439) == seven);
    CHECK(firstAlertMinute(ten, seven, 0) == seven);
    CHECK(firstAlertMinute(ten, seven, 3 * 60) == seven);
    CHECK(firstAlertMinute(ten, seven, seven - 1) == seven);
    CHECK(firstAlertMinute(ten, seven, seven) == seven);
    CHECK(firstAlertMinute(ten, seven, 12 * 60) == 12 * 60);
}

TEST_CASE("no quiet hours when start equals end or without a clock") {
    CHECK(firstAlertMinute(600, 600, 600) == 600);
    CHECK(firstAlertMinute(0, 0, 0) == 0);
    CHECK(firstAlertMinute(12 * 60, 13 * 60, 12 * 60 + 30, /*withClock=*/false) == 12 * 60 + 30);
}

TEST_CASE("a disabled rule never fires and does not block the others") {
    AlertSettings settings;
    settings.rules[static_cast<std::size_t>(AlertKind::Slouch)].enabled = false;
    AlertPolicy policy(settings);
    const auto raised = run(policy, 0.0, 2000.0, [](double) { return only({AlertKind::Slouch, AlertKind::Tilted}); });
    // Tilted alone: at 30 s, then every cooldown.
    CHECK(kinds(raised) == std::vector<AlertKind>(4, AlertKind::Tilted));
    CHECK(times(raised) == std::vector<double>{30.0, 630.0, 1230.0, 1830.0});
}
