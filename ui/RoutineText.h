// RoutineText: the app's side of the guided routines: the two shipped ones (read from the
// resources, ":/routines/<id>.json") and their words, translated: the routine's name, each step's
// instruction and how it is held, and the verdict at the end.
#pragma once

#include "routine/Routine.h"
#include "session/SessionObserver.h"

#include <QString>
#include <optional>

namespace posesmart::ui {

inline const QString kNeckRoutineId = QStringLiteral("neck-1min");
inline const QString kEyesRoutineId = QStringLiteral("eyes-20-20-20");

// A shipped routine by id; nullopt, with `error` saying why, when it cannot be read.
std::optional<Routine> builtInRoutine(const QString& id, QString* error);

QString routineName(const QString& id);  // "Neck, 1 minute"
// What to do, as the user does it: "Tilt your right ear toward your right shoulder".
QString stepInstruction(const RoutineStep& step);
// How long, and how often: "Hold for 5 s", "Hold for 3 s, 2 times (1 done)".
QString stepHoldText(const RoutineStep& step, int repetitionsDone);
// The verdict: "Well done: all 6 steps.", "4 of 6 steps done.", "Ended early: 2 of 6 steps done."
QString routineEndText(const RoutineSummary& summary);

}  // namespace posesmart::ui
