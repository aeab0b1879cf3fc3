// BlinkReader on synthetic eyes whose first frames are not open: the eye patches blend an open-eye
// and a shut-eye pattern (uncorrelated noise images) by the lids' closure, with the eye aspect
// ratio of the same timeline (open 0.30, shut 0.10). Whatever the first second shows, the reader
// takes its reference from the open frames, so the blinks of the first second count, at their own
// times; events found in the held frames come out one per frame, in order.
#include "analysis/BlinkReader.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <opencv2/core.hpp>
#include <vector>

using namespace posesmart;

namespace {

struct Dip {
    double startSec;
    double endSec;
};

cv::Mat normalised(const cv::Mat& m) {
    cv::Scalar mean;
    cv::Scalar deviation;
    cv::meanStdDev(m, mean, deviation);
    return (m - mean[0]) / deviation[0];
}

class SyntheticEyes {
public:
    SyntheticEyes() {
        cv::RNG rng(20261202);
        for (cv::Mat* m : {&m_open, &m_shut}) {
            m->create(16, 32, CV_32F);
            rng.fill(*m, cv::RNG::NORMAL, 0.0, 1.0);
            *m = normalised(*m);
        }
    }

    EyeFrame at(std::int64_t frame, double t, const std::vector<Dip>& dips) const {
        double closure = 0.0;
        for (const Dip& d : dips) {
            if (t >= d.startSec - 1e-9 && t < d.endSec - 1e-9) closure = 1.0;
        }
        EyeFrame f;
        f.frame = frame;
        f.timestampSec = t;
        f.usable = true;
        const double wobble = 0.004 * std::sin(2.0 * M_PI * 1.3 * t);
        f.earLeft = f.earRight = 0.30 - 0.20 * closure + wobble;
        const cv::Mat patch = normalised(m_open * (1.0 - closure) + m_shut * closure + m_noise(frame));
        f.patches.eyes = {patch, patch.clone()};
        return f;
    }

private:
    cv::Mat m_noise(std::int64_t frame) const {
        cv::Mat n(16, 32, CV_32F);
        cv::RNG rng(static_cast<std::uint64_t>(frame) + 1);
        rng.fill(n, cv::RNG::NORMAL, 0.0, 0.1);
        return n;
    }

    cv::Mat m_open;
    cv::Mat m_shut;
};

struct Run {
    std::vector<Blink> blinks;
    std::vector<EyeClosure> closures;
    std::vector<std::int64_t> reportedAt;  // the frame at which each blink was reported
};

Run play(const std::vector<Dip>& dips, double seconds, double fps) {
    const SyntheticEyes eyes;
    BlinkReader reader;
    Run run;
    for (std::int64_t frame = 0; frame <= static_cast<std::int64_t>(seconds * fps); ++frame) {
        const BlinkUpdate u = reader.update(eyes.at(frame, static_cast<double>(frame) / fps, dips));
        if (u.blink) {
            run.blinks.push_back(*u.blink);
            run.reportedAt.push_back(frame);
        }
        if (u.closure) run.closures.push_back(*u.closure);
    }
    return run;
}

}  // namespace

TEST_CASE("eyes shut in the first frame and a blink a second: every blink after the first frame counts") {
    // The labels of such a clip drop the first event (its closing is not in the clip).
    const std::vector<Dip> dips = {{0.0, 0.2}, {0.6, 0.8}, {1.4, 1.6}, {2.3, 2.5}, {3.2, 3.4}, {4.1, 4.3}};
    for (double fps : {30.0, 15.0}) {
        CAPTURE(fps);
        const Run run = play(dips, 6.0, fps);
        CHECK(run.closures.empty());
        REQUIRE(run.blinks.size() == dips.size() - 1);
        for (std::size_t i = 0; i < run.blinks.size(); ++i) {
            CAPTURE(i);
            CHECK(run.blinks[i].startSec == Approx(dips[i + 1].startSec).margin(1.0 / fps));
            CHECK(run.blinks[i].endSec < dips[i + 1].endSec);
        }
        // Found in the held first second, reported one per frame, in order.
        for (std::size_t i = 1; i < run.reportedAt.size(); ++i) CHECK(run.reportedAt[i] > run.reportedAt[i - 1]);
        CHECK(run.reportedAt[0] >= static_cast<std::int64_t>(1.0 * fps));
    }
}

TEST_CASE("eyes shut for the first 1.5 s: the reader waits for open eyes, then reads from the start") {
    const std::vector<Dip> dips = {{0.0, 1.5}, {2.0, 2.2}, {3.0, 3.2}};
    for (double fps : {30.0, 15.0}) {
        CAPTURE(fps);
        const Run run = play(dips, 5.0, fps);
        REQUIRE(run.blinks.size() == 2);
        CHECK(run.blinks[0].startSec == Approx(2.0).margin(1.0 / fps));
        CHECK(run.blinks[1].startSec == Approx(3.0).margin(1.0 / fps));
    }
}

TEST_CASE("the reader is not holding once the reference is chosen") {
    const SyntheticEyes eyes;
    BlinkReader reader;
    CHECK(reader.holding());
    for (std::int64_t frame = 0; frame <= 40; ++frame)
        reader.update(eyes.at(frame, static_cast<double>(frame) / 30.0, {}));
    CHECK_FALSE(reader.holding());
}
