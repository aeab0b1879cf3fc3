// icon_probe ICON...: draws each icon file at tray size (22 px) the way the app's tray does
// (QIcon, so through Qt's SVG icon engine) and prints how many pixels it painted; exits 1 when an
// icon draws nothing (e.g. no SVG icon engine installed: the tray would show blank icons).
#include <QGuiApplication>
#include <QIcon>
#include <QImage>
#include <cstdio>
#include <cstdlib>

int main(int argc, char* argv[]) {
    ::setenv("QT_QPA_PLATFORM", "offscreen", 0);
    const QGuiApplication app(argc, argv);
    int code = argc > 1 ? 0 : 2;
    for (int i = 1; i < argc; ++i) {
        const QImage image = QIcon(QString::fromLocal8Bit(argv[i])).pixmap(22, 22).toImage();
        long painted = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) painted += qAlpha(image.pixel(x, y)) > 0 ? 1 : 0;
        }
        std::printf("%s: %ld of %d pixels painted\n", argv[i], painted, image.width() * image.height());
        if (painted == 0) code = 1;
    }
    return code;
}
