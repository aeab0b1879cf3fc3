#include "RoutineText.h"

#include "common/Error.h"

#include <QCoreApplication>
#include <QFile>
#include <nlohmann/json.hpp>

namespace posesmart::ui {

std::optional<Routine> builtInRoutine(const QString& id, QString* error) {
    QFile file(QStringLiteral(":/routines/%1.json").arg(id));
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("Routine", "The routine “%1” is not part of this build.").arg(id);
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    try {
        return routineFromJson(nlohmann::json::parse(bytes.constData(), bytes.constData() + bytes.size()));
    } catch (const std::exception& e) {
        if (error)
            *error = QCoreApplication::translate("Routine", "The routine “%1” cannot be read: %2")
                         .arg(id, QString::fromUtf8(e.what()));
        return std::nullopt;
    }
}

QString routineName(const QString& id) {
    if (id == kNeckRoutineId) return QCoreApplication::translate("Routine", "Neck, 1 minute");
    if (id == kEyesRoutineId) return QCoreApplication::translate("Routine", "Eyes, 20-20-20");
    return id;
}

QString stepInstruction(const RoutineStep& step) {
    switch (step.target) {
        case RoutineTarget::TiltRight:
            return QCoreApplication::translate("Routine", "Tilt your right ear toward your right shoulder");
        case RoutineTarget::TiltLeft:
            return QCoreApplication::translate("Routine", "Tilt your left ear toward your left shoulder");
        case RoutineTarget::TurnLeft:
            return QCoreApplication::translate("Routine", "Turn your head to the left");
        case RoutineTarget::TurnRight:
            return QCoreApplication::translate("Routine", "Turn your head to the right");
        case RoutineTarget::ChinTuck:
            return QCoreApplication::translate("Routine", "Tuck your chin in: draw your head straight back");
        case RoutineTarget::LookUp:
            return QCoreApplication::translate("Routine", "Look up at the ceiling");
        case RoutineTarget::LookDown:
            return QCoreApplication::translate("Routine", "Look down at your desk");
        case RoutineTarget::EyesClosed:
            return QCoreApplication::translate("Routine", "Close your eyes and relax them");
        case RoutineTarget::LookAway:
            return QCoreApplication::translate("Routine", "Look at something far away, about 6 metres");
    }
    return {};
}

QString stepHoldText(const RoutineStep& step, int repetitionsDone) {
    const QString seconds = QString::number(step.holdSec, 'g', 3);
    if (step.repetitions <= 1) return QCoreApplication::translate("Routine", "Hold for %1 s").arg(seconds);
    return QCoreApplication::translate("Routine", "Hold for %1 s, %2 times (%3 done)")
        .arg(seconds)
        .arg(step.repetitions)
        .arg(repetitionsDone);
}

QString routineEndText(const RoutineSummary& summary) {
    if (summary.completed)
        return QCoreApplication::translate("Routine", "Well done: all %n steps.", nullptr, summary.steps);
    if (summary.stopped)
        return QCoreApplication::translate("Routine", "Ended early: %1 of %n steps done.", nullptr, summary.steps)
            .arg(summary.stepsDone);
    return QCoreApplication::translate("Routine", "%1 of %n steps done. The others timed out: try them next time.",
                                       nullptr, summary.steps)
        .arg(summary.stepsDone);
}

}  // namespace posesmart::ui
