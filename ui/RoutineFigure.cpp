#include "RoutineFigure.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <numbers>

namespace posesmart::ui {

namespace {

constexpr double kTiltDeg = 22.0;
const QColor kOnTarget(0x00, 0x9e, 0x73);  // the report's "good" green

// An arrowhead at `tip`, pointing along `angle` (radians, screen coordinates).
void arrowHead(QPainter& p, QPointF tip, double angle, double size) {
    const double spread = 0.5;
    QPainterPath head;
    head.moveTo(tip);
    head.lineTo(tip - size * QPointF(std::cos(angle - spread), std::sin(angle - spread)));
    head.lineTo(tip - size * QPointF(std::cos(angle + spread), std::sin(angle + spread)));
    head.closeSubpath();
    p.fillPath(head, p.pen().color());
}

void straightArrow(QPainter& p, QPointF from, QPointF to, double size) {
    const QPointF d = to - from;
    const double angle = std::atan2(d.y(), d.x());
    p.drawLine(from, to - 0.6 * size * QPointF(std::cos(angle), std::sin(angle)));
    arrowHead(p, to, angle, size);
}

// An arc around `centre` from `fromDeg` to `toDeg` (screen degrees, clockwise from 3 o'clock), its head at `toDeg`.
void curvedArrow(QPainter& p, QPointF centre, double radius, double fromDeg, double toDeg, double size) {
    const auto at = [&](double deg) {
        const double a = deg * std::numbers::pi / 180.0;
        return centre + radius * QPointF(std::cos(a), std::sin(a));
    };
    QPainterPath arc;
    const int steps = 24;
    arc.moveTo(at(fromDeg));
    for (int i = 1; i <= steps; ++i) arc.lineTo(at(fromDeg + (toDeg - fromDeg) * i / steps));
    p.drawPath(arc);
    const double end = toDeg * std::numbers::pi / 180.0;
    const double direction = end + (toDeg > fromDeg ? 1.0 : -1.0) * std::numbers::pi / 2.0;
    arrowHead(p, at(toDeg), direction, size);
}

}  // namespace

RoutineFigure::RoutineFigure(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void RoutineFigure::setTarget(std::optional<RoutineTarget> target) {
    if (target == m_target) return;
    m_target = target;
    update();
}

void RoutineFigure::setHold(double progress, bool onTarget) {
    progress = std::clamp(progress, 0.0, 1.0);
    if (progress == m_progress && onTarget == m_onTarget) return;
    m_progress = progress;
    m_onTarget = onTarget;
    update();
}

void RoutineFigure::paintEvent(QPaintEvent* /*event*/) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const double side = std::min(width(), height()) - 8.0;
    const QPointF c = QRectF(rect()).center();
    const double ringWidth = std::max(6.0, side * 0.06);
    const QRectF ring(c.x() - side / 2 + ringWidth / 2, c.y() - side / 2 + ringWidth / 2, side - ringWidth,
                      side - ringWidth);

    // The ring: a track, and the held share of it from 12 o'clock clockwise.
    p.setPen(QPen(palette().color(QPalette::Mid), ringWidth, Qt::SolidLine, Qt::FlatCap));
    p.drawEllipse(ring);
    if (m_progress > 0.0) {
        p.setPen(QPen(m_onTarget ? kOnTarget : palette().color(QPalette::Highlight), ringWidth, Qt::SolidLine,
                      Qt::RoundCap));
        p.drawArc(ring, 90 * 16, -static_cast<int>(std::lround(m_progress * 360.0 * 16.0)));
    }

    const double r = side * 0.27;
    const QColor ink = palette().color(QPalette::WindowText);
    const double line = std::max(2.0, side * 0.014);
    const double arrow = side * 0.06;
    const std::optional<RoutineTarget> t = m_target;

    // The face, in the asked position: tilted (a mirror: the right ear goes down on the screen's right),
    // its features shifted for a turn or a look up or down, smaller for a chin tuck.
    double dx = 0.0;
    double dy = 0.0;
    double scale = 1.0;
    double tilt = 0.0;
    switch (t.value_or(RoutineTarget::EyesClosed)) {
        case RoutineTarget::TiltRight:
            tilt = kTiltDeg;
            break;
        case RoutineTarget::TiltLeft:
            tilt = -kTiltDeg;
            break;
        case RoutineTarget::TurnLeft:
            dx = -0.38 * r;
            break;
        case RoutineTarget::TurnRight:
        case RoutineTarget::LookAway:
            dx = 0.38 * r;
            break;
        case RoutineTarget::LookUp:
            dy = -0.3 * r;
            break;
        case RoutineTarget::LookDown:
            dy = 0.3 * r;
            break;
        case RoutineTarget::ChinTuck:
            scale = 0.82;
            break;
        case RoutineTarget::EyesClosed:  // and no target: the face as it is
            break;
    }
    if (t == RoutineTarget::ChinTuck) {  // where the face was: dashed
        p.setPen(QPen(palette().color(QPalette::Mid), line, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(c, 0.8 * r, r);
    }
    p.save();
    p.translate(c);
    p.rotate(tilt);
    p.scale(scale, scale);
    p.setPen(QPen(ink, line));
    p.setBrush(palette().color(QPalette::Base));
    p.drawEllipse(QPointF(), 0.8 * r, r);
    p.setBrush(Qt::NoBrush);
    const double eyeY = -0.18 * r + dy;
    for (const double leftRight : {-1.0, 1.0}) {
        const QPointF eye(leftRight * 0.32 * r + dx, eyeY);
        if (t == RoutineTarget::EyesClosed) {
            p.drawArc(QRectF(eye.x() - 0.14 * r, eye.y() - 0.1 * r, 0.28 * r, 0.2 * r), 200 * 16, 140 * 16);
        } else {
            p.drawEllipse(eye, 0.14 * r, 0.08 * r);
            p.setBrush(ink);
            p.drawEllipse(eye + QPointF(dx * 0.12, dy * 0.15), 0.045 * r, 0.045 * r);
            p.setBrush(Qt::NoBrush);
        }
    }
    p.drawLine(QPointF(dx * 1.15, 0.02 * r + dy), QPointF(dx * 1.15 + (dx >= 0 ? 0.06 : -0.06) * r, 0.25 * r + dy));
    p.drawArc(QRectF(dx - 0.22 * r, 0.3 * r + dy, 0.44 * r, 0.2 * r), 200 * 16, 140 * 16);
    p.restore();

    // The movement.
    if (!t) return;
    p.setPen(QPen(palette().color(QPalette::Highlight), line * 1.3, Qt::SolidLine, Qt::RoundCap));
    switch (*t) {
        case RoutineTarget::TiltRight:
            curvedArrow(p, c, 1.2 * r, -110.0, -55.0, arrow);
            break;
        case RoutineTarget::TiltLeft:
            curvedArrow(p, c, 1.2 * r, -70.0, -125.0, arrow);
            break;
        case RoutineTarget::TurnLeft:
            straightArrow(p, c + QPointF(0.35 * r, 1.2 * r), c + QPointF(-0.55 * r, 1.2 * r), arrow);
            break;
        case RoutineTarget::TurnRight:
        case RoutineTarget::LookAway:
            straightArrow(p, c + QPointF(-0.35 * r, 1.2 * r), c + QPointF(0.55 * r, 1.2 * r), arrow);
            break;
        case RoutineTarget::LookUp:
            straightArrow(p, c + QPointF(1.1 * r, 0.35 * r), c + QPointF(1.1 * r, -0.55 * r), arrow);
            break;
        case RoutineTarget::LookDown:
            straightArrow(p, c + QPointF(1.1 * r, -0.35 * r), c + QPointF(1.1 * r, 0.55 * r), arrow);
            break;
        case RoutineTarget::ChinTuck:
            straightArrow(p, c + QPointF(-1.2 * r, 0.0), c + QPointF(-0.85 * r, 0.0), arrow);
            straightArrow(p, c + QPointF(1.2 * r, 0.0), c + QPointF(0.85 * r, 0.0), arrow);
            break;
        case RoutineTarget::EyesClosed:
            break;
    }
}

}  // namespace posesmart::ui
