// Main for tests that read ../shared/testdata: they are skipped (exit 77) with a clear message
// where it is absent.
#define CATCH_CONFIG_RUNNER
#include "TestData.h"

#include <catch2/catch.hpp>
#include <iostream>

int main(int argc, char* argv[]) {
    if (!posesmart::test::testDataAvailable()) {
        std::cout << "SKIPPED: test data not found at " << posesmart::test::testDataDir()
                  << " (set POSESMART_TESTDATA to the shared testdata folder)\n";
        return 77;
    }
    return Catch::Session().run(argc, argv);
}
