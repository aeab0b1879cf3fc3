// main() of the plain tests (Catch2 2 and 3 alike: neither's own main is linked).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

int main(int argc, char* argv[]) {
    return Catch::Session().run(argc, argv);
}
