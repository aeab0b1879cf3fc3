// ReportCommand: `posesmart-cli report --db PATH [--day D | --week W | --month M] [--json]
// [--csv FILE [--csv-rows minute|day]] [--pdf FILE]`.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace posesmart::cli {

class ReportCommand {
public:
    explicit ReportCommand(CLI::App& parent);
    [[nodiscard]] bool selected() const { return m_command->parsed(); }
    [[nodiscard]] int run() const;

private:
    CLI::App* m_command;
    std::string m_dbPath;
    std::string m_day;
    std::string m_week;
    std::string m_month;
    std::string m_user;  // empty: the only profile there is
    bool m_json = false;
    bool m_time = false;
    std::string m_csvPath;
    std::string m_csvRows = "minute";
    std::string m_pdfPath;
};

}  // namespace posesmart::cli
