// IdentityCommand: `posesmart-cli identity enroll|verify|pairs`: Face ID from the command line.
#pragma once

#include "CliSupport.h"

#include <string>
#include <vector>

namespace posesmart::cli {

class IdentityCommand {
public:
    explicit IdentityCommand(CLI::App& parent);
    [[nodiscard]] bool selected() const { return m_command->parsed(); }
    [[nodiscard]] int run() const;

private:
    [[nodiscard]] int enroll() const;
    [[nodiscard]] int verify() const;
    [[nodiscard]] int pairs() const;

    CLI::App* m_command;
    CLI::App* m_enroll;
    CLI::App* m_verify;
    CLI::App* m_pairs;
    PipelineOptions m_pipeline;
    std::string m_descriptorModel;
    std::string m_dbPath;
    std::string m_profile;
    std::vector<std::string> m_inputs;
    std::string m_input;
    std::vector<std::string> m_dirs;
    std::string m_jsonOut;
};

}  // namespace posesmart::cli
