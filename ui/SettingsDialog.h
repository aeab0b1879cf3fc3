// SettingsDialog: edits every field of AppSettings, in tabs (Camera, Posture, Eyes, Breaks, Alerts,
// General). Durations PRODUCT.md gives in minutes are shown in minutes; one the user leaves alone
// keeps its exact seconds. "Delete all data" asks first, then only emits a request.
#pragma once

#include "AppSettings.h"

#include <QDialog>
#include <array>

class QCheckBox;
class QComboBox;
class QSpinBox;
class QTimeEdit;
class QWidget;

namespace posesmart::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    // `profiles`: the profiles in the history, offered for "Who is measured" (the current one is
    // always offered; a new name can be typed).
    explicit SettingsDialog(const AppSettings& current, const QStringList& profiles = {}, QWidget* parent = nullptr);
    // The settings as the widgets show them now.
    [[nodiscard]] AppSettings settings() const;

signals:
    void deleteAllDataRequested();
    // "Enrol my face again": the settings are kept as they are and the calibration opens.
    void reenrolRequested();

protected:
    // Asks the user whether to delete all data; true to go ahead. Tests override it.
    virtual bool confirmDeleteAll();

private:
    QWidget* cameraPage();
    QWidget* posturePage();
    QWidget* eyesPage();
    QWidget* breaksPage();
    QWidget* alertsPage();
    QWidget* generalPage();
    void deleteAllClicked();

    AppSettings m_current;
    QStringList m_profiles;
    QComboBox* m_profile = nullptr;
    QComboBox* m_camera = nullptr;
    QCheckBox* m_showOverlay = nullptr;
    QSpinBox* m_releaseCameraAfter = nullptr;
    QComboBox* m_analysisRate = nullptr;
    QSpinBox* m_tooCloseCm = nullptr;
    QSpinBox* m_tiltDeg = nullptr;
    QSpinBox* m_lowBlinkPerMin = nullptr;
    QSpinBox* m_blinkWindow = nullptr;
    QSpinBox* m_eyeBreakEvery = nullptr;
    QSpinBox* m_sittingLimit = nullptr;
    QSpinBox* m_break = nullptr;
    std::array<QCheckBox*, kAlertKindCount> m_alertEnabled{};
    std::array<QSpinBox*, kAlertKindCount> m_alertHoldSec{};
    QSpinBox* m_cooldown = nullptr;
    QCheckBox* m_quietHours = nullptr;
    QTimeEdit* m_quietStart = nullptr;
    QTimeEdit* m_quietEnd = nullptr;
    QCheckBox* m_startAtLogin = nullptr;
    QComboBox* m_language = nullptr;
    QSpinBox* m_retentionDays = nullptr;
};

}  // namespace posesmart::ui
