// StillFaceCheck on synthetic faces at 10 frames a second: a face with only tracking jitter and no
// blink is a picture after exactly two minutes; a blink, a move of the landmarks or of the head
// pose (seen in their one-second mean), or a face gone for more than two seconds starts the count
// again; slow drift is motion.
#include "analysis/StillFaceCheck.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <optional>
#include <random>

using namespace posesmart;

namespace {

constexpr double kFps = 10.0;
constexpr double kIodPx = 60.0;

// A face of 68 points spread over a 120 px box, `shift` px to the right and with `jitterPx`
// uniform noise on every point.
struct Face {
    Landmarks landmarks{};
    FaceMeasurements measurements;
};

Face faceAt(double shiftPx, double jitterPx, std::mt19937& random, double yawDeg = 0.0) {
    std::uniform_real_distribution<float> noise(static_cast<float>(-jitterPx), static_cast<float>(jitterPx));
    Face f;
    for (std::size_t i = 0; i < kLandmarkCount; ++i) {
        const auto x = static_cast<float>(200.0 + shiftPx + static_cast<double>(i % 12) * 10.0);
        const auto y = static_cast<float>(150.0 + static_cast<double>(i / 12) * 20.0);
        f.landmarks[i] = cv::Point2f(x + noise(random), y + noise(random));
    }
    f.measurements.iodPx = kIodPx;
    f.measurements.poseValid = true;
    f.measurements.yawDeg = yawDeg;
    return f;
}

struct Feed {
    StillFaceCheck check;
    std::mt19937 random{19};
    std::int64_t frame = 0;
    [[nodiscard]] double t() const { return static_cast<double>(frame) / kFps; }
    void one(const Face& f, bool blinked = false) {
        check.update(t(), f.landmarks, f.measurements, blinked);
        ++frame;
    }
    // Frames up to `toSec` (exclusive); returns the first time the check said "picture", if any.
    std::optional<double> still(double toSec, double jitterPx = 0.5, double shiftPx = 0.0) {
        std::optional<double> pictureAt;
        while (t() < toSec - 1e-9) {
            const double now = t();
            one(faceAt(shiftPx, jitterPx, random));
            if (check.picture() && !pictureAt) pictureAt = now;
        }
        return pictureAt;
    }
    void nobody(double toSec) {
        for (; t() < toSec - 1e-9; ++frame) check.update(t(), std::nullopt, std::nullopt, false);
    }
};

}  // namespace

TEST_CASE("a face with tracking jitter only and no blink is a picture after exactly two minutes") {
    Feed feed;
    const auto pictureAt = feed.still(200.0);
    REQUIRE(pictureAt);
    CHECK(*pictureAt == Approx(120.0).margin(1e-6));
}

TEST_CASE("a blink starts the count again, and ends a picture") {
    Feed feed;
    feed.still(100.0);
    const Face f = faceAt(0.0, 0.5, feed.random);
    feed.one(f, true);
    const auto pictureAt = feed.still(300.0);
    REQUIRE(pictureAt);
    CHECK(*pictureAt == Approx(220.0).margin(1e-6));
    feed.one(f, true);
    CHECK_FALSE(feed.check.picture());
}

TEST_CASE("a person who blinks every 10 s is never a picture, however still") {
    Feed feed;
    for (int blink = 0; blink < 60; ++blink) {
        CHECK_FALSE(feed.still(feed.t() + 10.0, 0.0).has_value());
        feed.one(faceAt(0.0, 0.0, feed.random), true);
    }
}

TEST_CASE("landmarks moved past the noise floor are motion, just under it are not") {
    const double floorPx = StillFaceSettings{}.landmarkNoiseIod * kIodPx;
    SECTION("a step just over the floor after 100 s starts the count again") {
        Feed feed;
        feed.still(100.0, 0.0);
        // Seen once the one-second mean has taken it in: at 101 s.
        CHECK_FALSE(feed.still(221.0, 0.0, floorPx * 1.05).has_value());
        const auto pictureAt = feed.still(230.0, 0.0, floorPx * 1.05);
        REQUIRE(pictureAt);
        CHECK(*pictureAt == Approx(221.0).margin(1e-6));
    }
    SECTION("a step just under it does not") {
        Feed feed;
        feed.still(100.0, 0.0);
        CHECK(feed.still(130.0, 0.0, floorPx * 0.95).has_value());
    }
    SECTION("a slow drift (a tenth of the eye distance a minute) adds up to motion") {
        Feed feed;
        for (int second = 0; second < 600; ++second) {
            REQUIRE_FALSE(feed.still(second + 1.0, 0.3, kIodPx * 0.1 * second / 60.0).has_value());
        }
    }
}

TEST_CASE("a head turn past the pose noise floor is motion, even when the landmarks barely move") {
    Feed feed;
    feed.still(100.0, 0.0);
    const double turnDeg = StillFaceSettings{}.poseNoiseDeg + 0.5;
    while (feed.t() < 220.0 - 1e-9) {
        feed.one(faceAt(0.0, 0.0, feed.random, turnDeg));
        REQUIRE_FALSE(feed.check.picture());
    }
    CHECK_FALSE(feed.still(221.0, 0.0).has_value());  // back at yaw 0: moved again, the count restarts
}

TEST_CASE("a face lost for up to two seconds keeps the count; longer starts it again") {
    SECTION("lost for 1.5 s") {
        Feed feed;
        feed.still(60.0);
        feed.nobody(61.5);
        const auto pictureAt = feed.still(200.0);
        REQUIRE(pictureAt);
        CHECK(*pictureAt == Approx(120.0).margin(1e-6));
    }
    SECTION("lost for 3 s, and a picture that leaves is forgotten") {
        Feed feed;
        feed.still(60.0);
        feed.nobody(63.0);
        const auto pictureAt = feed.still(200.0);
        REQUIRE(pictureAt);
        CHECK(*pictureAt == Approx(183.0).margin(1e-6));
        feed.nobody(204.0);
        CHECK_FALSE(feed.check.picture());
    }
}
