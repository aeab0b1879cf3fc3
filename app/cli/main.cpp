// posesmart-cli: the PoseSmart engine without a display (analyse, benchmark, report, demo history).
#include "AnalyzeCommand.h"
#include "BenchCommand.h"
#include "DemoHistoryCommand.h"
#include "IdentityCommand.h"
#include "ReportCommand.h"
#include "common/Error.h"

#include <iostream>
#include <opencv2/core/utility.hpp>
#include <set>
#include <string_view>

int main(int argc, char** argv) {
    CLI::App app{"PoseSmart engine on the command line: analyse recordings and cameras, measure the pipeline."};
    app.require_subcommand(1);
    app.set_version_flag("--version", "posesmart-cli 0.1.0");
    posesmart::cli::AnalyzeCommand analyze(app);
    posesmart::cli::BenchCommand bench(app);
    posesmart::cli::ReportCommand report(app);
    posesmart::cli::DemoHistoryCommand demoHistory(app);
    posesmart::cli::IdentityCommand identity(app);
    app.failure_message([](const CLI::App*, const CLI::Error& e) {
        return "posesmart-cli: error: " + std::string(e.what()) + " (see --help)\n";
    });
    const std::set<std::string_view> commands = {"analyze", "bench", "report", "demo-history", "identity"};
    if (argc > 1 && argv[1][0] != '-' && !commands.contains(argv[1])) {
        std::cerr << "posesmart-cli: error: unknown command '" << argv[1]
                  << "' (commands: analyze, bench, report, demo-history, identity; see --help)\n";
        return 2;
    }
    CLI11_PARSE(app, argc, argv);

    // The engine is single-threaded by design: one analysis thread, no OpenCV worker pool.
    cv::setNumThreads(1);
    try {
        if (analyze.selected()) return analyze.run();
        if (bench.selected()) return bench.run();
        if (report.selected()) return report.run();
        if (demoHistory.selected()) return demoHistory.run();
        if (identity.selected()) return identity.run();
    } catch (const posesmart::Error& e) {
        std::cerr << "posesmart-cli: error: " << e.what() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "posesmart-cli: error: " << e.what() << '\n';
        return 1;
    }
    return 1;
}
