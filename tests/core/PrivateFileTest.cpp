// Private files: created 0600 whatever the umask, never through a link, never a FIFO; a data folder
// left open by an earlier version (0755, files 0644) is tightened, links in it left alone.
#include "TestData.h"
#include "common/Error.h"
#include "common/PrivateFile.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace posesmart;

namespace {

mode_t modeOf(const std::filesystem::path& file) {
    struct stat st {};
    REQUIRE(::lstat(file.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

}  // namespace

TEST_CASE("a private file is 0600 under umask 000, and a link or a FIFO is refused") {
    const auto dir = test::scratchDir("private-file");
    const mode_t previous = ::umask(0);
    createPrivateFile(dir / "export.csv");
    writePrivateAtomically(dir / "journal", "{}");
    ::umask(previous);
    CHECK(modeOf(dir / "export.csv") == 0600);
    CHECK(modeOf(dir / "journal") == 0600);

    std::ofstream(dir / "target") << "kept";
    REQUIRE(::chmod((dir / "target").c_str(), 0644) == 0);
    std::filesystem::create_symlink(dir / "target", dir / "link.csv");
    CHECK_THROWS_WITH(createPrivateFile(dir / "link.csv"), Catch::Contains("symbolic link"));
    CHECK(modeOf(dir / "target") == 0644);
    CHECK(std::filesystem::file_size(dir / "target") == 4);

    REQUIRE(::mkfifo((dir / "fifo.csv").c_str(), 0600) == 0);
    CHECK_THROWS_WITH(createPrivateFile(dir / "fifo.csv"), Catch::Contains("not a regular file"));
}

TEST_CASE("a data folder made open by an earlier version is made private at start, links left alone") {
    const auto dir = test::scratchDir("private-folder") / "data";
    std::filesystem::create_directories(dir);
    REQUIRE(::chmod(dir.c_str(), 0755) == 0);
    std::ofstream(dir / "settings.json") << "{}";
    std::ofstream(dir / "history.db") << "";
    REQUIRE(::chmod((dir / "settings.json").c_str(), 0644) == 0);
    REQUIRE(::chmod((dir / "history.db").c_str(), 0664) == 0);
    const auto outside = dir.parent_path() / "outside";
    std::ofstream(outside) << "not ours";
    REQUIRE(::chmod(outside.c_str(), 0644) == 0);
    std::filesystem::create_symlink(outside, dir / "link");
    CHECK(makeFolderPrivate(dir).empty());
    CHECK(modeOf(dir) == 0700);
    CHECK(modeOf(dir / "settings.json") == 0600);
    CHECK(modeOf(dir / "history.db") == 0600);
    CHECK(modeOf(outside) == 0644);
    // A folder that is not there yet is made, private.
    CHECK(makeFolderPrivate(dir / "new").empty());
    CHECK(modeOf(dir / "new") == 0700);
}
