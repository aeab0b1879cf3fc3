// CalibrationDialog: the calibration wizard. Tells the user how to sit, starts the calibration,
// follows its progress from LiveStatus and shows a clear verdict: done (posture is judged from
// now on, and Face ID enrolled), or why it failed with a way to try again.
#pragma once

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;

namespace posesmart::ui {

class CalibrationDialog : public QDialog {
    Q_OBJECT
public:
    explicit CalibrationDialog(double seconds, QWidget* parent = nullptr);
    void setProgress(double share);  // 0..1; negative: not calibrating
    void finish(bool ok, const QString& reason);

signals:
    void startRequested(double seconds);

private:
    void begin();

    double m_seconds;
    QLabel* m_text = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_verdict = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_close = nullptr;
};

}  // namespace posesmart::ui
