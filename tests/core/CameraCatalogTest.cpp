// CameraCatalog against the V4L2 test camera (this program runs with it preloaded, see
// CMakeLists.txt): cameras listed by name with their by-id links, and a choice kept by its link
// across a re-plug that changes the index and a second camera that takes the old one.
#include "TestData.h"
#include "capture/CameraCatalog.h"
#include "capture/FrameSource.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>

namespace fs = std::filesystem;
using namespace posesmart;

namespace {

// A test folder standing for /dev, whose videoN files are cameras.
class DevFolder {
public:
    DevFolder() : m_root(test::scratchDir("camera-catalog")) {
        ::setenv("POSESMART_FAKECAM_DIR", m_root.c_str(), 1);
        fs::create_directories(m_root / "v4l" / "by-id");
    }
    ~DevFolder() { ::unsetenv("POSESMART_FAKECAM_DIR"); }
    DevFolder(const DevFolder&) = delete;
    DevFolder& operator=(const DevFolder&) = delete;

    void plug(int index) const { std::ofstream{m_root / ("video" + std::to_string(index))}; }
    void unplug(int index) const { fs::remove(m_root / ("video" + std::to_string(index))); }
    // udev's link for a USB camera with a serial number.
    fs::path link(const std::string& name, int index) const {
        const fs::path link = m_root / "v4l" / "by-id" / name;
        fs::remove(link);
        fs::create_symlink("../../video" + std::to_string(index), link);
        return link;
    }
    [[nodiscard]] const fs::path& root() const { return m_root; }

private:
    fs::path m_root;
};

}  // namespace

TEST_CASE("cameras are listed with their names and by-id links, in index order") {
    const DevFolder dev;
    dev.plug(2);
    dev.plug(0);
    std::ofstream{dev.root() / "video-notes.txt"};  // not a node name
    const fs::path byId = dev.link("usb-PoseSmart_Test_Camera_0001-video-index0", 2);
    const auto cameras = listCameras(dev.root());
    REQUIRE(cameras.size() == 2);
    CHECK(cameras[0].index == 0);
    CHECK(cameras[0].stablePath == dev.root() / "video0");  // no link: the node itself
    CHECK(cameras[1].index == 2);
    CHECK(cameras[1].node == dev.root() / "video2");
    CHECK(cameras[1].stablePath == byId);
    CHECK(cameras[1].name == "PoseSmart Test Camera");
}

TEST_CASE("a camera chosen by its by-id link is kept across a re-plug that changes its index") {
    const DevFolder dev;
    dev.plug(0);
    const fs::path byId = dev.link("usb-PoseSmart_Test_Camera_0001-video-index0", 0);
    const auto before = listCameras(dev.root());
    REQUIRE(before.size() == 1);
    const CameraChoice saved{before[0].stablePath.string(), before[0].name};
    CHECK(saved.path == byId.string());

    // Unplugged; another camera takes video0, ours comes back as video1.
    dev.unplug(0);
    dev.plug(0);
    dev.plug(1);
    dev.link("usb-PoseSmart_Test_Camera_0001-video-index0", 1);
    const auto after = listCameras(dev.root());
    REQUIRE(after.size() == 2);
    const auto chosen = resolveCamera(saved, after);
    REQUIRE(chosen);
    CHECK(*chosen == byId);
    CHECK(fs::canonical(*chosen) == fs::canonical(dev.root() / "video1"));
    // And it is a camera that streams, opened by that path.
    const auto source = openFrameSource("camera:" + chosen->string());
    CHECK(source->info().description == "camera:" + byId.string());
    const auto frame = source->next();
    REQUIRE(frame);
    CHECK(frame->bgr.rows == 480);
}

TEST_CASE("without its link, a camera is found by name; without either, the first camera; none: nothing") {
    const DevFolder dev;
    CHECK_FALSE(resolveCamera({}, listCameras(dev.root())));
    dev.plug(3);
    const auto cameras = listCameras(dev.root());
    CHECK(resolveCamera({"/dev/v4l/by-id/usb-Gone-video-index0", "PoseSmart Test Camera"}, cameras) ==
          dev.root() / "video3");
    CHECK(resolveCamera({"/dev/v4l/by-id/usb-Gone-video-index0", "Other Camera"}, cameras) == dev.root() / "video3");
    CHECK(resolveCamera({}, cameras) == dev.root() / "video3");
}
