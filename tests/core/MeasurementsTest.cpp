#include "vision/CameraModel.h"
#include "vision/FaceMeasurements.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace posesmart;

namespace {
// A frontal face laid out from the 68-point mean shape's eye corners, scaled to `iodPx`.
Landmarks eyesOnly(float iodPx, float eyeOpenness) {
    Landmarks points{};
    const auto placeEye = [&](std::size_t first, float centreX) {
        const float half = iodPx * 0.22F;
        points[first + 0] = {centreX - half, 100.F};
        points[first + 1] = {centreX - half / 3, 100.F - eyeOpenness};
        points[first + 2] = {centreX + half / 3, 100.F - eyeOpenness};
        points[first + 3] = {centreX + half, 100.F};
        points[first + 4] = {centreX + half / 3, 100.F + eyeOpenness};
        points[first + 5] = {centreX - half / 3, 100.F + eyeOpenness};
    };
    placeEye(landmark::kRightEyeFirst, 200.F - iodPx / 2);
    placeEye(landmark::kLeftEyeFirst, 200.F + iodPx / 2);
    return points;
}
}  // namespace

TEST_CASE("eye aspect ratio is eye height over width, for each eye") {
    const Landmarks open = eyesOnly(60.F, 4.F);
    const double width = 2 * 60.0 * 0.22;
    CHECK(eyeAspectRatio(open, landmark::kRightEyeFirst) == Approx(2 * 8.0 / (2 * width)).epsilon(1e-5));
    CHECK(eyeAspectRatio(eyesOnly(60.F, 0.F), landmark::kLeftEyeFirst) == Approx(0.0).margin(1e-9));
}

TEST_CASE("focal length follows the field of view") {
    const CameraModel camera = CameraModel::fromFieldOfView(640, 480, 90.0);
    CHECK(camera.focalPx == Approx(320.0));
    CHECK(camera.centreX == Approx(320.0));
    CHECK(camera.centreY == Approx(240.0));
    CHECK(CameraModel::fromFieldOfView(640, 480, 60.0).focalPx == Approx(320.0 / std::tan(M_PI / 6)));
}

TEST_CASE("distance is inversely proportional to the inter-ocular distance") {
    const CameraModel camera = CameraModel::fromFieldOfView(640, 480, 60.0);
    const FaceMeasurements near = measureFace(eyesOnly(120.F, 4.F), camera);
    const FaceMeasurements far = measureFace(eyesOnly(60.F, 4.F), camera);
    CHECK(near.iodPx == Approx(120.0));
    // No head-pose fit on this synthetic eyes-only face, so no yaw correction either.
    CHECK(far.distanceCm / near.distanceCm == Approx(2.0).epsilon(0.01));
    CHECK(far.distanceCm == Approx(camera.focalPx * kMeanInterpupillaryCm / 60.0).epsilon(0.01));
    CHECK(near.rollDeg == Approx(0.0).margin(1e-6));
}
