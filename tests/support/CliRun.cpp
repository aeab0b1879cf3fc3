#include "CliRun.h"

#include "TestData.h"

#include <array>
#include <cstdio>
#include <stdexcept>
#include <sys/wait.h>

namespace posesmart::test {

CliRun runCommand(const std::string& command) {
    CliRun run;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("cannot run " + command);
    std::array<char, 512> buffer{};
    while (fgets(buffer.data(), static_cast<int>(buffer.size()), pipe) != nullptr) run.output += buffer.data();
    const int status = pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return run;
}

CliRun runCli(const std::string& arguments) {
    return runCommand(quoted(POSESMART_CLI) + " " + arguments);
}

std::string quoted(const std::filesystem::path& path) {
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict, bug 105329) on "'" + s + "'".
    std::string out(1, '\'');
    out.append(path.string());
    out.push_back('\'');
    return out;
}

std::filesystem::path blinkScorer() {
    return testDataDir().parent_path() / "tools" / "score_blinks.py";
}

}  // namespace posesmart::test
