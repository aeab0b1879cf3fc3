#include "RoutineWindow.h"

#include "RoutineFigure.h"
#include "RoutineText.h"

#include <QCloseEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace posesmart::ui {

namespace {
QLabel* label(QWidget* parent, const char* objectName, double pointScale, bool bold) {
    auto* l = new QLabel(parent);
    l->setObjectName(QLatin1String(objectName));
    l->setAlignment(Qt::AlignCenter);
    l->setWordWrap(true);
    QFont font = l->font();
    font.setPointSizeF(font.pointSizeF() * pointScale);
    font.setBold(bold);
    l->setFont(font);
    return l;
}
}  // namespace

RoutineWindow::RoutineWindow(QWidget* parent)
    : QWidget(parent, Qt::Window | Qt::WindowStaysOnTopHint | Qt::WindowTitleHint | Qt::WindowCloseButtonHint) {
    setObjectName(QStringLiteral("routineWindow"));
    setWindowTitle(tr("PoseSmart routine"));
    auto* layout = new QVBoxLayout(this);
    m_title = label(this, "routineTitle", 1.1, true);
    m_stepCount = label(this, "routineStepCount", 1.0, false);
    m_figure = new RoutineFigure(this);
    m_figure->setObjectName(QStringLiteral("routineFigure"));
    m_instruction = label(this, "routineInstruction", 1.35, true);
    m_instruction->setMinimumHeight(m_instruction->fontMetrics().lineSpacing() * 2);
    m_hold = label(this, "routineHold", 1.0, false);
    m_button = new QPushButton(this);
    m_button->setObjectName(QStringLiteral("routineButton"));
    layout->addWidget(m_title);
    layout->addWidget(m_stepCount);
    layout->addWidget(m_figure, 1);
    layout->addWidget(m_instruction);
    layout->addWidget(m_hold);
    layout->addWidget(m_button, 0, Qt::AlignHCenter);
    resize(340, 460);
    connect(m_button, &QPushButton::clicked, this, [this] {
        if (m_running) {
            m_running = false;
            emit stopRequested();
            m_button->setEnabled(false);  // the verdict follows from the session (showEnded)
        } else {
            close();
        }
    });
    m_closeTimer.setSingleShot(true);
    connect(&m_closeTimer, &QTimer::timeout, this, &QWidget::close);
}

void RoutineWindow::showStarting(const QString& routineId) {
    m_closeTimer.stop();
    m_running = true;
    m_statusSeen = false;
    m_title->setText(routineName(routineId));
    m_stepCount->clear();
    m_figure->setTarget(std::nullopt);
    m_figure->setHold(0.0, false);
    m_instruction->setText(tr("Getting ready…"));
    m_hold->setText(tr("Sit upright, facing the screen."));
    m_button->setText(tr("End routine"));
    m_button->setEnabled(true);
}

void RoutineWindow::showStatus(const LiveStatus& status) {
    if (!status.routine || !m_running) return;
    const RoutineStatus& r = *status.routine;
    m_statusSeen = true;
    m_title->setText(routineName(QString::fromStdString(r.routineId)));
    m_stepCount->setText(tr("Step %1 of %2").arg(r.step + 1).arg(r.steps));
    m_figure->setTarget(r.current.target);
    m_figure->setHold(r.holdProgress, r.onTarget);
    m_instruction->setText(stepInstruction(r.current));
    const bool needsFace = r.current.target != RoutineTarget::LookAway;
    if (needsFace && !status.faceSeen) {
        m_hold->setText(tr("Your face is not in view of the camera."));
    } else if (r.onTarget) {
        m_hold->setText(
            tr("Hold it… %1 s").arg(std::max(0.0, std::ceil(r.current.holdSec * (1.0 - r.holdProgress))), 0, 'f', 0));
    } else {
        m_hold->setText(stepHoldText(r.current, r.repetitionsDone));
    }
    m_figure->setAccessibleName(m_instruction->text());
}

void RoutineWindow::showEnded(const RoutineSummary& summary) {
    // Asked for while the one before was being stopped: that one's end is not this one's.
    if (m_running && !m_statusSeen) return;
    m_running = false;
    m_title->setText(routineName(QString::fromStdString(summary.routineId)));
    m_stepCount->clear();
    m_figure->setTarget(std::nullopt);
    m_figure->setHold(summary.steps > 0 ? static_cast<double>(summary.stepsDone) / summary.steps : 0.0,
                      summary.completed);
    m_instruction->setText(routineEndText(summary));
    m_hold->setText(tr("This counts as a break."));
    m_button->setText(tr("Close"));
    m_button->setEnabled(true);
    m_closeTimer.start(kCloseAfterEndMs);
}

void RoutineWindow::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    QWidget::keyPressEvent(event);
}

void RoutineWindow::closeEvent(QCloseEvent* event) {
    if (m_running) {
        m_running = false;
        emit stopRequested();
    }
    m_closeTimer.stop();
    event->accept();
}

}  // namespace posesmart::ui
