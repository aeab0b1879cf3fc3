// AnalysisRate: 30 or 15 frames a second by the setting and the power source, and the thinning of a
// stream to that rate by its timestamps (regular, jittery, slower than the rate, with gaps).
#include "capture/AnalysisRate.h"

#include <catch2/catch.hpp>
#include <vector>

using namespace posesmart;

namespace {

// The timestamps kept of `times` at `fps`.
std::vector<double> kept(double fps, const std::vector<double>& times) {
    FrameThinner thinner(fps);
    std::vector<double> out;
    for (const double t : times) {
        if (thinner.keep(t)) out.push_back(t);
    }
    return out;
}

std::vector<double> regular(double fps, int frames, double start = 0.0) {
    std::vector<double> times;
    for (int i = 0; i < frames; ++i) times.push_back(start + i / fps);
    return times;
}

}  // namespace

TEST_CASE("analysis rate: the user's choice, else 15 on battery and 30 on mains or when unknown") {
    CHECK(analysisFps(AnalysisRateSetting::Thirty, PowerSource::Battery) == 30.0);
    CHECK(analysisFps(AnalysisRateSetting::Fifteen, PowerSource::Mains) == 15.0);
    CHECK(analysisFps(AnalysisRateSetting::Automatic, PowerSource::Battery) == 15.0);
    CHECK(analysisFps(AnalysisRateSetting::Automatic, PowerSource::Mains) == 30.0);
    CHECK(analysisFps(AnalysisRateSetting::Automatic, PowerSource::Unknown) == 30.0);
}

TEST_CASE("thinning: 30 fps to 15 keeps every other frame; 15 fps at 15 keeps all; 0 keeps all") {
    CHECK(kept(15.0, regular(30.0, 30)).size() == 15);
    CHECK(kept(15.0, regular(30.0, 30))[1] == Approx(2.0 / 30.0));
    CHECK(kept(15.0, regular(15.0, 30)).size() == 30);
    CHECK(kept(30.0, regular(30.0, 30)).size() == 30);
    CHECK(kept(0.0, regular(30.0, 30)).size() == 30);
    CHECK(kept(15.0, regular(24.0, 48)).size() == 24);  // 24 fps: every other frame, 12 a second
}

TEST_CASE("thinning: a camera's jitter does not drop frames it should keep") {
    // 15 fps frames stamped 3 ms early or late alternately.
    std::vector<double> times;
    for (int i = 0; i < 30; ++i) times.push_back(i / 15.0 + (i % 2 == 0 ? 0.003 : -0.003));
    CHECK(kept(15.0, times).size() == 30);
}

TEST_CASE("thinning: after lost frames it does not catch up with frames a camera interval apart") {
    // 30 fps with two frames lost after the first: 0, 0.1, 0.133, 0.167, 0.2 ...
    std::vector<double> times{0.0};
    for (int i = 3; i < 30; ++i) times.push_back(i / 30.0);
    const auto out = kept(15.0, times);
    for (std::size_t i = 1; i < out.size(); ++i) CHECK(out[i] - out[i - 1] > 1.5 / 30.0);
    CHECK(out.size() == Approx(15).margin(1));
}

TEST_CASE("thinning: after a gap the next frame is kept, and the rate can change while running") {
    FrameThinner thinner(15.0);
    CHECK(thinner.keep(100.0));
    CHECK_FALSE(thinner.keep(100.033));
    CHECK(thinner.keep(105.0));  // a lost camera came back
    thinner.setFps(30.0);
    CHECK(thinner.keep(105.033));
    CHECK(thinner.keep(1.0));  // time started again (another source)
}
