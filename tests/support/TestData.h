// TestData: where the shared real-face recordings are, and the landmark model loaded once per test run.
#pragma once

#include "vision/LandmarkModel.h"

#include <filesystem>
#include <string>

namespace posesmart::test {

// $POSESMART_TESTDATA, else the folder configured at build time (../shared/testdata).
std::filesystem::path testDataDir();
bool testDataAvailable();
std::filesystem::path testData(const std::string& relativePath);

const LandmarkModel& sharedLandmarkModel();
std::filesystem::path landmarkModelFile();

// A fresh, empty folder under the system temp dir, removed at the end of the test run.
std::filesystem::path scratchDir(const std::string& name);

}  // namespace posesmart::test
