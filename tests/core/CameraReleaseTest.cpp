// Camera release: CameraReleasePolicy on injected timelines (pause, nobody in view and the probes
// after it, a face found in a probe, another application taking the device during a hold, a probe
// or a pause); otherProcessesUsing with a plain file standing in for the device node, opened by a
// forked child (directly and through a symlink; our own opens not reported); DeviceWatch seeing
// that child's opens and closes, and a node removed and made again; and the two together as the
// capture thread polls them.
#include "capture/CameraMessages.h"
#include "capture/CameraRelease.h"
#include "capture/DeviceUsers.h"
#include "capture/DeviceWatch.h"
#include "common/Error.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace posesmart;
namespace fs = std::filesystem;

namespace {

using Reason = CameraReleaseReason;

// One frame a second on [fromSec, toSec].
void feed(CameraReleasePolicy& policy, int fromSec, int toSec, bool faceInView) {
    for (int t = fromSec; t <= toSec; ++t) policy.observe(t, faceInView);
}

// A policy that saw a face at 0 and nobody after it: released at 300, probes at 360, 420, ...
CameraReleasePolicy releasedAt300() {
    CameraReleasePolicy policy;
    policy.observe(0.0, true);
    feed(policy, 1, 299, false);
    return policy;
}

}  // namespace

TEST_CASE("camera release: held from the start; pause releases, unpause holds again") {
    CameraReleasePolicy policy;
    CHECK(policy.shouldHold(0.0));
    CHECK(policy.reason(0.0) == Reason::None);
    CHECK_FALSE(policy.nextWakeSec(0.0));  // no frame yet: the nobody timer has not started

    policy.observe(0.0, true);
    policy.setPaused(true);
    CHECK_FALSE(policy.shouldHold(10.0));
    CHECK(policy.reason(10.0) == Reason::Paused);
    CHECK(policy.reason(10000.0) == Reason::Paused);
    CHECK_FALSE(policy.nextWakeSec(10.0));  // only unpausing ends it
    policy.observe(11.0, true);             // a frame still in flight: ignored
    CHECK(policy.reason(11.0) == Reason::Paused);

    policy.setPaused(false);
    // Paused for longer than nobodyReleaseSec: held again, the nobody timer restarting at the next frame.
    CHECK(policy.shouldHold(1000.0));
    CHECK_FALSE(policy.nextWakeSec(1000.0));
    policy.observe(1001.0, false);
    CHECK(policy.shouldHold(1300.9));
    CHECK(policy.nextWakeSec(1100.0) == Approx(1301.0));
    CHECK(policy.reason(1301.0) == Reason::NobodyInView);
}

TEST_CASE("camera release: nobody in view releases at exactly nobodyReleaseSec after the last face") {
    CameraReleasePolicy policy;
    policy.observe(0.0, true);
    feed(policy, 1, 100, true);  // the timer restarts with every face
    feed(policy, 101, 399, false);
    CHECK(policy.shouldHold(399.0));
    CHECK(policy.shouldHold(399.999));
    CHECK(policy.nextWakeSec(250.0) == Approx(400.0));
    CHECK_FALSE(policy.shouldHold(400.0));
    CHECK(policy.reason(400.0) == Reason::NobodyInView);

    SECTION("without any face, from the first frame") {
        CameraReleasePolicy empty;
        feed(empty, 10, 309, false);
        CHECK(empty.shouldHold(309.999));
        CHECK(empty.reason(310.0) == Reason::NobodyInView);
    }
    SECTION("other settings") {
        CameraReleasePolicy quick({.nobodyReleaseSec = 30, .probeEverySec = 10, .probeSec = 2});
        quick.observe(5.0, true);
        CHECK(quick.shouldHold(34.999));
        CHECK(quick.reason(35.0) == Reason::NobodyInView);
        CHECK(quick.shouldHold(45.0));  // probe [45, 47)
        CHECK(quick.reason(47.0) == Reason::NobodyInView);
    }
}

TEST_CASE("camera release: after a nobody release, probeSec-long probes every probeEverySec") {
    CameraReleasePolicy policy = releasedAt300();
    CHECK(policy.reason(300.0) == Reason::NobodyInView);
    CHECK(policy.reason(359.999) == Reason::NobodyInView);
    CHECK(policy.nextWakeSec(300.0) == Approx(360.0));
    CHECK(policy.nextWakeSec(359.0) == Approx(360.0));

    // The first probe: held on [360, 365), frames without a face change nothing.
    CHECK(policy.shouldHold(360.0));
    CHECK(policy.nextWakeSec(360.0) == Approx(365.0));
    feed(policy, 360, 364, false);
    CHECK(policy.shouldHold(364.999));
    CHECK(policy.reason(365.0) == Reason::NobodyInView);
    CHECK(policy.nextWakeSec(365.0) == Approx(420.0));

    // Later probes keep the same rhythm, measured from the release: the tenth at 900.
    CHECK(policy.shouldHold(420.0));
    CHECK(policy.reason(425.0) == Reason::NobodyInView);
    CHECK(policy.reason(899.9) == Reason::NobodyInView);
    CHECK(policy.shouldHold(900.0));
    CHECK(policy.nextWakeSec(902.0) == Approx(905.0));
    CHECK(policy.reason(905.0) == Reason::NobodyInView);

    // Over an hour in tenths of a second: held exactly within the probes.
    int heldTenths = 0;
    for (int tenth = 3000; tenth < 39000; ++tenth) {
        const double t = tenth / 10.0;
        const int sinceRelease = tenth - 3000;
        const bool inProbe = sinceRelease >= 600 && sinceRelease % 600 < 50;
        if (policy.shouldHold(t) != inProbe) FAIL_CHECK("hold " << policy.shouldHold(t) << " at " << t);
        if (inProbe) ++heldTenths;
    }
    CHECK(heldTenths == 59 * 50);  // 59 probes of 5 s
}

TEST_CASE("camera release: a face during a probe holds again and restarts the nobody timer") {
    CameraReleasePolicy policy = releasedAt300();
    policy.observe(360.5, false);
    policy.observe(362.0, true);
    CHECK(policy.reason(362.0) == Reason::None);
    CHECK(policy.shouldHold(365.0));  // past the probe's end: held for the face
    CHECK(policy.nextWakeSec(365.0) == Approx(662.0));
    feed(policy, 363, 661, false);
    CHECK(policy.shouldHold(661.999));
    CHECK(policy.reason(662.0) == Reason::NobodyInView);
    // Probing again from the new release.
    CHECK(policy.reason(721.9) == Reason::NobodyInView);
    CHECK(policy.shouldHold(722.0));
    CHECK(policy.reason(727.0) == Reason::NobodyInView);
}

TEST_CASE("camera release: another application's use releases at once; held again when it is free") {
    CameraReleasePolicy policy;
    feed(policy, 0, 10, true);
    policy.setForeignUse(true);
    CHECK_FALSE(policy.shouldHold(10.0));
    CHECK(policy.reason(10.0) == Reason::OtherApplication);
    CHECK_FALSE(policy.nextWakeSec(10.0));  // only the device becoming free ends it
    policy.observe(10.5, true);             // in flight: ignored
    policy.setForeignUse(true);             // polled again: no change
    CHECK(policy.reason(2000.0) == Reason::OtherApplication);

    policy.setForeignUse(false);
    // A call far longer than nobodyReleaseSec: held again, the nobody timer restarting at the next frame.
    CHECK(policy.shouldHold(2000.0));
    policy.observe(2001.0, false);
    CHECK(policy.reason(2300.9) == Reason::None);
    CHECK(policy.reason(2301.0) == Reason::NobodyInView);

    SECTION("polling a free device does not restart the nobody timer") {
        CameraReleasePolicy polled;
        for (int t = 0; t < 300; t += 2) {
            polled.setForeignUse(false);
            polled.observe(t, t == 0);
        }
        CHECK(polled.reason(299.9) == Reason::None);
        CHECK(polled.reason(300.0) == Reason::NobodyInView);
    }
}

TEST_CASE("camera release: a foreign user wins over a probe") {
    CameraReleasePolicy policy = releasedAt300();
    CHECK(policy.shouldHold(362.0));  // probing
    policy.setForeignUse(true);
    CHECK(policy.reason(362.0) == Reason::OtherApplication);
    CHECK(policy.reason(420.0) == Reason::OtherApplication);  // no probe while it is in use
    CHECK(policy.reason(422.0) == Reason::OtherApplication);
    CHECK_FALSE(policy.nextWakeSec(422.0));
    policy.setForeignUse(false);
    CHECK(policy.shouldHold(500.0));
    policy.observe(500.0, false);
    CHECK(policy.shouldHold(799.9));
    CHECK(policy.reason(800.0) == Reason::NobodyInView);
}

TEST_CASE("camera release: foreign use while paused keeps the camera released after unpausing") {
    CameraReleasePolicy policy;
    policy.observe(0.0, true);
    policy.setPaused(true);
    policy.setForeignUse(true);
    CHECK(policy.reason(5.0) == Reason::Paused);  // the user's choice is reported first
    policy.setPaused(false);
    CHECK_FALSE(policy.shouldHold(6.0));
    CHECK(policy.reason(6.0) == Reason::OtherApplication);
    policy.setForeignUse(false);
    CHECK(policy.shouldHold(7.0));

    SECTION("and a device freed while paused stays released until unpaused") {
        policy.setPaused(true);
        policy.setForeignUse(true);
        policy.setForeignUse(false);
        CHECK(policy.reason(8.0) == Reason::Paused);
        policy.setPaused(false);
        CHECK(policy.shouldHold(9.0));
    }
}

TEST_CASE("camera release: pausing ends a nobody release; unpausing holds again") {
    CameraReleasePolicy policy = releasedAt300();
    policy.setPaused(true);
    CHECK(policy.reason(362.0) == Reason::Paused);  // not even probing
    policy.setPaused(false);
    CHECK(policy.shouldHold(400.0));
    policy.observe(400.0, false);
    CHECK(policy.reason(700.0) == Reason::NobodyInView);
}

TEST_CASE("camera release: settings are checked") {
    CHECK_THROWS_AS(CameraReleasePolicy({.nobodyReleaseSec = 0}), Error);
    CHECK_THROWS_AS(CameraReleasePolicy({.probeSec = 0}), Error);
    CHECK_THROWS_AS(CameraReleasePolicy({.probeEverySec = 5, .probeSec = 5}), Error);
    CHECK_NOTHROW(CameraReleasePolicy({.nobodyReleaseSec = 1, .probeEverySec = 2, .probeSec = 1}));
}

namespace {

// A fresh directory with a plain file standing in for the camera's device node and a symlink to
// it, like /dev/video0 and /dev/v4l/by-id/...; removed afterwards.
class FakeDevice {
public:
    FakeDevice() {
        std::string pattern = (fs::temp_directory_path() / "posesmart-camera-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        m_dir = pattern;
        const int fd = ::open(node().c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        REQUIRE(fd >= 0);
        ::close(fd);
        fs::create_symlink(node(), link());
    }
    FakeDevice(const FakeDevice&) = delete;
    FakeDevice& operator=(const FakeDevice&) = delete;
    ~FakeDevice() {
        std::error_code ignored;
        fs::remove_all(m_dir, ignored);
    }
    [[nodiscard]] fs::path node() const { return m_dir / "video0"; }
    [[nodiscard]] fs::path link() const { return m_dir / "usb-Webcam-video-index0"; }
    [[nodiscard]] const fs::path& dir() const { return m_dir; }

private:
    fs::path m_dir;
};

// A forked child that opens and closes `file` on command. Each command is acknowledged over a
// pipe once done, so the parent never sleeps to wait for it. The child uses system calls only.
class FileUser {
public:
    explicit FileUser(const fs::path& file) : m_file(file.string()) {
        int commands[2];
        int acks[2];
        REQUIRE(::pipe(commands) == 0);
        REQUIRE(::pipe(acks) == 0);
        m_pid = ::fork();
        REQUIRE(m_pid >= 0);
        if (m_pid == 0) {
            ::close(commands[1]);
            ::close(acks[0]);
            serve(commands[0], acks[1], m_file.c_str());
        }
        ::close(commands[0]);
        ::close(acks[1]);
        m_commands = commands[1];
        m_acks = acks[0];
    }
    FileUser(const FileUser&) = delete;
    FileUser& operator=(const FileUser&) = delete;
    ~FileUser() {
        if (m_pid > 0) exit();
        ::close(m_acks);
    }

    [[nodiscard]] int pid() const { return m_pid; }
    void open() { command('o'); }
    void close() { command('c'); }
    // Lets the child exit (still holding the file if it did) and reaps it.
    void exit() {
        ::close(m_commands);  // end of commands: the child exits
        int status = 0;
        CHECK(::waitpid(m_pid, &status, 0) == m_pid);
        CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
        m_pid = 0;
    }

private:
    [[noreturn]] static void serve(int commands, int acks, const char* file) {
        int fd = -1;
        char c = 0;
        while (::read(commands, &c, 1) == 1) {
            if (c == 'o') fd = ::open(file, O_RDONLY);
            if (c == 'c' && fd >= 0) fd = ::close(fd) == 0 ? -1 : fd;
            const char ok = (c == 'o') == (fd >= 0) ? '+' : '-';
            if (::write(acks, &ok, 1) != 1) ::_exit(2);
        }
        ::_exit(0);
    }

    void command(char c) {
        REQUIRE(::write(m_commands, &c, 1) == 1);
        char ok = 0;
        REQUIRE(::read(m_acks, &ok, 1) == 1);
        REQUIRE(ok == '+');
    }

    std::string m_file;
    pid_t m_pid = 0;
    int m_commands = -1;
    int m_acks = -1;
};

std::vector<int> only(pid_t pid) {
    return {static_cast<int>(pid)};
}

}  // namespace

TEST_CASE("device users: a process with the file open is reported, by path or symlink, until it exits") {
    const FakeDevice device;
    CHECK(otherProcessesUsing(device.node()).empty());

    FileUser user(device.node());
    CHECK(otherProcessesUsing(device.node()).empty());  // started, not opened yet
    user.open();
    CHECK(otherProcessesUsing(device.node()) == only(user.pid()));
    CHECK(otherProcessesUsing(device.link()) == only(user.pid()));
    // Named as the program it runs: the forked child still runs this test's program.
    std::ifstream ownComm("/proc/self/comm");
    std::string ownName;
    std::getline(ownComm, ownName);
    REQUIRE_FALSE(ownName.empty());
    CHECK(otherUsersOf(device.link()) == std::vector<DeviceUser>{{static_cast<int>(user.pid()), ownName}});

    user.close();
    CHECK(otherProcessesUsing(device.node()).empty());
    CHECK(otherProcessesUsing(device.link()).empty());

    user.open();
    REQUIRE(otherProcessesUsing(device.node()) == only(user.pid()));
    user.exit();  // still holding it when it exits
    CHECK(otherProcessesUsing(device.node()).empty());
    CHECK(otherProcessesUsing(device.link()).empty());
}

TEST_CASE("device users: the open file is matched by identity, not by name or content") {
    const FakeDevice device;
    const fs::path other = device.dir() / "video1";
    fs::copy_file(device.node(), other);
    FileUser user(other);
    user.open();
    CHECK(otherProcessesUsing(other) == only(user.pid()));
    CHECK(otherProcessesUsing(device.node()).empty());
    CHECK(otherProcessesUsing(device.link()).empty());
}

TEST_CASE("device users: our own opens are not reported; a missing device has no users") {
    const FakeDevice device;
    const int fd = ::open(device.node().c_str(), O_RDONLY | O_CLOEXEC);
    REQUIRE(fd >= 0);
    CHECK(otherProcessesUsing(device.node()).empty());
    CHECK(otherProcessesUsing(device.link()).empty());
    ::close(fd);

    CHECK(otherProcessesUsing(device.dir() / "video9").empty());
    // /dev/null is open in many processes, some perhaps not ours to inspect: no throw, never us.
    const int nullFd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    std::vector<int> nullUsers;
    CHECK_NOTHROW(nullUsers = otherProcessesUsing("/dev/null"));
    CHECK(std::find(nullUsers.begin(), nullUsers.end(), static_cast<int>(::getpid())) == nullUsers.end());
    ::close(nullFd);
}

TEST_CASE("device watch: another process's opens, closes and exit are news, holding it open is not") {
    const FakeDevice device;
    DeviceWatch watch;
    CHECK(watch.changed(device.link()));  // the first look knows nothing of before
    CHECK_FALSE(watch.changed(device.link()));
    FileUser user(device.node());
    CHECK_FALSE(watch.changed(device.link()));  // started, not opened yet
    user.open();
    CHECK(watch.changed(device.link()));
    CHECK_FALSE(watch.changed(device.link()));  // holding it
    CHECK_FALSE(watch.changed(device.link()));
    user.close();
    CHECK(watch.changed(device.link()));
    user.open();
    user.close();
    user.open();
    CHECK(watch.changed(device.link()));  // several at once: news once
    CHECK_FALSE(watch.changed(device.link()));
    user.exit();  // still holding it
    CHECK(watch.changed(device.link()));
    CHECK_FALSE(watch.changed(device.link()));
    // Another device is another watch: its first look knows nothing either.
    CHECK(watch.changed(device.dir() / "video9"));
}

TEST_CASE("device watch: a node removed and made again (re-plugged) is watched again") {
    const FakeDevice device;
    DeviceWatch watch;
    CHECK(watch.changed(device.link()));
    CHECK_FALSE(watch.changed(device.link()));
    fs::remove(device.node());
    CHECK(watch.changed(device.link()));
    CHECK(watch.changed(device.link()));  // while it is not there: not known
    const int made = ::open(device.node().c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    REQUIRE(made >= 0);
    ::close(made);
    CHECK(watch.changed(device.link()));  // watched from here on
    CHECK_FALSE(watch.changed(device.link()));
    FileUser user(device.node());
    user.open();
    CHECK(watch.changed(device.link()));
    CHECK(otherProcessesUsing(device.link()) == only(user.pid()));
}

TEST_CASE("camera release with device users: released while another process has the device open") {
    const FakeDevice device;
    FileUser user(device.node());
    CameraReleasePolicy policy;

    struct Step {
        char action;  // 'o' open, 'c' close, 'x' exit while open, '-' nothing
        bool hold;
    };
    const std::vector<Step> steps{{'-', true}, {'o', false}, {'-', false}, {'-', false}, {'c', true},
                                  {'-', true}, {'o', false}, {'-', false}, {'x', true},  {'-', true}};
    double t = 0.0;
    for (const Step& step : steps) {
        if (step.action == 'o') user.open();
        if (step.action == 'c') user.close();
        if (step.action == 'x') user.exit();
        t += 2.0;  // the capture thread's poll
        policy.setForeignUse(!otherProcessesUsing(device.link()).empty());
        if (policy.shouldHold(t)) policy.observe(t, true);
        INFO("after '" << step.action << "' at " << t);
        CHECK(policy.shouldHold(t) == step.hold);
        CHECK(policy.reason(t) == (step.hold ? Reason::None : Reason::OtherApplication));
    }
}

TEST_CASE("device users: the plain message names each program and pid, or just says so when unknown") {
    CHECK(cameraInUseMessage({{4242, "zoom"}}) == "another application is using the camera (zoom, pid 4242)");
    CHECK(cameraInUseMessage({{10, "obs"}, {11, ""}}) ==
          "another application is using the camera (obs, pid 10; pid 11)");
    CHECK(cameraInUseMessage({}) == "another application is using the camera");
}
