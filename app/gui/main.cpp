// posesmart: the desktop app. Parses the command line, keeps to one instance per user, loads the
// translation, and runs AppController until Quit or SIGTERM/SIGINT, after which the history is
// flushed and the process exits with code 0.
#include "AppController.h"
#include "AppSettings.h"
#include "Resources.h"
#include "SingleInstance.h"
#include "common/PrivateFile.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QDir>
#include <QIcon>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTranslator>
#include <chrono>
#include <csignal>
#include <opencv2/core/utility.hpp>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

void onTerminate(int) {
    const char byte = 1;
    (void)!::write(signalPipe[1], &byte, 1);
}

}  // namespace

int main(int argc, char** argv) {
    const auto startedAt = std::chrono::steady_clock::now();
    QApplication app(argc, argv);
    cv::setNumThreads(1);  // the engine runs on one thread of its own, as in posesmart-cli
    QApplication::setApplicationName(QStringLiteral("PoseSmart"));
    QApplication::setApplicationVersion(QStringLiteral(POSESMART_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.posesmart.PoseSmart"));
    posesmart::initResources();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/posesmart.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Watches your posture, blinking and sitting time through the webcam, on this computer only."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption source(
        QStringLiteral("source"), QApplication::translate("main", "Camera (camera:N), video file or folder of images."),
        QStringLiteral("SOURCE"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QApplication::translate("main", "Folder for the history and the settings."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption minimized(QStringLiteral("minimized"),
                                       QApplication::translate("main", "Start in the system tray."));
    parser.addOptions({source, dataDir, minimized});
    parser.process(app);

    posesmart::ui::AppOptions options;
    options.source = parser.value(source);
    options.minimized = parser.isSet(minimized);
    options.startedAt = startedAt;
    options.dataDir = parser.isSet(dataDir) ? QDir(parser.value(dataDir)).absolutePath()
                                            : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);

    // One instance per user and data folder: a second launch brings the first to the front.
    const QString dataDirHash =
        parser.isSet(dataDir)
            ? QString::fromLatin1(
                  QCryptographicHash::hash(options.dataDir.toUtf8(), QCryptographicHash::Sha1).toHex().left(12))
            : QString();
    QString why;
    const QString socketPath = posesmart::ui::SingleInstance::defaultPath(dataDirHash, &why);
    posesmart::ui::SingleInstance instance(socketPath);
    if (socketPath.isEmpty()) {
        qWarning("posesmart: no check for a running PoseSmart: %s", qUtf8Printable(why));
    } else if (instance.notifyRunning()) {
        return 0;
    } else {
        if (!instance.refusal().isEmpty()) qWarning("posesmart: %s", qUtf8Printable(instance.refusal()));
        if (!instance.listen()) qWarning("posesmart: %s", qUtf8Printable(instance.errorString()));
    }

    // The history and the settings are a person's: their folder is theirs alone, even one made before.
    if (const std::string problem = posesmart::makeFolderPrivate(options.dataDir.toStdString()); !problem.empty())
        qWarning("posesmart: %s", problem.c_str());

    // Read once, here: the language must be known before any window exists.
    options.settings = posesmart::ui::loadSettings(QDir(options.dataDir).filePath(QStringLiteral("settings.json")));
    QTranslator translator;
    const QString& language = options.settings.settings.language;
    if (language != u"en" && translator.load(QStringLiteral(":/i18n/posesmart_") + language)) {
        QApplication::installTranslator(&translator);
    }

    // SIGTERM and SIGINT end the event loop like Quit does, so the history is flushed.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) == 0) {
        std::signal(SIGTERM, onTerminate);
        std::signal(SIGINT, onTerminate);
    }
    QSocketNotifier terminate(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&terminate, &QSocketNotifier::activated, &app, [] { QApplication::quit(); });

    posesmart::ui::AppController controller(options);
    QObject::connect(&instance, &posesmart::ui::SingleInstance::activationRequested, &controller,
                     &posesmart::ui::AppController::showWindow);
    QObject::connect(&controller, &posesmart::ui::AppController::quitRequested, &app, [] { QApplication::quit(); });
    QApplication::setQuitOnLastWindowClosed(controller.tray() == nullptr);
    controller.start();
    const int code = QApplication::exec();
    controller.shutdown();
    return code;
}
