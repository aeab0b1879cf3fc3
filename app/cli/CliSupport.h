// CliSupport: what every posesmart-cli command shares: options for the model and the
// tracking mode, and turning them into a ready FrameAnalyzer.
#pragma once

#include "capture/FrameSource.h"
#include "identity/FaceDescriptor.h"
#include "vision/FrameAnalyzer.h"

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

namespace posesmart::cli {

struct PipelineOptions {
    std::string modelFile;  // empty: search the usual places
    std::string mode = "tracking";
    double fovDeg = CameraModel::kDefaultHorizontalFovDeg;
};

void addPipelineOptions(CLI::App& command, PipelineOptions& options);

// Loads the landmark model named by the options or found on the search path; throws Error.
std::unique_ptr<LandmarkModel> loadLandmarkModel(const PipelineOptions& options);

// Loads the Face ID descriptor model from `file`, or found on the search path when empty; throws Error.
std::unique_ptr<FaceDescriptorModel> loadDescriptorModel(const std::string& file);

AnalyzerSettings analyzerSettings(const PipelineOptions& options, const SourceInfo& source);

// Opens a video, image, folder or camera through the frame-source module, which is loaded on the
// first call only: commands that read no frames (report, --version) never load OpenCV's video stack.
std::unique_ptr<FrameSource> openInput(const std::string& spec);

}  // namespace posesmart::cli
