// CliRun: runs the built posesmart-cli with arguments and captures what it printed.
#pragma once

#include <filesystem>
#include <string>

namespace posesmart::test {

struct CliRun {
    int exitCode = -1;
    std::string output;  // stdout and stderr together
};

// `arguments` are passed through a shell: quote paths with quoted().
CliRun runCli(const std::string& arguments);
CliRun runCommand(const std::string& command);
std::string quoted(const std::filesystem::path& path);

// ../shared/tools/score_blinks.py next to the test data: the one blink scorer.
std::filesystem::path blinkScorer();

}  // namespace posesmart::test
