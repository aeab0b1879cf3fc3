// Korean that is always readable: every Korean string of the UI's translation
// (resources/translations/posesmart_ko.ts) can be drawn with the application's font and the fonts
// installed here, and Settings says so when the chosen language has no font.
#include "CatchQt.h"
#include "CliRun.h"
#include "FontCoverage.h"
#include "SettingsDialog.h"
#include "TestData.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QXmlStreamReader>
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

using namespace posesmart::ui;
using namespace Qt::StringLiterals;

namespace {

// The translated texts of a Qt Linguist file (<translation>, or its <numerusform>s).
QStringList translations(const QString& path) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QStringList texts;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement &&
            (xml.name() == u"translation"_s || xml.name() == u"numerusform"_s)) {
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (!text.isEmpty()) texts << text;
        }
    }
    REQUIRE_FALSE(xml.hasError());
    return texts;
}

}  // namespace

TEST_CASE("every Korean string of the UI can be drawn", "[korean]") {
    const QStringList texts = translations(QStringLiteral(POSESMART_KOREAN_TS));
    REQUIRE(texts.size() > 200);
    int hangul = 0;
    for (const QString& text : texts) {
        if (std::any_of(text.begin(), text.end(),
                        [](QChar c) { return c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3; }))
            ++hangul;  // a Hangul syllable
        INFO("text: " << text.toStdString());
        CHECK(missingCharacters(text, QApplication::font()).toStdString() == "");
    }
    CHECK(hangul > 100);  // the file really holds Korean
}

TEST_CASE("every string of the UI has its Korean translation", "[korean]") {
    // lupdate, as the update_translations target runs it, over a copy of the .ts: a source text that
    // is new or changed since the .ts was last updated comes out "unfinished".
    const std::filesystem::path copy = posesmart::test::scratchDir("korean-ts") / "posesmart_ko.ts";
    std::filesystem::copy_file(POSESMART_KOREAN_TS, copy);
    const auto run = posesmart::test::runCommand(
        posesmart::test::quoted(POSESMART_LUPDATE) + " -no-obsolete -locations none @" +
        posesmart::test::quoted(POSESMART_TRANSLATED_SOURCES) + " -ts " + posesmart::test::quoted(copy));
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    QFile file(QString::fromStdString(copy.string()));
    REQUIRE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QStringList untranslated;
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) continue;
        if (xml.name() == u"source"_s) source = xml.readElementText();
        if (xml.name() == u"translation"_s && xml.attributes().value(u"type"_s) == u"unfinished"_s)
            untranslated.append(source);
    }
    INFO("run `cmake --build --preset ci --target update_translations` and translate: "
         << untranslated.join(u" | "_s).toStdString());
    CHECK(untranslated.isEmpty());
}

TEST_CASE("characters no font has are reported", "[korean]") {
    // A private-use character of plane 16: no font installed here draws it.
    const QString privateUse = QString::fromUcs4(U"\U0010FFFD", 1);
    CHECK(missingCharacters(u"a "_s + privateUse + u"b"_s + privateUse, QApplication::font()) == privateUse);
    CHECK(missingCharacters(u"PoseSmart 1.0\n\t"_s, QApplication::font()).isEmpty());
}

TEST_CASE("Settings notes a language that no font here can show", "[korean][settings]") {
    const SettingsDialog dialog(AppSettings{});
    auto* language = dialog.findChild<QComboBox*>(u"languageCombo"_s);
    auto* fontNote = dialog.findChild<QLabel*>(u"languageFontNote"_s);
    REQUIRE(language);
    REQUIRE(fontNote);
    language->setCurrentIndex(language->findData(u"en"_s));
    // isHidden: the label's own state (its tab page may be hidden behind another).
    CHECK(fontNote->isHidden());
    language->setCurrentIndex(language->findData(u"ko"_s));
    // The Korean font test above passes only with a Korean font: then there is nothing to note.
    CHECK(fontNote->isHidden() == missingCharacters(u"한국어"_s, dialog.font()).isEmpty());
    CHECK(fontNote->text().contains(u"fonts-nanum"_s));
}
