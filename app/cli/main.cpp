// posesmart-cli: the PoseSmart engine without a display (analyse, benchmark).
#include "AnalyzeCommand.h"
#include "BenchCommand.h"
#include "posesmart/Error.h"

#include <iostream>
#include <opencv2/core/utility.hpp>

int main(int argc, char** argv) {
    CLI::App app{"PoseSmart engine on the command line: analyse recordings and cameras, measure the pipeline."};
    app.require_subcommand(1);
    app.set_version_flag("--version", "posesmart-cli 0.1.0");
    posesmart::cli::AnalyzeCommand analyze(app);
    posesmart::cli::BenchCommand bench(app);
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
