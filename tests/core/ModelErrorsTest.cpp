// A missing, empty, foreign or truncated model file gives a clear BadModel error, never a crash.
#include "TestData.h"
#include "common/Error.h"
#include "vision/LandmarkModel.h"

#include <catch2/catch.hpp>
#include <fstream>

using namespace posesmart;

namespace {
void requireBadModel(const std::filesystem::path& file, const std::string& expectedWords) {
    try {
        const LandmarkModel model(file);
        FAIL("a bad model was accepted: " << file);
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::BadModel);
        CHECK_THAT(e.what(), Catch::Contains(expectedWords));
        CHECK_THAT(e.what(), Catch::Contains(file.filename().string()));
    }
}
}  // namespace

TEST_CASE("a missing model file is reported by name") {
    requireBadModel(test::scratchDir("missing") / "shape_predictor_68_face_landmarks.dat", "missing");
}

TEST_CASE("an empty, foreign or truncated model file is reported as damaged") {
    const auto dir = test::scratchDir("bad-models");
    std::ofstream(dir / "empty.dat").flush();
    std::ofstream(dir / "text.dat") << "this is not a model\n";
    {
        std::ifstream real(test::landmarkModelFile(), std::ios::binary);
        std::vector<char> head(1 << 20);
        real.read(head.data(), static_cast<std::streamsize>(head.size()));
        std::ofstream(dir / "truncated.dat", std::ios::binary).write(head.data(), real.gcount());
    }
    requireBadModel(dir / "empty.dat", "damaged");
    requireBadModel(dir / "text.dat", "damaged");
    requireBadModel(dir / "truncated.dat", "damaged");
}

TEST_CASE("the real model loads and fits 68 points") {
    const LandmarkModel& model = test::sharedLandmarkModel();
    const cv::Mat grey(200, 200, CV_8UC3, cv::Scalar(128, 128, 128));
    const Landmarks points = model.fit(grey, cv::Rect2f(50, 50, 100, 100));
    for (const auto& p : points) {
        CHECK(p.x > 30.F);
        CHECK(p.x < 170.F);
    }
}
