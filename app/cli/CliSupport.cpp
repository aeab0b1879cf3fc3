#include "CliSupport.h"

#include "posesmart/Error.h"
#include "posesmart/FaceDescriptor.h"
#include "posesmart/FrameSource.h"
#include "posesmart/ModelLocator.h"

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
    const auto searchPath = modelSearchPath(executableDir());
    const auto found = findModel(LandmarkModel::kFileName, searchPath);
    if (!found) {
        std::string places;
        for (const auto& dir : searchPath) places += (places.empty() ? "" : ", ") + dir.string();
        throw Error(ErrorKind::BadModel, std::string("landmark model ") + LandmarkModel::kFileName + " not found in " +
                                             places + " (install libdlib-data or use --model)");
    }
    return std::make_unique<LandmarkModel>(*found);
}

std::unique_ptr<FaceDescriptorModel> loadDescriptorModel(const std::string& file) {
    if (!file.empty()) return std::make_unique<FaceDescriptorModel>(file);
    const auto found = findModel(FaceDescriptorModel::kFileName, modelSearchPath(executableDir()));
    if (!found) {
        throw Error(ErrorKind::BadModel, std::string("face descriptor model ") + FaceDescriptorModel::kFileName +
                                             " not found (build the project, or use --descriptor-model)");
    }
    return std::make_unique<FaceDescriptorModel>(*found);
}

AnalyzerSettings analyzerSettings(const PipelineOptions& options, const SourceInfo& source) {
    AnalyzerSettings settings;
    settings.tracker.mode = kModes.at(options.mode);
    settings.horizontalFovDeg = options.fovDeg;
    settings.independentFrames = source.independentFrames;
    return settings;
}

}  // namespace posesmart::cli
