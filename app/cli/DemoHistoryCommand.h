// DemoHistoryCommand: `posesmart-cli demo-history --db PATH --days N`: fills a history database
// with plausible generated days under a profile marked as generated, for screenshots and load tests.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace posesmart::cli {

class DemoHistoryCommand {
public:
    explicit DemoHistoryCommand(CLI::App& parent);
    [[nodiscard]] bool selected() const { return m_command->parsed(); }
    [[nodiscard]] int run() const;

private:
    CLI::App* m_command;
    std::string m_dbPath;
    int m_days = 30;
    unsigned m_seed = 1;
    bool m_everyDay = false;
};

}  // namespace posesmart::cli
