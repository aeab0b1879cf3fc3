#include "TestData.h"

#include <cstdlib>
#include <unistd.h>

namespace posesmart::test {

std::filesystem::path testDataDir() {
    if (const char* env = std::getenv("POSESMART_TESTDATA"); env != nullptr && *env != '\0') return env;
    return POSESMART_TESTDATA_DIR;
}

bool testDataAvailable() {
    std::error_code ec;
    return std::filesystem::is_directory(testDataDir() / "blink", ec);
}

std::filesystem::path testData(const std::string& relativePath) {
    return testDataDir() / relativePath;
}

std::filesystem::path landmarkModelFile() {
    return POSESMART_MODEL_FILE;
}

const LandmarkModel& sharedLandmarkModel() {
    static const LandmarkModel model(landmarkModelFile());
    return model;
}

namespace {
struct ScratchRoot {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("posesmart-test-" + std::to_string(::getpid()));
    ~ScratchRoot() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};
}  // namespace

std::filesystem::path scratchDir(const std::string& name) {
    static const ScratchRoot root;
    const auto dir = root.path / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace posesmart::test
