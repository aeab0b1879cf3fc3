#include "AnalyzeCommand.h"

#include "FrameCsvWriter.h"
#include "posesmart/Error.h"
#include "posesmart/FrameSource.h"

#include <chrono>
#include <iostream>
#include <optional>

namespace posesmart::cli {

AnalyzeCommand::AnalyzeCommand(CLI::App& parent)
    : m_command(parent.add_subcommand("analyze", "Analyse a video, an image, a folder of images or camera:N")) {
    m_command->add_option("INPUT", m_input, "video file, image, folder of images, or camera:N / camera:/dev/videoN")
        ->required();
    m_command->add_option("--frames", m_framesCsv, "write one CSV row per frame to this file");
    addPipelineOptions(*m_command, m_pipeline);
}

int AnalyzeCommand::run() const {
    const auto source = openFrameSource(m_input);
    const auto model = loadLandmarkModel(m_pipeline);
    FrameAnalyzer analyzer(*model, analyzerSettings(m_pipeline, source->info()));
    std::optional<FrameCsvWriter> csv;
    if (!m_framesCsv.empty()) csv.emplace(m_framesCsv);

    std::int64_t frames = 0;
    std::int64_t faceFrames = 0;
    int mostFaces = 0;
    // Whatever was analysed before a read error is still written out, then the error is reported.
    std::optional<Error> readError;
    while (true) {
        const auto decodeStart = std::chrono::steady_clock::now();
        std::optional<Frame> frame;
        try {
            frame = source->next();
        } catch (const Error& e) {
            readError = e;
            break;
        }
        if (!frame) break;
        const double decodeMs =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - decodeStart).count();
        const FrameResult result = analyzer.analyze(*frame);
        ++frames;
        faceFrames += result.landmarks ? 1 : 0;
        mostFaces = std::max(mostFaces, result.facesSeen);
        if (csv) csv->write(result, decodeMs);
    }
    if (csv) csv->close();
    std::cout << source->info().description << ": " << frames << " frames, a face in " << faceFrames << ", at most "
              << mostFaces << (mostFaces == 1 ? " face" : " faces") << " at once\n";
    if (readError) throw *readError;
    return 0;
}

}  // namespace posesmart::cli
