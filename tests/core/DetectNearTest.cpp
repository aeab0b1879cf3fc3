// FaceDetector::detectNear, the search the tracker makes around the followed face in place of a
// full-frame one while nothing else in the picture changed: on real frames it must give the box
// the full search gives for that face, to the pixel, wherever in the frame the face is and with the
// face it is told about a few pixels and percent off (as a prediction from the last landmarks is).
#include "PeopleFrames.h"
#include "TestData.h"
#include "VideoFrames.h"
#include "vision/FaceDetector.h"

#include <catch2/catch.hpp>
#include <opencv2/imgproc.hpp>

using namespace posesmart;

namespace {

// The picture as the tracker's full search sees it: grey, its long side at most 640 px.
cv::Mat searchedPicture(const cv::Mat& bgr) {
    const double scale = std::min(1.0, 640.0 / std::max(bgr.cols, bgr.rows));
    cv::Mat scaled = bgr;
    if (scale < 1.0) cv::resize(bgr, scaled, cv::Size(), scale, scale, cv::INTER_AREA);
    cv::Mat grey;
    cv::cvtColor(scaled, grey, cv::COLOR_BGR2GRAY);
    return grey;
}

}  // namespace

TEST_CASE("the search around a face gives the full search's box for it") {
    std::vector<cv::Mat> pictures;
    for (const auto& [video, frames] :
         std::vector<std::pair<const char*, int>>{{"blink/talkingface_0-100s.mp4", 2400},
                                                  {"blink/seven_blinks_webcam.mp4", 308},
                                                  {"posture/webcam_lean_turn_a.mp4", 1337}}) {
        std::vector<int> indices;
        for (int i = 0; i < frames; i += frames / 15) indices.push_back(i);
        for (auto& frame : test::framesAt(test::testData(video), indices)) pictures.push_back(frame);
    }
    for (const auto& person : test::peopleFrames()) pictures.push_back(person.bgr);

    const FaceDetector detector;
    int faces = 0, same = 0;
    for (const auto& bgr : pictures) {
        const cv::Mat grey = searchedPicture(bgr);
        for (const Detection& d : detector.detect(grey)) {
            ++faces;
            // A prediction a little off: shifted by 3 px and 5% larger, then smaller.
            for (const float off : {-1.F, 1.F}) {
                const cv::Rect2f told(d.box.x + 3.F * off, d.box.y - 3.F * off, d.box.width * (1.F + 0.05F * off),
                                      d.box.height * (1.F + 0.05F * off));
                const auto near = detector.detectNear(grey, told);
                INFO("face at " << d.box << " told " << told);
                REQUIRE(near);
                if (near->box == d.box && near->score == Approx(d.score)) ++same;
            }
        }
    }
    WARN(same << " of " << 2 * faces << " searches around " << faces << " faces gave the full search's box");
    CHECK(faces >= 40);
    CHECK(same == 2 * faces);
}

TEST_CASE("the region check finds the followed face in two pyramid levels") {
    // The tracker's region check: the region twice the face's size around it, scaled so that the
    // face is kSizedFacePx wide, searched at the detector's first two levels only.
    std::vector<cv::Mat> pictures;
    for (const auto& [video, frames] : std::vector<std::pair<const char*, int>>{
             {"blink/talkingface_0-100s.mp4", 2400}, {"posture/webcam_lean_turn_a.mp4", 1337}}) {
        std::vector<int> indices;
        for (int i = 0; i < frames; i += frames / 15) indices.push_back(i);
        for (auto& frame : test::framesAt(test::testData(video), indices)) pictures.push_back(frame);
    }
    for (const auto& person : test::peopleFrames()) pictures.push_back(person.bgr);

    const FaceDetector detector;
    int faces = 0, found = 0, foundLarger = 0;
    for (const auto& bgr : pictures) {
        const cv::Mat grey = searchedPicture(bgr);
        for (const Detection& d : detector.detect(grey)) {
            const auto seenAt = [&](double faceWidth) {
                const cv::Rect2f region(d.box.x - d.box.width / 2.F, d.box.y - d.box.height / 2.F, 2.F * d.box.width,
                                        2.F * d.box.height);
                const cv::Rect inside = cv::Rect(region) & cv::Rect(0, 0, grey.cols, grey.rows);
                const double scale = faceWidth / d.box.width;
                cv::Mat scaled;
                cv::resize(grey(inside), scaled, cv::Size(), scale, scale,
                           scale < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
                const cv::Rect2f expected(static_cast<float>((d.box.x - static_cast<float>(inside.x)) * scale),
                                          static_cast<float>((d.box.y - static_cast<float>(inside.y)) * scale),
                                          static_cast<float>(d.box.width * scale),
                                          static_cast<float>(d.box.height * scale));
                const auto sized = detector.detectSized(scaled);
                return std::any_of(sized.begin(), sized.end(),
                                   [&](const Detection& r) { return intersectionOverUnion(r.box, expected) >= 0.5F; });
            };
            ++faces;
            found += seenAt(FaceDetector::kSizedFacePx) ? 1 : 0;
            // A face 60% larger than the one followed is not looked for: the check then fails and
            // the tracker searches the whole frame.
            foundLarger += seenAt(1.6 * FaceDetector::kSizedFacePx) ? 1 : 0;
        }
    }
    WARN("region check: " << found << " of " << faces << " faces found at their size, " << foundLarger
                          << " when 60% larger");
    CHECK(faces >= 30);
    CHECK(found == faces);
    CHECK(foundLarger == 0);
}
