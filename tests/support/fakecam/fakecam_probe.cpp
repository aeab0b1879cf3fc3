// posesmart_fakecam_probe: reads a camera through OpenCV's V4L2 backend and prints what it got.

// The negotiated mode, each frame's size and CAP_PROP_POS_MSEC (the driver's buffer timestamp), and
// with --cpu the CPU time of the process and of the probe's own thread (the rest is the fake camera's
// threads and OpenCV's workers; --grab-only leaves out the probe's frame conversion).
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace {

struct Options {
    std::string device;
    int width = 0;
    int height = 0;
    double fps = 0;
    std::string fourcc;
    int bufferSize = 0;
    long frames = 10;
    double seconds = 0;  // > 0: read for this long instead of a frame count
    std::string savePath;
    bool grabOnly = false;
    bool quiet = false;
    bool cpu = false;
};

void usage() {
    std::fprintf(stderr,
                 "usage: posesmart_fakecam_probe DEVICE [--width W] [--height H] [--fps F] [--fourcc MJPG]\n"
                 "         [--buffersize N] [--frames N | --seconds S] [--save FILE.png] [--grab-only]\n"
                 "         [--quiet] [--cpu]\n"
                 "exit status: 0 all frames read, 2 open failed, 3 a read failed\n");
}

bool parse(int argc, char** argv, Options& options) {
    if (argc < 2) return false;
    options.device = argv[1];
    for (int i = 2; i < argc; ++i) {
        const std::string flag = argv[i];
        const bool hasValue = i + 1 < argc;
        if (flag == "--grab-only") {
            options.grabOnly = true;
        } else if (flag == "--quiet") {
            options.quiet = true;
        } else if (flag == "--cpu") {
            options.cpu = true;
        } else if (!hasValue) {
            return false;
        } else if (flag == "--width") {
            options.width = std::atoi(argv[++i]);
        } else if (flag == "--height") {
            options.height = std::atoi(argv[++i]);
        } else if (flag == "--fps") {
            options.fps = std::atof(argv[++i]);
        } else if (flag == "--fourcc") {
            options.fourcc = argv[++i];
        } else if (flag == "--buffersize") {
            options.bufferSize = std::atoi(argv[++i]);
        } else if (flag == "--frames") {
            options.frames = std::atol(argv[++i]);
        } else if (flag == "--seconds") {
            options.seconds = std::atof(argv[++i]);
        } else if (flag == "--save") {
            options.savePath = argv[++i];
        } else {
            return false;
        }
    }
    return options.fourcc.empty() || options.fourcc.size() == 4;
}

std::string fourccText(double value) {
    const auto code = static_cast<unsigned>(value);
    std::string text(4, ' ');
    for (unsigned i = 0; i < 4; ++i) text[i] = static_cast<char>((code >> (8 * i)) & 0xff);
    return text;
}

// CPU seconds (user + system, including ended threads) from a /proc stat line.
double cpuSeconds(const std::string& statPath) {
    std::ifstream file(statPath);
    std::string line;
    if (!std::getline(file, line)) return 0;
    const auto open = line.find('(');
    const auto close = line.rfind(')');
    if (open == std::string::npos || close == std::string::npos) return 0;
    std::istringstream fields(line.substr(close + 2));
    std::string field;
    double ticks = 0;
    for (int index = 3; fields >> field; ++index) {
        if (index == 14 || index == 15) ticks += std::atof(field.c_str());  // utime, stime
        if (index == 15) break;
    }
    return ticks / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

double threadCpuSeconds() {
    timespec time{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time);
    return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_nsec) / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parse(argc, argv, options)) {
        usage();
        return 64;
    }
    const auto started = std::chrono::steady_clock::now();
    const double cpuAtStart = cpuSeconds("/proc/self/stat");
    const double probeCpuAtStart = threadCpuSeconds();

    cv::VideoCapture capture;
    errno = 0;
    const bool opened = capture.open(options.device, cv::CAP_V4L2);
    if (!opened || !capture.isOpened()) {
        const int error = errno;
        std::printf("open failed: VideoCapture::open returned %s, isOpened()=%d, errno=%d (%s)\n",
                    opened ? "true" : "false", capture.isOpened() ? 1 : 0, error, std::strerror(error));
        return 2;
    }
    // Set in the order an application usually does; OpenCV restarts the stream for each.
    if (!options.fourcc.empty()) {
        const auto& f = options.fourcc;
        capture.set(cv::CAP_PROP_FOURCC, cv::VideoWriter::fourcc(f[0], f[1], f[2], f[3]));
    }
    if (options.width > 0) capture.set(cv::CAP_PROP_FRAME_WIDTH, options.width);
    if (options.height > 0) capture.set(cv::CAP_PROP_FRAME_HEIGHT, options.height);
    if (options.fps > 0) capture.set(cv::CAP_PROP_FPS, options.fps);
    if (options.bufferSize > 0) capture.set(cv::CAP_PROP_BUFFERSIZE, options.bufferSize);
    std::printf("opened %s: %dx%d fourcc=%s fps=%g\n", options.device.c_str(),
                static_cast<int>(capture.get(cv::CAP_PROP_FRAME_WIDTH)),
                static_cast<int>(capture.get(cv::CAP_PROP_FRAME_HEIGHT)),
                fourccText(capture.get(cv::CAP_PROP_FOURCC)).c_str(), capture.get(cv::CAP_PROP_FPS));

    const auto readStart = std::chrono::steady_clock::now();
    cv::Mat frame;
    long count = 0;
    double previousMsec = 0;
    int status = 0;
    while (true) {
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - readStart).count();
        if (options.seconds > 0 ? elapsed >= options.seconds : count >= options.frames) break;
        errno = 0;
        const bool ok = options.grabOnly ? capture.grab() : capture.read(frame);
        if (!ok) {
            const int error = errno;
            std::printf("read failed after %ld frames: %s returned false, errno=%d (%s)\n", count,
                        options.grabOnly ? "grab()" : "read()", error, std::strerror(error));
            status = 3;
            break;
        }
        const double msec = capture.get(cv::CAP_PROP_POS_MSEC);
        if (!options.quiet) {
            std::printf("frame %ld %dx%d pos_msec=%.3f delta_ms=%.3f\n", count, frame.cols, frame.rows, msec,
                        count == 0 ? 0.0 : msec - previousMsec);
        }
        previousMsec = msec;
        ++count;
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - readStart).count();
    std::printf("read %ld frames in %.2f s (%.1f fps)\n", count, wall, wall > 0 ? static_cast<double>(count) / wall : 0.0);
    if (!options.savePath.empty() && !frame.empty()) {
        std::printf("saved %s: %s\n", options.savePath.c_str(), cv::imwrite(options.savePath, frame) ? "yes" : "no");
    }
    if (options.cpu) {
        // Other threads: the fake camera's capture thread and the decoder threads it started (also those
        // that ended), and OpenCV's worker threads, which the probe's conversions may use too.
        const double total = cpuSeconds("/proc/self/stat") - cpuAtStart;
        const double probe = threadCpuSeconds() - probeCpuAtStart;
        const double run = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::printf("cpu over %.1f s: process %.2f s (%.1f%% of one core), probe thread %.2f s (%.1f%%), "
                    "other threads %.2f s (%.1f%%)\n",
                    run, total, 100 * total / run, probe, 100 * probe / run, total - probe, 100 * (total - probe) / run);
    }
    return status;
}
