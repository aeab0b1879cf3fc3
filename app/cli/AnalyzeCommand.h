// AnalyzeCommand: `posesmart-cli analyze INPUT`: runs the engine over a recording or camera and
// writes what it measured.
#pragma once

#include "CliSupport.h"

namespace posesmart::cli {

class AnalyzeCommand {
public:
    explicit AnalyzeCommand(CLI::App& parent);
    [[nodiscard]] bool selected() const { return m_command->parsed(); }
    [[nodiscard]] int run() const;

private:
    CLI::App* m_command;
    PipelineOptions m_pipeline;
    std::string m_input;
    std::string m_framesCsv;
};

}  // namespace posesmart::cli
