#include "CalibrationDialog.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <cmath>

namespace posesmart::ui {

CalibrationDialog::CalibrationDialog(double seconds, QWidget* parent) : QDialog(parent), m_seconds(seconds) {
    setWindowTitle(tr("Calibrate PoseSmart"));
    auto* layout = new QVBoxLayout(this);
    m_text = new QLabel(tr("Sit comfortably upright, the way you would like to sit, and look at the screen. "
                           "Keep still for about %1 seconds. Talking and blinking are fine.\n\n"
                           "This also enrols your face for Face ID, so only you are measured.")
                            .arg(std::lround(seconds)),
                        this);
    m_text->setWordWrap(true);
    layout->addWidget(m_text);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("calibrationProgress"));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    layout->addWidget(m_progress);
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("calibrationVerdict"));
    m_verdict->setWordWrap(true);
    layout->addWidget(m_verdict);
    auto* buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("Start"), this);
    m_start->setDefault(true);
    m_close = new QPushButton(tr("Close"), this);
    buttons->addStretch(1);
    buttons->addWidget(m_start);
    buttons->addWidget(m_close);
    layout->addLayout(buttons);
    connect(m_start, &QPushButton::clicked, this, &CalibrationDialog::begin);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    setMinimumWidth(420);
}

void CalibrationDialog::begin() {
    m_start->setEnabled(false);
    m_verdict->clear();
    m_progress->setValue(0);
    emit startRequested(m_seconds);
}

void CalibrationDialog::setProgress(double share) {
    if (share >= 0.0) m_progress->setValue(static_cast<int>(std::lround(100.0 * share)));
}

void CalibrationDialog::finish(bool ok, const QString& reason) {
    m_start->setEnabled(true);
    if (ok) {
        m_progress->setValue(100);
        m_start->setText(tr("Calibrate again"));
        m_verdict->setText(tr("Done. Your upright posture is the baseline from now on."));
    } else {
        m_start->setText(tr("Try again"));
        m_verdict->setText(tr("Calibration did not work: %1").arg(reason));
    }
}

}  // namespace posesmart::ui
