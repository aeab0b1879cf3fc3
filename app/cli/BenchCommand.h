// BenchCommand: `posesmart-cli bench INPUT`: runs the pipeline as fast as it can and reports the
// cost per frame and per stage, decoding measured apart.
#pragma once

#include "CliSupport.h"

namespace posesmart::cli {

class BenchCommand {
public:
    explicit BenchCommand(CLI::App& parent);
    [[nodiscard]] bool selected() const { return m_command->parsed(); }
    [[nodiscard]] int run() const;

private:
    CLI::App* m_command;
    PipelineOptions m_pipeline;
    std::string m_input;
    std::string m_jsonOut;
    bool m_compare = false;
    bool m_faceId = false;
    std::string m_descriptorModel;
};

}  // namespace posesmart::cli
