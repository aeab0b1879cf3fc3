// The Settings dialog: it shows the settings it is given and returns them unchanged, edits show in
// its settings, the history's profiles are offered, and delete-all and re-enrolment ask first.
#include "SettingsDialog.h"
#include "SettingsTestSupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <catch2/catch.hpp>

using namespace posesmart;
using namespace posesmart::ui;
using namespace posesmart::ui::settings_test;
using namespace Qt::StringLiterals;

namespace {

class AnsweringDialog : public SettingsDialog {
public:
    AnsweringDialog(const AppSettings& current, bool answer) : SettingsDialog(current), m_answer(answer) {}
    int asked = 0;

protected:
    bool confirmDeleteAll() override {
        ++asked;
        return m_answer;
    }

private:
    bool m_answer;
};

template <typename Widget>
Widget* child(const QWidget& parent, const QString& name) {
    auto* widget = parent.findChild<Widget*>(name);
    REQUIRE(widget != nullptr);
    return widget;
}

}  // namespace

TEST_CASE("The dialog offers the history's profiles and takes a new name", "[settings][dialog]") {
    AppSettings current;
    current.profile = u"Mina"_s;
    const SettingsDialog dialog(current, {u"default"_s, u"Joon"_s});
    auto* combo = child<QComboBox>(dialog, u"profileCombo"_s);
    CHECK(combo->currentText() == u"Mina"_s);
    CHECK(combo->count() == 3);  // the current one is offered even before the history holds it
    combo->setCurrentIndex(combo->findText(u"Joon"_s));
    CHECK(dialog.settings().profile == u"Joon"_s);
    combo->setEditText(u"  Seo-yeon "_s);
    CHECK(dialog.settings().profile == u"Seo-yeon"_s);
    combo->setEditText(u"   "_s);
    CHECK(dialog.settings().profile == u"Mina"_s);  // nothing typed: stays with the current one
}

TEST_CASE("The Settings dialog shows the settings it is given and returns them unchanged", "[settings][dialog]") {
    const AppSettings changed = changedSettings();
    CHECK(SettingsDialog(changed).settings() == changed);
    CHECK(SettingsDialog(AppSettings{}).settings() == AppSettings{});

    SECTION("durations that are not whole minutes survive an untouched dialog") {
        AppSettings shortened;
        shortened.sittingLimitSec = 90;
        shortened.breakSec = 10;
        shortened.cooldownSec = 30;
        CHECK(SettingsDialog(shortened).settings() == shortened);
    }
}

TEST_CASE("Edits in the Settings dialog show in its settings", "[settings][dialog]") {
    const SettingsDialog dialog(AppSettings{});
    child<QSpinBox>(dialog, u"sittingLimitMin"_s)->setValue(25);
    child<QSpinBox>(dialog, u"tooCloseCm"_s)->setValue(60);
    child<QSpinBox>(dialog, u"alertHold_slouch"_s)->setValue(12);
    auto* eyeBreak = child<QCheckBox>(dialog, u"alertEnabled_eye_break"_s);
    eyeBreak->setChecked(false);
    child<QCheckBox>(dialog, u"quietHoursEnabled"_s)->setChecked(true);
    child<QTimeEdit>(dialog, u"quietStart"_s)->setTime(QTime(23, 15));
    auto* language = child<QComboBox>(dialog, u"languageCombo"_s);
    language->setCurrentIndex(language->findData(u"ko"_s));
    child<QCheckBox>(dialog, u"startAtLogin"_s)->setChecked(true);

    const AppSettings s = dialog.settings();
    CHECK(s.sittingLimitSec == 25 * 60);
    CHECK(s.tooCloseCm == 60);
    CHECK(s.alerts[kSlouch] == AlertToggle{true, 12});
    CHECK_FALSE(s.alerts[kEyeBreak].enabled);
    CHECK_FALSE(child<QSpinBox>(dialog, u"alertHold_eye_break"_s)->isEnabled());
    CHECK(s.quietHoursEnabled);
    CHECK(s.quietStartMinute == 23 * 60 + 15);
    CHECK(child<QTimeEdit>(dialog, u"quietEnd"_s)->isEnabled());
    CHECK(s.language == u"ko"_s);
    CHECK(s.startAtLogin);
    CHECK_FALSE(s.toSessionSettings().alerts.rules[kEyeBreak].enabled);
}

TEST_CASE("Delete all data asks first and requests deletion only on yes", "[settings][dialog]") {
    const bool answer = GENERATE(true, false);
    AnsweringDialog dialog(AppSettings{}, answer);
    int requests = 0;
    QObject::connect(&dialog, &SettingsDialog::deleteAllDataRequested, &dialog, [&requests] { ++requests; });
    child<QPushButton>(dialog, u"deleteAllData"_s)->click();
    CHECK(dialog.asked == 1);
    CHECK(requests == (answer ? 1 : 0));
}

TEST_CASE("Enrol my face again requests a new enrolment", "[settings][dialog]") {
    SettingsDialog dialog(AppSettings{});
    int requests = 0;
    QObject::connect(&dialog, &SettingsDialog::reenrolRequested, &dialog, [&requests] { ++requests; });
    child<QPushButton>(dialog, u"reenrolFace"_s)->click();
    CHECK(requests == 1);
}
