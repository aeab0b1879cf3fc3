// IdentityCheck on synthetic descriptors at known distances from the enrolled one: the schedule
// (at once for a new face, every few seconds after, sooner while unsettled), two checks in a row
// to change a verdict, a fresh check after the face was gone, nobody enrolled, and the running
// mean that learns from confident matches only.
#include "identity/IdentityCheck.h"

#include <catch2/catch.hpp>

using namespace posesmart;

namespace {

FaceDescriptor enrolled() {
    FaceDescriptor d{};
    d[0] = 1.0F;
    return d;
}

// A descriptor `distance` away from enrolled(), along the second axis.
FaceDescriptor at(double distance) {
    FaceDescriptor d = enrolled();
    d[1] = static_cast<float>(distance);
    return d;
}

// A face in view on every frame (10 fps) over (fromSec, toSec].
void watch(IdentityCheck& check, double fromSec, double toSec) {
    for (double t = fromSec + 0.1; t <= toSec + 1e-9; t += 0.1) check.observe(t, true);
}

}  // namespace

TEST_CASE("nobody enrolled: everyone is measured and nothing is checked") {
    IdentityCheck check(std::nullopt);
    check.observe(0.0, true);
    CHECK(check.state() == IdentityState::NobodyEnrolled);
    CHECK(check.measures());
    CHECK_FALSE(check.due(0.0));
    CHECK(toString(check.state()) == "nobody_enrolled");
}

TEST_CASE("a new face is checked at once and not measured before its verdict") {
    IdentityCheck check(enrolled());
    check.observe(0.0, false);
    CHECK_FALSE(check.due(0.0));  // nobody in view
    check.observe(0.5, true);
    CHECK(check.state() == IdentityState::Checking);
    CHECK_FALSE(check.measures());
    CHECK(check.due(0.5));
    CHECK(check.report(0.5, at(0.3)) == IdentityState::You);
    CHECK(check.measures());
    CHECK(*check.lastDistance() == Approx(0.3));
    // The next check comes checkEverySec later.
    watch(check, 0.5, 5.4);
    CHECK_FALSE(check.due(5.4));
    watch(check, 5.4, 5.5);
    CHECK(check.due(5.5));
}

TEST_CASE("a verdict changes only when two checks in a row agree") {
    IdentityCheck check(enrolled());
    check.observe(0.0, true);
    check.report(0.0, at(0.3));
    watch(check, 0.0, 5.0);
    CHECK(check.report(5.0, at(0.7)) == IdentityState::You);  // one odd check
    // Unsettled: checked again sooner.
    watch(check, 5.0, 5.9);
    CHECK_FALSE(check.due(5.9));
    watch(check, 5.9, 6.0);
    CHECK(check.due(6.0));
    CHECK(check.report(6.0, at(0.35)) == IdentityState::You);  // back to the verdict: forgotten
    watch(check, 6.0, 11.0);
    CHECK(check.report(11.0, at(0.7)) == IdentityState::You);
    watch(check, 11.0, 12.0);
    CHECK(check.report(12.0, at(0.8)) == IdentityState::AnotherPerson);
    CHECK_FALSE(check.measures());
    CHECK(toString(check.state()) == "another_person");
    // And back the same way.
    watch(check, 12.0, 17.0);
    CHECK(check.report(17.0, at(0.3)) == IdentityState::AnotherPerson);
    watch(check, 17.0, 18.0);
    CHECK(check.report(18.0, at(0.3)) == IdentityState::You);
}

TEST_CASE("after the face was gone, whoever comes back is checked afresh") {
    IdentityCheck check(enrolled());
    check.observe(0.0, true);
    check.report(0.0, at(0.2));
    check.observe(0.9, true);
    check.observe(1.0, false);
    check.observe(2.8, false);
    CHECK(check.state() == IdentityState::You);  // a short look away keeps the verdict
    check.observe(3.0, false);
    CHECK(check.state() == IdentityState::Checking);
    check.observe(10.0, true);
    CHECK(check.due(10.0));
    CHECK(check.report(10.0, at(0.9)) == IdentityState::AnotherPerson);  // a first verdict needs one check
}

TEST_CASE("the enrolled descriptor learns from confident matches only") {
    IdentityCheck check(enrolled());
    check.observe(0.0, true);
    check.report(0.0, at(0.48));  // the same person, but not confidently
    CHECK(check.enrolledUpdates() == 0);
    CHECK((*check.enrolled())[1] == 0.0F);
    check.report(5.0, at(0.4));
    CHECK(check.enrolledUpdates() == 1);
    CHECK((*check.enrolled())[1] == Approx(0.05 * 0.4));
    check.report(10.0, at(0.9));  // someone else (one check: still "you") must not pull the mean
    CHECK(check.enrolledUpdates() == 1);
}
