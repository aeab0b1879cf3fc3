// ModelLocator: the environment override, the build tree, the installed layout
// (<prefix>/bin -> <prefix>/share/posesmart/models) and the system folder, in that order.
#include "TestData.h"
#include "common/ModelLocator.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>

using namespace posesmart;
namespace fs = std::filesystem;

namespace {

constexpr const char* kModel = "model.dat";

// Sets (or, with nullptr, unsets) $POSESMART_MODEL_DIR for one test and restores it afterwards.
class ModelDirEnv {
public:
    explicit ModelDirEnv(const char* value) {
        if (const char* old = std::getenv(kModelDirEnv)) m_old = old;
        set(value);
    }
    ~ModelDirEnv() { set(m_old ? m_old->c_str() : nullptr); }
    ModelDirEnv(const ModelDirEnv&) = delete;
    ModelDirEnv& operator=(const ModelDirEnv&) = delete;

private:
    static void set(const char* value) {
        if (value) {
            ::setenv(kModelDirEnv, value, 1);
        } else {
            ::unsetenv(kModelDirEnv);
        }
    }
    std::optional<std::string> m_old;
};

fs::path putModel(const fs::path& dir) {
    fs::create_directories(dir);
    std::ofstream(dir / kModel) << "model\n";
    return dir / kModel;
}

}  // namespace

TEST_CASE("the search path runs from the build tree to the installed layout and the system folder") {
    const ModelDirEnv env(nullptr);
    const fs::path bin = "/opt/posesmart/bin";
    const std::vector<fs::path> expected = {bin / "models", "/opt/posesmart/models",
                                            "/opt/posesmart/share/posesmart/models", "/usr/share/dlib"};
    CHECK(modelSearchPath(bin) == expected);
    CHECK(installedModelDir("/usr/bin") == fs::path("/usr/share/posesmart/models"));
}

TEST_CASE("an installed binary finds its models in <prefix>/share/posesmart/models") {
    const ModelDirEnv env(nullptr);
    const auto prefix = test::scratchDir("installed") / "usr";
    fs::create_directories(prefix / "bin");
    const auto model = putModel(prefix / "share" / "posesmart" / "models");
    CHECK(findModel(kModel, modelSearchPath(prefix / "bin")) == model);
}

TEST_CASE("the build tree comes before the installed layout") {
    const ModelDirEnv env(nullptr);
    const auto root = test::scratchDir("build-tree");
    putModel(root / "share" / "posesmart" / "models");
    const auto staged = putModel(root / "models");  // <build>/models, binaries in <build>/bin
    CHECK(findModel(kModel, modelSearchPath(root / "bin")) == staged);
    const auto nextToBinary = putModel(root / "bin" / "models");
    CHECK(findModel(kModel, modelSearchPath(root / "bin")) == nextToBinary);
}

TEST_CASE("POSESMART_MODEL_DIR comes first, and is ignored when empty") {
    const auto root = test::scratchDir("env");
    putModel(root / "bin" / "models");
    const auto overridden = putModel(root / "elsewhere");
    {
        const ModelDirEnv env((root / "elsewhere").c_str());
        CHECK(modelSearchPath(root / "bin").front() == root / "elsewhere");
        CHECK(findModel(kModel, modelSearchPath(root / "bin")) == overridden);
    }
    {
        const ModelDirEnv env((root / "missing").c_str());
        CHECK(findModel(kModel, modelSearchPath(root / "bin")) == root / "bin" / "models" / kModel);
    }
    const ModelDirEnv env("");
    CHECK(modelSearchPath(root / "bin").size() == 4);
    CHECK(modelSearchPath(root / "bin").front() == root / "bin" / "models");
}

TEST_CASE("links to a model count, folders and dangling links do not") {
    const auto root = test::scratchDir("links");
    fs::create_directories(root / "a" / kModel);  // a folder with the model's name
    fs::create_directories(root / "b");
    fs::create_symlink(root / "nowhere.dat", root / "b" / kModel);
    const auto real = putModel(root / "real");
    fs::create_directories(root / "c");
    fs::create_symlink(real, root / "c" / kModel);  // as the build tree stages libdlib-data's model

    CHECK(findModel(kModel, {root / "a", root / "b", root / "c", root / "real"}) == root / "c" / kModel);
    CHECK_FALSE(findModel(kModel, {root / "a", root / "b"}).has_value());
}
