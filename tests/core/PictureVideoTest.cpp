// The picture check on real video, through the live session: a still photo from the identity set,
// made into a 3-minute video, is called a picture within 2.5 minutes; the dev recordings of real
// people (blink/ and posture/), each looped to 10 minutes, never are. The videos are made with
// ffmpeg in the test's working folder (the build tree) and removed afterwards.
#include "CliRun.h"
#include "TestData.h"
#include "capture/FrameSource.h"
#include "session/LiveSession.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <optional>

using namespace posesmart;
namespace fs = std::filesystem;

namespace {

// Where the session first called the face a picture, and how much of the video had a face.
class PictureWatch : public SessionObserver {
public:
    std::optional<double> pictureAtSec;
    std::int64_t frames = 0;
    std::int64_t faceFrames = 0;
    int blinks = 0;
    void onFrame(const FrameOutcome& outcome) override {
        ++frames;
        if (outcome.seen.landmarks) ++faceFrames;
    }
    void onBlink(const Blink& /*blink*/) override { ++blinks; }
    void onStatus(const LiveStatus& status) override {
        if (status.picture && !pictureAtSec) pictureAtSec = status.streamSec;
    }
};

// Plays `video` through a live session without a history, as the app would.
PictureWatch watch(const fs::path& video) {
    PictureWatch watcher;
    LiveSession session(test::sharedLandmarkModel(), LiveSessionOptions{}, watcher);
    const auto source = openFrameSource(video.string());
    while (const auto frame = source->next()) session.process(*frame);
    return watcher;
}

// A folder for the made videos under the working folder, emptied when the test ends.
struct MadeVideos {
    fs::path dir = fs::current_path() / "picture_check_videos";
    MadeVideos() { fs::create_directories(dir); }
    ~MadeVideos() { fs::remove_all(dir); }
    MadeVideos(const MadeVideos&) = delete;
    MadeVideos& operator=(const MadeVideos&) = delete;
    fs::path make(const std::string& name, const std::string& ffmpegArguments) const {
        const fs::path out = dir / name;
        const auto run = test::runCommand("ffmpeg -v error -y " + ffmpegArguments + " " + test::quoted(out));
        INFO(run.output);
        REQUIRE(run.exitCode == 0);
        return out;
    }
};

}  // namespace

TEST_CASE("a still photo shown to the camera for 3 minutes is called a picture within 2.5 minutes") {
    const MadeVideos videos;
    // 10 frames a second: the check is timed by the frames' timestamps, not by their count.
    const fs::path photo =
        videos.make("photo_3min.mp4", "-loop 1 -framerate 10 -i " +
                                          test::quoted(test::testData("identity/named/obama/obama-480p.jpg")) +
                                          " -t 180 -vf scale=852:480 -pix_fmt yuv420p -c:v libx264 -preset veryfast");
    const PictureWatch watched = watch(photo);
    CHECK(watched.faceFrames == watched.frames);
    CHECK(watched.blinks == 0);
    REQUIRE(watched.pictureAtSec);
    CHECK(*watched.pictureAtSec >= StillFaceSettings{}.pictureAfterSec);
    CHECK(*watched.pictureAtSec <= 150.0);
}

TEST_CASE("no dev recording of a real person, looped to 10 minutes, is ever called a picture") {
    const MadeVideos videos;
    const auto started = std::chrono::steady_clock::now();
    for (const char* clip :
         {"blink/talkingface_0-100s.mp4", "blink/seven_blinks_webcam.mp4", "posture/webcam_lean_turn_a.mp4"}) {
        DYNAMIC_SECTION(clip) {
            const fs::path looped = videos.make(
                "looped.mp4", "-stream_loop -1 -i " + test::quoted(test::testData(clip)) + " -t 600 -c copy -an");
            const PictureWatch watched = watch(looped);
            INFO(watched.frames << " frames, a face in " << watched.faceFrames << ", " << watched.blinks << " blinks");
            CHECK(watched.faceFrames > watched.frames / 2);
            CHECK_FALSE(watched.pictureAtSec.has_value());
        }
    }
    WARN("10-minute loops analysed in "
         << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() << " s");
}
