// MainWindow's words: a notice is not pushed out by another one ("Calibrate first" used to replace
// the damaged-settings notice), and a video or folder that cannot be opened is not called a camera.
#include "CatchQt.h"
#include "MainWindow.h"

#include <QLabel>
#include <catch2/catch.hpp>

using namespace posesmart;
using namespace posesmart::ui;
using namespace Qt::StringLiterals;

namespace {

bool anyLabelContains(const QWidget& window, const QString& words) {
    const auto labels = window.findChildren<QLabel*>();
    return std::any_of(labels.begin(), labels.end(),
                       [&](const QLabel* label) { return label->text().contains(words); });
}

}  // namespace

TEST_CASE("a notice stays until dismissed or resolved, whatever comes after it", "[window]") {
    MainWindow window;
    window.showNotice(u"Settings"_s, u"The settings file is damaged; it was kept as settings.json.damaged-1."_s);
    window.showReady(false);
    CHECK(window.noticeTitles() == QStringList{u"Settings"_s, u"Calibrate first"_s});
    LiveStatus status;
    status.calibrated = true;
    window.showStatus(status);  // calibrated: "Calibrate first" goes, the settings notice stays
    CHECK(window.noticeTitles() == QStringList{u"Settings"_s});
    window.showNotice(u"Settings"_s, u"Saved."_s);
    CHECK(window.noticeTitles() == QStringList{u"Settings"_s});
}

TEST_CASE("a video or a folder that cannot be opened is not called a missing camera", "[window]") {
    MainWindow window;
    window.setSourceIsCamera(false);
    window.showCaptureState(CaptureState::NoSource, u"input 'talk.mp4' does not exist"_s);
    CHECK(anyLabelContains(window, u"This video or folder cannot be read"_s));
    CHECK_FALSE(anyLabelContains(window, u"No camera could be opened"_s));
    window.setSourceIsCamera(true);
    window.showCaptureState(CaptureState::NoSource, u"no camera at '0'"_s);
    CHECK(anyLabelContains(window, u"No camera could be opened"_s));
}
