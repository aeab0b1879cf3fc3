// OffscreenGui: a QGuiApplication for a program that has none (posesmart-cli) so that it can paint
// text; on Qt's offscreen platform unless QT_QPA_PLATFORM names another. Does nothing when an
// application object already exists.
#pragma once

#include <memory>

class QGuiApplication;

namespace posesmart::print {

class OffscreenGui {
public:
    OffscreenGui();
    ~OffscreenGui();
    OffscreenGui(const OffscreenGui&) = delete;
    OffscreenGui& operator=(const OffscreenGui&) = delete;

private:
    int m_argc = 1;
    char m_name[16] = "posesmart-cli";
    char* m_argv[2] = {m_name, nullptr};
    std::unique_ptr<QGuiApplication> m_app;
};

}  // namespace posesmart::print
