// EngineText: the words the app shows for what the engine reports as typed values: one translated
// table of alert titles and messages keyed by AlertKind, the session's problems and the capture's
// reasons. The engine never sends words across threads; this is the one place they are chosen.
#pragma once

#include "analysis/AlertPolicy.h"
#include "capture/CaptureLoop.h"
#include "session/SessionObserver.h"

#include <QString>

namespace posesmart::ui {

QString alertTitle(AlertKind kind);
QString alertMessage(AlertKind kind);
QString problemText(const SessionProblem& problem);
// Why the camera is off or gone, for the live view ("" when running).
QString captureText(const CaptureReport& report);

}  // namespace posesmart::ui
