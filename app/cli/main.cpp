// posesmart-cli: the PoseSmart engine without a display (analyse, benchmark).
#include "AnalyzeCommand.h"
#include "BenchCommand.h"
#include "posesmart/Error.h"

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
    app.failure_message([](const CLI::App*, const CLI::Error& e) {
        return "posesmart-cli: error: " + std::string(e.what()) + " (see --help)\n";
    });
    const std::set<std::string_view> commands = {"analyze", "bench"};
    if (argc > 1 && argv[1][0] != '-' && !commands.contains(argv[1])) {
        std::cerr << "posesmart-cli: error: unknown command '" << argv[1]
                  << "' (commands: analyze, bench; see --help)\n";
        return 2;
    }
    CLI11_PARSE(app, argc, argv);

    // The engine is single-threaded by design: one analysis thread, no OpenCV worker pool.
    cv::setNumThreads(1);
    try {
        if (analyze.selected()) return analyze.run();
        if (bench.selected()) return bench.run();
    } catch (const posesmart::Error& e) {
        std::cerr << "posesmart-cli: error: " << e.what() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "posesmart-cli: error: " << e.what() << '\n';
        return 1;
    }
    return 1;
}
