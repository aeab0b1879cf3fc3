#include "SettingsDialog.h"

#include "FontCoverage.h"
#include "capture/CameraCatalog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimeEdit>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace posesmart::ui {
namespace {

// Minutes boxes remember the seconds they were given and the minutes they first showed.
constexpr const char* kShownSeconds = "posesmartShownSeconds";
constexpr const char* kShownMinutes = "posesmartShownMinutes";
// The camera list keeps each camera's name beside its stable path (the item's data).
constexpr int kCameraNameRole = Qt::UserRole + 1;

QSpinBox* spinBox(QWidget* parent, const QString& name, IntRange range, int value, const QString& suffix) {
    auto* box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(range.min, range.max);
    box->setValue(value);
    box->setSuffix(suffix);
    return box;
}

QSpinBox* minutesBox(QWidget* parent, const QString& name, IntRange secondsRange, int seconds) {
    const IntRange minutes{(secondsRange.min + 59) / 60, secondsRange.max / 60};
    auto* box = spinBox(parent, name, minutes, qRound(seconds / 60.0), SettingsDialog::tr(" min"));
    box->setProperty(kShownSeconds, seconds);
    box->setProperty(kShownMinutes, box->value());
    return box;
}

// Seconds as given while the box still shows what it first showed, so that durations which are
// not whole minutes (shortened for a test, say) survive opening and closing the dialog.
int secondsOf(const QSpinBox* box) {
    if (box->value() == box->property(kShownMinutes).toInt()) return box->property(kShownSeconds).toInt();
    return box->value() * 60;
}

QCheckBox* checkBox(QWidget* parent, const QString& name, const QString& text, bool checked) {
    auto* box = new QCheckBox(text, parent);
    box->setObjectName(name);
    box->setChecked(checked);
    return box;
}

QTimeEdit* timeEdit(QWidget* parent, const QString& name, int minuteOfDay) {
    auto* edit = new QTimeEdit(QTime(minuteOfDay / 60, minuteOfDay % 60), parent);
    edit->setObjectName(name);
    edit->setDisplayFormat(u"HH:mm"_s);
    return edit;
}

int minuteOfDay(const QTimeEdit* edit) {
    return edit->time().hour() * 60 + edit->time().minute();
}

QLabel* note(QWidget* parent, const QString& text) {
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

// A titled group appended to `column`; its rows are laid out as a form.
QFormLayout* formGroup(QVBoxLayout* column, const QString& title) {
    auto* group = new QGroupBox(title, column->parentWidget());
    column->addWidget(group);
    return new QFormLayout(group);
}

QString kindLabel(AlertKind kind) {
    switch (kind) {
        case AlertKind::ForwardHead:
            return SettingsDialog::tr("Forward head");
        case AlertKind::Slouch:
            return SettingsDialog::tr("Slouching");
        case AlertKind::TooClose:
            return SettingsDialog::tr("Too close to the screen");
        case AlertKind::Tilted:
            return SettingsDialog::tr("Head tilted");
        case AlertKind::LowBlinkRate:
            return SettingsDialog::tr("Blinking too little");
        case AlertKind::SittingTooLong:
            return SettingsDialog::tr("Sitting too long");
        case AlertKind::EyeBreak:
            return SettingsDialog::tr("20-20-20 eye rest");
    }
    return {};
}

}  // namespace

SettingsDialog::SettingsDialog(const AppSettings& current, const QStringList& profiles, QWidget* parent)
    : QDialog(parent), m_current(current), m_profiles(profiles) {
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("PoseSmart Settings"));
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(u"settingsTabs"_s);
    tabs->setUsesScrollButtons(false);  // all tabs in view: the dialog grows to fit them
    tabs->addTab(cameraPage(), tr("Camera"));
    tabs->addTab(posturePage(), tr("Posture"));
    tabs->addTab(eyesPage(), tr("Eyes"));
    tabs->addTab(breaksPage(), tr("Breaks"));
    tabs->addTab(alertsPage(), tr("Alerts"));
    tabs->addTab(generalPage(), tr("General"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(u"buttonBox"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
}

QWidget* SettingsDialog::cameraPage() {
    auto* page = new QWidget(this);
    m_camera = new QComboBox(page);
    m_camera->setObjectName(u"cameraCombo"_s);
    // Listed by name, kept by stable path (CameraCatalog): re-plugging does not change the choice.
    const std::vector<CameraEntry> cameras = listCameras();
    const auto addCamera = [this](const QString& text, const QString& path, const QString& name) {
        m_camera->addItem(text, path);
        m_camera->setItemData(m_camera->count() - 1, name, kCameraNameRole);
    };
    if (cameras.empty()) {
        // Keeps the stored choice for when the camera is plugged in again.
        addCamera(tr("No camera found"), m_current.cameraId, m_current.cameraName);
        m_camera->setEnabled(false);
    } else {
        addCamera(tr("The first camera"), QString(), QString());
        for (const CameraEntry& camera : cameras) {
            const QString name = QString::fromStdString(camera.name);
            addCamera(tr("%1 (video%2)").arg(name.isEmpty() ? tr("Camera") : name).arg(camera.index),
                      QString::fromStdString(camera.stablePath.string()), name);
        }
        if (m_camera->findData(m_current.cameraId) < 0) {
            const QString which = m_current.cameraName.isEmpty() ? m_current.cameraId : m_current.cameraName;
            addCamera(tr("Camera not connected (%1)").arg(which), m_current.cameraId, m_current.cameraName);
        }
        m_camera->setCurrentIndex(m_camera->findData(m_current.cameraId));
    }
    m_showOverlay =
        checkBox(page, u"showOverlay"_s, tr("Show face landmarks over the camera view"), m_current.showOverlay);
    m_releaseCameraAfter =
        minutesBox(page, u"releaseCameraAfterMin"_s, kReleaseCameraAfterSecRange, m_current.releaseCameraAfterSec);
    m_analysisRate = new QComboBox(page);
    m_analysisRate->setObjectName(u"analysisRateCombo"_s);
    m_analysisRate->addItem(tr("30 a second, 15 on battery"), 0);
    m_analysisRate->addItem(tr("30 a second"), 30);
    m_analysisRate->addItem(tr("15 a second (less work for the computer)"), 15);
    m_analysisRate->setCurrentIndex(std::max(0, m_analysisRate->findData(m_current.analysisFps)));
    auto* form = new QFormLayout(page);
    form->addRow(tr("Camera:"), m_camera);
    form->addRow(tr("Analyse pictures:"), m_analysisRate);
    form->addRow(m_showOverlay);
    form->addRow(tr("Release the camera when nobody is in view for:"), m_releaseCameraAfter);
    return page;
}

QWidget* SettingsDialog::posturePage() {
    auto* page = new QWidget(this);
    m_tooCloseCm = spinBox(page, u"tooCloseCm"_s, kTooCloseCmRange, m_current.tooCloseCm, tr(" cm"));
    m_tiltDeg = spinBox(page, u"tiltDeg"_s, kTiltDegRange, m_current.tiltDeg, tr("°"));
    auto* form = new QFormLayout(page);
    form->addRow(note(page, tr("Posture is judged against your calibration. Recalibrate after moving the camera "
                               "or changing desks.")));
    form->addRow(tr("Too close: nearer than:"), m_tooCloseCm);
    form->addRow(tr("Head tilt: more than:"), m_tiltDeg);
    return page;
}

QWidget* SettingsDialog::eyesPage() {
    auto* page = new QWidget(this);
    auto* column = new QVBoxLayout(page);
    QFormLayout* blinking = formGroup(column, tr("Blink rate"));
    m_lowBlinkPerMin =
        spinBox(page, u"lowBlinkPerMin"_s, kLowBlinkPerMinRange, m_current.lowBlinkPerMin, tr(" per minute"));
    m_blinkWindow = minutesBox(page, u"blinkWindowMin"_s, kBlinkWindowSecRange, m_current.blinkWindowSec);
    blinking->addRow(tr("Too low: fewer blinks than:"), m_lowBlinkPerMin);
    blinking->addRow(tr("Measured over:"), m_blinkWindow);
    QFormLayout* rest = formGroup(column, tr("20-20-20 eye rest"));
    m_eyeBreakEvery = minutesBox(page, u"eyeBreakEveryMin"_s, kEyeBreakEverySecRange, m_current.eyeBreakEverySec);
    rest->addRow(note(page, tr("Look at something 20 feet (6 m) away for 20 seconds.")));
    rest->addRow(tr("Remind me every:"), m_eyeBreakEvery);
    column->addStretch();
    return page;
}

QWidget* SettingsDialog::breaksPage() {
    auto* page = new QWidget(this);
    m_sittingLimit = minutesBox(page, u"sittingLimitMin"_s, kSittingLimitSecRange, m_current.sittingLimitSec);
    m_break = minutesBox(page, u"breakMin"_s, kBreakSecRange, m_current.breakSec);
    auto* form = new QFormLayout(page);
    form->addRow(tr("Remind me after sitting for:"), m_sittingLimit);
    form->addRow(tr("Time away that counts as a break:"), m_break);
    return page;
}

QWidget* SettingsDialog::alertsPage() {
    auto* page = new QWidget(this);
    auto* column = new QVBoxLayout(page);
    auto* kinds = new QGroupBox(tr("Alerts"), page);
    auto* grid = new QGridLayout(kinds);
    grid->addWidget(new QLabel(tr("When the condition has held for:"), kinds), 0, 1);
    for (int k = 0; k < kAlertKindCount; ++k) {
        const QString key = alertKindKey(AlertKind(k));
        m_alertEnabled[k] =
            checkBox(kinds, u"alertEnabled_"_s + key, kindLabel(AlertKind(k)), m_current.alerts[k].enabled);
        m_alertHoldSec[k] = spinBox(kinds, u"alertHold_"_s + key, kHoldSecRange, m_current.alerts[k].holdSec, tr(" s"));
        m_alertHoldSec[k]->setEnabled(m_current.alerts[k].enabled);
        connect(m_alertEnabled[k], &QCheckBox::toggled, m_alertHoldSec[k], &QWidget::setEnabled);
        grid->addWidget(m_alertEnabled[k], k + 1, 0);
        grid->addWidget(m_alertHoldSec[k], k + 1, 1);
    }
    column->addWidget(kinds);
    m_cooldown = minutesBox(page, u"cooldownMin"_s, kCooldownSecRange, m_current.cooldownSec);
    auto* cooldown = new QFormLayout;
    cooldown->addRow(tr("The same alert again at most every:"), m_cooldown);
    column->addLayout(cooldown);

    QFormLayout* quiet = formGroup(column, tr("Quiet hours"));
    m_quietHours =
        checkBox(page, u"quietHoursEnabled"_s, tr("No alerts during quiet hours"), m_current.quietHoursEnabled);
    m_quietStart = timeEdit(page, u"quietStart"_s, m_current.quietStartMinute);
    m_quietEnd = timeEdit(page, u"quietEnd"_s, m_current.quietEndMinute);
    for (QTimeEdit* edit : {m_quietStart, m_quietEnd}) {
        edit->setEnabled(m_current.quietHoursEnabled);
        connect(m_quietHours, &QCheckBox::toggled, edit, &QWidget::setEnabled);
    }
    quiet->addRow(m_quietHours);
    quiet->addRow(tr("From:"), m_quietStart);
    quiet->addRow(tr("Until:"), m_quietEnd);
    column->addStretch();
    return page;
}

QWidget* SettingsDialog::generalPage() {
    auto* page = new QWidget(this);
    auto* column = new QVBoxLayout(page);
    QFormLayout* general = formGroup(column, tr("General"));
    m_startAtLogin = checkBox(page, u"startAtLogin"_s, tr("Start PoseSmart when I log in"), m_current.startAtLogin);
    m_language = new QComboBox(page);
    m_language->setObjectName(u"languageCombo"_s);
    // Each language is named in itself, so these are never translated.
    m_language->addItem(u"English"_s, u"en"_s);
    m_language->addItem(u"한국어"_s, u"ko"_s);
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_current.language)));
    general->addRow(m_startAtLogin);
    general->addRow(tr("Language:"), m_language);
    // A language no installed font can show (a fresh Debian has no Korean font) would be boxes.
    QLabel* fontNote = note(page, {});
    fontNote->setObjectName(u"languageFontNote"_s);
    general->addRow(fontNote);
    const auto checkFont = [this, fontNote] {
        const QString name = m_language->currentText();
        fontNote->setText(tr("No font on this system can show %1: install one (on Debian, as root: apt install "
                             "fonts-nanum) and restart PoseSmart.")
                              .arg(name));
        fontNote->setVisible(!missingCharacters(name, font()).isEmpty());
    };
    checkFont();
    connect(m_language, &QComboBox::currentIndexChanged, fontNote, checkFont);

    QFormLayout* faceId = formGroup(column, tr("Who is measured"));
    m_profile = new QComboBox(page);
    m_profile->setObjectName(u"profileCombo"_s);
    m_profile->setEditable(true);
    m_profile->setInsertPolicy(QComboBox::NoInsert);
    m_profile->lineEdit()->setMaxLength(kMaxProfileNameLength);
    QStringList names = m_profiles;
    if (!names.contains(m_current.profile)) names.prepend(m_current.profile);
    m_profile->addItems(names);
    m_profile->setCurrentText(m_current.profile);
    faceId->addRow(note(page, tr("Each person at this computer can have a profile with their own calibration, "
                                 "Face ID and history. Type a new name to add one.")));
    faceId->addRow(tr("Profile:"), m_profile);
    auto* reenrol = new QPushButton(tr("Enrol my face again…"), page);
    reenrol->setObjectName(u"reenrolFace"_s);
    connect(reenrol, &QPushButton::clicked, this, &SettingsDialog::reenrolRequested);
    auto* reenrolRow = new QHBoxLayout;
    reenrolRow->addWidget(reenrol);
    reenrolRow->addStretch();
    faceId->addRow(note(page, tr("PoseSmart learns your face while you calibrate, so that only you are measured. "
                                 "Enrol again after a big change of look, or when it no longer recognises you.")));
    faceId->addRow(reenrolRow);

    QFormLayout* privacy = formGroup(column, tr("Privacy"));
    m_retentionDays = spinBox(page, u"retentionDays"_s, kRetentionDaysRange, m_current.retentionDays, tr(" days"));
    auto* deleteAll = new QPushButton(tr("Delete all data…"), page);
    deleteAll->setObjectName(u"deleteAllData"_s);
    connect(deleteAll, &QPushButton::clicked, this, &SettingsDialog::deleteAllClicked);
    auto* deleteRow = new QHBoxLayout;
    deleteRow->addWidget(deleteAll);
    deleteRow->addStretch();
    privacy->addRow(note(page, tr("PoseSmart keeps numbers only, never pictures, and only on this computer.")));
    privacy->addRow(tr("Keep history for:"), m_retentionDays);
    privacy->addRow(deleteRow);
    column->addStretch();
    return page;
}

AppSettings SettingsDialog::settings() const {
    AppSettings s;
    s.cameraId = m_camera->currentData().toString();
    s.cameraName = m_camera->currentData(kCameraNameRole).toString();
    s.analysisFps = m_analysisRate->currentData().toInt();
    const QString profile = m_profile->currentText().trimmed();
    s.profile = profile.isEmpty() ? m_current.profile : profile;
    s.showOverlay = m_showOverlay->isChecked();
    s.releaseCameraAfterSec = secondsOf(m_releaseCameraAfter);
    s.tooCloseCm = m_tooCloseCm->value();
    s.tiltDeg = m_tiltDeg->value();
    s.lowBlinkPerMin = m_lowBlinkPerMin->value();
    s.blinkWindowSec = secondsOf(m_blinkWindow);
    s.eyeBreakEverySec = secondsOf(m_eyeBreakEvery);
    s.sittingLimitSec = secondsOf(m_sittingLimit);
    s.breakSec = secondsOf(m_break);
    for (int k = 0; k < kAlertKindCount; ++k) {
        s.alerts[k] = {m_alertEnabled[k]->isChecked(), m_alertHoldSec[k]->value()};
    }
    s.cooldownSec = secondsOf(m_cooldown);
    s.quietHoursEnabled = m_quietHours->isChecked();
    s.quietStartMinute = minuteOfDay(m_quietStart);
    s.quietEndMinute = minuteOfDay(m_quietEnd);
    s.startAtLogin = m_startAtLogin->isChecked();
    s.language = m_language->currentData().toString();
    s.retentionDays = m_retentionDays->value();
    return s;
}

bool SettingsDialog::confirmDeleteAll() {
    QMessageBox box(QMessageBox::Warning, tr("Delete all data?"),
                    tr("This removes the history database: all the numbers PoseSmart has recorded and your "
                       "Face ID descriptors. It cannot be undone."),
                    QMessageBox::NoButton, this);
    const QPushButton* confirm = box.addButton(tr("Delete all data"), QMessageBox::DestructiveRole);
    box.setDefaultButton(box.addButton(QMessageBox::Cancel));
    box.exec();
    return box.clickedButton() == confirm;
}

void SettingsDialog::deleteAllClicked() {
    if (confirmDeleteAll()) emit deleteAllDataRequested();
}

}  // namespace posesmart::ui
