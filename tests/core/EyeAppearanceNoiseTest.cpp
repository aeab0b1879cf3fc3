// EyeAppearance under sensor noise: on real frames of seven_blinks, darkened to half and given
// Gaussian noise (as a webcam in a dim room), the open eyes must still look like the open-eye
// template learnt on clean frames, and the closed eyes of the labelled blinks must stand well apart
// from them. The patches are placed by landmarks fitted on the clean frames, so this measures the
// comparison alone.
#include "TestData.h"
#include "VideoFrames.h"
#include "vision/EyeAppearance.h"
#include "vision/FaceTracker.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <numeric>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <sstream>

using namespace posesmart;

namespace {

// [start, end] frames of the labelled blinks of one video.
std::vector<std::pair<int, int>> blinkLabels(const std::string& video) {
    std::ifstream in(test::testData("blink/labels.csv"));
    std::vector<std::pair<int, int>> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(video + ",blink,", 0) != 0) continue;
        std::stringstream fields(line.substr(video.size() + 7));
        int start = 0, end = 0;
        char comma = 0;
        fields >> start >> comma >> end;
        out.emplace_back(start, end);
    }
    return out;
}

double mean(const std::vector<double>& v) {
    return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

}  // namespace

TEST_CASE("open eyes under sensor noise still look like the open-eye template; closed ones do not") {
    const std::string video = "seven_blinks_webcam.mp4";
    const auto blinks = blinkLabels(video);
    REQUIRE(blinks.size() == 7);
    const auto nearBlink = [&](int frame) {
        return std::any_of(blinks.begin(), blinks.end(),
                           [&](const auto& b) { return frame >= b.first - 4 && frame <= b.second + 4; });
    };
    std::vector<int> open, closed;
    for (int f = 0; f < 300; f += 6) {
        if (!nearBlink(f)) open.push_back(f);
    }
    for (const auto& [start, end] : blinks) closed.push_back((start + end) / 2);
    std::vector<int> all(open);
    all.insert(all.end(), closed.begin(), closed.end());
    std::sort(all.begin(), all.end());
    // At 0.4 of its size the face is 175 px wide, its eyes about 35 px: a patch sample is about a pixel.
    std::vector<cv::Mat> frames = test::framesAt(test::testData("blink/" + video), all);
    for (auto& frame : frames) cv::resize(frame, frame, cv::Size(), 0.4, 0.4, cv::INTER_AREA);

    FaceTracker tracker(test::sharedLandmarkModel());
    StageTimes times;
    std::vector<Landmarks> points;
    for (const auto& frame : frames) {
        const auto found = tracker.detectAll(frame, times);
        REQUIRE_FALSE(found.empty());
        points.push_back(test::sharedLandmarkModel().fit(frame, found.front().box));
    }
    // The template: the clean open eyes of every other open frame; the rest are read dim and noisy.
    EyeAppearance appearance;
    std::vector<std::size_t> readNoisy;
    int openSeen = 0, learnt = 0;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const bool isOpen = std::find(open.begin(), open.end(), all[i]) != open.end();
        if (isOpen && openSeen++ % 2 == 0) {
            appearance.learn(extractEyePatches(frames[i], points[i]), 1.0 / ++learnt);
        } else {
            readNoisy.push_back(i);
        }
    }
    cv::RNG rng(20261203);
    std::vector<double> openScores, closedScores;
    for (const std::size_t i : readNoisy) {
        const auto closure = appearance.closure(extractEyePatches(test::dimAndNoisy(frames[i], 8.0, rng), points[i]));
        const bool isOpen = std::find(open.begin(), open.end(), all[i]) != open.end();
        (isOpen ? openScores : closedScores).push_back((closure[0] + closure[1]) / 2.0);
    }
    REQUIRE(openScores.size() >= 15);
    REQUIRE(closedScores.size() == 7);
    const double openMean = mean(openScores);
    double spread = 0.0;
    for (const double s : openScores) spread += (s - openMean) * (s - openMean);
    spread = std::sqrt(spread / static_cast<double>(openScores.size()));
    const double closedLowest = *std::min_element(closedScores.begin(), closedScores.end());
    WARN("noisy open eyes: mean " << openMean << ", sd " << spread << "; closed eyes: mean " << mean(closedScores)
                                  << ", lowest " << closedLowest);
    CHECK(openMean <= 0.1);
    CHECK((closedLowest - openMean) / spread >= 30.0);  // unsmoothed patches: 0.21 and 16
}
