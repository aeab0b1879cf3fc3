// OffscreenGui: the application object painting needs, on the offscreen platform.
#include "OffscreenGui.h"

#include <QGuiApplication>
#include <cstdlib>

namespace posesmart::print {

OffscreenGui::OffscreenGui() {
    if (QCoreApplication::instance() != nullptr) return;
    ::setenv("QT_QPA_PLATFORM", "offscreen", 0);
    m_app = std::make_unique<QGuiApplication>(m_argc, m_argv);
}

OffscreenGui::~OffscreenGui() = default;

}  // namespace posesmart::print
