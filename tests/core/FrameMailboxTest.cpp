// FrameMailbox between two real threads: latest wins (an untaken frame is replaced and counted
// as dropped), take() waits for a frame or its timeout, close() wakes a waiting taker at once.
#include "capture/FrameMailbox.h"

#include <catch2/catch.hpp>
#include <thread>

using namespace posesmart;

namespace {
Frame frameNumber(std::int64_t index) {
    Frame f;
    f.index = index;
    f.timestampSec = static_cast<double>(index) / 30.0;
    f.bgr = cv::Mat(2, 2, CV_8UC3, cv::Scalar::all(static_cast<double>(index)));
    return f;
}
}  // namespace

TEST_CASE("the newest frame wins; older untaken ones are dropped") {
    FrameMailbox mailbox;
    for (std::int64_t i = 0; i < 5; ++i) mailbox.put(frameNumber(i));
    const auto frame = mailbox.take(std::chrono::milliseconds(0));
    REQUIRE(frame);
    CHECK(frame->index == 4);
    CHECK(mailbox.dropped() == 4);
    CHECK_FALSE(mailbox.take(std::chrono::milliseconds(10)));  // taken: empty again
}

TEST_CASE("a taker waits for a frame put by another thread") {
    FrameMailbox mailbox;
    std::thread producer([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        mailbox.put(frameNumber(7));
    });
    const auto frame = mailbox.take(std::chrono::seconds(10));
    producer.join();
    REQUIRE(frame);
    CHECK(frame->index == 7);
    CHECK(mailbox.dropped() == 0);
}

TEST_CASE("close wakes a waiting taker and refuses frames until reopened") {
    FrameMailbox mailbox;
    const auto start = std::chrono::steady_clock::now();
    std::thread closer([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        mailbox.close();
    });
    CHECK_FALSE(mailbox.take(std::chrono::seconds(30)));
    closer.join();
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));  // woken, not timed out
    mailbox.put(frameNumber(1));
    CHECK_FALSE(mailbox.take(std::chrono::milliseconds(0)));
    mailbox.reopen();
    mailbox.put(frameNumber(2));
    CHECK(mailbox.take(std::chrono::milliseconds(0))->index == 2);
}
