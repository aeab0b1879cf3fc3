// main() of the widget tests: a QApplication on Qt's offscreen platform (no display needed),
// then Catch2.
#define CATCH_CONFIG_RUNNER
#include "Resources.h"

#include <QApplication>
#include <catch2/catch.hpp>
#include <cstdlib>

int main(int argc, char** argv) {
    ::setenv("QT_QPA_PLATFORM", "offscreen", 0);  // a caller may choose another (e.g. xcb under Xvfb)
    QApplication app(argc, argv);
    posesmart::initResources();
    return Catch::Session().run(argc, argv);
}
