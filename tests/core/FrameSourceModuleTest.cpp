// FrameSourceModule: the desktop app's way to its frame sources. The module built next to the
// binaries is loaded (this test links no frame source of its own), reads a real video with its
// timestamps, and its Error reaches the caller with kind and message; a missing module is one clear
// error naming where it was looked for.
#include "TestData.h"
#include "VideoFrames.h"
#include "capture/FrameSourceModule.h"
#include "common/Error.h"

#include <catch2/catch.hpp>
#include <cstdlib>

using namespace posesmart;
namespace fs = std::filesystem;

namespace {
FrameSourceModule builtModule() {
    return FrameSourceModule({"/posesmart-no-such-folder", POSESMART_FRAME_SOURCE_MODULE_DIR});
}
}  // namespace

TEST_CASE("the module is searched from the override to the binary's folder and the installed layout") {
    ::unsetenv(kModuleDirEnv);
    const fs::path bin = "/opt/posesmart/bin";
    CHECK(moduleSearchPath(bin) == std::vector<fs::path>{bin, installedModuleDir(bin)});
    CHECK(installedModuleDir(bin).filename() == "posesmart");
    ::setenv(kModuleDirEnv, "/elsewhere", 1);
    CHECK(moduleSearchPath(bin).front() == "/elsewhere");
    ::unsetenv(kModuleDirEnv);
}

TEST_CASE("a video opened through the module yields every frame with its container timestamp") {
    const auto module = builtModule();
    CHECK(module.file().parent_path() == POSESMART_FRAME_SOURCE_MODULE_DIR);
    auto source = module.open(test::testData("blink/seven_blinks_webcam.mp4").string());
    CHECK(source->info().width == 1620);
    CHECK(source->info().fps == Approx(30.0));
    CHECK(test::readTimedFrames(*source, 30.0) == 308);
}

TEST_CASE("the module's errors are caught as Error with their kind and message") {
    const auto missing = (test::scratchDir("module-errors") / "nothing.mp4").string();
    try {
        (void)builtModule().open(missing);
        FAIL("a missing file was opened");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::BadInput);
        CHECK(std::string(e.what()) == "input '" + missing + "' does not exist");
    }
}

TEST_CASE("a missing module is an Io error naming the folders searched") {
    const auto empty = test::scratchDir("no-module");
    try {
        FrameSourceModule module({empty, "/posesmart-no-such-folder"});
        FAIL("a module was loaded from " << module.file());
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::Io);
        CHECK_THAT(e.what(), Catch::Contains("was not found") && Catch::Contains(empty.string()) &&
                                 Catch::Contains("/posesmart-no-such-folder"));
    }
}
