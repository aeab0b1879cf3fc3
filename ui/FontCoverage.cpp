#include "FontCoverage.h"

#include <QGlyphRun>
#include <QSet>
#include <QTextLayout>

namespace posesmart::ui {

namespace {

// True when the character laid out alone in `font` gets real glyphs (glyph 0 is "no glyph").
bool drawable(const QString& character, const QFont& font) {
    QTextLayout layout(character, font);
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    const QList<QGlyphRun> runs = layout.glyphRuns();
    if (runs.isEmpty()) return false;
    for (const QGlyphRun& run : runs) {
        if (run.glyphIndexes().isEmpty() || run.glyphIndexes().contains(0)) return false;
    }
    return true;
}

}  // namespace

QString missingCharacters(const QString& text, const QFont& font) {
    QString missing;
    QSet<char32_t> seen;
    for (const char32_t codePoint : text.toUcs4()) {
        if (seen.contains(codePoint)) continue;
        seen.insert(codePoint);
        const QString character = QString::fromUcs4(&codePoint, 1);
        const QChar::Category category = QChar::category(codePoint);
        if (QChar::isSpace(codePoint) || category == QChar::Other_Control || category == QChar::Other_Format) continue;
        if (!drawable(character, font)) missing += character;
    }
    return missing;
}

}  // namespace posesmart::ui
