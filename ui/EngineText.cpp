#include "EngineText.h"

#include <QCoreApplication>
#include <array>

namespace posesmart::ui {

namespace {

struct AlertWords {
    const char* title;
    const char* message;
};

// Indexed by AlertKind; lupdate finds the strings through QT_TRANSLATE_NOOP.
constexpr std::array<AlertWords, kAlertKindCount> kAlertWords = {{
    {QT_TRANSLATE_NOOP("Alerts", "Posture check"),
     QT_TRANSLATE_NOOP("Alerts", "Your head has drifted forward. Sit back and lengthen your neck.")},
    {QT_TRANSLATE_NOOP("Alerts", "Posture check"),
     QT_TRANSLATE_NOOP("Alerts", "You are sinking in your chair. Sit up and roll your shoulders back.")},
    {QT_TRANSLATE_NOOP("Alerts", "Posture check"),
     QT_TRANSLATE_NOOP("Alerts", "You are very close to the screen. Lean back a little.")},
    {QT_TRANSLATE_NOOP("Alerts", "Posture check"),
     QT_TRANSLATE_NOOP("Alerts", "Your head is tilted. Level it to ease your neck.")},
    {QT_TRANSLATE_NOOP("Alerts", "Time to blink"),
     QT_TRANSLATE_NOOP("Alerts", "You have blinked little for a few minutes. Blink slowly a few times.")},
    {QT_TRANSLATE_NOOP("Alerts", "Time for a break"),
     QT_TRANSLATE_NOOP("Alerts", "You have been sitting a long while. Stand up and move for a few minutes.")},
    {QT_TRANSLATE_NOOP("Alerts", "Rest your eyes"),
     QT_TRANSLATE_NOOP("Alerts", "Look at something 20 feet (6 m) away for 20 seconds.")},
}};
static_assert(kAlertWords.size() == static_cast<std::size_t>(kAlertKindCount), "one entry per AlertKind");

QString tr(const char* text) {
    return QCoreApplication::translate("Engine", text);
}

}  // namespace

QString alertTitle(AlertKind kind) {
    return QCoreApplication::translate("Alerts", kAlertWords.at(static_cast<std::size_t>(kind)).title);
}

QString alertMessage(AlertKind kind) {
    return QCoreApplication::translate("Alerts", kAlertWords.at(static_cast<std::size_t>(kind)).message);
}

QString problemText(const SessionProblem& problem) {
    const QString detail = QString::fromStdString(problem.detail);
    switch (problem.kind) {
        case SessionProblem::Kind::HistoryRecreated:
        case SessionProblem::Kind::HistoryError:
            return detail;
        case SessionProblem::Kind::HistoryUnavailable:
            return tr("Your history cannot be opened, so nothing is recorded: %1").arg(detail);
        case SessionProblem::Kind::HistoryNotSaved:
            return tr("Your history could not be saved yet (it is kept and retried): %1").arg(detail);
        case SessionProblem::Kind::HistorySaved:
            return tr("Your history is being saved again.");
        case SessionProblem::Kind::HistoryWaiting:
            return tr("Your history cannot be written yet (%1); waiting a few seconds.").arg(detail);
        case SessionProblem::Kind::HistoryKept:
            return tr("Your history could not be written; it was kept in %1 and will be added at the next start.")
                .arg(detail);
        case SessionProblem::Kind::HistoryLost:
            return tr("Your last minutes of history could not be saved: %1").arg(detail);
        case SessionProblem::Kind::HistoryRecovered:
            return tr("%1 minutes of history kept from the last session were added.").arg(detail);
        case SessionProblem::Kind::BaselineUnreadable:
            return tr("Your saved calibration could not be read (%1). Please calibrate again.").arg(detail);
        case SessionProblem::Kind::FaceIdFailed:
            return tr("Face ID is off: %1").arg(detail);
        case SessionProblem::Kind::FrameNotAnalysed:
            return tr("A picture from the camera could not be analysed and was skipped: %1").arg(detail);
    }
    return detail;
}

QString captureText(const CaptureReport& report) {
    const QString detail = QString::fromStdString(report.detail);
    switch (report.reason) {
        case CaptureReason::None:
            return detail;  // running: the camera and its format
        case CaptureReason::OtherApplication:
            return detail.isEmpty() ? tr("Another application is using the camera") : detail;
        case CaptureReason::NobodyInView:
            return tr("Nobody in view: the camera is off and checked now and then");
        case CaptureReason::StoppedSending:
            return tr("The camera stopped sending pictures");
        case CaptureReason::VideoEnded:
            return tr("The video has ended");
        case CaptureReason::OpenFailed:
        case CaptureReason::ReadFailed:
            return detail;
    }
    return detail;
}

}  // namespace posesmart::ui
