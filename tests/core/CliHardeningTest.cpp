// posesmart-cli against faults and abuse, each as a user or another program would cause it: a
// history database locked by another process (python3's sqlite3) across the whole run, a link
// named like the database, images whose header asks for gigapixels, a FIFO, a device that is not a
// camera, a --db in a missing folder, and exports under umask 000.
#include "CliRun.h"
#include "TestData.h"

#include <array>
#include <catch2/catch.hpp>
#include <csignal>
#include <fstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using posesmart::test::quoted;
using posesmart::test::runCli;
using posesmart::test::runCommand;

namespace {

const char* const kStart = "2026-11-20T09:00";

// Eleven stills of one person (Yale, subject 1): a run of a third of a second.
std::filesystem::path stills() {
    return posesmart::test::testData("identity/yale/subject01");
}

std::int64_t minuteRows(const std::filesystem::path& db) {
    const auto run = runCommand(
        "python3 -c \"import sqlite3, sys; print(sqlite3.connect(sys.argv[1])"
        ".execute('SELECT COUNT(*) FROM minutes').fetchone()[0])\" " +
        quoted(db));
    REQUIRE(run.exitCode == 0);
    return std::stoll(run.output);
}

mode_t modeOf(const std::filesystem::path& file) {
    struct stat st {};
    REQUIRE(::lstat(file.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

std::uint32_t crc32(const unsigned char* data, std::size_t size) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < size; ++i) {
        crc ^= data[i];
        for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

// A PNG signature and a valid IHDR chunk for a grey picture of `side` x `side`, then a small body.
void writePngHeader(const std::filesystem::path& file, std::uint32_t side) {
    std::array<unsigned char, 17> ihdr = {'I', 'H', 'D', 'R'};
    for (int i = 0; i < 4; ++i) {
        ihdr[4 + i] = static_cast<unsigned char>(side >> (24 - 8 * i));
        ihdr[8 + i] = static_cast<unsigned char>(side >> (24 - 8 * i));
    }
    ihdr[12] = 8;  // bit depth; colour type 0 (grey), compression, filter, interlace 0
    const std::uint32_t crc = crc32(ihdr.data(), ihdr.size());
    std::ofstream out(file, std::ios::binary);
    out.write("\x89PNG\r\n\x1a\n\x00\x00\x00\x0d", 12);
    out.write(reinterpret_cast<const char*>(ihdr.data()), ihdr.size());
    for (int i = 0; i < 4; ++i) out.put(static_cast<char>(crc >> (24 - 8 * i)));
    out << std::string(1024, '\0');
}

// python3 holding `BEGIN EXCLUSIVE` on `db` until it is stopped.
class PythonLocker {
public:
    explicit PythonLocker(const std::filesystem::path& db) {
        const auto marker = db.string() + ".locked";
        m_pid = ::fork();
        REQUIRE(m_pid >= 0);
        if (m_pid == 0) {
            ::execlp("python3", "python3", "-c",
                     "import sqlite3, sys, time\n"
                     "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
                     "c.execute('BEGIN EXCLUSIVE')\n"
                     "open(sys.argv[2], 'w').close()\n"
                     "time.sleep(600)\n",
                     db.c_str(), marker.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        for (int i = 0; i < 1000 && !std::filesystem::exists(marker); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        REQUIRE(std::filesystem::exists(marker));
    }
    ~PythonLocker() {
        ::kill(m_pid, SIGKILL);
        ::waitpid(m_pid, nullptr, 0);
    }
    PythonLocker(const PythonLocker&) = delete;
    PythonLocker& operator=(const PythonLocker&) = delete;

private:
    pid_t m_pid = -1;
};

}  // namespace

TEST_CASE("a lock held across a run: waited on, the minutes kept in the journal, exit 3, added at the next run") {
    const auto dir = posesmart::test::scratchDir("cli-lock");
    const auto db = dir / "history.db";
    const auto args = [&](const char* start) {
        return "analyze " + quoted(stills()) + " --calibrate-seconds 0 --db " + quoted(db) + " --start " + start +
               " --wait-for-db 1";
    };
    REQUIRE(runCli(args("2026-11-20T09:00")).exitCode == 0);
    REQUIRE(minuteRows(db) == 1);
    {
        PythonLocker locker(db);
        const auto run = runCli(args("2026-11-20T10:00"));
        INFO(run.output);
        CHECK(run.exitCode == 3);
        CHECK_THAT(run.output, Catch::Contains("locked by another program") && Catch::Contains("waiting up to 1 s") &&
                                   Catch::Contains("history.db.pending"));
    }
    CHECK(std::filesystem::exists(dir / "history.db.pending"));
    CHECK(modeOf(dir / "history.db.pending") == 0600);
    CHECK(minuteRows(db) == 1);
    const auto next = runCli(args("2026-11-20T11:00"));
    INFO(next.output);
    CHECK(next.exitCode == 0);
    CHECK_THAT(next.output, Catch::Contains("1 minute(s) kept from an earlier run were added"));
    CHECK_FALSE(std::filesystem::exists(dir / "history.db.pending"));
    CHECK(minuteRows(db) == 3);
}

TEST_CASE("a link named like the database is refused and its target left as it was") {
    const auto dir = posesmart::test::scratchDir("cli-db-link");
    std::ofstream(dir / "target") << "someone's file";
    REQUIRE(::chmod((dir / "target").c_str(), 0644) == 0);
    std::filesystem::create_symlink(dir / "target", dir / "history.db");
    const auto run =
        runCli("analyze " + quoted(stills()) + " --calibrate-seconds 0 --db " + quoted(dir / "history.db"));
    INFO(run.output);
    CHECK(run.exitCode == 1);
    CHECK_THAT(run.output, Catch::Contains("symbolic link"));
    CHECK(modeOf(dir / "target") == 0644);
    std::ifstream in(dir / "target");
    std::string content;
    std::getline(in, content);
    CHECK(content == "someone's file");
}

TEST_CASE("an image whose header asks for more than 8192x8192 pixels is refused before decoding") {
    const auto dir = posesmart::test::scratchDir("cli-huge-image");
    for (const std::uint32_t side : {20000u, 40000u}) {
        const auto file = dir / ("huge-" + std::to_string(side) + ".png");
        writePngHeader(file, side);
        const auto run = runCli("analyze " + quoted(file) + " --calibrate-seconds 0");
        INFO(run.output);
        CHECK(run.exitCode == 1);
        const std::string size = std::to_string(side) + "x" + std::to_string(side);
        CHECK_THAT(run.output, Catch::Contains(size + " pixels") && Catch::Contains("up to 8192x8192"));
        CHECK_THAT(run.output, !Catch::Contains("Assertion") && !Catch::Contains("OpenCV"));
    }
}

TEST_CASE("a FIFO is refused at once; a device that is not a camera is named as such") {
    const auto dir = posesmart::test::scratchDir("cli-fifo");
    const auto fifo = dir / "frames.mp4";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const auto start = std::chrono::steady_clock::now();
    const auto run = runCommand("timeout 60 " + quoted(POSESMART_CLI) + " analyze " + quoted(fifo));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO(run.output);
    CHECK(run.exitCode == 1);
    CHECK(seconds < 30.0);
    CHECK_THAT(run.output, Catch::Contains("is a FIFO"));

    const auto null = runCli("analyze camera:/dev/null");
    INFO(null.output);
    CHECK(null.exitCode == 1);
    CHECK_THAT(null.output, Catch::Contains("not a camera"));
    CHECK_THAT(null.output, !Catch::Contains("another application"));
}

TEST_CASE("--db in a missing folder says why, before any other file is written") {
    const auto dir = posesmart::test::scratchDir("cli-db-missing-folder");
    const auto run = runCli("analyze " + quoted(stills()) + " --calibrate-seconds 0 --frames " +
                            quoted(dir / "frames.csv") + " --db " + quoted(dir / "absent" / "history.db"));
    INFO(run.output);
    CHECK(run.exitCode == 1);
    CHECK_THAT(run.output, Catch::Contains("No such file or directory"));
    CHECK_FALSE(std::filesystem::exists(dir / "frames.csv"));
}

TEST_CASE("exports are readable by their owner only, whatever the umask") {
    const auto dir = posesmart::test::scratchDir("cli-exports");
    const auto db = dir / "history.db";
    const std::string cli = "umask 000; " + quoted(POSESMART_CLI);
    const auto analyze = runCommand(
        cli + " analyze " + quoted(posesmart::test::testData("blink/seven_blinks_webcam.mp4")) +
        " --calibrate-seconds 3 --json " + quoted(dir / "run.json") + " --frames " + quoted(dir / "frames.csv") +
        " --save-profile " + quoted(dir / "profile.json") + " --db " + quoted(db) + " --start " + kStart);
    INFO(analyze.output);
    REQUIRE(analyze.exitCode == 0);
    const auto report = runCommand(cli + " report --db " + quoted(db) + " --day 2026-11-20 --csv " +
                                   quoted(dir / "day.csv") + " --pdf " + quoted(dir / "day.pdf"));
    INFO(report.output);
    REQUIRE(report.exitCode == 0);
    for (const char* name : {"run.json", "frames.csv", "profile.json", "day.csv", "day.pdf", "history.db"}) {
        INFO(name);
        CHECK(modeOf(dir / name) == 0600);
    }
}

TEST_CASE("a full disk at open is called a full disk (a small tmpfs, where the test may mount one)") {
    if (runCommand("unshare -Urm true").exitCode != 0) {
        WARN("skipped: user and mount namespaces are not available here to mount a small tmpfs");
        return;
    }
    const auto dir = posesmart::test::scratchDir("cli-full-disk");
    std::filesystem::create_directories(dir / "small");
    const std::string small = (dir / "small").string();
    const std::string script = "mount -t tmpfs -o size=64k tmpfs " + small + " && { dd if=/dev/zero of=" + small +
                               "/fill bs=4k count=64 2>/dev/null; true; } && { " + POSESMART_CLI + " analyze " +
                               stills().string() + " --calibrate-seconds 0 --db " + small +
                               "/history.db; echo exit=$?; " + "ls -A " + small + "; }";
    const auto run = runCommand("unshare -Urm sh -c " + posesmart::test::quoted(script));
    INFO(run.output);
    CHECK_THAT(run.output, Catch::Contains("exit=1"));
    CHECK_THAT(run.output, Catch::Contains("the disk is full"));
    CHECK_THAT(run.output, !Catch::Contains("disk I/O error"));
    // Nothing of the database it could not make is left behind: only the file that filled the disk.
    CHECK_THAT(run.output, Catch::EndsWith("exit=1\nfill\n"));
}

TEST_CASE("an unreadable image in a folder is skipped and named; the rest of the folder is analysed") {
    const auto dir = posesmart::test::scratchDir("cli-folder-one-bad");
    std::filesystem::copy_file(stills() / "normal.png", dir / "a.png");
    std::ofstream(dir / "b.jpg") << "not a picture";
    std::filesystem::copy_file(stills() / "happy.png", dir / "c.png");
    const auto run = runCli("analyze " + quoted(dir) + " --calibrate-seconds 0");
    INFO(run.output);
    CHECK(run.exitCode == 0);
    CHECK_THAT(run.output, Catch::Contains("skipped") && Catch::Contains("b.jpg"));
    CHECK_THAT(run.output, Catch::Contains(": 2 frames"));
}

TEST_CASE("a file the user may not read is called that, not 'not a video file'") {
    if (runCommand("unshare --map-user=1000 --map-group=1000 true").exitCode != 0) {
        WARN("skipped: cannot run as another user here (unshare --map-user)");
        return;
    }
    const auto dir = posesmart::test::scratchDir("cli-permission");
    std::filesystem::copy_file(posesmart::test::testData("bad/tiny_face_96x128.mp4"), dir / "private.mp4");
    REQUIRE(::chmod((dir / "private.mp4").c_str(), 0) == 0);
    // As a user without the right to read it (root would read it anyway).
    const auto run = runCommand("unshare --map-user=1000 --map-group=1000 " + quoted(POSESMART_CLI) + " analyze " +
                                quoted(dir / "private.mp4"));
    INFO(run.output);
    CHECK(run.exitCode == 1);
    CHECK_THAT(run.output, Catch::Contains("Permission denied"));
    CHECK_THAT(run.output, !Catch::Contains("not a video file"));
}
