// Parses the POSESMART_FAKECAM_* environment variables and the timing file.
#include "Config.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string_view>

namespace fakecam {

namespace {

const char* env(const char* name) {
    const char* value = std::getenv(name);
    return value && *value ? value : nullptr;
}

void warn(const std::string& message) { std::fprintf(stderr, "posesmart-fakecam: %s\n", message.c_str()); }

std::vector<TimingStep> readTiming(const std::string& path) {
    std::vector<TimingStep> steps;
    std::ifstream file(path);
    if (!file) {
        warn("cannot read POSESMART_FAKECAM_TIMING file " + path);
        return steps;
    }
    std::string line;
    while (std::getline(file, line)) {
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos || line[first] == '#') continue;
        TimingStep step;
        std::string_view rest(line);
        rest.remove_prefix(first);
        if (rest.starts_with("drop")) {
            step.drop = true;
            rest.remove_prefix(4);
        }
        char* end = nullptr;
        const std::string number(rest);
        const double value = std::strtod(number.c_str(), &end);
        const bool hasNumber = end != number.c_str();
        if (hasNumber && value > 0) {
            step.milliseconds = value;
        } else if (!step.drop || number.find_first_not_of(" \t\r") != std::string::npos) {
            warn("ignoring timing line '" + line + "' (milliseconds > 0, or drop [milliseconds])");
            continue;
        }
        steps.push_back(step);
    }
    return steps;
}

}  // namespace

const char* fakeCameraDir() { return env("POSESMART_FAKECAM_DIR"); }

Config Config::fromEnvironment() {
    Config config;
    if (const char* name = env("POSESMART_FAKECAM_NAME")) config.cardName = name;
    if (const char* video = env("POSESMART_FAKECAM_VIDEO")) config.videoPath = video;

    std::string error;
    const char* profile = env("POSESMART_FAKECAM_PROFILE");
    auto formats = formatTableFor(profile ? profile : "uvc", error);
    if (!formats) {
        warn("POSESMART_FAKECAM_PROFILE: " + error + "; using uvc");
        formats = formatTableFor("uvc", error);
    }
    config.formats = std::move(*formats);

    if (const char* after = env("POSESMART_FAKECAM_UNPLUG_AFTER")) {
        char* end = nullptr;
        const long frames = std::strtol(after, &end, 10);
        if (*end != '\0' || frames < 1) {
            warn("POSESMART_FAKECAM_UNPLUG_AFTER must be a frame count >= 1");
        } else {
            config.unplugAfter = frames;
        }
    }
    if (const char* busy = env("POSESMART_FAKECAM_BUSY")) {
        const std::string_view value(busy);
        if (value == "open") {
            config.busy = BusyFault::Open;
        } else if (value != "0") {
            config.busy = BusyFault::Streaming;
        }
    }
    if (const char* denied = env("POSESMART_FAKECAM_EACCES")) config.denyAccess = std::string_view(denied) != "0";
    if (const char* timing = env("POSESMART_FAKECAM_TIMING")) config.timing = readTiming(timing);
    if (const char* log = env("POSESMART_FAKECAM_LOG")) config.logPath = log;
    if (const char* quality = env("POSESMART_FAKECAM_JPEG_QUALITY")) {
        const int value = std::atoi(quality);
        if (value >= 1 && value <= 100) config.jpegQuality = value;
    }
    return config;
}

}  // namespace fakecam
