#include "CliSupport.h"

#include "capture/FrameSourceModule.h"
#include "common/Error.h"
#include "common/ModelLocator.h"
#include "identity/FaceDescriptor.h"

#include <filesystem>
#include <map>

namespace posesmart::cli {

namespace {
const std::map<std::string, TrackingMode> kModes = {{"tracking", TrackingMode::Tracking},
                                                    {"detect-every-frame", TrackingMode::DetectEveryFrame}};

std::filesystem::path executableDir() {
    std::error_code ec;
    const auto self = std::filesystem::canonical("/proc/self/exe", ec);
    return ec ? std::filesystem::current_path() : self.parent_path();
}
}  // namespace

void addPipelineOptions(CLI::App& command, PipelineOptions& options) {
    command.add_option("--model", options.modelFile,
                       "68-point landmark model (default: search $POSESMART_MODEL_DIR, "
                       "next to the binary, the install prefix, /usr/share/dlib)");
    command.add_option("--mode", options.mode, "tracking (default) or detect-every-frame (the original method)")
        ->check(CLI::IsMember({"tracking", "detect-every-frame"}));
    command.add_option("--fov", options.fovDeg, "horizontal field of view of the camera in degrees")
        ->check(CLI::Range(20.0, 170.0));
}

std::unique_ptr<LandmarkModel> loadLandmarkModel(const PipelineOptions& options) {
    if (!options.modelFile.empty()) return std::make_unique<LandmarkModel>(options.modelFile);
    return std::make_unique<LandmarkModel>(requireModel(LandmarkModel::kFileName, modelSearchPath(executableDir()),
                                                        "install libdlib-data or use --model"));
}

std::unique_ptr<FaceDescriptorModel> loadDescriptorModel(const std::string& file) {
    if (!file.empty()) return std::make_unique<FaceDescriptorModel>(file);
    return std::make_unique<FaceDescriptorModel>(requireModel(FaceDescriptorModel::kFileName,
                                                              modelSearchPath(executableDir()),
                                                              "build the project, or use --descriptor-model"));
}

std::unique_ptr<FrameSource> openInput(const std::string& spec) {
    static const FrameSourceModule module(moduleSearchPath(executableDir()));
    return module.open(spec);
}

AnalyzerSettings analyzerSettings(const PipelineOptions& options, const SourceInfo& source) {
    AnalyzerSettings settings;
    settings.tracker.mode = kModes.at(options.mode);
    settings.horizontalFovDeg = options.fovDeg;
    settings.independentFrames = source.independentFrames;
    return settings;
}

}  // namespace posesmart::cli
