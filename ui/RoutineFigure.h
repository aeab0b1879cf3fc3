// RoutineFigure: the routine window's picture. A face seen as in a mirror (the user copies it),
// drawn in the position the current step asks for (tilted, turned, smaller for a chin tuck, looking
// up or down, eyes closed), an arrow for the movement, and around it a ring that fills while the
// position is held: green while on target.
#pragma once

#include "routine/Routine.h"

#include <QWidget>
#include <optional>

namespace posesmart::ui {

class RoutineFigure : public QWidget {
    Q_OBJECT
public:
    explicit RoutineFigure(QWidget* parent = nullptr);

    // The position to draw; none: a plain face (before the first step, after the last).
    void setTarget(std::optional<RoutineTarget> target);
    // 0..1 of the current hold.
    void setHold(double progress, bool onTarget);

    [[nodiscard]] std::optional<RoutineTarget> target() const { return m_target; }
    [[nodiscard]] double holdProgress() const { return m_progress; }
    [[nodiscard]] bool onTarget() const { return m_onTarget; }
    [[nodiscard]] QSize sizeHint() const override { return {220, 220}; }
    [[nodiscard]] QSize minimumSizeHint() const override { return {140, 140}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::optional<RoutineTarget> m_target;
    double m_progress = 0.0;
    bool m_onTarget = false;
};

}  // namespace posesmart::ui
